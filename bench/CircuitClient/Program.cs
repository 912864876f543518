// UI-event latency with many active users on one instance, without a browser (bench/latency.sh runs this; bench/README.md
// has the method and the figures). bench/CircuitLoad does the same with Chromium pages, which on this machine take the
// cores the instance needs; this client speaks the circuit protocol itself (Circuit.cs, RenderTree.cs) and costs little.
//
//   dotnet CircuitClient.dll BASE-URL [SERVER-PID]
//   env: EMAIL, PASSWORD, KOMMUN (bankstad), USERS ("200 500 1000 2000 3000 5000": active users at each step),
//        WINDOW_SECONDS (60: the measured window of each step), SETTLE (10: seconds after a step's ramp before its window),
//        RAMP (20: new users a second), THINK_SECONDS ("5-15"), MOVE_EVERY (4: every n-th round the person opens
//        another measure), TIMEOUT (10: seconds to wait for a change on the screen), MEASURES_FILE (measure ids, one a
//        line; otherwise read from the overdue list), STOP_P99_MS (3000: no further step once a step's save p99 is
//        over this), VERBOSE (1: every JS call and round of the first user)
//
// Each user is a person on their own measure's page (/{kommun}/atgarder/{id}), in the interactive app over their own
// circuit, as in CircuitLoad: they open the page (a GET with the sign-in cookie, the circuit started as blazor.web.js
// starts it, the Beskrivning tab clicked), read (THINK_SECONDS), focus the description (focus events, where the field has handlers for them), type a few words (one input
// event with the new text, as CircuitLoad sets the field's value), leave the field (the blur event, and the call of
// MudBlazor's own blur listener, as a browser's field.blur() gives them: it saves), and every MOVE_EVERY-th round move
// on to another measure (the circuit closed as a page that is left closes it, a new page and circuit). All users share one sign-in (one cookie), as the tabs of one browser would.
//
// Two UI events are timed by the client's clock, from sending the event to the render batch that shows its result:
// typing (the field's status shows "Inte sparat ännu": one round trip over the circuit) and leaving the field (it shows
// "Sparat": the save, its audit and the render). Users join at RAMP a second and keep working from then on; each step
// is measured over a window of WINDOW_SECONDS once every user of the step has opened their page and SETTLE seconds passed.
// The instance's CPU is read from /proc/PID/stat over the window (100 % = one core), its memory from /proc/PID/status.
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using CircuitClient;

var baseUrl = new Uri((args.Length > 0 ? args[0] : "http://127.0.0.1:5199").TrimEnd('/') + "/");
var serverPid = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 0;
string Env(string name, string fallback) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } v ? v : fallback;
double Number(string name, string fallback) => double.Parse(Env(name, fallback), CultureInfo.InvariantCulture);
var email = Env("EMAIL", "bench@bench.sakrastader.se");
var password = Env("PASSWORD", "Bench-losenord-2026");
var kommun = Env("KOMMUN", "bankstad");
var steps = Env("USERS", "200 500 1000 2000 3000 5000").Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToList();
var windowSeconds = Number("WINDOW_SECONDS", "60");
var settleSeconds = Number("SETTLE", "10");
var ramp = Number("RAMP", "20");
var think = Env("THINK_SECONDS", "5-15").Split('-').Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray();
var moveEvery = (int)Number("MOVE_EVERY", "4");
var timeout = TimeSpan.FromSeconds(Number("TIMEOUT", "10"));
var stopP99 = Number("STOP_P99_MS", "3000");
var verbose = Env("VERBOSE", "") == "1";
const string FieldId = "text-Description";

ThreadPool.SetMinThreads(Math.Max(64, Environment.ProcessorCount * 8), 64);

