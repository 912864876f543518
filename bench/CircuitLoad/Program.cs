// Open circuits against one instance and measure what they cost (bench/circuits.sh runs this; bench/README.md has the
// method and the figures).
//
//   dotnet CircuitLoad.dll BASE-URL SERVER-PID
//   env: EMAIL, PASSWORD, KOMMUN (bankstad), STEPS ("0 50 100 200": open pages at each step), ACTIVE_STEPS ("50 200":
//        the steps at which every open page works for ACTIVE_SECONDS (60)), THINK_SECONDS ("5-15"), GCDUMP (command
//        that prints a process's live managed heap, given its pid; bench/circuits.sh passes one), PAGE ("atgard", or
//        "lagesbild": each page on a lägesbild being written (a draft), on its summary, for memory; pages share them;
//        or "arsrapport": each page on the kommun's annual report of YEAR (the newest), the report itself, for memory)
//
// Each page is a person on a measure's page (/{kommun}/atgarder/{id}) in the interactive app, each on its own circuit and
// its own measure. A working person reads (THINK_SECONDS), types a few words into the measure's description, leaves the
// field (the text saves), and now and then moves on to another measure. Two UI events are timed inside the page, with
// the page's own clock, from the event to the change on screen: typing (the field shows "Inte sparat ännu") and leaving
// the field (it shows "Sparat"): the server's round trip over the circuit, the save and its audit included.
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

var baseUrl = args.Length > 0 ? args[0] : "http://127.0.0.1:5099";
var serverPid = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 0;
string Env(string name, string fallback) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } v ? v : fallback;
var email = Env("EMAIL", "bench@bench.sakrastader.se");
var password = Env("PASSWORD", "Bench-losenord-2026");
var kommun = Env("KOMMUN", "bankstad");
var steps = Env("STEPS", "0 50 100 200").Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToList();
var activeSteps = Env("ACTIVE_STEPS", "50 200").Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToHashSet();
var activeSeconds = int.Parse(Env("ACTIVE_SECONDS", "60"), CultureInfo.InvariantCulture);
var think = Env("THINK_SECONDS", "5-15").Split('-').Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray();
var gcdump = Env("GCDUMP", "");
var pageKind = Env("PAGE", "atgard");
var lagesbild = pageKind == "lagesbild";
var arsrapport = pageKind == "arsrapport";
var reportYear = Env("YEAR", "");
if (lagesbild || arsrapport)
{
    activeSteps.Clear(); // memory only: the pages share the kommun's lägesbilder being written, or its one annual report
}

// In the page: type, wait for the field to say it is not saved; leave it, wait for "Sparat". Timed by the page's clock.
const string WorkScript = """
    async (word) => {
        const field = document.getElementById('text-Description');
        const status = field.closest('.autosave').querySelector('.autosave__status');
        const until = (done) => new Promise((resolve, reject) => {
            if (done()) { resolve(); return; }
            const timer = setTimeout(() => { observer.disconnect(); reject(new Error('ingen ändring inom 10 s: ' + status.textContent)); }, 10000);
            const observer = new MutationObserver(() => { if (done()) { observer.disconnect(); clearTimeout(timer); resolve(); } });
            observer.observe(status, { childList: true, characterData: true, subtree: true });
        });
        field.focus();
        const typed = performance.now();
        field.value = (field.value.length > 1500 ? '' : field.value + ' ') + word;
        field.dispatchEvent(new Event('input', { bubbles: true }));
        await until(() => status.textContent.includes('Inte sparat'));
        const left = performance.now();
        field.blur();
        await until(() => status.textContent.startsWith('Sparat'));
        return [left - typed, performance.now() - left];
    }
    """;

using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
{
    ExecutablePath = Env("CHROMIUM_PATH", "/usr/bin/chromium"),
    Headless = true,
    // Pages share a few renderer processes: two hundred processes would hold the machine's cores and memory that the
    // server under test needs. Pages are not throttled for being in the background: each stands for a person's tab in view.
    Args =
    [
        "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--no-first-run",
        "--renderer-process-limit=12", "--disable-background-timer-throttling", "--disable-renderer-backgrounding",
        "--disable-backgrounding-occluded-windows",
    ],
});
var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl, Locale = "sv-SE", TimezoneId = "Europe/Stockholm" });
context.SetDefaultTimeout(60_000);

