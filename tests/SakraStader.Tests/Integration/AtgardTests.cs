using System.Net;
using Microsoft.EntityFrameworkCore;
using SakraStader.Components.Lists;
using SakraStader.Domain;
using SakraStader.Features.Atgarder;
using SakraStader.Features.Commands;
using SakraStader.Features.Groups;
using SakraStader.Features.Lagesbilder;
using SakraStader.Tests.Support;

namespace SakraStader.Tests.Integration;

/// <summary>
/// Åtgärdsplaner: the plan's figures (the prerendered page), and the commands of the interactive pages through the
/// command path: creating, following up and completing a measure, conflicts, bad input, rights, other kommuner.
/// </summary>
[Trait("Category", "Integration")]
public sealed class AtgardTests(TestApp app) : IClassFixture<TestApp>
{
    private Task<(Guid Plan, Guid Group)> PlanAsync(string slug) => app.WithDbAsync(slug, async db =>
    {
        var plan = await db.Atgardsplaner.SingleAsync(p => p.Title == "EST:s åtgärdsplan hösten");
        return (plan.Id, plan.GroupId);
    });

    private static Task<AtgardPageModel?> Read(Operations ops, Guid id) => ops.ReadAsync<AtgardWork, AtgardPageModel?>((w, ct) => w.ReadAsync(id, ct));

    private static Task<CommandResult<Guid>> Send(Operations ops, Guid groupId, Func<AtgardWork, CancellationToken, Task<IVersioned>> command) =>
        ops.SaveAsync(GroupRightRequirement.Edit, groupId, command, "Sparat.");

