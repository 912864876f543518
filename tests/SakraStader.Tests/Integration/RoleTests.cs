using System.Net;
using Microsoft.EntityFrameworkCore;
using SakraStader.Domain;
using SakraStader.Features.Commands;
using SakraStader.Features.Groups;
using SakraStader.Tenancy;
using SakraStader.Tests.Support;

namespace SakraStader.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class RoleTests(TestApp app) : IClassFixture<TestApp>
{
    public static TheoryData<string, string[]> NavigationByRole => new()
    {
        { "samordnare", ["Översikt", "Grupper", "Möten", "Veckan", "Lägesbilder", "Händelser", "Åtgärdsplaner", "Medborgarlöften", "Årsrapport", "Importera", "Områden", "Medlemmar", "Brevhuvud", "Ändringslogg"] },
        { "styrgrupp", ["Översikt", "Grupper", "Möten", "Veckan", "Lägesbilder", "Händelser", "Åtgärdsplaner", "Medborgarlöften", "Årsrapport", "Importera"] },
        { "medlem", ["Översikt", "Grupper", "Möten", "Veckan", "Lägesbilder", "Händelser", "Åtgärdsplaner", "Medborgarlöften", "Årsrapport", "Importera"] },
        { "lasare", ["Översikt", "Grupper", "Möten", "Veckan", "Lägesbilder", "Händelser", "Åtgärdsplaner", "Medborgarlöften", "Årsrapport"] },
    };

    [Theory]
    [MemberData(nameof(NavigationByRole))]
    public async Task Navigation_shows_each_role_what_it_works_with(string key, string[] expected)
    {
        using var client = await app.SignedInClientAsync(TestApp.Email(key, "boras"));
        var page = await client.PageAsync("/boras");

        // The overview is interactive: its navigation is the app's drawer (the static pages' menu has the same links).
        var links = page.QuerySelectorAll("#app-nav .mud-nav-link").Select(a => a.TextContent.Trim()).ToArray();
        Assert.Equal(expected, links);
    }

