using System.Net;
using Microsoft.EntityFrameworkCore;
using SakraStader.Domain;
using SakraStader.Features.Commands;
using SakraStader.Features.Groups;
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

    /// <summary>
    /// A year without any figures (before the register was kept) shows "–", never 0; a category without incidents in a
    /// year that has figures is a true 0. The running year's label names its real last day.
    /// </summary>
    [Fact]
    public async Task A_year_without_figures_is_a_dash_not_a_zero_and_the_running_year_says_up_to_which_day()
    {
        var (old, running) = await app.WithDbAsync("boras", async db =>
        {
            var area = await db.Areas.OrderBy(a => a.Id).FirstAsync();
            var klotter = await db.IncidentCategories.SingleAsync(c => c.Name == "Klotter");
            var brand = await db.IncidentCategories.SingleAsync(c => c.Name == "Bilbrand");
            void Add(Guid category, int year) =>
                db.Incidents.Add(new Incident(category, area.Id, "", SwedishTime.At(new DateOnly(year, 5, 1), new TimeOnly(12, 0)), "Polisen", "Gammalt", null, TestClock.Now));
            // Years long before the demo data (an incident may be at most 20 years old).
            var year = SwedishTime.DateOf(TestClock.Now).Year;
            Add(klotter.Id, year - 14);
            Add(brand.Id, year - 13);
            await db.SaveChangesAsync();
            return (await new FordjupadCompiler(db, TestClock.Instance).CompileAsync(year - 15, year - 13),
                await new FordjupadCompiler(db, TestClock.Instance).CompileAsync(year - 1, year));
        });

        Assert.Equal([null, 1, 1], old.IncidentTotal.Values);
        Assert.Equal([null, 1, 0], old.IncidentsByCategory.Single(r => r.Label == "Klotter").Values);
        Assert.Equal([null, 0, 1], old.IncidentsByCategory.Single(r => r.Label == "Bilbrand").Values);
        Assert.Empty(old.ReportedCrimes);
        Assert.Equal("–", SakraStader.Components.Ui.Sv.Number(old.IncidentTotal.Values[0]));
        var today = SwedishTime.DateOf(TestClock.Now);
        Assert.Equal($"{today.Year} (t.o.m. {today.ToString("d MMMM", SakraStader.Components.Ui.Sv.Culture)})", running.YearLabels[^1]);
        Assert.Equal((today.Year - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), running.YearLabels[0]);
    }

    private static Task<CommandResult<Guid>> Create(Operations ops, Guid group, int from, int to) =>
        ops.SendAsync<LagesbildListWork, Guid>(GroupRightRequirement.Edit, group,
            (w, ct) => w.CreateFordjupadAsync(new NewFordjupadInput { GroupId = group, FromYear = from, ToYear = to }, ct), "Skapad.");

    private static Task<CommandResult<Guid>> Write(Operations ops, FordjupadPageModel model, FordjupadText field, string text, string seen) =>
        ops.SaveAsync<FordjupadWork>(GroupRightRequirement.Edit, model.GroupId, (w, ct) => w.WriteTextAsync(model.Id, model.GroupId, field, text, seen, ct), "Sparat.");

    private static Task<CommandResult<Guid>> Approve(Operations ops, FordjupadPageModel model, Guid? meeting, Guid version) =>
        ops.SaveAsync<FordjupadWork>(GroupRightRequirement.ChairOrManage, model.GroupId, (w, ct) => w.ApproveAsync(model.Id, model.GroupId, meeting, version, ct), "Godkänd.");

    private static async Task<FordjupadPageModel> Read(Operations ops, Guid id) =>
        (await ops.ReadAsync<FordjupadWork, FordjupadPageModel?>((w, ct) => w.ReadAsync(id, ct)))!;

    [Fact]
    public async Task The_samordnare_creates_and_writes_it_the_styrgrupp_approves_it_at_a_held_meeting_and_then_it_is_frozen()
    {
        var samordnare = TestApp.Email("samordnare", "boras");
        var (styrgrupp, held, future) = await app.WithDbAsync("boras", async db =>
        {
            var group = await db.Groups.SingleAsync(g => g.Kind == GroupKind.Styrgrupp);
            var now = TestClock.Now;
            var meetings = await db.Meetings.Where(m => m.GroupId == group.Id && !m.Cancelled).Select(m => new { m.Id, m.StartsAt }).ToListAsync();
            return (group.Id, meetings.Where(m => m.StartsAt < now).MaxBy(m => m.StartsAt)!.Id, meetings.Where(m => m.StartsAt > now).MinBy(m => m.StartsAt)?.Id);
        });
        var est = await app.WithDbAsync("boras", db => db.Groups.Where(g => g.Kind == GroupKind.Est).Select(g => g.Id).SingleAsync());

        var id = await app.AsUserAsync(samordnare, "boras", async ops =>
        {
            var bad = await Create(ops, styrgrupp, 2019, 2018);
            Assert.Equal(("Första året kan inte komma efter det sista.", nameof(FordjupadLagesbild.FromYear)), (bad.Message, bad.Field));
            var notSteering = await Create(ops, est, 2018, 2019);
            Assert.Equal(nameof(NewFordjupadInput.GroupId), notSteering.Field);
            var created = await Create(ops, styrgrupp, 2018, 2019);
            Assert.True(created.Succeeded, created.Message);
            var model = await Read(ops, created.Value);
            Assert.True(model.CanWrite);
            Assert.True(model.CanDecide);
            Assert.NotEmpty(model.Meetings);

            // Approving before the summary is written is refused; so is a meeting that has not taken place.
            var early = await Approve(ops, model, held, model.Version);
            Assert.Contains("Skriv en sammanfattning", early.Message, StringComparison.Ordinal);
            var summary = await Write(ops, model, FordjupadText.Summary, "Oförändrat läge.", "");
            Assert.True(summary.Succeeded, summary.Message);
            // A save over a text the user did not see is refused with the stored text to show beside theirs.
            var stale = await Write(ops, model, FordjupadText.Summary, "Min äldre text.", "");
            Assert.True(stale.Conflict);
            Assert.Equal(("Oförändrat läge.", nameof(FordjupadText.Summary)), (stale.Current, stale.Field));
            Assert.True((await Write(ops, model, FordjupadText.Development, "Klotter dominerar.", "")).Succeeded);
            Assert.True((await Write(ops, model, FordjupadText.Priorities, "Belysning först.", "")).Succeeded);
            var pnr = await Write(ops, model, FordjupadText.Causes, "Se 811218-9876.", "");
            Assert.Equal((PersonalData.Message, nameof(FordjupadText.Causes)), (pnr.Message, pnr.Field));
            // Approving the version first opened (before the texts) is refused: the chair approves what they have seen.
            var staleApproval = await Approve(ops, model, held, model.Version);
            Assert.True(staleApproval.Conflict);
            model = await Read(ops, created.Value);
            Assert.Equal("Oförändrat läge.", model.Texts.Summary);
            Assert.NotNull(future); // the demo plans the styrgrupp's meetings ahead
            var notHeld = await Approve(ops, model, future, model.Version);
            Assert.Contains("Mötet har inte hållits", notHeld.Message, StringComparison.Ordinal);
            Assert.Equal(nameof(FordjupadLagesbild.MeetingId), notHeld.Field);
            var approved = await Approve(ops, model, held, model.Version);
            Assert.True(approved.Succeeded, approved.Message);
            return created.Value;
        });
        Assert.Equal(FordjupadStatus.Godkand, await app.WithDbAsync("boras", db => db.FordjupadeLagesbilder.Where(f => f.Id == id).Select(f => f.Status).SingleAsync()));

        using var client = await app.SignedInClientAsync(samordnare);
        var url = $"/boras/fordjupad/{id}";
        var page = await client.PageAsync(url);
        var totals = page.QuerySelector("section[aria-labelledby=development-heading] p:not(.prose)")!.TextContent;
        Assert.Empty(page.QuerySelectorAll("main textarea"));
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
        var late = await app.AsUserAsync(samordnare, "boras", async ops =>
        {
            var model = await Read(ops, id);
            Assert.False(model.CanWrite);
            return await Write(ops, model, FordjupadText.Summary, "Ändrad", "Oförändrat läge.");
        });
        Assert.Contains("är godkänd", late.Message, StringComparison.Ordinal);
        var frozen = await app.WithDbAsync("boras", db => db.FordjupadeLagesbilder.SingleAsync(f => f.Id == id));
        Assert.Equal("Oförändrat läge.", frozen.Summary);
        Assert.Equal("Oförändrat läge.", FordjupadSnapshot.Read(frozen.Snapshot)!.Summary);
    }

    [Fact]
    public async Task A_member_outside_the_styrgrupp_and_another_kommun_change_nothing()
    {
        var (id, styrgrupp) = await app.WithDbAsync("orebro", async db => await db.FordjupadeLagesbilder.Select(f => new ValueTuple<Guid, Guid>(f.Id, f.GroupId)).FirstAsync());
        var summary = await app.WithDbAsync("orebro", db => db.FordjupadeLagesbilder.Where(f => f.Id == id).Select(f => f.Summary).SingleAsync());
        var (reader, member) = (TestApp.Email("lasare", "orebro"), TestApp.Email("medlem", "orebro"));
        Assert.False(await app.WithDbAsync("orebro", db => db.GroupMembers.AnyAsync(m => m.GroupId == styrgrupp && db.Users.Any(u => u.Id == m.UserId && u.Email == member))));
        foreach (var email in new[] { reader, member })
        {
            var result = await app.AsUserAsync(email, "orebro", async ops =>
            {
                var model = await Read(ops, id);
                Assert.False(model.CanWrite);
                Assert.False(model.CanDecide);
                Assert.True((await Create(ops, styrgrupp, 2020, 2021)).Forbidden);
                return await Write(ops, model, FordjupadText.Summary, "Obehörig text.", model.Texts.Summary);
            });
            Assert.True(result.Forbidden);
        }
        // Another kommun's samordnare finds nothing, and their right in their own groups does not reach it.
        var (found, written) = await app.AsUserAsync(TestApp.Email("samordnare", "karlstad"), "karlstad", async ops =>
            (await ops.ReadAsync<FordjupadWork, FordjupadPageModel?>((w, ct) => w.ReadAsync(id, ct)),
             await ops.SaveAsync<FordjupadWork>(GroupRightRequirement.Edit, styrgrupp, (w, ct) => w.WriteTextAsync(id, styrgrupp, FordjupadText.Summary, "Karlstad", summary, ct), "Sparat.")));
        Assert.Null(found);
        Assert.False(written.Succeeded);
        Assert.Equal(summary, await app.WithDbAsync("orebro", db => db.FordjupadeLagesbilder.Where(f => f.Id == id).Select(f => f.Summary).SingleAsync()));
    }

    [Fact]
    public async Task A_reader_reads_it_without_forms_and_a_member_outside_the_styrgrupp_cannot_create_one()
    {
        var id = await app.WithDbAsync("orebro", db => db.FordjupadeLagesbilder.Select(f => f.Id).FirstAsync());
        using var lasare = await app.SignedInClientAsync(TestApp.Email("lasare", "orebro"));
        var page = await lasare.PageAsync($"/orebro/fordjupad/{id}");
        Assert.StartsWith("Fördjupad lägesbild", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("main textarea"));
        Assert.DoesNotContain("Godkänn den fördjupade lägesbilden", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        // The form that starts one is offered to the samordnare, not to a member outside the styrgrupp.
        using var samordnare = await app.SignedInClientAsync(TestApp.Email("samordnare", "orebro"));
        Assert.Contains("Skapa fördjupad lägesbild", (await samordnare.PageAsync("/orebro/lagesbilder")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        using var medlem = await app.SignedInClientAsync(TestApp.Email("medlem", "orebro"));
        var list = await medlem.PageAsync("/orebro/lagesbilder");
        Assert.DoesNotContain("Skapa fördjupad lägesbild", list.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        using var other = await app.SignedInClientAsync(TestApp.Email("samordnare", "karlstad"));
        using var foreign = await other.GetAsync($"/karlstad/fordjupad/{id}");
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }
}
