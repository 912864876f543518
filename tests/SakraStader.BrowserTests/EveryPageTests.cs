using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SakraStader.Features.Demo;

namespace SakraStader.BrowserTests;

/// <summary>
/// axe-core on every page of the app (issue 17 item 8), found by following the links a signed-in samordnare sees, not
/// by a list: from the start page and the menu, one page of each route (a group, a meeting, a lägesbild, …) at
/// 1366×768, and the lists on a 390×844 phone. The police officer's and the incident reporter's own pages and
/// the public pages are visited too. The journeys check the states (dialogs, menus, errors).
/// </summary>
public sealed partial class EveryPageTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    /// <summary>Routes of pages (not files, not sign-out): a link whose path matches none is not followed.</summary>
    private static readonly Regex[] Pages = [.. new[]
    {
        "/att-gora", "/konto/kalender", "/konto/losenord", "/tillganglighet", "/verifiera/[A-Z0-9-]+",
        "/orebro", "/orebro/(arsrapporter|atgarder|atgardsplaner|brevhuvud|dialoger|grupper|handelser|import|lagesbilder|loften|logg|medborgarloften|medlemmar|moten|omraden|overenskommelser|veckor)",
        "/orebro/(grupper|handelser|medlemmar|moten)/ny", "/orebro/arsrapporter/[0-9]{4}", "/orebro/veckor/[0-9]{4}/[0-9]{1,2}",
        "/orebro/(atgarder|atgardsplaner|fordjupad|grupper|import|lagesbilder|loften|medborgarloften|medlemmar|moten|problem)/" + Guid,
        "/orebro/atgardsplaner/" + Guid + "/uppdatera", "/orebro/grupper/" + Guid + "/(medlemmar|redigera)", "/orebro/moten/" + Guid + "/andra",
    }.Select(p => new Regex("^" + p + "$", RegexOptions.CultureInvariant))];

    private const string Guid = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|(?<=/)[0-9]{1,4}(?=/|$)")]
    private static partial Regex Variable();

    /// <summary>The route a path belongs to: ids and numbers replaced, so one page of each route is visited.</summary>
    private static string RouteOf(string path) => Variable().Replace(path, "{}");

    [Fact]
    public async Task Every_page_the_samordnare_reaches_passes_axe_on_desktop_and_phone()
    {
        var page = await app.NewPageAsync(1366, 768);
        await PageCheck.SignInAsync(page, DemoSeeder.EmailFor("samordnare", "orebro"));
        var queue = new Queue<string>(["/orebro", "/att-gora", "/konto/kalender", "/konto/losenord"]);
        var routes = new Dictionary<string, string>(); // route → the path visited for it
        foreach (var start in queue)
        {
            routes[RouteOf(start)] = start;
        }
        var number = 0;
        while (queue.Count > 0)
        {
            var path = queue.Dequeue();
            await page.GotoAsync(path);
            await OpenedAsync(page);
            await PageCheck.CheckAsync(page, $"90-{++number:00}-{Name(path)}");
            var links = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href'))");
            foreach (var link in links.Select(l => l.Split('#')[0]).Where(l => l.StartsWith('/') && Pages.Any(p => p.IsMatch(l.Split('?')[0]))))
            {
                if (routes.TryAdd(RouteOf(link.Split('?')[0]), link))
                {
                    queue.Enqueue(link);
                }
            }
        }
        // Every kind of page was reached (the crawl follows what the pages link to, so a page nobody links to is a finding too).
        Assert.True(routes.Count >= 40, $"Bara {routes.Count} sidor nåddes: {string.Join(", ", routes.Keys.Order())}");

        var phone = await app.NewPageAsync(390, 844);
        await PageCheck.SignInAsync(phone, DemoSeeder.EmailFor("samordnare", "orebro"));
        // On the phone: every list and start page (the journeys take the detail pages to phone size).
        foreach (var path in routes.Values.Where(p => p.Split('?')[0].Count(c => c == '/') <= 2))
        {
            await phone.GotoAsync(path);
            await OpenedAsync(phone);
            await PageCheck.CheckAsync(phone, $"91-{Name(path)}-telefon");
        }
    }

    [Fact]
    public async Task The_police_officers_the_incident_reporters_and_the_public_pages_pass_axe()
    {
        foreach (var (email, paths) in new (string? Email, string[] Paths)[]
        {
            (DemoSeeder.PolisEmail, ["/", "/att-gora", "/karlstad", "/karlstad/lagesbilder", "/karlstad/loften"]),
            (DemoSeeder.EmailFor("inrapportor", "orebro"), ["/orebro", "/orebro/handelser", "/att-gora"]),
            (null, ["/", "/orebro/medborgarloften", "/tillganglighet", "/konto/logga-in", "/hittades-inte-sidan"]),
        })
        {
            foreach (var (width, height) in new[] { (1366, 768), (390, 844) })
            {
                var page = await app.NewPageAsync(width, height);
                if (email is not null)
                {
                    await PageCheck.SignInAsync(page, email);
                }
                foreach (var path in paths)
                {
                    await page.GotoAsync(path);
                    await OpenedAsync(page);
                    await PageCheck.CheckAsync(page, $"92-{(email ?? "publik").Split('@')[0]}-{Name(path)}-{width}");
                }
                await page.Context.CloseAsync();
            }
        }
    }

    /// <summary>The page has its heading and, if it is an interactive one, its circuit.</summary>
    private static async Task OpenedAsync(IPage page)
    {
        await page.Locator("h1").First.WaitForAsync();
        if (await page.Locator("main[data-interactive]").CountAsync() > 0)
        {
            await PageCheck.WaitForCircuitAsync(page);
        }
    }

    private static string Name(string path) => RouteOf(path.Split('?')[0]).Trim('/').Replace("/", "-", StringComparison.Ordinal).Replace("{}", "x", StringComparison.Ordinal) is { Length: > 0 } n ? n : "start";
}