// Sign in once, as bench/sign-in.sh does: the form's antiforgery token, then the post; the cookie goes to every circuit.
var cookies = new CookieContainer();
using var http = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, MaxConnectionsPerServer = 512 })
{
    Timeout = TimeSpan.FromSeconds(120),
};
var form = await http.GetStringAsync(new Uri(baseUrl, "konto/logga-in"));
var token = Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]*)\"").Groups[1].Value;
using (var post = new FormUrlEncodedContent([
    new("__RequestVerificationToken", WebUtility.HtmlDecode(token)), new("_handler", "login"),
    new("Input.Email", email), new("Input.Password", password)]))
{
    using var response = await http.PostAsync(new Uri(baseUrl, "konto/logga-in"), post);
}
if (!cookies.GetCookies(baseUrl).Any(c => c.Name.StartsWith("sakrastader", StringComparison.Ordinal) && c.Name.Contains("auth", StringComparison.OrdinalIgnoreCase))
    && cookies.GetCookies(baseUrl).Count < 2)
{
    Console.Error.WriteLine("Inloggningen gav ingen kaka.");
    return 1;
}
var session = new Session(http, cookies, baseUrl, verbose);

// Measures, one per user at a time: no two people write the same text.
var measures = new List<string>();
if (Env("MEASURES_FILE", "") is { Length: > 0 } file)
{
    measures.AddRange(File.ReadLines(file).Select(l => l.Trim().ToLowerInvariant()).Where(l => l.Length == 36));
}
else
{
    for (var page = 1; measures.Count < steps.Max() * 2 && page <= 400; page++)
    {
        var list = await http.GetStringAsync(new Uri(baseUrl, $"{kommun}/atgarder?vy=forsenade&sida={page}"));
        var found = Regex.Matches(list, $"/{kommun}/atgarder/([0-9a-f-]{{36}})").Select(m => m.Groups[1].Value).Distinct().Where(m => !measures.Contains(m)).ToList();
        if (found.Count == 0)
        {
            break;
        }
        measures.AddRange(found);
    }
}
Console.WriteLine($"åtgärder att arbeta i: {measures.Count}");
if (measures.Count < steps.Max())
{
    Console.Error.WriteLine($"För få åtgärder ({measures.Count}) för {steps.Max()} användare.");
    return 1;
}
var next = -1;
string NextMeasure() => $"{kommun}/atgarder/{measures[(int)((uint)Interlocked.Increment(ref next) % measures.Count)]}";

var samples = new ConcurrentQueue<(string Kind, double Ms, long At)>();
var errors = new ConcurrentQueue<(string Kind, string Message, long At)>();
long dispatched = 0;
var opened = 0;
var workingCircuits = 0;
double Ms(long from, long to) => (to - from) * 1000.0 / Stopwatch.Frequency;

// The Beskrivning tab's click handler, once the page is interactive (MudTabs: role="tab").
static ulong Tab(RenderTree t)
{
    var tab = t.Find(e => e.Attribute("role") == "tab" && e.Text().Contains("Beskrivning", StringComparison.Ordinal));
    return tab is null ? 0 : tab.Handler("click") is not 0 and var h ? h : RenderTree.Find(tab, e => e.Handler("click") != 0)?.Handler("click") ?? 0;
}

const string MouseClick = """{"detail":1,"screenX":0,"screenY":0,"clientX":0,"clientY":0,"offsetX":0,"offsetY":0,"pageX":0,"pageY":0,"movementX":0,"movementY":0,"button":0,"buttons":0,"ctrlKey":false,"shiftKey":false,"altKey":false,"metaKey":false,"type":"click"}""";

// A measure's page on its Beskrivning tab, the description's field there.
async Task<(Circuit Circuit, string Text)> OpenMeasureAsync(CancellationToken ct)
{
    var circuit = await Circuit.OpenAsync(session, NextMeasure(), ct);
    try
    {
        await circuit.Expect(t => Tab(t) != 0).WaitAsync(timeout * 3, ct);
        var field = circuit.Expect(t => Circuit.ById(t, "textarea", FieldId)?.Handler("input") is > 0);
        _ = await circuit.DispatchAsync(circuit.Read(Tab), "click", MouseClick);
        Interlocked.Increment(ref dispatched);
        await field.WaitAsync(timeout * 3, ct);
        return (circuit, circuit.Read(t => Circuit.ById(t, "textarea", FieldId)?.Attribute("value") ?? ""));
    }
    catch
    {
        await circuit.DisposeAsync();
        throw;
    }
}