// Sign in once: every page of the context carries the same sign-in, as a person's tabs do.
var first = await context.NewPageAsync();
await first.GotoAsync("/konto/logga-in");
await first.GetByLabel("E-postadress").FillAsync(email);
await first.GetByLabel("Lösenord").FillAsync(password);
await first.GetByLabel("Lösenord").PressAsync("Enter");
await first.WaitForURLAsync(url => !url.Contains("logga-in", StringComparison.Ordinal));
await first.CloseAsync();

// Measures not yet done (the overdue view), one per page: no two people write the same text. Or the kommun's
// lägesbilder being written (PAGE=lagesbild).
var measures = new List<string>();
if (arsrapport)
{
    // The newest report in the kommun's list, unless YEAR names one.
    var reports = await (await context.APIRequest.GetAsync($"/{kommun}/arsrapporter")).TextAsync();
    var year = reportYear.Length > 0 ? reportYear : Regex.Matches(reports, $"/{kommun}/arsrapporter/([0-9]{{4}})").Select(m => m.Groups[1].Value).Max() ?? "";
    measures.Add($"/{kommun}/arsrapporter/{year}");
}
for (var page = 1; !arsrapport && measures.Count < steps.Max() * 2 && page <= 40; page++)
{
    var list = lagesbild ? $"/{kommun}/lagesbilder?status=utkast&sida={page}" : $"/{kommun}/atgarder?vy=forsenade&sida={page}";
    var response = await context.APIRequest.GetAsync(list);
    var found = Regex.Matches(await response.TextAsync(), lagesbild ? $"/{kommun}/lagesbilder/[0-9a-f-]{{36}}" : $"/{kommun}/atgarder/([0-9a-f-]{{36}})")
        .Select(m => m.Value).Distinct()
        .Where(m => !measures.Contains(m)).ToList();
    if (found.Count == 0)
    {
        break;
    }
    measures.AddRange(found);
}
Console.WriteLine($"åtgärder att arbeta i: {measures.Count}");
if ((lagesbild || arsrapport) && measures.Count > 0)
{
    // A kommun has fewer lägesbilder than there are pages: people share them (memory is what this mode measures).
    measures = Enumerable.Range(0, steps.Max()).Select(i => measures[i % measures.Count]).ToList();
}
if (measures.Count < steps.Max())
{
    Console.Error.WriteLine($"För få åtgärder ({measures.Count}) för {steps.Max()} sidor.");
    return 1;
}

var pages = new List<IPage>();
var next = 0;
string NextMeasure() => measures[Interlocked.Increment(ref next) % measures.Count];

async Task<IPage> OpenAsync()
{
    var page = await context.NewPageAsync();
    await OpenMeasureAsync(page);
    return page;
}

// A measure's page, on its description (a tab).
async Task OpenMeasureAsync(IPage page)
{
    if (arsrapport)
    {
        // The report itself, where the samordnare writes and the styrgrupp comments.
        await page.GotoAsync(NextMeasure());
        await page.Locator("main[data-interactive=true]").WaitForAsync();
        return;
    }
    if (lagesbild)
    {
        await page.GotoAsync(NextMeasure() + "?del=sammanfattning");
        await page.Locator("main[data-interactive=true]").WaitForAsync();
        return;
    }
    await page.GotoAsync(NextMeasure());
    await page.Locator("main[data-interactive=true]").WaitForAsync();
    await page.GetByRole(AriaRole.Tab, new() { Name = "Beskrivning" }).ClickAsync();
    await page.Locator("#text-Description").WaitForAsync();
}

