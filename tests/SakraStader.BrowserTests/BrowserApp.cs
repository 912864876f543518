using SakraStader.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace SakraStader.BrowserTests;

/// <summary>
/// The app on real Kestrel (loopback, free port) with demo data in a throw-away SQLite file, and Debian's Chromium
/// driven by Playwright. Screenshots go to artifacts/screenshots.
/// </summary>
public class BrowserApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    /// <summary>The SMTP server the app sends to, in a <see cref="MailBrowserApp"/> (null otherwise: mail waits in the outbox).</summary>
    public MailServer? Mail { get; private set; }

    /// <summary>Whether this app sends its mail to a real SMTP server started for it.</summary>
    protected virtual bool WithMail => false;

    private readonly string databasePath = Path.Combine(Path.GetTempPath(), $"sakrastader-browser-{Guid.NewGuid():N}.db");
    private IPlaywright? playwright;

    public string BaseUrl { get; private set; } = "";

    /// <summary>The app's Serilog events (requests and circuits at Information).</summary>
    public TestLog ServerLog { get; } = new();
    public IBrowser Browser { get; private set; } = default!;
    public string AxeSource { get; private set; } = "";

    public static string RepoRoot { get; } = FindRepoRoot();
    public static string ScreenshotDir { get; } = Path.Combine(RepoRoot, "artifacts", "screenshots");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Outside Development the host does not read the static web assets manifest by itself (the compressed
        // variants live under obj/ until publish).
        builder.UseStaticWebAssets();
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Sqlite", $"Data Source={databasePath}");
        builder.UseSetting("Demo:Seed", "true");
        // Plain http on loopback: cookies cannot be Secure-only here (production always requires https).
        builder.UseSetting("Security:RequireHttps", "false");
        if (Mail is not null)
        {
            foreach (var (key, value) in MailServer.SettingsFor(Mail.SmtpPort))
            {
                builder.UseSetting(key, value);
            }
            builder.UseSetting("Mail:PollInterval", "00:00:01");
        }
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<TimeProvider>(TestClock.Instance);
            services.AddSingleton<Serilog.Core.ILogEventSink>(ServerLog);
        });
    }

    public async Task InitializeAsync()
    {
        if (WithMail)
        {
            Mail = await MailServer.StartAsync();
        }
        UseKestrel(0);
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        Directory.CreateDirectory(ScreenshotDir);
        var axePath = Path.Combine(RepoRoot, "node_modules", "axe-core", "axe.min.js");
        AxeSource = File.Exists(axePath)
            ? await File.ReadAllTextAsync(axePath)
            : throw new FileNotFoundException("axe-core saknas: kör scripts/test.sh (den installerar npm-paketen).", axePath);
        playwright = await Playwright.CreateAsync();
        Browser = await LaunchChromiumAsync(playwright);
    }

    /// <summary>
    /// Debian's Chromium, headless (CHROMIUM_PATH overrides where it is), in Swedish as a Swedish user's browser is: its
    /// time and date inputs then show 13:30 and 2026-12-07, not 01:30 PM and 12/07/2026. On Linux Chromium takes its
    /// language from LANGUAGE (not --lang) and only if its Swedish pack is there (Debian's chromium-l10n, which
    /// scripts/test.sh installs).
    /// </summary>
    public static Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright)
    {
        var path = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";
        if (path == "/usr/bin/chromium" && !File.Exists("/usr/lib/chromium/locales/sv.pak"))
        {
            throw new FileNotFoundException("Chromiums svenska språkpaket saknas (chromium-l10n): kör scripts/test.sh, som installerar det.");
        }
        var env = Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? "");
        env["LANGUAGE"] = "sv";
        return playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = path,
            Headless = true,
            Env = env,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic", "--lang=sv-SE",
            ],
        });
    }

    /// <summary>A fresh browser context (own cookies) with axe-core loaded into every page, outside the page's CSP.</summary>
    /// <summary>Reads or changes the app's data as one kommun's (the tenant filter and audit apply), for a test's setup.</summary>
    public async Task<T> InKommunAsync<T>(string slug, Func<SakraStader.Data.AppDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SakraStader.Data.AppDbContext>();
        var k = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AsNoTracking(db.Kommuner), k => k.Slug == slug);
        scope.ServiceProvider.GetRequiredService<SakraStader.Tenancy.TenantContext>().SetKommun(new SakraStader.Tenancy.KommunInfo(k.Id, k.Name, k.Slug, k.Kod), null);
        return await work(db);
    }

    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            Locale = "sv-SE",
            TimezoneId = "Europe/Stockholm",
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        await context.AddInitScriptAsync(AxeSource);
        // The suite runs two test classes at once on two cores, each with its own server and browser: a circuit's first
        // render can take seconds there. Generous waits keep a slow machine from reading as a broken page.
        context.SetDefaultTimeout(30_000);
        context.SetDefaultNavigationTimeout(45_000);
        Assertions.SetDefaultExpectTimeout(15_000);
        var page = await context.NewPageAsync();
        // What the browser says (script errors, a circuit that fails) goes to artifacts/browser-console.log.
        page.Console += (_, message) => Log($"{message.Type}: {message.Text}");
        page.PageError += (_, error) => Log($"error: {error}");
        return page;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        playwright?.Dispose();
        await base.DisposeAsync();
        if (Mail is not null)
        {
            await Mail.DisposeAsync();
        }
        foreach (var file in new[] { databasePath, databasePath + "-wal", databasePath + "-shm" })
        {
            File.Delete(file);
        }
    }

    private static readonly Lock LogLock = new();

    public static void Log(string line)
    {
        lock (LogLock)
        {
            File.AppendAllText(Path.Combine(RepoRoot, "artifacts", "browser-console.log"), line + Environment.NewLine);
        }
    }

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SakraStader.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Hittar inte SakraStader.sln.");
    }
}

/// <summary>The browser app with its mail delivered to smtp4dev, sent by the outbox worker as in production.</summary>
public sealed class MailBrowserApp : BrowserApp
{
    protected override bool WithMail => true;
}
