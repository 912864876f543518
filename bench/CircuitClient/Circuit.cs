using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;
using static CircuitClient.RenderTree;

namespace CircuitClient;

/// <summary>What every circuit of the run shares: the signed-in HTTP client and its cookies.</summary>
internal sealed record Session(HttpClient Http, CookieContainer Cookies, Uri Base, bool Verbose);

/// <summary>
/// One page of the interactive app over its own circuit, as blazor.web.js (.NET 10) runs it: the page is fetched with
/// the sign-in cookie and its prerendered server components (the <c>&lt;!--Blazor:{…}--&gt;</c> markers) and persisted
/// state are read; a SignalR connection to /_blazor (WebSockets without negotiation, as app.js sets it up; the
/// "blazorpack" protocol) starts the circuit with no components (StartCircuit), waits until the server attaches its
/// renderer (the JS call Blazor._internal.attachWebRendererInterop, which names the .NET object that takes the page's
/// events), then adds the page's components (UpdateRootComponents, with the persisted state). Render batches are
/// applied to a <see cref="RenderTree"/> and acknowledged (OnRenderCompleted); the server's JS calls are answered at
/// once with a plausible result (null, a new JS object reference where one is asked for, an empty list of kept drafts
/// for app.js's sakraStader.draftIds); browser events go as the browser sends them: BeginInvokeDotNetFromJS to
/// DispatchEventAsync on the renderer's interop object, with the event descriptor and the event's arguments.
/// </summary>
internal sealed partial class Circuit : IAsyncDisposable
{
    private readonly Session session;
    private readonly HubConnection connection;
    private readonly RenderTree tree = new();
    private readonly Lock gate = new();
    private readonly TaskCompletionSource attached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentDictionary<string, TaskCompletionSource> calls = new();
    private readonly List<(Func<RenderTree, bool> Test, TaskCompletionSource<long> Done)> waiters = [];
    private readonly SortedDictionary<long, byte[]> early = [];
    private readonly ConcurrentDictionary<string, long> blurCallbacks = new();
    private long nextBatch = 2; // the first batch the client applies (blazor.web.js's RenderQueue)
    private long nextCall;
    private long nextJsObject;
    private long interop;
    private string? circuitId;
    private ElementNode? statusCache;

    /// <summary>Why the circuit stopped working (a render error, the connection closed), or null.</summary>
    public string? Failed { get; private set; }

    public int Batches { get; private set; }

    public int JsCalls { get; private set; }

    private Circuit(Session session)
    {
        this.session = session;
        var builder = new HubConnectionBuilder();
        // The builder registers JSON; the last registration wins.
        builder.Services.AddSingleton<IHubProtocol>(new BlazorPackProtocol());
        connection = builder
            .WithUrl(new Uri(session.Base, "_blazor"), HttpTransportType.WebSockets, o =>
            {
                o.SkipNegotiation = true;
                o.Cookies = session.Cookies;
            })
            .WithServerTimeout(TimeSpan.FromSeconds(120))
            .Build();
        connection.On("JS.RenderBatch", [typeof(long), typeof(byte[])], a => OnBatchAsync((long)a[0]!, (byte[])a[1]!));
        connection.On("JS.BeginInvokeJS", [typeof(long), typeof(string), typeof(string), typeof(int), typeof(long), typeof(int)],
            a => OnBeginInvokeJS((long)a[0]!, (string)a[1]!, (string?)a[2], (int)a[3]!));
        connection.On("JS.EndInvokeDotNet", [typeof(string)], a => OnEndInvokeDotNet((string)a[0]!));
        connection.On("JS.Error", [typeof(string)], a => Fail("JS.Error: " + a[0]));
        connection.On("JS.AttachComponent", [typeof(int), typeof(string)], _ => Task.CompletedTask);
        connection.On("JS.EndUpdateRootComponents", [typeof(long)], _ => Task.CompletedTask);
        connection.On("JS.EndLocationChanging", [typeof(int), typeof(bool)], _ => Task.CompletedTask);
        connection.Closed += e =>
        {
            Fail("connection closed" + (e is null ? "" : ": " + e.Message));
            return Task.CompletedTask;
        };
    }

    /// <summary>Loads the page and brings it to life over a new circuit; returns when the server has rendered it.</summary>
    public static async Task<Circuit> OpenAsync(Session session, string path, CancellationToken ct)
    {
        var html = await session.Http.GetStringAsync(new Uri(session.Base, path), ct);
        var markers = MarkerPattern().Matches(html)
            .Select(m => JsonNode.Parse(m.Groups[1].Value)!.AsObject())
            .Where(m => (string?)m["type"] == "server")
            .OrderBy(m => (int?)m["sequence"] ?? 0)
            .ToList();
        if (markers.Count == 0)
        {
            throw new InvalidOperationException($"no interactive server components on {path}");
        }
        var state = StatePattern().Match(html) is { Success: true } s ? s.Groups[1].Value : "";
        var circuit = new Circuit(session);
        try
        {
            await circuit.StartAsync(new Uri(session.Base, path), markers, state, ct);
        }
        catch
        {
            await circuit.DisposeAsync();
            throw;
        }
        return circuit;
    }