Console.WriteLine("öppna sidor | hanterat minne MB | RSS MB | per krets, hanterat KB | per krets, RSS KB");
(double Heap, double Rss)? atZero = null;
foreach (var step in steps)
{
    // Open pages up to the step, eight at a time.
    while (pages.Count < step)
    {
        var batch = Math.Min(8, step - pages.Count);
        pages.AddRange(await Task.WhenAll(Enumerable.Range(0, batch).Select(_ => OpenAsync())));
    }
    await Task.Delay(TimeSpan.FromSeconds(10)); // what the first renders left behind settles
    var memory = await MemoryAsync();
    atZero ??= memory;
    var perHeap = step == 0 ? "–" : ((memory.Heap - atZero.Value.Heap) * 1024 / step).ToString("0", CultureInfo.InvariantCulture);
    var perRss = step == 0 ? "–" : ((memory.Rss - atZero.Value.Rss) * 1024 / step).ToString("0", CultureInfo.InvariantCulture);
    Console.WriteLine($"{step} | {memory.Heap:0.0} | {memory.Rss:0.0} | {perHeap} | {perRss}");

    if (activeSteps.Contains(step))
    {
        await WorkAsync(step);
    }
}
return 0;

async Task WorkAsync(int count)
{
    var typing = new ConcurrentBag<double>();
    var saving = new ConcurrentBag<double>();
    var loads = new ConcurrentBag<double>();
    var errors = new ConcurrentBag<string>();
    using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(activeSeconds));
    var workers = pages.Take(count).Select((page, i) => Task.Run(async () =>
    {
        var random = new Random(i);
        var round = 0;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(think[0] + random.NextDouble() * (think[^1] - think[0])), stop.Token);
                if (++round % 4 == 0)
                {
                    // Moves on to another measure: a new page load and circuit.
                    var watch = Stopwatch.StartNew();
                    await OpenMeasureAsync(page);
                    loads.Add(watch.Elapsed.TotalMilliseconds);
                    continue;
                }
                var times = await page.EvaluateAsync<double[]>(WorkScript, $"mätning {i}-{round}");
                typing.Add(times[0]);
                saving.Add(times[1]);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            catch (Exception e) when (e is PlaywrightException or TimeoutException)
            {
                errors.Add(e.Message.Split('\n')[0]);
            }
        }
    })).ToList();
    await Task.WhenAll(workers);
    Console.WriteLine($"aktiva sidor {count}, {activeSeconds} s, betänketid {think[0]:0}–{think[^1]:0} s:");
    Console.WriteLine($"  skriva (till \"Inte sparat ännu\"): {Summary(typing)}");
    Console.WriteLine($"  lämna fältet, sparas (till \"Sparat\"): {Summary(saving)}");
    Console.WriteLine($"  ny åtgärd (sidladdning och krets): {Summary(loads)}");
    Console.WriteLine($"  fel: {errors.Count}{(errors.IsEmpty ? "" : ": " + string.Join(" | ", errors.Distinct().Take(3)))}");
}

static string Summary(IEnumerable<double> values)
{
    var sorted = values.Order().ToArray();
    if (sorted.Length == 0)
    {
        return "inga";
    }
    double At(double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
    return string.Create(CultureInfo.InvariantCulture, $"n {sorted.Length}, p50 {At(0.50):0} ms, p99 {At(0.99):0} ms, max {sorted[^1]:0} ms");
}

async Task<(double Heap, double Rss)> MemoryAsync()
{
    var rss = 0.0;
    if (serverPid > 0)
    {
        var status = await File.ReadAllLinesAsync($"/proc/{serverPid}/status");
        var line = status.First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        rss = double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }
    var heap = double.NaN;
    if (gcdump.Length > 0 && serverPid > 0)
    {
        // The live managed heap after a full collection (dotnet-gcdump forces one), in MB.
        var start = new ProcessStartInfo("bash", ["-c", $"{gcdump} {serverPid}"]) { RedirectStandardOutput = true };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        heap = double.Parse(output.Trim(), CultureInfo.InvariantCulture) / 1024 / 1024;
    }
    return (heap, rss);
}
