using System.Net;
using Microsoft.EntityFrameworkCore;
using SakraStader.Domain;
using SakraStader.Features.Lagesbilder;
using SakraStader.Features.Meetings;
using SakraStader.Tests.Support;

namespace SakraStader.Tests.Integration;

/// <summary>The styrgrupp's fördjupad lägesbild: figures per year, the analysis, approval at a meeting, frozen after.</summary>
[Trait("Category", "Integration")]
public sealed class FordjupadTests(TestApp app) : IClassFixture<TestApp>
{
    private static readonly int[] AssessedMonths = [3, 9];

    [Fact]
    public async Task The_yearly_figures_equal_hand_counts_of_incidents_statistics_surveys_and_assessed_problems()
    {
        var figures = await app.WithDbAsync("kristianstad", async db =>
        {
            var area = db.Areas.Add(new Area("Årsområdet")).Entity;
            var klotter = await db.IncidentCategories.SingleAsync(c => c.Name == "Klotter");
            var brand = await db.IncidentCategories.SingleAsync(c => c.Name == "Bilbrand");
            void Add(Guid category, DateOnly day) =>
                db.Incidents.Add(new Incident(category, area.Id, "", SwedishTime.At(day, new TimeOnly(12, 0)), "Polisen", "Årstest", null, TestClock.Now));
            Add(klotter.Id, new DateOnly(2016, 1, 1));
            Add(klotter.Id, new DateOnly(2016, 12, 31));
            Add(brand.Id, new DateOnly(2017, 6, 1));
            Add(klotter.Id, new DateOnly(2015, 12, 31)); // before the period
            db.Incidents.Add(new Incident(klotter.Id, area.Id, "", SwedishTime.At(new DateOnly(2018, 1, 1), TimeOnly.MinValue), "Polisen", "Årstest", null, TestClock.Now)); // first minute after
            db.CrimeStatistics.Add(new CrimeStatistic(area.Id, 2016, 3, "Skadegörelse", 5));
            db.CrimeStatistics.Add(new CrimeStatistic(area.Id, 2016, 4, "Skadegörelse", 7));
            db.CrimeStatistics.Add(new CrimeStatistic(area.Id, 2017, 4, "Skadegörelse", 2));
            db.SurveyResults.Add(new SurveyResult(area.Id, 2017, "Otrygg ute sent", 27.5m));
            var problem = db.Problems.Add(new Problem(area.Id, "Klotter vid Årsskolan", TestClock.Now)).Entity;
            var group = await db.Groups.FirstAsync(g => g.Kind == GroupKind.Est);
            foreach (var month in AssessedMonths)
            {
                var l = new Lagesbild(group.Id, 2017, month);
                var a = l.Assess(problem);
                l.UpdateAssessment(a.Id, $"Art {month}", "Omfattning", "Konsekvens", Trend.Okande, month == 9 ? 1 : 2);
                if (month == 9)
                {
                    l.AddCause(a.Id, "Skymd sikt", CauseKind.Situationell, "Trygghetsvandring");
                }
                db.Lagesbilder.Add(l);
            }
            await db.SaveChangesAsync();
            return await new FordjupadCompiler(db, TestClock.Instance).CompileAsync(2016, 2017);
        });

        Assert.Equal([2016, 2017], figures.Years);
        Assert.Equal([2, 1], figures.IncidentsByArea.Single(r => r.Label == "Årsområdet").Values);
        Assert.Equal([2, 0], figures.IncidentsByCategory.Single(r => r.Label == "Klotter").Values);
        Assert.Equal([12, 2], figures.ReportedCrimes.Single(r => r.Label == "Skadegörelse").Values);
        Assert.Equal([null, 27.5m], figures.Surveys.Single(s => s.Area == "Årsområdet").Values);
        var problem = figures.Problems.Single(p => p.Title == "Klotter vid Årsskolan");
        Assert.Equal((2, "Art 9", 1, "september 2017"), (problem.Months, problem.Art, problem.Priority, problem.LatestMonth));
        Assert.Equal("Skymd sikt", Assert.Single(problem.Causes).Text);
    }