    private async Task StartAsync(Uri page, List<JsonObject> markers, string state, CancellationToken ct)
    {
        await connection.StartAsync(ct);
        circuitId = await connection.InvokeAsync<string?>("StartCircuit", session.Base.ToString(), page.ToString(), "[]", state, ct);
        if (circuitId is null)
        {
            throw new InvalidOperationException("the server did not start the circuit");
        }
        await attached.Task.WaitAsync(TimeSpan.FromSeconds(30), ct);
        var operations = new JsonArray();
        for (var i = 0; i < markers.Count; i++)
        {
            markers[i]["uniqueId"] = i;
            operations.Add(new JsonObject { ["type"] = "add", ["ssrComponentId"] = i + 1, ["marker"] = markers[i] });
        }
        var batch = new JsonObject { ["batchId"] = 1, ["operations"] = operations }.ToJsonString();
        await connection.SendAsync("UpdateRootComponents", batch, state, ct);
    }

    private async Task OnBatchAsync(long id, byte[] data)
    {
        var acknowledge = new List<long>();
        lock (gate)
        {
            if (id >= nextBatch)
            {
                early[id] = data;
            }
            else
            {
                acknowledge.Add(id); // seen before: acknowledged again, as blazor.web.js does
            }
            while (early.Remove(nextBatch, out var next))
            {
                try
                {
                    tree.Apply(next);
                }
                catch (Exception e) when (e is InvalidDataException or InvalidCastException or ArgumentOutOfRangeException or NullReferenceException or IndexOutOfRangeException)
                {
                    Failed ??= $"render batch {nextBatch} not understood: {e.Message}";
                }
                acknowledge.Add(nextBatch);
                nextBatch++;
                Batches++;
            }
            if (acknowledge.Count > 0 && waiters.Count > 0)
            {
                var now = Stopwatch.GetTimestamp();
                for (var i = waiters.Count - 1; i >= 0; i--)
                {
                    if (waiters[i].Test(tree))
                    {
                        waiters[i].Done.TrySetResult(now);
                        waiters.RemoveAt(i);
                    }
                }
            }
        }
        foreach (var batch in acknowledge)
        {
            await connection.SendAsync("OnRenderCompleted", batch, null);
        }
    }

    private Task OnBeginInvokeJS(long handle, string identifier, string? argsJson, int resultType)
    {
        JsCalls++;
        if (session.Verbose)
        {
            Console.Error.WriteLine($"  js {handle} {identifier} ({resultType}) {argsJson?[..Math.Min(argsJson.Length, 160)]}");
        }
        if (identifier == "Blazor._internal.attachWebRendererInterop" && argsJson is not null)
        {
            // [rendererId, {"__dotNetObject": id}, …]: the object that takes the page's events.
            using var args = JsonDocument.Parse(argsJson);
            interop = args.RootElement[1].GetProperty("__dotNetObject").GetInt64();
            attached.TrySetResult();
        }
        else if (identifier == "mudElementRef.addOnBlurEvent" && argsJson is not null)
        {
            // [{"__internalId": element}, {"__dotNetObject": id}]: MudBlazor's own blur listener, which calls back
            // CallOnBlurredAsync on that object when the focus leaves the field for nothing (the page's body).
            using var args = JsonDocument.Parse(argsJson);
            if (args.RootElement[0].TryGetProperty("__internalId", out var element) && element.GetString() is { } elementId)
            {
                blurCallbacks[elementId] = args.RootElement[1].GetProperty("__dotNetObject").GetInt64();
            }
        }
        if (handle == 0)
        {
            return Task.CompletedTask;
        }
        var result = identifier switch
        {
            "sakraStader.draftIds" => "[]",
            _ when resultType == 1 => $"{{\"__jsObjectId\":{Interlocked.Increment(ref nextJsObject)}}}",
            _ => "null",
        };
        return connection.SendAsync("EndInvokeJSFromDotNet", handle, true, $"[{handle},true,{result}]");
    }

    private Task OnEndInvokeDotNet(string argsJson)
    {
        // [callId, succeeded, result or error]
        using var args = JsonDocument.Parse(argsJson);
        var id = args.RootElement[0].ToString();
        if (!args.RootElement[1].GetBoolean())
        {
            Failed ??= "event failed: " + args.RootElement[2];
        }
        if (calls.TryRemove(id, out var call))
        {
            call.TrySetResult();
        }
        return Task.CompletedTask;
    }