    private static AtgardEditInput Edit(AtgardPageModel m, Action<AtgardEditInput> change)
    {
        var input = AtgardEditInput.From(m);
        change(input);
        return input;
    }

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
        Assert.Equal(1, page.QuerySelectorAll("tbody .atgard-overdue").Length);
        Assert.Null(page.QuerySelector("#m-title")); // a läsare reads: no form for a new measure
        using var samordnare = await app.SignedInClientAsync(TestApp.Email("samordnare", "kristianstad"));
        Assert.NotNull((await samordnare.PageAsync($"/kristianstad/atgardsplaner/{plan}")).QuerySelector("#m-title"));
    }

    [Fact]
    public async Task A_measure_is_created_from_a_problem_followed_up_and_completed_with_its_evaluation()
    {
        var problem = await app.WithDbAsync("haninge", db => db.Problems.OrderBy(p => p.CreatedAt).Select(p => p.Id).FirstAsync());
        var email = TestApp.Email("samordnare", "haninge");
        using var client = await app.SignedInClientAsync(email);

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

        await app.AsUserAsync(email, "haninge", async ops =>
        {
            var m = (await Read(ops, id))!;
            Assert.True(m.CanEdit);
            var empty = await Send(ops, m.GroupId, (w, ct) => w.AddProgressAsync(id, m.GroupId, " ", ct));
            Assert.Equal(("Skriv vad som har hänt.", nameof(AtgardProgress.Text)), (empty.Message, empty.Field));
            var note = await Send(ops, m.GroupId, (w, ct) => w.AddProgressAsync(id, m.GroupId, "Inbjudan skickad till alla hushåll.", ct));
            Assert.True(note.Succeeded, note.Message);
            m = (await Read(ops, id))!;
            Assert.Equal("Inbjudan skickad till alla hushåll.", Assert.Single(m.Progress).Text);

            var unevaluated = await Send(ops, m.GroupId, (w, ct) => w.CompleteAsync(id, m.GroupId, new CompleteInput { SeenVersion = m.Version, Learned = "Bra uppslutning." }, ct));
            Assert.Equal(nameof(Atgard.Outcome), unevaluated.Field);
            Assert.Contains("uppnådd", unevaluated.Message, StringComparison.Ordinal);
            var badCost = await Send(ops, m.GroupId, (w, ct) => w.CompleteAsync(id, m.GroupId,
                new CompleteInput { SeenVersion = m.Version, Outcome = Outcome.Uppnadd, Learned = "Bra.", ActualCost = "fyratusen" }, ct));
            Assert.Equal(nameof(Atgard.ActualCost), badCost.Field);
            var done = await Send(ops, m.GroupId, (w, ct) => w.CompleteAsync(id, m.GroupId, new CompleteInput
            {
                SeenVersion = m.Version, Outcome = Outcome.Uppnadd, Learned = "Bra uppslutning; tre nya lampor beställda.", ActualCost = "4 500",
            }, ct));
            Assert.True(done.Succeeded, done.Message);
            // A closed measure takes no more notes.
            Assert.False((await Send(ops, m.GroupId, (w, ct) => w.AddProgressAsync(id, m.GroupId, "Efteråt.", ct))).Succeeded);
            return true;
        });
        var measure = await app.WithDbAsync("haninge", db => db.Atgarder.SingleAsync(a => a.Id == id));
        Assert.Equal((AtgardStatus.Genomford, Outcome.Uppnadd, 4500m), (measure.Status, measure.Outcome, measure.ActualCost));

        // The problem's page shows the measure and its outcome beside the assessments.
        var problemPage = await client.PageAsync($"/haninge/problem/{problem}");
        Assert.Contains("Uppnådd: Bra uppslutning", problemPage.QuerySelector("section[aria-labelledby=measures-heading]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_save_over_a_version_the_user_did_not_see_is_refused_and_changes_nothing()
    {
        var id = await app.WithDbAsync("karlstad", db => db.Atgarder.Where(a => a.Status == AtgardStatus.Planerad).Select(a => a.Id).FirstAsync());
        var email = TestApp.Email("samordnare", "karlstad");
        await app.AsUserAsync(email, "karlstad", async ops =>
        {
            var stale = (await Read(ops, id))!;
            var first = await Send(ops, stale.GroupId, (w, ct) => w.EditAsync(id, stale.GroupId,
                Edit(stale, i => (i.Title, i.RevisionNote) = ("Kameror vid båda parkeringarna", "Två parkeringar.")), ct));
            Assert.True(first.Succeeded, first.Message);

            var second = await Send(ops, stale.GroupId, (w, ct) => w.EditAsync(id, stale.GroupId,
                Edit(stale, i => (i.Title, i.RevisionNote) = ("Kameror och belysning", "Belysning också.")), ct));
            Assert.True(second.Conflict);
            Assert.Equal(AtgardWork.ChangedMeanwhile, second.Message);
            var targets = await Send(ops, stale.GroupId, (w, ct) => w.TargetAsync(id, stale.GroupId, new TargetInput(stale.Version, [], [], "Inga problem."), ct));
            Assert.True(targets.Conflict);
            var complete = await Send(ops, stale.GroupId, (w, ct) => w.CompleteAsync(id, stale.GroupId,
                new CompleteInput { SeenVersion = stale.Version, Outcome = Outcome.Delvis, Learned = "Gammal vy." }, ct));
            Assert.True(complete.Conflict);

            // A long text saved over a text the user did not start from comes back with the stored one.
            var now = (await Read(ops, id))!;
            Assert.True((await Send(ops, now.GroupId, (w, ct) => w.WriteTextAsync(id, now.GroupId, AtgardTextField.Method, "Situationell prevention.", now.Method, ct))).Succeeded);
            var staleText = await Send(ops, now.GroupId, (w, ct) => w.WriteTextAsync(id, now.GroupId, AtgardTextField.Method, "Min text.", now.Method, ct));
            Assert.True(staleText.Conflict);
            Assert.Equal("Situationell prevention.", staleText.Current);
            return true;
        });
        var saved = await app.WithDbAsync("karlstad", db => db.Atgarder.SingleAsync(a => a.Id == id));
        Assert.Equal(("Kameror vid båda parkeringarna", AtgardStatus.Planerad, "Situationell prevention."), (saved.Title, saved.Status, saved.Method));
        // The decided plan's history notes the text change once.
        Assert.Equal(1, await app.WithDbAsync("karlstad", db => db.Set<PlanRevision>().CountAsync(r => r.Note.Contains("metod eller kunskap den bygger på ändrad"))));
    }

    [Fact]
    public async Task An_empty_or_unreadable_date_never_clears_a_stored_due_date_only_removing_it_does()
    {
        var id = await app.WithDbAsync("boras", db => db.Atgarder.Where(a => a.Title == "Kameror vid parkeringarna").Select(a => a.Id).SingleAsync());
        var stored = await app.WithDbAsync("boras", db => db.Atgarder.Where(a => a.Id == id).Select(a => a.DueDate).SingleAsync());
        await app.AsUserAsync(TestApp.Email("samordnare", "boras"), "boras", async ops =>
        {
            var m = (await Read(ops, id))!;
            var cleared = await Send(ops, m.GroupId, (w, ct) => w.EditAsync(id, m.GroupId, Edit(m, i => (i.Due, i.RevisionNote) = (null, "Datum?")), ct));
            Assert.False(cleared.Succeeded);
            Assert.Equal(nameof(Atgard.DueDate), cleared.Field);
            Assert.Contains("ta bort det", cleared.Message, StringComparison.Ordinal);
            Assert.Equal(stored, await app.WithDbAsync("boras", db => db.Atgarder.Where(a => a.Id == id).Select(a => a.DueDate).SingleAsync()));

            // What the form does with typed text that is not a date: it is not a date, and not a removal.
            var typed = new DateEntry(stored);
            typed.Type("31/12/2026");
            Assert.True(typed.IsUnreadable);
            Assert.Null(typed.Date);
            Assert.False(typed.Remove);

            var removed = await Send(ops, m.GroupId, (w, ct) => w.EditAsync(id, m.GroupId, Edit(m, i => (i.Due, i.RemoveDue, i.RevisionNote) = (null, true, "Datumet tas bort.")), ct));
            Assert.True(removed.Succeeded, removed.Message);
            return true;
        });
        Assert.Null(await app.WithDbAsync("boras", db => db.Atgarder.Where(a => a.Id == id).Select(a => a.DueDate).SingleAsync()));
    }

    [Fact]
    public async Task Bad_input_and_people_outside_the_group_or_the_kommun_change_nothing()
    {
        var id = await app.WithDbAsync("boras", db => db.Atgarder.Where(a => a.Status == AtgardStatus.Planerad).Select(a => a.Id).FirstAsync());
        var before = await app.WithDbAsync("boras", db => db.Atgarder.Where(a => a.Id == id).Select(a => new { a.Title, a.Version }).SingleAsync());
        Guid groupId = default;
        await app.AsUserAsync(TestApp.Email("samordnare", "boras"), "boras", async ops =>
        {
            var m = (await Read(ops, id))!;
            groupId = m.GroupId;
            var dates = await Send(ops, m.GroupId, (w, ct) => w.EditAsync(id, m.GroupId,
                Edit(m, i => (i.Start, i.Due, i.RevisionNote) = (new DateOnly(2026, 5, 1), new DateOnly(2026, 4, 30), "Nytt datum.")), ct));
            Assert.Equal(("Slutdatum kan inte komma före startdatum.", nameof(Atgard.DueDate)), (dates.Message, dates.Field));
            var stranger = await Send(ops, m.GroupId, (w, ct) => w.EditAsync(id, m.GroupId, Edit(m, i => (i.OwnerId, i.RevisionNote) = (Guid.NewGuid(), "Ny ansvarig.")), ct));
            Assert.Equal(("Den ansvariga måste vara medlem i kommunen.", nameof(Atgard.ResponsibleUserId)), (stranger.Message, stranger.Field));
            var noNote = await Send(ops, m.GroupId, (w, ct) => w.EditAsync(id, m.GroupId, Edit(m, i => i.Title = "Utan anteckning"), ct));
            Assert.Equal(nameof(PlanRevision.Note), noNote.Field);
            Assert.Contains("Skriv kort vad som ändras", noNote.Message, StringComparison.Ordinal);
            var cost = await Send(ops, m.GroupId, (w, ct) => w.EditAsync(id, m.GroupId, Edit(m, i => (i.PlannedCost, i.RevisionNote) = ("mycket", "Kostnad.")), ct));
            Assert.Equal(nameof(Atgard.PlannedCost), cost.Field);
            // The group's right is checked against the measure's own plan: another group's id is refused.
            var otherGroup = await Send(ops, Guid.NewGuid(), (w, ct) => w.EditAsync(id, Guid.NewGuid(), Edit(m, i => (i.Title, i.RevisionNote) = ("Fel grupp", "x")), ct));
            Assert.False(otherGroup.Succeeded);
            return true;
        });

        // A läsare sees no forms and is refused by the command path.
        await app.AsUserAsync(TestApp.Email("lasare", "boras"), "boras", async ops =>
        {
            var m = (await Read(ops, id))!;
            Assert.False(m.CanEdit);
            Assert.Empty(m.Owners);
            var refused = await Send(ops, m.GroupId, (w, ct) => w.EditAsync(id, m.GroupId, Edit(m, i => (i.Title, i.RevisionNote) = ("Läsarens titel", "x")), ct));
            Assert.True(refused.Forbidden);
            Assert.True((await Send(ops, m.GroupId, (w, ct) => w.AddProgressAsync(id, m.GroupId, "Läsarens anteckning.", ct))).Forbidden);
            return true;
        });
        using var lasare = await app.SignedInClientAsync(TestApp.Email("lasare", "boras"));
        var page = await lasare.PageAsync($"/boras/atgarder/{id}");
        Assert.Null(page.QuerySelector("#p-text"));
        Assert.Null(page.QuerySelector("#e-title"));

        // Another kommun's samordnare: the measure is not found, and a command on it changes nothing.
        await app.AsUserAsync(TestApp.Email("samordnare", "orebro"), "orebro", async ops =>
        {
            Assert.Null(await Read(ops, id));
            var orebroGroup = await ops.ReadAsync<PlanWork, PlanListModel>((w, ct) => w.ListAsync(ListView.Default, ct));
            var foreign = await Send(ops, orebroGroup.Groups[0].Id, (w, ct) => w.AddProgressAsync(id, orebroGroup.Groups[0].Id, "Från Örebro.", ct));
            Assert.False(foreign.Succeeded);
            Assert.Equal("Åtgärden finns inte.", foreign.Message);
            var foreignEdit = await Send(ops, groupId, (w, ct) => w.AddProgressAsync(id, groupId, "Från Örebro.", ct));
            Assert.False(foreignEdit.Succeeded);
            return true;
        });
        using var other = await app.SignedInClientAsync(TestApp.Email("samordnare", "orebro"));
        using var notFound = await other.GetAsync($"/orebro/atgarder/{id}");
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        var after = await app.WithDbAsync("boras", db => db.Atgarder.Where(a => a.Id == id).Select(a => new { a.Title, a.Version }).SingleAsync());
        Assert.Equal(before, after);
        foreach (var slug in new[] { "boras", "orebro" })
        {
            Assert.False(await app.WithDbAsync(slug, db => db.Set<AtgardProgress>().AnyAsync(p => p.Text == "Från Örebro." || p.Text == "Läsarens anteckning.")));
        }
    }

    [Fact]
    public async Task A_measure_targets_several_problems_and_causes_from_their_latest_cause_analysis()
    {
        var (plan, _) = await PlanAsync("kristianstad");
        var (id, fires, graffiti) = await app.WithDbAsync("kristianstad", async db => (
            await db.Atgarder.Where(a => a.Title == "Kameror vid parkeringarna").Select(a => a.Id).SingleAsync(),
            await db.Problems.Where(p => p.Title == "Bilbränder på parkeringarna sommartid").Select(p => p.Id).SingleAsync(),
            await db.Problems.Where(p => p.Title.StartsWith("Klotter och samlingsplats")).Select(p => new { p.Id, p.Title }).SingleAsync()));
        var email = TestApp.Email("samordnare", "kristianstad");
        await app.AsUserAsync(email, "kristianstad", async ops =>
        {
            var m = (await Read(ops, id))!;
            // The graffiti problem's causes come from its latest analysis; the measure already targets the fires' cause.
            var youth = m.Choices.Single(c => c.Problem.Id == graffiti.Id).Causes.Single(c => c.Text.StartsWith("Få meningsfulla fritidsaktiviteter", StringComparison.Ordinal));
            var firesCause = Assert.Single(m.Choices.Single(c => c.Problem.Id == fires).Causes, c => c.Chosen);
            Assert.False(youth.Chosen);
            const string note = "Kamerorna ska också täcka centrumhuset.";

            // A cause whose problem is not chosen: refused at the choices, nothing saved.
            var refused = await Send(ops, m.GroupId, (w, ct) => w.TargetAsync(id, m.GroupId, new TargetInput(m.Version, [fires], [firesCause.Id, youth.Id], note), ct));
            Assert.Equal(nameof(Atgard.Problems), refused.Field);
            Assert.Contains("hör till ett problem som inte är valt", refused.Message, StringComparison.Ordinal);
            Assert.Equal(1, await app.WithDbAsync("kristianstad", db => db.Atgarder.Where(a => a.Id == id).SelectMany(a => a.Problems).CountAsync()));

            var saved = await Send(ops, m.GroupId, (w, ct) => w.TargetAsync(id, m.GroupId, new TargetInput(m.Version, [fires, graffiti.Id], [firesCause.Id, youth.Id], note), ct));
            Assert.True(saved.Succeeded, saved.Message);
            m = (await Read(ops, id))!;
            Assert.Equal([fires, graffiti.Id], m.Targets.Select(t => t.Problem.Id)); // the main problem stays first
            Assert.Equal(["Oövervakade parkeringar med skymd sikt"], m.Targets[0].Causes.Select(c => c.Text));
            Assert.Equal(["Få meningsfulla fritidsaktiviteter kvällstid för äldre tonåringar"], m.Targets[1].Causes.Select(c => c.Text));
            return true;
        });
        var audited = await app.WithDbAsync("kristianstad", db => db.AuditEntries.CountAsync(e => e.EntityType == nameof(AtgardProblem) && e.Action == AuditAction.Created));
        Assert.True(audited >= 1);

        // The second problem's page, the list filtered by it, and the exported sheet all find the measure.
        using var client = await app.SignedInClientAsync(email);
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
        var sheet = Xlsx.Read(await xlsx.Content.ReadAsStreamAsync());
        Assert.Equal(PlanExport.Header, sheet[0]);
        Assert.Equal(measures.Count, sheet.Count - 1);
        foreach (var m in measures)
        {
            var header = PlanExport.Header.ToList();
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
        await app.AsUserAsync(TestApp.Email("samordnare", "orebro"), "orebro", async ops =>
        {
            var noTitle = await ops.SendAsync<PlanWork, Guid>(GroupRightRequirement.Edit, styrgrupp, (w, ct) => w.CreateAsync(styrgrupp, " ", ct), "Skapad.");
            Assert.Equal(("Ge planen en rubrik.", nameof(Atgardsplan.Title)), (noTitle.Message, noTitle.Field));
            var created = await ops.SendAsync<PlanWork, Guid>(GroupRightRequirement.Edit, styrgrupp, (w, ct) => w.CreateAsync(styrgrupp, "Strategisk plan", ct), "Skapad.");
            Assert.True(created.Succeeded, created.Message);
            var model = (await ops.ReadAsync<PlanWork, PlanPageModel?>((w, ct) => w.ReadAsync(created.Value, ct)))!;
            Assert.Equal($"fordjupad/{deep}", model.Basis!.Path);
            var shortTerm = await ops.SendAsync<PlanWork, Guid>(GroupRightRequirement.Edit, est, (w, ct) => w.CreateAsync(est, "Kortsiktig plan", ct), "Skapad.");
            var estModel = (await ops.ReadAsync<PlanWork, PlanPageModel?>((w, ct) => w.ReadAsync(shortTerm.Value, ct)))!;
            Assert.Equal($"lagesbilder/{latest}", estModel.Basis!.Path);
            return true;
        });
        var plan = await app.WithDbAsync("orebro", db => db.Atgardsplaner.SingleAsync(p => p.Title == "Strategisk plan"));
        Assert.Equal((PlanKind.Langsiktig, deep), (plan.Kind, plan.FordjupadId!.Value));

        // A läsare may not create a plan.
        var refused = await app.AsUserAsync(TestApp.Email("lasare", "orebro"), "orebro", ops =>
            ops.SendAsync<PlanWork, Guid>(GroupRightRequirement.Edit, est, (w, ct) => w.CreateAsync(est, "Läsarens plan", ct), "Skapad."));
        Assert.True(refused.Forbidden);
        Assert.False(await app.WithDbAsync("orebro", db => db.Atgardsplaner.AnyAsync(p => p.Title == "Läsarens plan")));
    }

    [Fact]
    public async Task A_draft_plan_is_decided_at_a_held_meeting_of_its_group()
    {
        var est = await app.WithDbAsync("karlstad", db => db.Groups.Where(g => g.Kind == GroupKind.Est).Select(g => g.Id).SingleAsync());
        await app.AsUserAsync(TestApp.Email("samordnare", "karlstad"), "karlstad", async ops =>
        {
            var created = await ops.SendAsync<PlanWork, Guid>(GroupRightRequirement.Edit, est, (w, ct) => w.CreateAsync(est, "Plan att besluta", ct), "Skapad.");
            var model = (await ops.ReadAsync<PlanWork, PlanPageModel?>((w, ct) => w.ReadAsync(created.Value, ct)))!;
            Assert.False(model.Decided);
            Assert.NotEmpty(model.Meetings);
            var noMeeting = await ops.SendAsync<PlanWork>(GroupRightRequirement.Edit, est, (w, ct) => w.DecideAsync(model.Id, est, null, ct), "Beslutad.");
            Assert.Equal(nameof(Atgardsplan.MeetingId), noMeeting.Field);
            var decided = await ops.SendAsync<PlanWork>(GroupRightRequirement.Edit, est, (w, ct) => w.DecideAsync(model.Id, est, model.Meetings[0].Id, ct), "Beslutad.");
            Assert.True(decided.Succeeded, decided.Message);
            Assert.True((await ops.ReadAsync<PlanWork, PlanPageModel?>((w, ct) => w.ReadAsync(created.Value, ct)))!.Decided);
            // Decided: a new measure needs a note saying why.
            var noNote = await ops.SendAsync<PlanWork, Guid>(GroupRightRequirement.Edit, est, (w, ct) => w.AddMeasureAsync(model.Id, est, new NewMeasureInput { Title = "Ny" }, ct), "Tillagd.");
            Assert.Equal(nameof(PlanRevision.Note), noNote.Field);
            return true;
        });
    }

    [Fact]
    public async Task Mina_atgarder_lists_the_owners_measures_and_the_lists_filter_search_and_sort_on_the_server()
    {
        var (ownerEmail, owned) = await app.WithDbAsync("orebro", async db =>
        {
            var owner = await db.Atgarder.Where(a => a.ResponsibleUserId != null).Select(a => a.ResponsibleUserId!.Value).FirstAsync();
            var titles = await db.Atgarder.Where(a => a.ResponsibleUserId == owner).Select(a => a.Title).ToListAsync();
            return (await db.Users.Where(u => u.Id == owner).Select(u => u.Email!).SingleAsync(), titles);
        });
        using var client = await app.SignedInClientAsync(ownerEmail);
        var mine = await client.PageAsync("/orebro/atgarder");
        Assert.Equal(owned.Order(), mine.QuerySelectorAll("tbody td[data-label='Åtgärd'] a").Select(a => a.TextContent).Order());

        var (problem, expected, organisation, byOrganisation, all) = await app.WithDbAsync("orebro", async db =>
        {
            var pid = await db.Atgarder.Where(a => a.ProblemId != null).Select(a => a.ProblemId!.Value).FirstAsync();
            var org = await db.Atgarder.Where(a => a.ResponsibleOrganisation != "").Select(a => a.ResponsibleOrganisation).FirstAsync();
            // Every measure that targets the problem, also those whose main problem is another.
            return (pid, await db.Atgarder.Where(a => a.Problems.Any(t => t.ProblemId == pid)).Select(a => a.Title).ToListAsync(),
                org, await db.Atgarder.Where(a => a.ResponsibleOrganisation == org).Select(a => a.Title).ToListAsync(),
                await db.Atgarder.Select(a => new { a.Title, a.Status, a.DueDate }).ToListAsync());
        });
        await app.AsUserAsync(ownerEmail, "orebro", async ops =>
        {
            Task<AtgardListModel> List(AtgardFilter filter, ListView view) => ops.ReadAsync<AtgardWork, AtgardListModel>((w, ct) => w.ListAsync(filter, view, ct));
            var byProblem = await List(new AtgardFilter("alla", null, problem, null, null), ListView.Default);
            Assert.Equal(expected.Order(), byProblem.Rows.Select(r => r.Title).Order());
            var byOrg = await List(new AtgardFilter("alla", null, null, organisation, null), ListView.Default);
            Assert.Equal(byOrganisation.Order(), byOrg.Rows.Select(r => r.Title).Order());
            var late = await List(new AtgardFilter("forsenade", null, null, null, null), ListView.Default);
            Assert.All(late.Rows, r => Assert.True(r.Overdue));
            Assert.Single(late.Rows);
            var planned = await List(new AtgardFilter("alla", null, null, null, AtgardStatus.Planerad), ListView.Default);
            Assert.Equal(all.Count(a => a.Status == AtgardStatus.Planerad), planned.Rows.Count);

            // Search in any case, and sort by title both ways; the default puts undated measures last.
            var word = all[0].Title.Split(' ')[0];
            var searched = await List(new AtgardFilter("alla", null, null, null, null), ListView.From(word.ToUpperInvariant(), null, null));
            Assert.Contains(all[0].Title, searched.Rows.Select(r => r.Title));
            Assert.All(searched.Rows, r => Assert.True(r.Title.Contains(word, StringComparison.OrdinalIgnoreCase) || r.Problem.Contains(word, StringComparison.OrdinalIgnoreCase)
                || r.Responsible.Contains(word, StringComparison.OrdinalIgnoreCase)));
            var byTitle = await List(new AtgardFilter("alla", null, null, null, null), ListView.From(null, "-titel", null));
            Assert.Equal(byTitle.Rows.Select(r => r.Title).OrderDescending(StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("sv-SE"), true)), byTitle.Rows.Select(r => r.Title));
            var byDue = await List(new AtgardFilter("alla", null, null, null, null), ListView.Default);
            var dated = byDue.Rows.TakeWhile(r => r.DueDate is not null).ToList();
            Assert.True(byDue.Rows.Skip(dated.Count).All(r => r.DueDate is null));
            Assert.Equal(dated.Select(r => r.DueDate).Order(), dated.Select(r => r.DueDate));
            return true;
        });
        var filtered = await client.PageAsync($"/orebro/atgarder?vy=alla&problem={problem}");
        Assert.Equal(expected.Order(), filtered.QuerySelectorAll("tbody td[data-label='Åtgärd'] a").Select(a => a.TextContent).Order());
    }
}
