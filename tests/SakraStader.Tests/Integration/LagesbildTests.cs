using System.Net;
using Microsoft.EntityFrameworkCore;
using SakraStader.Domain;
using SakraStader.Features.Lagesbilder;
using SakraStader.Features.Meetings;
using SakraStader.Tests.Support;

namespace SakraStader.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class LagesbildTests(TestApp app) : IClassFixture<TestApp>
{
    private static DateTimeOffset At(int year, int month, int day, int hour = 20) => SwedishTime.At(new DateOnly(year, month, day), new TimeOnly(hour, 0));

    [Fact]
    public async Task The_compiled_figures_equal_hand_counted_incidents_of_the_three_months()
    {
        // March 2019 in a fresh area, with February 2019 and March 2018 beside it; the demo data only covers recent years.
        var (counts, byArea, places) = await app.WithDbAsync("kristianstad", async db =>
        {
            var area = db.Areas.Add(new Area("Testområdet")).Entity;
            var other = db.Areas.Add(new Area("Grannområdet")).Entity;
            var klotter = await db.IncidentCategories.SingleAsync(c => c.Name == "Klotter");
            var brand = await db.IncidentCategories.SingleAsync(c => c.Name == "Bilbrand");
            void Add(Guid cat, Area a, DateTimeOffset at, string place = "") =>
                db.Incidents.Add(new Incident(cat, a.Id, place, at, "Polisen", "Testhändelse", null, at));
            Add(klotter.Id, area, At(2019, 3, 1, 0), "Torget");   // first minute of the month (local time)
            Add(klotter.Id, area, At(2019, 3, 15), "Torget");
            Add(klotter.Id, area, At(2019, 3, 31, 23), "Skolan"); // last hour of the month
            Add(klotter.Id, other, At(2019, 3, 10));
            Add(brand.Id, area, At(2019, 3, 20), "Parkeringen");
            Add(klotter.Id, area, At(2019, 2, 28, 23));          // previous month
            Add(klotter.Id, area, At(2019, 2, 3));
            Add(brand.Id, other, At(2018, 3, 5));                 // same month last year
            Add(klotter.Id, area, At(2019, 4, 1, 0));            // next month: not counted
            await db.SaveChangesAsync();
            var figures = await new LagesbildCompiler(db).CompileAsync(2019, 3);
            return (figures, figures.ByArea, figures.TopPlaces);
        });

        Assert.Equal(new FigureRow("Totalt", 5, 2, 1), counts.Total);
        Assert.Equal(new FigureRow("Klotter", 4, 2, 0), counts.ByCategory.Single(r => r.Label == "Klotter"));
        Assert.Equal(new FigureRow("Bilbrand", 1, 0, 1), counts.ByCategory.Single(r => r.Label == "Bilbrand"));
        Assert.Equal(new FigureRow("Testområdet", 4, 2, 0), byArea.Single(r => r.Label == "Testområdet"));
        Assert.Equal(new FigureRow("Grannområdet", 1, 0, 1), byArea.Single(r => r.Label == "Grannområdet"));
        Assert.Equal(new TopPlace("Torget", "Testområdet", 2), places[0]);
        Assert.Equal(3, places.Count);
    }