// One round of work: focus the field, type, leave it. Returns the new text and the save's time (ms, when it showed).
async Task<(string Text, double SaveMs, long SavedAt)> WorkAsync(Circuit circuit, string text, string word, CancellationToken ct)
{
    var field = circuit.Read(t => Circuit.ById(t, "textarea", FieldId)) ?? throw new InvalidOperationException("the field is not on the page");
    var (focus, focusIn, input, change, blur, focusOut) = circuit.Read(_ =>
        (field.Handler("focus"), field.Handler("focusin"), field.Handler("input"), field.Handler("change"), field.Handler("blur"), field.Handler("focusout")));
    if (verbose)
    {
        Console.Error.WriteLine($"  fältet (komponent {field.ComponentId}): focus {focus}, focusin {focusIn}, input {input}, change {change}, blur {blur}, focusout {focusOut}");
    }
    if (focus != 0)
    {
        await await circuit.DispatchAsync(focus, "focus", """{"type":"focus"}""").WaitAsync(timeout, ct);
        Interlocked.Increment(ref dispatched);
    }
    if (focusIn != 0)
    {
        await await circuit.DispatchAsync(focusIn, "focusin", """{"type":"focusin"}""").WaitAsync(timeout, ct);
        Interlocked.Increment(ref dispatched);
    }

    text = (text.Length > 1500 ? "" : text + " ") + word;
    var value = System.Text.Json.JsonSerializer.Serialize(text);
    var typed = circuit.Expect(t => circuit.StatusOf(t, FieldId)?.Contains("Inte sparat", StringComparison.Ordinal) == true);
    var start = Stopwatch.GetTimestamp();
    // Not awaited to its end: the handler waits for a pause in the typing (the debounce) before it returns.
    _ = await circuit.DispatchAsync(input, "input", $"{{\"value\":{value}}}", field, text);
    Interlocked.Increment(ref dispatched);
    var shown = await typed.WaitAsync(timeout, ct);
    samples.Enqueue(("typing", Ms(start, shown), shown));

    // Leaving a changed field: change, blur, focusout, as the browser sends them.
    var saved = circuit.Expect(t => circuit.StatusOf(t, FieldId)?.StartsWith("Sparat", StringComparison.Ordinal) == true);
    start = Stopwatch.GetTimestamp();
    if (change != 0)
    {
        _ = await circuit.DispatchAsync(change, "change", $"{{\"value\":{value}}}", field, text);
        Interlocked.Increment(ref dispatched);
    }
    if (blur != 0)
    {
        _ = await circuit.DispatchAsync(blur, "blur", """{"type":"blur"}""");
        Interlocked.Increment(ref dispatched);
    }
    if (focusOut != 0)
    {
        _ = await circuit.DispatchAsync(focusOut, "focusout", """{"type":"focusout"}""");
        Interlocked.Increment(ref dispatched);
    }
    if (circuit.BlurCallbackAsync(field) is { } callback)
    {
        _ = await callback;
        Interlocked.Increment(ref dispatched);
    }
    shown = await saved.WaitAsync(timeout, ct);
    samples.Enqueue(("save", Ms(start, shown), shown));
    if (verbose)
    {
        Console.Error.WriteLine($"  runda: {circuit.Read(t => circuit.StatusOf(t, FieldId))}, {circuit.Batches} batcher, {circuit.JsCalls} JS-anrop");
    }
    return (text, Ms(start, shown), shown);
}