    [Fact]
    public async Task The_samordnare_creates_and_writes_it_the_styrgrupp_approves_it_at_a_held_meeting_and_then_it_is_frozen()
    {
        using var client = await app.SignedInClientAsync(TestApp.Email("samordnare", "boras"));
        var (styrgrupp, held, future) = await app.WithDbAsync("boras", async db =>
        {
            var group = await db.Groups.SingleAsync(g => g.Kind == GroupKind.Styrgrupp);
            var now = TestClock.Now;
            var meetings = await db.Meetings.Where(m => m.GroupId == group.Id && !m.Cancelled).Select(m => new { m.Id, m.StartsAt }).ToListAsync();
            return (group.Id, meetings.Where(m => m.StartsAt < now).MaxBy(m => m.StartsAt)!.Id, meetings.Where(m => m.StartsAt > now).MinBy(m => m.StartsAt)?.Id);
        });

        using var bad = await client.SubmitAsync("/boras/lagesbilder", "new-fordjupad", new Dictionary<string, string>
        {
            ["DeepGroupId"] = styrgrupp.ToString(), ["FromYear"] = "2019", ["ToYear"] = "2018",
        });
        var badPage = AppClient.Parse(await bad.Content.ReadAsStringAsync());
        Assert.Equal("Första året kan inte komma efter det sista.", badPage.QuerySelector("#from-year + .field-error")!.TextContent);

        using var created = await client.SubmitAsync("/boras/lagesbilder", "new-fordjupad", new Dictionary<string, string>
        {
            ["DeepGroupId"] = styrgrupp.ToString(), ["FromYear"] = "2018", ["ToYear"] = "2019",
        });
        var url = created.LocationPath();
        var id = Guid.Parse(url[(url.LastIndexOf('/') + 1)..]);

        // Approving before the summary is written is refused; so is a meeting that has not taken place.
        using var early = await client.SubmitAsync(url, "approve", new Dictionary<string, string> { ["MeetingId"] = held.ToString() });
        Assert.Contains("Skriv en sammanfattning", AppClient.Parse(await early.Content.ReadAsStringAsync()).QuerySelector(".alert--error")!.TextContent, StringComparison.Ordinal);

        using var texts = await client.SubmitAsync(url, "texts", new Dictionary<string, string>
        {
            ["Summary"] = "Oförändrat läge.", ["Development"] = "Klotter dominerar.", ["Priorities"] = "Belysning först.",
        });
        Assert.Contains("Texterna är sparade.", await texts.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotNull(future); // the demo plans the styrgrupp's meetings ahead
        using var notHeld = await client.SubmitAsync(url, "approve", new Dictionary<string, string> { ["MeetingId"] = future.Value.ToString() });
        Assert.Contains("Mötet har inte hållits", AppClient.Parse(await notHeld.Content.ReadAsStringAsync()).QuerySelector(".alert--error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(FordjupadStatus.Utkast, await app.WithDbAsync("boras", db => db.FordjupadeLagesbilder.Where(f => f.Id == id).Select(f => f.Status).SingleAsync()));

        using var approved = await client.SubmitAsync(url, "approve", new Dictionary<string, string> { ["MeetingId"] = held.ToString() });
        Assert.Contains("är godkänd", await approved.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var page = await client.PageAsync(url);
        var totals = page.QuerySelector("section[aria-labelledby=development-heading] p:not(.prose)")!.TextContent;
        Assert.Null(page.QuerySelector("form textarea"));
        Assert.Equal($"/boras/moten/{held}", page.QuerySelector("main a[href*=\"moten/\"]")!.GetAttribute("href"));

        // Later records do not change the approved figures, and the texts cannot be changed.
        await app.WithDbAsync("boras", async db =>
        {
            var area = await db.Areas.FirstAsync();
            var category = await db.IncidentCategories.FirstAsync();
            db.Incidents.Add(new Incident(category.Id, area.Id, "", SwedishTime.At(new DateOnly(2019, 5, 5), new TimeOnly(12, 0)), "Polisen", "Efteranmälan", null, TestClock.Now));
            return await db.SaveChangesAsync();
        });
        Assert.Equal(totals, (await client.PageAsync(url)).QuerySelector("section[aria-labelledby=development-heading] p:not(.prose)")!.TextContent);
        var frozen = await app.WithDbAsync("boras", db => db.FordjupadeLagesbilder.SingleAsync(f => f.Id == id));
        Assert.Throws<DomainException>(() => frozen.WriteTexts("Ändrad", "", "", "", ""));
        Assert.Equal("Oförändrat läge.", FordjupadSnapshot.Read(frozen.Snapshot)!.Summary);
    }

    [Fact]
    public async Task A_reader_reads_it_without_forms_and_a_member_outside_the_styrgrupp_cannot_create_one()
    {
        var id = await app.WithDbAsync("orebro", db => db.FordjupadeLagesbilder.Select(f => f.Id).FirstAsync());
        using var lasare = await app.SignedInClientAsync(TestApp.Email("lasare", "orebro"));
        var page = await lasare.PageAsync($"/orebro/fordjupad/{id}");
        Assert.StartsWith("Fördjupad lägesbild", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(page.QuerySelectorAll("form"), f => f.QuerySelector("input[name=_handler]") is not null);

        using var medlem = await app.SignedInClientAsync(TestApp.Email("medlem", "orebro"));
        var list = await medlem.PageAsync("/orebro/lagesbilder");
        Assert.Null(list.QuerySelector("#deep-group"));

        using var other = await app.SignedInClientAsync(TestApp.Email("samordnare", "karlstad"));
        using var foreign = await other.GetAsync($"/karlstad/fordjupad/{id}");
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }
}