    [Fact]
    public async Task An_inrapportor_logs_an_incident_in_one_post_and_sees_only_their_own_reports()
    {
        using var client = await app.SignedInClientAsync(TestApp.Email("inrapportor", "boras"));
        var (category, area) = await app.WithDbAsync("boras", async db =>
            (await db.IncidentCategories.Where(c => c.Name == "Nedskräpning").Select(c => c.Id).SingleAsync(),
             await db.Areas.Where(a => a.Name == "Norrby").Select(a => a.Id).SingleAsync()));

        using var saved = await client.SubmitAsync("/boras/handelser/ny", "incident", new Dictionary<string, string>
        {
            ["Input.CategoryId"] = category.ToString(), ["Input.AreaId"] = area.ToString(), ["Input.Place"] = "Norrby torg",
            ["Input.Date"] = TestClock.Today.AddDays(-1).ToString("yyyy-MM-dd"), ["Input.Time"] = "21:15",
            ["Input.Description"] = "Sopor utspridda runt återvinningen.",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("sparad=1", saved.Headers.Location!.ToString(), StringComparison.Ordinal);
        var incident = await app.WithDbAsync("boras", db => db.Incidents.SingleAsync(i => i.Description == "Sopor utspridda runt återvinningen."));
        Assert.Equal((category, area, "Norrby torg", "Allmännyttans bostadsbolag"), (incident.CategoryId, incident.AreaId, incident.Place, incident.Organisation));
        Assert.True(await app.WithDbAsync("boras", db => db.AuditEntries.AnyAsync(a => a.EntityId == incident.Id.ToString() && a.Action == AuditAction.Created)));

        var list = await client.PageAsync("/boras/handelser");
        var rows = list.QuerySelectorAll("tbody tr");
        Assert.Equal("Mina rapporterade händelser", list.QuerySelector("h1")!.TextContent);
        Assert.Single(rows);
        Assert.Contains("Sopor utspridda", rows[0].TextContent, StringComparison.Ordinal);

        // An inrapportör reads no lägesbilder and no groups.
        using var lagesbilder = await client.GetAsync("/boras/lagesbilder");
        Assert.Equal(HttpStatusCode.Redirect, lagesbilder.StatusCode);
        Assert.Contains("/konto/atkomst-nekad", lagesbilder.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_personnummer_in_an_incident_is_refused_next_to_the_field_and_the_input_is_kept()
    {
        using var client = await app.SignedInClientAsync(TestApp.Email("medlem", "haninge"));
        var (category, area) = await app.WithDbAsync("haninge", async db =>
            (await db.IncidentCategories.Select(c => c.Id).FirstAsync(), await db.Areas.Select(a => a.Id).FirstAsync()));
        var before = await app.WithDbAsync("haninge", db => db.Incidents.CountAsync());

        using var response = await client.SubmitAsync("/haninge/handelser/ny", "incident", new Dictionary<string, string>
        {
            ["Input.CategoryId"] = category.ToString(), ["Input.AreaId"] = area.ToString(), ["Input.Place"] = "Handenterminalen",
            ["Input.Date"] = TestClock.Today.ToString("yyyy-MM-dd"), ["Input.Time"] = "00:05",
            ["Input.Description"] = "Bråk, en av dem 19811218-9876.",
        });
        var page = AppClient.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(PersonalData.Message, page.QuerySelector("#description ~ .validation-message")!.TextContent);
        Assert.Equal("Handenterminalen", page.QuerySelector("#place")!.GetAttribute("value"));
        Assert.Equal("Bråk, en av dem 19811218-9876.", page.QuerySelector("#description")!.TextContent);
        Assert.Equal(before, await app.WithDbAsync("haninge", db => db.Incidents.CountAsync()));
    }

    [Fact]
    public async Task The_group_writes_a_lagesbild_the_chair_fixes_it_and_then_it_is_read_only_with_frozen_figures()
    {
        var (est, chairEmail) = await app.WithDbAsync("karlstad", async db =>
        {
            var group = await db.Groups.SingleAsync(g => g.Kind == GroupKind.Est);
            var chairUser = await db.GroupMembers.Where(m => m.GroupId == group.Id && m.IsChair).Select(m => m.UserId).SingleAsync();
            return (group.Id, await db.Users.Where(u => u.Id == chairUser).Select(u => u.Email!).SingleAsync());
        });
        using var chair = await app.SignedInClientAsync(chairEmail);

        // A month far back, so that the demo's lägesbilder do not interfere.
        using var created = await chair.SubmitAsync("/karlstad/lagesbilder", "new-lagesbild", new Dictionary<string, string>
        {
            ["GroupId"] = est.ToString(), ["Month"] = "2020-05",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var url = created.Headers.Location!.ToString();
        var id = Guid.Parse(url[(url.LastIndexOf('/') + 1)..]);

        using var section = await chair.SubmitAsync(url, "section", new Dictionary<string, string> { ["SectionText"] = "Lugn månad i centrum." });
        var area = await app.WithDbAsync("karlstad", db => db.Areas.Where(a => a.Name == "Rud").Select(a => a.Id).SingleAsync());
        using var problem = await chair.SubmitAsync(url, "problem-add", new Dictionary<string, string>
        {
            ["NewProblemArea"] = area.ToString(), ["NewProblemTitle"] = "Skadegörelse vid Rud skola",
        });
        using var badTexts = await chair.SubmitAsync(url, "texts", new Dictionary<string, string>
        {
            ["SummaryText"] = "Se 811218-9876", ["PrognosisText"] = "Lugnt framöver",
        });
        var badPage = AppClient.Parse(await badTexts.Content.ReadAsStringAsync());
        Assert.Equal(PersonalData.Message, badPage.QuerySelector("section[aria-labelledby=texts-heading] .field-error")!.TextContent);
        Assert.Equal("Lugnt framöver", badPage.QuerySelector("#prognosis")!.TextContent);

        // The draft's figures are kept between views (KommunCache) until the kommun's records change: an incident
        // logged for the month shows at once.
        static string Total(AngleSharp.Html.Dom.IHtmlDocument d) => d.QuerySelector("section[aria-labelledby=figures-heading] .lead strong")!.TextContent;
        var before = int.Parse(Total(await chair.PageAsync(url)), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(before, int.Parse(Total(await chair.PageAsync(url)), System.Globalization.CultureInfo.InvariantCulture));
        var category = await app.WithDbAsync("karlstad", db => db.IncidentCategories.Select(c => c.Id).FirstAsync());
        using var logged = await chair.SubmitAsync("/karlstad/handelser/ny", "incident", new Dictionary<string, string>
        {
            ["Input.CategoryId"] = category.ToString(), ["Input.AreaId"] = area.ToString(), ["Input.Place"] = "Rud skola",
            ["Input.Date"] = "2020-05-20", ["Input.Time"] = "22:10", ["Input.Description"] = "Krossad ruta.",
        });
        Assert.Equal(HttpStatusCode.Redirect, logged.StatusCode);
        Assert.Equal(before + 1, int.Parse(Total(await chair.PageAsync(url)), System.Globalization.CultureInfo.InvariantCulture));

        using var fix = await chair.SubmitAsync(url, "fix", new Dictionary<string, string>());
        Assert.Contains("Lägesbilden är fastställd.", await fix.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var saved = await app.WithDbAsync("karlstad", db => db.Lagesbilder.Include(l => l.Sections).Include(l => l.Assessments).Include(l => l.Versions).SingleAsync(l => l.Id == id));
        Assert.Equal(LagesbildStatus.Faststalld, saved.Status);
        Assert.Equal("Lugn månad i centrum.", Assert.Single(saved.Sections).Text);
        Assert.Single(saved.Assessments);
        Assert.Equal("", saved.Summary); // the refused text was not half-saved
        var version = Assert.Single(saved.Versions);
        Assert.Equal(1, version.Number);

        // A new incident of that month does not change the fixed figures.
        var page = await chair.PageAsync(url);
        var total = page.QuerySelector("section[aria-labelledby=figures-heading] .lead strong")!.TextContent;
        await app.WithDbAsync("karlstad", async db =>
        {
            var category = await db.IncidentCategories.Select(c => c.Id).FirstAsync();
            db.Incidents.Add(new Incident(category, area, "", At(2020, 5, 12), "Polisen", "Efteranmälan", null, TestClock.Now));
            return await db.SaveChangesAsync();
        });
        page = await chair.PageAsync(url);
        Assert.Equal(total, page.QuerySelector("section[aria-labelledby=figures-heading] .lead strong")!.TextContent);
        Assert.Null(page.QuerySelector("form textarea[name=SectionText]"));
        Assert.NotNull(page.QuerySelector("input[name=Reason]"));
    }

    [Fact]
    public async Task A_save_over_someone_elses_newer_text_is_refused_shows_their_text_and_keeps_ours()
    {
        var (est, chairEmail) = await app.WithDbAsync("haninge", async db =>
        {
            var group = await db.Groups.SingleAsync(g => g.Kind == GroupKind.Est);
            var chairUser = await db.GroupMembers.Where(m => m.GroupId == group.Id && m.IsChair).Select(m => m.UserId).SingleAsync();
            return (group.Id, await db.Users.Where(u => u.Id == chairUser).Select(u => u.Email!).SingleAsync());
        });
        using var first = await app.SignedInClientAsync(chairEmail);
        using var second = await app.SignedInClientAsync(TestApp.Email("samordnare", "haninge"));
        using var created = await first.SubmitAsync("/haninge/lagesbilder", "new-lagesbild", new Dictionary<string, string>
        {
            ["GroupId"] = est.ToString(), ["Month"] = "2020-06",
        });
        var url = created.LocationPath();
        var id = Guid.Parse(url[(url.LastIndexOf('/') + 1)..]);

        // Both open the page; the second saves first.
        var stale = AppClient.CurrentValues(AppClient.FindForm(await first.PageAsync(url), "texts"));
        var staleFix = AppClient.CurrentValues(AppClient.FindForm(await first.PageAsync(url), "fix"));
        using var other = await second.SubmitAsync(url, "texts", new Dictionary<string, string> { ["SummaryText"] = "Andras sammanfattning", ["PrognosisText"] = "" });
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);

        stale["SummaryText"] = "Min sammanfattning";
        using var refused = await first.Http.PostAsync(url, new FormUrlEncodedContent(stale));
        var page = AppClient.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Någon annan har ändrat", page.QuerySelector("section[aria-labelledby=texts-heading] .field-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Min sammanfattning", page.QuerySelector("#summary")!.TextContent);
        Assert.Contains("Andras sammanfattning", page.QuerySelector("section[aria-labelledby=texts-heading] .print-only")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Andras sammanfattning", await app.WithDbAsync("haninge", db => db.Lagesbilder.Where(l => l.Id == id).Select(l => l.Summary).SingleAsync()));

        // Fixing what one has not seen is refused too.
        using var fix = await first.Http.PostAsync(url, new FormUrlEncodedContent(staleFix));
        Assert.Contains("har ändrats sedan du öppnade sidan", await fix.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(LagesbildStatus.Utkast, await app.WithDbAsync("haninge", db => db.Lagesbilder.Where(l => l.Id == id).Select(l => l.Status).SingleAsync()));

        // Saving again from the refreshed form overwrites on purpose.
        using var again = await first.Http.PostAsync(url, new FormUrlEncodedContent(AppClient.CurrentValues(AppClient.FindForm(page, "texts"))));
        Assert.Equal("Min sammanfattning", await app.WithDbAsync("haninge", db => db.Lagesbilder.Where(l => l.Id == id).Select(l => l.Summary).SingleAsync()));
    }

    [Fact]
    public async Task Another_kommuns_lagesbild_problem_and_incidents_are_not_found()
    {
        var (lagesbild, problem) = await app.WithDbAsync("orebro", async db =>
            (await db.Lagesbilder.Select(l => l.Id).FirstAsync(), await db.Problems.Select(p => p.Id).FirstAsync()));
        var orebroIncident = await app.WithDbAsync("orebro", db => db.Incidents.OrderBy(i => i.Id).Select(i => i.Id).FirstAsync());
        using var client = await app.SignedInClientAsync(TestApp.Email("samordnare", "boras"));

        using var l = await client.GetAsync($"/boras/lagesbilder/{lagesbild}");
        using var p = await client.GetAsync($"/boras/problem/{problem}");
        Assert.Equal(HttpStatusCode.NotFound, l.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, p.StatusCode);
        var borasAreas = await app.WithDbAsync("boras", db => db.Areas.Select(a => a.Name).ToListAsync());
        var list = await client.PageAsync("/boras/handelser");
        Assert.All(list.QuerySelectorAll("tbody tr td:nth-child(3)"), cell => Assert.Contains(borasAreas, a => cell.TextContent.StartsWith(a, StringComparison.Ordinal)));
        Assert.NotEqual(Guid.Empty, orebroIncident);
    }
}
