using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Serialization;
using MimeKit;

namespace SakraStader.Tests.Support;

/// <summary>
/// A real SMTP server for the tests: smtp4dev (a .NET local tool in dotnet-tools.json) on free ports, with an
/// in-memory store. Tests read what was delivered through its web API and parse each message with MimeKit. A missing
/// tool fails the test rather than skipping it (<c>dotnet tool restore</c> installs it; scripts/test.sh runs that).
/// </summary>
public sealed class MailServer : IAsyncDisposable
{
    private readonly Process process;
    private readonly HttpClient http;

    private MailServer(Process process, int smtpPort, int webPort)
    {
        this.process = process;
        SmtpPort = smtpPort;
        http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{webPort}/"), Timeout = TimeSpan.FromSeconds(10) };
    }

    public int SmtpPort { get; }

    /// <summary>The app's settings that send its mail to an SMTP server on <paramref name="port"/> of this machine.</summary>
    public static Dictionary<string, string> SettingsFor(int port) => new()
    {
        ["Mail:Host"] = "127.0.0.1",
        ["Mail:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Mail:Security"] = "None",
    };

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static async Task<MailServer> StartAsync()
    {
        var root = RepoRoot();
        var (smtp, web) = (FreePort(), FreePort());
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = root,
            ArgumentList = { "tool", "run", "smtp4dev", "--", $"--urls=http://127.0.0.1:{web}", $"--smtpport={smtp}", "--imapport=0", "--pop3port=0",
                "--db=", "--nousersettings", "--bindaddress=127.0.0.1", "--messagestokeep=1000" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("smtp4dev startade inte.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new MailServer(process, smtp, web);
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"smtp4dev avslutades ({process.ExitCode}). Kör `dotnet tool restore` i {root}.");
            }
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, smtp);
                using var ready = await server.http.GetAsync(new Uri("api/messages", UriKind.Relative));
                if (ready.IsSuccessStatusCode)
                {
                    return server;
                }
            }
            catch (Exception e) when (e is SocketException or HttpRequestException or TaskCanceledException)
            {
                // Not up yet.
            }
            await Task.Delay(200);
        }
        await server.DisposeAsync();
        throw new InvalidOperationException("smtp4dev svarade inte inom 60 s.");
    }

    public sealed record Summary(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("to")] string[] To,
        [property: JsonPropertyName("subject")] string Subject);

    private sealed record Page([property: JsonPropertyName("results")] Summary[] Results);

    /// <summary>Every message delivered so far (newest first), with each one read in full.</summary>
    public async Task<IReadOnlyList<MimeMessage>> MessagesAsync()
    {
        var page = await http.GetFromJsonAsync<Page>(new Uri("api/messages?pageSize=1000", UriKind.Relative)) ?? new Page([]);
        var messages = new List<MimeMessage>();
        foreach (var s in page.Results)
        {
            await using var raw = await http.GetStreamAsync(new Uri($"api/messages/{s.Id}/raw", UriKind.Relative));
            messages.Add(await MimeMessage.LoadAsync(raw));
        }
        return messages;
    }

    /// <summary>The messages delivered to <paramref name="address"/>.</summary>
    public async Task<IReadOnlyList<MimeMessage>> ToAsync(string address) =>
        [.. (await MessagesAsync()).Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase)))];

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "dotnet-tools.json")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("dotnet-tools.json hittades inte.");
    }

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
    }
}