    private Task Fail(string why)
    {
        lock (gate)
        {
            Failed ??= why;
            foreach (var (_, done) in waiters)
            {
                done.TrySetException(new InvalidOperationException(why));
            }
            waiters.Clear();
        }
        foreach (var call in calls.Values)
        {
            call.TrySetException(new InvalidOperationException(why));
        }
        return Task.CompletedTask;
    }

    /// <summary>Reads the page under the lock that render batches take.</summary>
    public T Read<T>(Func<RenderTree, T> read)
    {
        lock (gate)
        {
            return read(tree);
        }
    }

    /// <summary>
    /// Starts watching for a state of the page: the task gives the time (Stopwatch ticks) of the render batch that
    /// brought it, or now if the page already is so. Register before the event that should bring it.
    /// </summary>
    public Task<long> Expect(Func<RenderTree, bool> test)
    {
        lock (gate)
        {
            if (Failed is not null)
            {
                return Task.FromException<long>(new InvalidOperationException(Failed));
            }
            if (test(tree))
            {
                return Task.FromResult(Stopwatch.GetTimestamp());
            }
            var done = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            waiters.Add((test, done));
            return done.Task;
        }
    }

    /// <summary>
    /// Sends a browser event to the handler. The task ends when it is sent and gives the task that ends when the server
    /// has handled it (DispatchEventAsync returned: after the handler's own awaits, such as a debounce). A form field's
    /// event carries its value (the event field information), as the browser's does.
    /// </summary>
    public Task<Task> DispatchAsync(ulong handler, string eventName, string argsJson, ElementNode? field = null, string? value = null)
    {
        var fieldInfo = field is null ? "null" : $"{{\"componentId\":{field.ComponentId},\"fieldValue\":{JsonSerializer.Serialize(value)}}}";
        var args = $"[{{\"eventHandlerId\":{handler},\"eventName\":\"{eventName}\",\"eventFieldInfo\":{fieldInfo}}},{argsJson}]";
        return InvokeDotNetAsync(interop, "DispatchEventAsync", args);
    }

    /// <summary>
    /// MudBlazor's blur listener on the element (mudElementRef.addOnBlurEvent), if it has one: what it calls when the
    /// focus leaves the field for the page's body. Null if the element has none.
    /// </summary>
    public Task<Task>? BlurCallbackAsync(ElementNode field) =>
        field.CaptureId is { } id && blurCallbacks.TryGetValue(id, out var target) ? InvokeDotNetAsync(target, "CallOnBlurredAsync", "[]") : null;

    /// <summary>A call from JS to a .NET object (BeginInvokeDotNetFromJS); the inner task ends with the call's answer.</summary>
    private async Task<Task> InvokeDotNetAsync(long target, string method, string argsJson)
    {
        var id = Interlocked.Increment(ref nextCall).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        calls[id] = done;
        await connection.SendAsync("BeginInvokeDotNetFromJS", id, null, method, target, argsJson);
        return done.Task;
    }

    /// <summary>The element with the id attribute, if on the page.</summary>
    public static ElementNode? ById(RenderTree tree, string tag, string id) => tree.Find(e => e.Tag == tag && e.Attribute("id") == id);

    /// <summary>
    /// The text of an autosaving field's status line (AutosaveText: "Inte sparat ännu", "Sparar …", "Sparat HH:mm"), the
    /// field found by its id. Kept between batches while it stays on the page.
    /// </summary>
    public string? StatusOf(RenderTree tree, string fieldId)
    {
        if (statusCache is null || !tree.IsAttached(statusCache))
        {
            statusCache = null;
            Node? at = ById(tree, "textarea", fieldId);
            while (at is not null && !(at is ElementNode e && e.Attribute("class") == "autosave"))
            {
                at = at.Parent;
            }
            if (at is ElementNode autosave)
            {
                statusCache = Find(autosave, e => e.Attribute("class") == "autosave__status");
            }
        }
        return statusCache?.Text();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await connection.StopAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception) // stopping a connection that has already gone
        {
        }
        await connection.DisposeAsync();
        if (circuitId is not null)
        {
            // As the page does when it is left: the circuit goes at once instead of waiting, disconnected, to be taken up.
            try
            {
                using var form = new FormUrlEncodedContent([new("circuitId", circuitId)]);
                using var response = await session.Http.PostAsync(new Uri(session.Base, "_blazor/disconnect"), form);
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
        }
    }

    [GeneratedRegex(@"<!--Blazor:(\{.*?\})-->", RegexOptions.Singleline)]
    private static partial Regex MarkerPattern();

    [GeneratedRegex(@"<!--Blazor-Server-Component-State:([A-Za-z0-9+/=]+)-->")]
    private static partial Regex StatePattern();
}