async Task PersonAsync(int person, CancellationToken stop)
{
    var random = new Random(person);
    Circuit? circuit = null;
    var text = "";
    var round = 0;
    var first = true;
    while (!stop.IsCancellationRequested)
    {
        var step = "open";
        try
        {
            if (circuit is null)
            {
                step = first ? "open" : "move";
                var start = Stopwatch.GetTimestamp();
                (circuit, text) = await OpenMeasureAsync(stop);
                var end = Stopwatch.GetTimestamp();
                samples.Enqueue((step, Ms(start, end), end));
                if (first)
                {
                    Interlocked.Increment(ref opened);
                    first = false;
                }
                Interlocked.Increment(ref workingCircuits);
            }
            step = "think";
            await Task.Delay(TimeSpan.FromSeconds(think[0] + (random.NextDouble() * (think[^1] - think[0]))), stop);
            if (circuit.Failed is { } failed)
            {
                throw new InvalidOperationException(failed);
            }
            if (moveEvery > 0 && ++round % moveEvery == 0)
            {
                // Moves on to another measure: the page is left (its circuit closed), a new page and circuit.
                Interlocked.Decrement(ref workingCircuits);
                await circuit.DisposeAsync();
                circuit = null;
                continue;
            }
            step = "work";
            (text, _, _) = await WorkAsync(circuit, text, $"mätning {person}-{round}", stop);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            break;
        }
        catch (Exception e)
        {
            var message = e is TimeoutException ? $"no change on the screen within {timeout.TotalSeconds:0} s" : e.Message;
            if (circuit?.Failed is { } why && e is not TimeoutException)
            {
                message = why;
            }
            errors.Enqueue((step, message.Length > 200 ? message[..200] : message, Stopwatch.GetTimestamp()));
            if (circuit is not null && (circuit.Failed is not null || step != "work"))
            {
                Interlocked.Decrement(ref workingCircuits);
                await circuit.DisposeAsync();
                circuit = null;
            }
            if (first)
            {
                await Task.Delay(TimeSpan.FromSeconds(2), CancellationToken.None); // the first open failed: again, after a moment
            }
        }
    }
    if (circuit is not null)
    {
        Interlocked.Decrement(ref workingCircuits);
        await circuit.DisposeAsync();
    }
}

(double Cpu, double Rss) ServerNow()
{
    if (serverPid <= 0 || !File.Exists($"/proc/{serverPid}/stat"))
    {
        return (double.NaN, double.NaN);
    }
    var stat = File.ReadAllText($"/proc/{serverPid}/stat");
    var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
    var ticks = double.Parse(fields[11], CultureInfo.InvariantCulture) + double.Parse(fields[12], CultureInfo.InvariantCulture);
    var rssLine = File.ReadLines($"/proc/{serverPid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
    var rss = double.Parse(rssLine.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    return (ticks / 100.0, rss); // seconds of CPU (USER_HZ is 100 on Linux)
}

static string Percentiles(IEnumerable<double> values)
{
    var sorted = values.Order().ToArray();
    if (sorted.Length == 0)
    {
        return "–";
    }
    double At(double p) => sorted[Math.Min(sorted.Length - 1, Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1))];
    return string.Create(CultureInfo.InvariantCulture, $"{At(0.50):0}/{At(0.99):0}");
}

static double P99(IEnumerable<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, Math.Max(0, (int)Math.Ceiling(0.99 * sorted.Length) - 1))];
}

if (Env("MODE", "") == "load")
{
    return await LoadAsync();
}