    /// <summary>
    /// A static page (the kommun's public promises) seen by a member: MudBlazor's app bar as in the app, the account
    /// menu and the kommun's menu as plain links (no script on the page), the menu after the page's content so that a
    /// phone starts with the content, and the app bar's menu button leading to it.
    /// </summary>
    /// <summary>Every page under the kommun says where it is, with a way back to the kommun's overview.</summary>
    [Theory]
    [InlineData("/orebro/grupper", "Samverkansgrupper")]
    [InlineData("/orebro/moten", "Möten")]
    [InlineData("/orebro/veckor", null)]
    [InlineData("/orebro/atgardsplaner", "Åtgärdsplaner")]
    [InlineData("/orebro/loften", "Medborgarlöften")]
    [InlineData("/orebro/medlemmar", "Medlemmar")]
    [InlineData("/orebro/omraden", "Områden och kategorier")]
    [InlineData("/orebro/brevhuvud", "Brevhuvud för dokument")]
    [InlineData("/orebro/handelser", "Händelser")]
    public async Task A_page_under_the_kommun_has_a_path_back_to_its_overview(string url, string? title)
    {
        using var client = await app.SignedInClientAsync(TestApp.Email("samordnare", "orebro"));
        var page = await client.PageAsync(url);
        var crumbs = page.QuerySelector("main .mud-breadcrumbs");
        Assert.NotNull(crumbs);
        Assert.Equal("/orebro", crumbs.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("Örebro", crumbs.QuerySelector("a")!.TextContent.Trim());
        var items = crumbs.QuerySelectorAll("li.mud-breadcrumb-item");
        var last = items[^1].TextContent.Trim();
        Assert.Equal(title ?? page.QuerySelector("h1")!.FirstChild!.TextContent.Trim(), last);
    }

    /// <summary>
    /// Each document (lägesbild, fördjupad lägesbild, annual report, minutes) offers its Word and PDF files in the same
    /// place: one row below the document, after all its parts (they were above on some pages and below on others).
    /// </summary>
    [Fact]
    public async Task Every_document_page_offers_its_files_in_one_place_below_the_document()
    {
        using var client = await app.SignedInClientAsync(TestApp.Email("samordnare", "orebro"));
        var now = TestClock.Now;
        var (lagesbild, fordjupad, year, meeting) = await app.WithDbAsync("orebro", async db => (
            await db.Lagesbilder.Where(l => l.Status == LagesbildStatus.Faststalld).Select(l => l.Id).FirstAsync(),
            await db.FordjupadeLagesbilder.Select(f => f.Id).FirstAsync(),
            await db.AnnualReports.Select(r => r.Year).FirstAsync(),
            (await db.Meetings.Where(m => !m.Cancelled).Select(m => new { m.Id, m.StartsAt }).ToListAsync()).First(m => m.StartsAt < now).Id));
        foreach (var (url, name) in new[]
        {
            ($"/orebro/lagesbilder/{lagesbild}", "Lägesbild"), ($"/orebro/fordjupad/{fordjupad}", "Fördjupad lägesbild"),
            ($"/orebro/arsrapporter/{year}", "Tjänsteskrivelse"), ($"/orebro/moten/{meeting}", "Protokoll"),
        })
        {
            var page = await client.PageAsync(url);
            var files = Assert.Single(page.QuerySelectorAll("main section.document-files"));
            Assert.Equal([$"{name} (Word)", $"{name} (PDF)"], files.QuerySelectorAll("a").Select(a => a.TextContent.Trim()).ToArray());
            var all = page.All.ToList();
            Assert.True(page.QuerySelectorAll("main h2, main [role=tablist]").All(e => all.IndexOf(e) < all.IndexOf(files)), $"{url}: filerna står under dokumentet");
            Assert.Empty(page.QuerySelectorAll("main .page-head a[href$='.docx'], main .page-head a[href$='.pdf']"));
        }
    }

    [Fact]
    public async Task A_static_page_has_the_apps_bar_and_menu_as_plain_links()
    {
        using var client = await app.SignedInClientAsync(TestApp.Email("styrgrupp", "boras"));
        var page = await client.PageAsync("/boras/medborgarloften");

        Assert.Empty(page.QuerySelectorAll("script[src*=blazor]"));
        var bar = page.QuerySelector("header.mud-appbar")!;
        Assert.Equal("#app-nav", bar.QuerySelector("a[aria-label='Till menyn']")!.GetAttribute("href"));
        Assert.Equal(["/att-gora", "/konto/e-post", "/konto/kalender", "/konto/losenord", "/konto/utloggning"],
            bar.QuerySelectorAll(".static-menu a").Select(a => a.GetAttribute("href")!).ToArray());
        var nav = page.QuerySelector("nav#app-nav")!;
        Assert.Equal("Borås: meny", nav.GetAttribute("aria-label"));
        Assert.Equal("#app-nav", page.QuerySelectorAll("a.skip-link").Select(a => a.GetAttribute("href")).Last());
        Assert.Equal(["Översikt", "Grupper", "Möten", "Veckan", "Lägesbilder", "Händelser", "Åtgärdsplaner", "Medborgarlöften", "Årsrapport", "Importera"],
            nav.QuerySelectorAll(".mud-nav-link").Select(a => a.TextContent.Trim()).ToArray());
        var order = page.All.ToList();
        Assert.True(order.IndexOf(nav) > order.IndexOf(page.QuerySelector("main")!), "the menu comes after the page's content");
    }

    [Theory]
    [InlineData("styrgrupp", "/orebro/medlemmar")]
    [InlineData("medlem", "/orebro/logg")]
    [InlineData("lasare", "/orebro/grupper/ny")]
    public async Task Samordnare_pages_are_forbidden_for_other_roles(string key, string url)
    {
        using var client = await app.SignedInClientAsync(TestApp.Email(key, "orebro"));
        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/konto/atkomst-nekad", response.LocationPath());
    }

    [Fact]
    public async Task Lasare_sees_no_create_button_and_a_posted_group_is_refused()
    {
        using var lasare = await app.SignedInClientAsync(TestApp.Email("lasare", "orebro"));
        using var samordnare = await app.SignedInClientAsync(TestApp.Email("samordnare", "orebro"));
        var list = await lasare.PageAsync("/orebro/grupper");
        // The Läsare sends a well-formed create command through the command path: still refused.
        var refused = await app.AsUserAsync(TestApp.Email("lasare", "orebro"), "orebro", ops =>
            ops.SendAsync<GroupWork, Guid>(new KommunRoleRequirement(Role.Samordnare), null,
                (w, _) => w.CreateAsync(new GroupInput { Name = "Läsarens grupp", Kind = GroupKind.Annan }), "Gruppen är sparad."));

        Assert.Null(list.QuerySelector("a[href='/orebro/grupper/ny']"));
        Assert.NotNull((await samordnare.PageAsync("/orebro/grupper")).QuerySelector("a[href='/orebro/grupper/ny']"));
        Assert.True(refused.Forbidden);
        Assert.False(await app.WithDbAsync("orebro", db => db.Groups.AnyAsync(g => g.Name == "Läsarens grupp")));
    }

    [Fact]
    public async Task Samordnare_creates_a_group_which_is_saved_in_the_kommun_and_audited()
    {
        var created = await app.AsUserAsync(TestApp.Email("samordnare", "kristianstad"), "kristianstad", ops =>
            ops.SendAsync<GroupWork, Guid>(new KommunRoleRequirement(Role.Samordnare), null, (w, _) => w.CreateAsync(new GroupInput
            {
                Name = "Trygghetsvandringar", Kind = GroupKind.Annan, Cadence = "Varje vår och höst", Purpose = "Planerar trygghetsvandringar med boende.",
            }), "Gruppen är sparad."));

        Assert.True(created.Succeeded, created.Message);
        var group = await app.WithDbAsync("kristianstad", db => db.Groups.SingleAsync(g => g.Name == "Trygghetsvandringar"));
        Assert.Equal(await app.KommunIdAsync("kristianstad"), group.KommunId);
        Assert.Equal(group.Id, created.Value);
        Assert.Equal("Planerar trygghetsvandringar med boende.", group.Purpose);
        var audit = await app.WithDbAsync("kristianstad", db => db.AuditEntries.SingleAsync(a => a.EntityId == group.Id.ToString()));
        Assert.Equal(AuditAction.Created, audit.Action);
        Assert.Equal(TestApp.Email("samordnare", "kristianstad"), audit.UserName);
        Assert.Contains("Trygghetsvandringar", audit.Changes);
    }

    [Fact]
    public async Task Group_without_name_or_with_an_impossible_rhythm_is_refused_at_the_field()
    {
        var before = await app.WithDbAsync("kristianstad", db => db.Groups.CountAsync());
        Task<CommandResult<Guid>> Create(GroupInput input) => app.AsUserAsync(TestApp.Email("samordnare", "kristianstad"), "kristianstad", ops =>
            ops.SendAsync<GroupWork, Guid>(new KommunRoleRequirement(Role.Samordnare), null, (w, _) => w.CreateAsync(input), "Gruppen är sparad."));

        var noName = await Create(new GroupInput { Name = "  ", Cadence = "Varje månad", Purpose = "Ett långt uppdrag som inte får gå förlorat." });
        var times = await Create(new GroupInput { Name = "Kvartalsgruppen", CadenceKind = CadenceKind.TimesPerYear, TimesPerYear = 0 });

        Assert.Equal(("Ange gruppens namn.", "Name"), (noName.Message, noName.Field));
        Assert.Equal(("Ange hur många gånger per år gruppen träffas, 1–11.", "TimesPerYear"), (times.Message, times.Field));
        Assert.Equal(before, await app.WithDbAsync("kristianstad", db => db.Groups.CountAsync()));
    }
}
