using System.Net;
using Microsoft.EntityFrameworkCore;
using SakraStader.Domain;
using SakraStader.Features.Commands;
using SakraStader.Features.Groups;
using SakraStader.Features.Lagesbilder;
using SakraStader.Tests.Support;

namespace SakraStader.Tests.Integration;

/// <summary>Åtgärdsplaner over HTTP: the plan's figures, creating a measure from a problem, follow-up, evaluation, conflicts.</summary>
[Trait("Category", "Integration")]
public sealed class AtgardTests(TestApp app) : IClassFixture<TestApp>
{
    private Task<(Guid Plan, Guid Group)> PlanAsync(string slug) => app.WithDbAsync(slug, async db =>
    {
        var plan = await db.Atgardsplaner.SingleAsync(p => p.Title == "EST:s åtgärdsplan hösten");
        return (plan.Id, plan.GroupId);
    });

    [Fact]
    public async Task The_plan_shows_its_measures_with_cost_totals_and_overdue_count_computed_from_the_data()
    {
        var (plan, _) = await PlanAsync("kristianstad");
        var (planned, actual, overdue) = await app.WithDbAsync("kristianstad", async db =>
        {
            var all = await db.Atgarder.Where(a => a.PlanId == plan).ToListAsync();
            var today = SwedishTime.DateOf(TestClock.Now);
            return (all.Sum(a => a.PlannedCost ?? 0), all.Sum(a => a.ActualCost ?? 0), all.Count(a => a.IsOverdue(today)));
        });
        using var client = await app.SignedInClientAsync(TestApp.Email("lasare", "kristianstad"));
        var page = await client.PageAsync($"/kristianstad/atgardsplaner/{plan}");
        var stats = page.QuerySelectorAll(".stat").ToDictionary(s => s.QuerySelector(".stat__label")!.TextContent, s => s.QuerySelector(".stat__value")!.TextContent.Replace('\u00a0', ' '));

        Assert.Equal(overdue.ToString(System.Globalization.CultureInfo.InvariantCulture), stats["försenade"]);
        Assert.Equal(1, overdue);
        Assert.Equal(planned.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("sv-SE")).Replace('\u00a0', ' ') + " kr", stats["planerad kostnad"]);
        Assert.Equal(actual.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("sv-SE")).Replace('\u00a0', ' ') + " kr", stats["faktisk kostnad"]);
        Assert.Equal(1, page.QuerySelectorAll("tbody .status--warn").Length);
        Assert.Null(page.QuerySelector("form input[name=_handler][value=new-measure]")); // a läsare reads
    }

    [Fact]
    public async Task A_measure_is_created_from_a_problem_followed_up_and_completed_with_its_evaluation()
    {
        var problem = await app.WithDbAsync("haninge", db => db.Problems.OrderBy(p => p.CreatedAt).Select(p => p.Id).FirstAsync());
        using var client = await app.SignedInClientAsync(TestApp.Email("samordnare", "haninge"));

        // The problem's page offers the group's plans; the demo plan is decided: a new measure needs a note saying why.
        var id = await app.AsUserAsync(TestApp.Email("samordnare", "haninge"), "haninge", async ops =>
        {
            var model = (await ops.ReadAsync<ProblemWork, ProblemPageModel?>((w, ct) => w.ReadAsync(problem, ct)))!;
            var plan = model.Plans.First(p => p.Decided);
            Task<CommandResult<Guid>> Add(ProblemMeasureInput input) =>
                ops.SendAsync<ProblemWork, Guid>(GroupRightRequirement.Edit, plan.GroupId, (w, ct) => w.AddMeasureAsync(problem, plan.GroupId, input, ct), "Tillagd.");
            var noNote = await Add(new ProblemMeasureInput { PlanId = plan.Id, Title = "Trygghetsvandring med boende" });
            Assert.Contains("Skriv kort vad som ändras", noNote.Message, StringComparison.Ordinal);
            Assert.Equal("Note", noNote.Field);
            var noTitle = await Add(new ProblemMeasureInput { PlanId = plan.Id, RevisionNote = "Boende bad om en vandring." });
            Assert.Equal(("Ge åtgärden en rubrik.", "Title"), (noTitle.Message, noTitle.Field));
            var created = await Add(new ProblemMeasureInput { PlanId = plan.Id, Title = "Trygghetsvandring med boende", RevisionNote = "Boende bad om en vandring i september." });
            Assert.True(created.Succeeded, created.Message);
            return created.Value;
        });
        var url = $"/haninge/atgarder/{id}";
        Assert.Equal(problem, await app.WithDbAsync("haninge", db => db.Atgarder.Where(a => a.Id == id).Select(a => a.ProblemId).SingleAsync()));
        Assert.True(await app.WithDbAsync("haninge", db => db.Set<PlanRevision>().AnyAsync(r => r.Note == "Boende bad om en vandring i september.")));

        using var progress = await client.SubmitAsync(url, "progress", new Dictionary<string, string> { ["ProgressText"] = "Inbjudan skickad till alla hushåll." });
        Assert.Contains("Inbjudan skickad", (await client.PageAsync(url)).QuerySelector(".followups")!.TextContent, StringComparison.Ordinal);

        using var unevaluated = await client.SubmitAsync(url, "complete", new Dictionary<string, string> { ["Learned"] = "Bra uppslutning." });
        Assert.Contains("uppnådd", AppClient.Parse(await unevaluated.Content.ReadAsStringAsync()).QuerySelector("fieldset + .field-error")!.TextContent, StringComparison.Ordinal);
        using var done = await client.SubmitAsync(url, "complete", new Dictionary<string, string>
        {
            ["OutcomeValue"] = nameof(Outcome.Uppnadd), ["Learned"] = "Bra uppslutning; tre nya lampor beställda.", ["ActualCostText"] = "4 500",
        });
        var measure = await app.WithDbAsync("haninge", db => db.Atgarder.SingleAsync(a => a.Id == id));
        Assert.Equal((AtgardStatus.Genomford, Outcome.Uppnadd, 4500m), (measure.Status, measure.Outcome, measure.ActualCost));

        // The problem's page shows the measure and its outcome beside the assessments.
        var problemPage = await client.PageAsync($"/haninge/problem/{problem}");
        Assert.Contains("Uppnådd: Bra uppslutning", problemPage.QuerySelector("section[aria-labelledby=measures-heading]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_save_of_the_same_measure_is_told_about_the_other_change_and_keeps_its_input()
    {
        var id = await app.WithDbAsync("karlstad", db => db.Atgarder.Where(a => a.Status == AtgardStatus.Planerad).Select(a => a.Id).FirstAsync());
        var url = $"/karlstad/atgarder/{id}";
        using var first = await app.SignedInClientAsync(TestApp.Email("samordnare", "karlstad"));
        using var second = await app.SignedInClientAsync(TestApp.Email("samordnare", "karlstad"));
        var stale = AppClient.CurrentValues(AppClient.FindForm(await second.PageAsync(url), "edit"));

        using var saved = await first.SubmitAsync(url, "edit", new Dictionary<string, string> { ["EditTitle"] = "Kameror vid båda parkeringarna", ["RevisionNote"] = "Två parkeringar." });
        Assert.Contains("Åtgärden är sparad.", await saved.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        stale["EditTitle"] = "Kameror och belysning";
        stale["RevisionNote"] = "Belysning också.";
        using var refused = await second.Http.PostAsync(url, new FormUrlEncodedContent(stale));
        var page = AppClient.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Någon annan sparade åtgärden", page.QuerySelector("form .field-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Kameror och belysning", page.QuerySelector("#e-title")!.GetAttribute("value"));
        Assert.Equal("Kameror vid båda parkeringarna", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("Kameror vid båda parkeringarna", await app.WithDbAsync("karlstad", db => db.Atgarder.Where(a => a.Id == id).Select(a => a.Title).SingleAsync()));
    }

    [Fact]
    public async Task Bad_input_and_people_outside_the_group_or_the_kommun_change_nothing()
    {
        var id = await app.WithDbAsync("boras", db => db.Atgarder.Where(a => a.Status == AtgardStatus.Planerad).Select(a => a.Id).FirstAsync());
        var url = $"/boras/atgarder/{id}";
        using var samordnare = await app.SignedInClientAsync(TestApp.Email("samordnare", "boras"));

        using var dates = await samordnare.SubmitAsync(url, "edit", new Dictionary<string, string> { ["Start"] = "2026-05-01", ["Due"] = "2026-04-30", ["RevisionNote"] = "Nytt datum." });
        var page = AppClient.Parse(await dates.Content.ReadAsStringAsync());
        Assert.Equal("Slutdatum kan inte komma före startdatum.", page.QuerySelector("#e-due + .field-error")!.TextContent);
        Assert.Equal("2026-04-30", page.QuerySelector("#e-due")!.GetAttribute("value"));

        using var stranger = await samordnare.SubmitAsync(url, "edit", new Dictionary<string, string> { ["OwnerId"] = Guid.NewGuid().ToString(), ["RevisionNote"] = "Ny ansvarig." });
        Assert.Contains("måste vara medlem i kommunen", await stranger.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var noNote = await samordnare.SubmitAsync(url, "edit", new Dictionary<string, string> { ["EditTitle"] = "Utan anteckning", ["RevisionNote"] = "" });
        Assert.Contains("Skriv kort vad som ändras", await noNote.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotEqual("Utan anteckning", await app.WithDbAsync("boras", db => db.Atgarder.Where(a => a.Id == id).Select(a => a.Title).SingleAsync()));

        using var lasare = await app.SignedInClientAsync(TestApp.Email("lasare", "boras"));
        Assert.Null((await lasare.PageAsync(url)).QuerySelector("form input[name=_handler][value=edit]"));

        using var other = await app.SignedInClientAsync(TestApp.Email("samordnare", "orebro"));
        using var foreign = await other.GetAsync($"/orebro/atgarder/{id}");
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }

    [Fact]
    public async Task A_measure_targets_several_problems_and_causes_from_their_latest_cause_analysis()
    {
        var (plan, _) = await PlanAsync("kristianstad");
        var (id, fires, graffiti) = await app.WithDbAsync("kristianstad", async db => (
            await db.Atgarder.Where(a => a.Title == "Kameror vid parkeringarna").Select(a => a.Id).SingleAsync(),
            await db.Problems.Where(p => p.Title == "Bilbränder på parkeringarna sommartid").Select(p => p.Id).SingleAsync(),
            await db.Problems.Where(p => p.Title.StartsWith("Klotter och samlingsplats")).Select(p => new { p.Id, p.Title }).SingleAsync()));
        var url = $"/kristianstad/atgarder/{id}";
        using var client = await app.SignedInClientAsync(TestApp.Email("samordnare", "kristianstad"));
        var form = AppClient.FindForm(await client.PageAsync(url), "targets");
        // The graffiti problem's causes come from its latest analysis; the measure already targets the fires' cause.
        var youthCause = form.QuerySelectorAll("label").Single(l => l.TextContent.StartsWith("Få meningsfulla fritidsaktiviteter", StringComparison.Ordinal)).GetAttribute("for")!;
        var youthValue = form.QuerySelector($"#{youthCause}")!.GetAttribute("value")!;
        var firesCause = form.QuerySelectorAll("input[name=TargetCauses][checked]").Single().GetAttribute("value")!;
        List<KeyValuePair<string, string>> Post(params (string Key, string Value)[] choices) =>
        [
            .. AppClient.CurrentValues(form).Where(v => v.Key is not ("TargetProblems" or "TargetCauses" or "RevisionNote")),
            new("RevisionNote", "Kamerorna ska också täcka centrumhuset."),
            .. choices.Select(c => new KeyValuePair<string, string>(c.Key, c.Value)),
        ];

        // A cause whose problem is not chosen: refused next to the choices, the boxes as posted, nothing saved.
        using var refused = await client.Http.PostAsync(url, new FormUrlEncodedContent(Post(("TargetProblems", fires.ToString()), ("TargetCauses", firesCause), ("TargetCauses", youthValue))));
        var page = AppClient.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Contains("hör till ett problem som inte är valt", AppClient.FindForm(page, "targets").QuerySelector(".field-error")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"#{youthCause}[checked]"));
        Assert.Null(page.QuerySelector($"#tp-{graffiti.Id}[checked]"));
        Assert.Equal(1, await app.WithDbAsync("kristianstad", db => db.Atgarder.Where(a => a.Id == id).SelectMany(a => a.Problems).CountAsync()));

        using var saved = await client.Http.PostAsync(url, new FormUrlEncodedContent(Post(
            ("TargetProblems", fires.ToString()), ("TargetProblems", graffiti.Id.ToString()), ("TargetCauses", firesCause), ("TargetCauses", youthValue))));
        page = AppClient.Parse(await saved.Content.ReadAsStringAsync());
        Assert.Contains("Problem och orsaker är sparade.", page.QuerySelector(".alert")!.TextContent, StringComparison.Ordinal);
        var shown = page.QuerySelectorAll(".targets > li").Select(li => li.TextContent).ToList();
        Assert.Equal(2, shown.Count);
        Assert.StartsWith("Bilbränder på parkeringarna sommartid", shown[0].Trim(), StringComparison.Ordinal); // the main problem stays first
        Assert.Contains("Orsak: Oövervakade parkeringar med skymd sikt", shown[0], StringComparison.Ordinal);
        Assert.Contains("Orsak: Få meningsfulla fritidsaktiviteter kvällstid för äldre tonåringar", shown[1], StringComparison.Ordinal);
        var (problems, causes, audited) = await app.WithDbAsync("kristianstad", async db => (
            await db.Atgarder.Where(a => a.Id == id).SelectMany(a => a.Problems).Select(p => p.ProblemId).ToListAsync(),
            await db.Atgarder.Where(a => a.Id == id).SelectMany(a => a.AnalysedCauses).Select(c => c.Text).OrderBy(t => t).ToListAsync(),
            await db.AuditEntries.CountAsync(e => e.EntityType == nameof(AtgardProblem) && e.Action == AuditAction.Created)));
        Assert.Equal(new[] { fires, graffiti.Id }.Order(), problems.Order());
        Assert.Equal(["Få meningsfulla fritidsaktiviteter kvällstid för äldre tonåringar", "Oövervakade parkeringar med skymd sikt"], causes);
        Assert.True(audited >= 1);

        // The second problem's page, the list filtered by it, and the exported sheet all find the measure.
        Assert.Contains("Kameror vid parkeringarna", (await client.PageAsync($"/kristianstad/problem/{graffiti.Id}")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Kameror vid parkeringarna", (await client.PageAsync($"/kristianstad/atgarder?vy=alla&problem={graffiti.Id}")).QuerySelector("main table")!.TextContent, StringComparison.Ordinal);
        using var csv = await client.GetAsync($"/kristianstad/atgardsplaner/{plan}/export.csv");
        Assert.Contains($"Bilbränder på parkeringarna sommartid; {graffiti.Title}", await csv.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_plan_exports_as_xlsx_and_csv_that_read_back_to_the_measures()
    {
        var (plan, _) = await PlanAsync("orebro");
        var measures = await app.WithDbAsync("orebro", db => db.Atgarder.Where(a => a.PlanId == plan)
            .Select(a => new { a.Id, a.Title, a.PlannedCost, a.Status }).ToListAsync());
        using var client = await app.SignedInClientAsync(TestApp.Email("lasare", "orebro"));

        using var xlsx = await client.GetAsync($"/orebro/atgardsplaner/{plan}/export.xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        var sheet = Features.Atgarder.Xlsx.Read(await xlsx.Content.ReadAsStreamAsync());
        Assert.Equal(Features.Atgarder.PlanExport.Header, sheet[0]);
        Assert.Equal(measures.Count, sheet.Count - 1);
        foreach (var m in measures)
        {
            var header = Features.Atgarder.PlanExport.Header.ToList();
            var row = sheet.Single(r => r[header.IndexOf("Id")] == m.Id.ToString());
            Assert.Equal(m.Title, row[header.IndexOf("Åtgärd")]);
            Assert.Equal(m.Status.Display(), row[header.IndexOf("Status")]);
            Assert.Equal(m.PlannedCost?.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) ?? "", row[header.IndexOf("Planerad kostnad")]);
        }

        var csv = await client.Http.GetByteArrayAsync($"/orebro/atgardsplaner/{plan}/export.csv");
        var records = new List<Features.Import.CsvRecord>();
        await foreach (var r in Features.Import.CsvReader.ReadAsync(new MemoryStream(csv)))
        {
            records.Add(r);
        }
        Assert.Equal(sheet.Select(r => string.Join("|", r)), records.Select(r => string.Join("|", r.Fields)));

        using var other = await app.SignedInClientAsync(TestApp.Email("samordnare", "boras"));
        using var foreign = await other.GetAsync($"/boras/atgardsplaner/{plan}/export.xlsx");
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }

    [Fact]
    public async Task The_styrgrupps_long_term_plan_builds_on_its_fordjupad_lagesbild_and_the_ests_on_its_lagesbild()
    {
        var (styrgrupp, deep, est, latest) = await app.WithDbAsync("orebro", async db =>
        {
            var s = await db.Groups.SingleAsync(g => g.Kind == GroupKind.Styrgrupp);
            var e = await db.Groups.SingleAsync(g => g.Kind == GroupKind.Est);
            return (s.Id, await db.FordjupadeLagesbilder.Where(f => f.GroupId == s.Id).Select(f => f.Id).SingleAsync(),
                e.Id, await db.Lagesbilder.Where(l => l.GroupId == e.Id).OrderByDescending(l => l.Year).ThenByDescending(l => l.Month).Select(l => l.Id).FirstAsync());
        });
        using var client = await app.SignedInClientAsync(TestApp.Email("samordnare", "orebro"));
        using var created = await client.SubmitAsync("/orebro/atgardsplaner", "new-plan", new Dictionary<string, string> { ["GroupId"] = styrgrupp.ToString(), ["Title"] = "Strategisk plan" });
        var page = await client.PageAsync(created.LocationPath());
        Assert.Equal($"/orebro/fordjupad/{deep}", page.QuerySelector("main p a[href*=fordjupad]")!.GetAttribute("href"));
        var plan = await app.WithDbAsync("orebro", db => db.Atgardsplaner.SingleAsync(p => p.Title == "Strategisk plan"));
        Assert.Equal((PlanKind.Langsiktig, deep), (plan.Kind, plan.FordjupadId!.Value));

        using var short_ = await client.SubmitAsync("/orebro/atgardsplaner", "new-plan", new Dictionary<string, string> { ["GroupId"] = est.ToString(), ["Title"] = "Kortsiktig plan" });
        var estPage = await client.PageAsync(short_.LocationPath());
        Assert.Equal($"/orebro/lagesbilder/{latest}", estPage.QuerySelector("main p a[href*=lagesbilder]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Mina_atgarder_lists_the_owners_measures_and_the_overdue_list_only_late_ones()
    {
        var (ownerEmail, owned) = await app.WithDbAsync("orebro", async db =>
        {
            var owner = await db.Atgarder.Where(a => a.ResponsibleUserId != null).Select(a => a.ResponsibleUserId!.Value).FirstAsync();
            var titles = await db.Atgarder.Where(a => a.ResponsibleUserId == owner).Select(a => a.Title).ToListAsync();
            return (await db.Users.Where(u => u.Id == owner).Select(u => u.Email!).SingleAsync(), titles);
        });
        using var client = await app.SignedInClientAsync(ownerEmail);
        var mine = await client.PageAsync("/orebro/atgarder");
        Assert.Equal(owned.Order(), mine.QuerySelectorAll("tbody th a").Select(a => a.TextContent).Order());

        // Filtered on the server: one problem's measures, one organisation's.
        var (problem, expected, organisation, byOrganisation) = await app.WithDbAsync("orebro", async db =>
        {
            var pid = await db.Atgarder.Where(a => a.ProblemId != null).Select(a => a.ProblemId!.Value).FirstAsync();
            var org = await db.Atgarder.Where(a => a.ResponsibleOrganisation != "").Select(a => a.ResponsibleOrganisation).FirstAsync();
            // Every measure that targets the problem, also those whose main problem is another.
            return (pid, await db.Atgarder.Where(a => a.Problems.Any(t => t.ProblemId == pid)).Select(a => a.Title).ToListAsync(),
                org, await db.Atgarder.Where(a => a.ResponsibleOrganisation == org).Select(a => a.Title).ToListAsync());
        });
        var filtered = await client.PageAsync($"/orebro/atgarder?vy=alla&problem={problem}");
        Assert.Equal(expected.Order(), filtered.QuerySelectorAll("tbody th a").Select(a => a.TextContent).Order());
        var byOrg = await client.PageAsync($"/orebro/atgarder?vy=alla&organisation={Uri.EscapeDataString(organisation)}");
        Assert.Equal(byOrganisation.Order(), byOrg.QuerySelectorAll("tbody th a").Select(a => a.TextContent).Order());

        var late = await client.PageAsync("/orebro/atgarder?vy=forsenade");
        Assert.All(late.QuerySelectorAll("tbody tr"), r => Assert.NotNull(r.QuerySelector(".status--warn")));
        Assert.Single(late.QuerySelectorAll("tbody tr"));
    }
}