using var stopAll = new CancellationTokenSource();
var workers = new List<Task>();
var rows = new List<string>();
int? largest = null;
Console.WriteLine($"{Environment.ProcessorCount} kärnor; betänketid {think[0]:0}–{think[^1]:0} s, ny åtgärd var {moveEvery}:e runda, {ramp:0} nya användare/s, fönster {windowSeconds:0} s");
Console.WriteLine("aktiva användare | UI-händelser (/s) | skriva p50/p99 ms | spara p50/p99 ms | fel | serverns CPU % | RSS MB | ny åtgärd p50/p99 ms | klientens CPU %");
foreach (var step in steps)
{
    var rampWatch = Stopwatch.StartNew();
    var first = workers.Count;
    while (workers.Count < step)
    {
        var person = workers.Count;
        workers.Add(Task.Run(() => PersonAsync(person, stopAll.Token)));
        var due = TimeSpan.FromSeconds((workers.Count - first) / ramp) - rampWatch.Elapsed;
        if (due > TimeSpan.Zero)
        {
            await Task.Delay(due);
        }
    }
    // Every user of the step has their page (or has given up trying, counted as errors).
    var waited = Stopwatch.StartNew();
    while (Volatile.Read(ref opened) < step && waited.Elapsed < TimeSpan.FromSeconds(120 + (step / ramp)))
    {
        await Task.Delay(500);
    }
    await Task.Delay(TimeSpan.FromSeconds(settleSeconds));

    var from = Stopwatch.GetTimestamp();
    var (cpu0, _) = ServerNow();
    var client0 = Process.GetCurrentProcess().TotalProcessorTime;
    var events0 = Interlocked.Read(ref dispatched);
    await Task.Delay(TimeSpan.FromSeconds(windowSeconds));
    var to = Stopwatch.GetTimestamp();
    var (cpu1, rss) = ServerNow();
    var client1 = Process.GetCurrentProcess().TotalProcessorTime;
    var events = Interlocked.Read(ref dispatched) - events0;
    var seconds = Ms(from, to) / 1000;

    var window = samples.Where(s => s.At >= from && s.At < to).ToList();
    var typing = window.Where(s => s.Kind == "typing").Select(s => s.Ms).ToList();
    var saving = window.Where(s => s.Kind == "save").Select(s => s.Ms).ToList();
    var moving = window.Where(s => s.Kind == "move").Select(s => s.Ms).ToList();
    var failed = errors.Where(e => e.At >= from && e.At < to).ToList();
    var row = string.Create(CultureInfo.InvariantCulture,
        $"{step} (öppna {Volatile.Read(ref opened)}, arbetande kretsar {Volatile.Read(ref workingCircuits)}) | {events} ({events / seconds:0.0}) | {Percentiles(typing)} (n {typing.Count}) | {Percentiles(saving)} (n {saving.Count}) | {failed.Count} | {(cpu1 - cpu0) / seconds * 100:0} | {rss:0} | {Percentiles(moving)} (n {moving.Count}) | {(client1 - client0).TotalSeconds / seconds * 100:0}");
    Console.WriteLine(row);
    foreach (var kind in failed.GroupBy(e => (e.Kind, e.Message)).OrderByDescending(g => g.Count()).Take(4))
    {
        Console.WriteLine($"    fel: {kind.Count()} × {kind.Key.Kind}: {kind.Key.Message}");
    }
    var saveP99 = P99(saving);
    if (saving.Count > 0 && saveP99 < 100 && failed.Count == 0)
    {
        largest = step;
    }
    if (saving.Count == 0 || saveP99 > stopP99)
    {
        Console.WriteLine($"  (spara p99 {saveP99:0} ms: inga fler steg)");
        break;
    }
}
Console.WriteLine(largest is { } n
    ? $"största antal aktiva användare med spara p99 < 100 ms (och inga fel): {n}"
    : "inget steg hade spara p99 < 100 ms utan fel");
await stopAll.CancelAsync();
await Task.WhenAll(workers);
return 0;

// MODE=load (bench/load.sh, issue 19 item 5): USERS people (one number) work without pause, as wrk's connections do:
// each reads READS_PER_SAVE pages of their kommun in turn (a GET, as wrk's read mix: the overview, the lägesbilder, a
// fixed lägesbild, the incidents, the plans, the meetings) and then saves once over the circuit of their measure's page
// (types into the description and leaves the field, timed to "Sparat"), so that saves are 1 / (READS_PER_SAVE + 1) of
// what they do (19: 5 %). WARMUP_SECONDS of work first, then a window of DURATION_SECONDS.
async Task<int> LoadAsync()
{
    var users = steps[0];
    var readsPerSave = (int)Number("READS_PER_SAVE", "19");
    var warmup = Number("WARMUP_SECONDS", "30");
    var duration = Number("DURATION_SECONDS", "20");
    var lagesbilder = await http.GetStringAsync(new Uri(baseUrl, $"{kommun}/lagesbilder"));
    var fixedLagesbild = Regex.Matches(lagesbilder, $"/{kommun}/lagesbilder/[0-9a-f-]{{36}}").Select(m => m.Value).Distinct().Skip(1).FirstOrDefault()
        ?? throw new InvalidOperationException($"ingen lägesbild på /{kommun}/lagesbilder");
    string[] pages = [$"/{kommun}", $"/{kommun}/lagesbilder", fixedLagesbild, $"/{kommun}/handelser", $"/{kommun}/atgardsplaner", $"/{kommun}/moten"];
    var reads = new ConcurrentQueue<(double Ms, long At)>();
    var saves = new ConcurrentQueue<(double Ms, long At)>();
    var failures = new ConcurrentQueue<(string Kind, string Message, long At)>();
    using var stop = new CancellationTokenSource();

    async Task WorkerAsync(int person)
    {
        var page = person;
        var round = 0;
        Circuit? circuit = null;
        var text = "";
        while (!stop.IsCancellationRequested)
        {
            var kind = "read";
            try
            {
                for (var i = 0; i < readsPerSave && !stop.IsCancellationRequested; i++)
                {
                    var path = pages[page++ % pages.Length];
                    var start = Stopwatch.GetTimestamp();
                    using var response = await http.GetAsync(new Uri(baseUrl, path.TrimStart('/')), stop.Token);
                    _ = await response.Content.ReadAsByteArrayAsync(stop.Token);
                    var end = Stopwatch.GetTimestamp();
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        failures.Enqueue((kind, $"{path}: {(int)response.StatusCode}", end));
                    }
                    else
                    {
                        reads.Enqueue((Ms(start, end), end));
                    }
                }
                kind = "save";
                if (circuit is null)
                {
                    (circuit, text) = await OpenMeasureAsync(stop.Token);
                }
                (text, var ms, var at) = await WorkAsync(circuit, text, $"last {person}-{++round}", stop.Token);
                saves.Enqueue((ms, at));
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                var message = e is TimeoutException ? $"no change on the screen within {timeout.TotalSeconds:0} s" : circuit?.Failed ?? e.Message;
                failures.Enqueue((kind, message.Length > 200 ? message[..200] : message, Stopwatch.GetTimestamp()));
                if (circuit is not null)
                {
                    await circuit.DisposeAsync();
                    circuit = null;
                }
            }
        }
        if (circuit is not null)
        {
            await circuit.DisposeAsync();
        }
    }

    Console.WriteLine($"{Environment.ProcessorCount} kärnor; {users} användare utan paus, {readsPerSave} sidor att läsa per sparning; uppvärmning {warmup:0} s, fönster {duration:0} s");
    var tasks = Enumerable.Range(0, users).Select(person => Task.Run(() => WorkerAsync(person))).ToList();
    await Task.Delay(TimeSpan.FromSeconds(warmup));
    var from = Stopwatch.GetTimestamp();
    var (cpu0, _) = ServerNow();
    await Task.Delay(TimeSpan.FromSeconds(duration));
    var to = Stopwatch.GetTimestamp();
    var (cpu1, rss) = ServerNow();
    await stop.CancelAsync();
    await Task.WhenAll(tasks);

    var seconds = Ms(from, to) / 1000;
    var read = reads.Where(r => r.At >= from && r.At < to).Select(r => r.Ms).ToList();
    var save = saves.Where(r => r.At >= from && r.At < to).Select(r => r.Ms).ToList();
    var failed = failures.Where(f => f.At >= from && f.At < to).ToList();
    var all = read.Concat(save).ToList();
    Console.WriteLine("anrop/s | läsa p50/p99 ms | spara p50/p99 ms | alla p50/p99 ms | andel sparningar | fel | serverns CPU % | RSS MB");
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"RESULT {all.Count / seconds:0} | {Percentiles(read)} (n {read.Count}) | {Percentiles(save)} (n {save.Count}) | {Percentiles(all)} | {(all.Count == 0 ? 0 : 100.0 * save.Count / all.Count):0.0} % | {failed.Count} | {(cpu1 - cpu0) / seconds * 100:0} | {rss:0}"));
    foreach (var kind in failed.GroupBy(e => (e.Kind, e.Message)).OrderByDescending(g => g.Count()).Take(4))
    {
        Console.WriteLine($"    fel: {kind.Count()} × {kind.Key.Kind}: {kind.Key.Message}");
    }
    return 0;
}

