using System.Net;
using Microsoft.EntityFrameworkCore;
using SakraStader.Auditing;
using SakraStader.Domain;
using Microsoft.AspNetCore.Authorization;
using SakraStader.Components.Lists;
using SakraStader.Features.Commands;
using SakraStader.Features.Groups;
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

    private static Task<CommandResult<Guid>> Send(Operations ops, IAuthorizationRequirement right, Guid group,
        Func<LagesbildWork, CancellationToken, Task<IVersioned>> command) => ops.SaveAsync(right, group, command, "Sparat.");

    private async Task<(Guid Group, string ChairEmail)> EstAsync(string kommun) => await app.WithDbAsync(kommun, async db =>
    {
        var group = await db.Groups.SingleAsync(g => g.Kind == GroupKind.Est);
        var chairUser = await db.GroupMembers.Where(m => m.GroupId == group.Id && m.IsChair).Select(m => m.UserId).SingleAsync();
        return (group.Id, await db.Users.Where(u => u.Id == chairUser).Select(u => u.Email!).SingleAsync());
    });

    private static DateTime Month(string month) => DateTime.ParseExact(month + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static Task<CommandResult<Guid>> Open(Operations ops, Guid group, DateTime? month) =>
        ops.SendAsync<LagesbildListWork, Guid>(GroupRightRequirement.Edit, group, (w, ct) => w.CreateAsync(new NewLagesbildInput { GroupId = group, Month = month }, ct), "Öppnad.");

    private async Task<Guid> CreateAsync(string kommun, string email, Guid group, string month)
    {
        var created = await app.AsUserAsync(email, kommun, ops => Open(ops, group, Month(month)));
        Assert.True(created.Succeeded, created.Message);
        return created.Value;
    }

    [Fact]
    public async Task The_list_searches_filters_sorts_and_pages_on_the_server_and_opening_a_month_twice_gives_the_same_lagesbild()
    {
        var (est, chairEmail) = await EstAsync("boras");
        var first = await CreateAsync("boras", chairEmail, est, "2019-02");
        Assert.Equal(first, await CreateAsync("boras", chairEmail, est, "2019-02"));
        Assert.Equal(1, await app.WithDbAsync("boras", db => db.Lagesbilder.CountAsync(l => l.GroupId == est && l.Year == 2019 && l.Month == 2)));
        await CreateAsync("boras", chairEmail, est, "2019-01");
        var estName = await app.WithDbAsync("boras", db => db.Groups.Where(g => g.Id == est).Select(g => g.Name).SingleAsync());

        var (oldestFirst, drafts, fixedOnes, searched, nothing, page2) = await app.AsUserAsync(TestApp.Email("lasare", "boras"), "boras", async ops =>
        {
            Task<LagesbildListModel> Read(ListView view, LagesbildFilter filter) =>
                ops.ReadAsync<LagesbildListWork, LagesbildListModel>((w, ct) => w.ReadAsync(view, filter, ct));
            var all = new LagesbildFilter(est, null, null);
            return (await Read(ListView.From(null, "manad", 1), all),
                await Read(ListView.From(null, null, 1), all with { Status = LagesbildStatus.Utkast }),
                await Read(ListView.From(null, null, 1), all with { Status = LagesbildStatus.Faststalld }),
                await Read(ListView.From(estName.ToUpperInvariant(), null, 1), new LagesbildFilter(null, null, 2019)),
                await Read(ListView.From("finns-inte-alls", null, 1), new LagesbildFilter(null, null, null)),
                await Read(ListView.From(null, "manad", 2), all));
        });
        Assert.Equal((2019, 1), (oldestFirst.Rows.Items[0].Year, oldestFirst.Rows.Items[0].Month));
        Assert.Equal((2019, 2), (oldestFirst.Rows.Items[1].Year, oldestFirst.Rows.Items[1].Month));
        Assert.All(drafts.Rows.Items, r => Assert.Equal(LagesbildStatus.Utkast, r.Status));
        Assert.All(fixedOnes.Rows.Items, r => Assert.Equal(LagesbildStatus.Faststalld, r.Status));
        Assert.Contains(drafts.Rows.Items, r => r.Id == first);
        Assert.DoesNotContain(fixedOnes.Rows.Items, r => r.Id == first);
        Assert.Equal(2, searched.Rows.Items.Count(r => r.Group == estName));
        Assert.All(searched.Rows.Items, r => Assert.Equal(2019, r.Year));
        Assert.Empty(nothing.Rows.Items);
        Assert.Equal(2, page2.Rows.Page);
        // A reader starts nothing: no group is theirs to edit.
        Assert.Empty(oldestFirst.EditableGroups);
    }

    [Fact]
    public async Task Opening_a_lagesbild_is_refused_without_the_right_for_a_bad_month_and_for_another_kommuns_group()
    {
        var (est, chairEmail) = await EstAsync("haninge");
        var before = await app.WithDbAsync("haninge", db => db.Lagesbilder.CountAsync());
        var reader = await app.AsUserAsync(TestApp.Email("lasare", "haninge"), "haninge", ops => Open(ops, est, Month("2018-03")));
        Assert.True(reader.Forbidden);
        var (noMonth, future) = await app.AsUserAsync(chairEmail, "haninge", async ops =>
            (await Open(ops, est, null), await Open(ops, est, TestClock.Today.AddMonths(3).ToDateTime(TimeOnly.MinValue))));
        Assert.Equal(("Välj en månad, till exempel 2026-11.", nameof(NewLagesbildInput.Month)), (noMonth.Message, noMonth.Field));
        Assert.False(future.Succeeded);
        Assert.Equal(nameof(NewLagesbildInput.Month), future.Field);
        // Another kommun's group: the samordnare holds every group's right in their own kommun, but the group is not found.
        var (borasEst, _) = await EstAsync("boras");
        var foreign = await app.AsUserAsync(TestApp.Email("samordnare", "haninge"), "haninge", ops => Open(ops, borasEst, Month("2018-03")));
        Assert.False(foreign.Succeeded);
        Assert.Equal(nameof(NewLagesbildInput.GroupId), foreign.Field);
        Assert.Equal(before, await app.WithDbAsync("haninge", db => db.Lagesbilder.CountAsync()));
        Assert.False(await app.WithDbAsync("boras", db => db.Lagesbilder.AnyAsync(l => l.Year == 2018 && l.Month == 3 && l.GroupId == borasEst)));
    }

    [Fact]
    public async Task The_group_writes_a_lagesbild_the_chair_fixes_it_and_then_it_is_read_only_with_frozen_figures()
    {
        var (est, chairEmail) = await EstAsync("karlstad");
        // A month far back, so that the demo's lägesbilder do not interfere.
        var id = await CreateAsync("karlstad", chairEmail, est, "2020-05");
        var area = await app.WithDbAsync("karlstad", db => db.Areas.Where(a => a.Name == "Rud").Select(a => a.Id).SingleAsync());

        await app.AsUserAsync(chairEmail, "karlstad", async ops =>
        {
            var model = (await ops.ReadAsync<LagesbildWork, LagesbildPageModel?>((w, ct) => w.ReadAsync(id, ct)))!;
            Assert.True(model.Editable);
            Assert.True(model.CanWriteSection);
            Assert.True((await Send(ops, GroupRightRequirement.Edit, est, (w, ct) => w.WriteSectionAsync(id, est, "Lugn månad i centrum.", "", ct))).Succeeded);
            var added = await ops.SaveAsync<LagesbildWork>(GroupRightRequirement.Edit, est,
                (w, ct) => w.AddProblemAsync(id, est, new ProblemInput { AreaId = area, Title = "Skadegörelse vid Rud skola" }, ct), "Tillagt.");
            Assert.True(added.Succeeded, added.Message);

            // A personnummer is refused at the field it was typed in, and nothing of the command is saved.
            var bad = await Send(ops, GroupRightRequirement.Edit, est, (w, ct) => w.WriteTextAsync(id, est, LagesbildTextField.Summary, "Se 811218-9876", "", ct));
            Assert.False(bad.Succeeded);
            Assert.Equal(PersonalData.Message, bad.Message);
            Assert.Equal("Summary", bad.Field);

            // The draft's figures are kept between views (KommunCache) until the kommun's records change: an
            // incident logged for the month shows at once.
            var before = model.View.Figures.Total.Current;
            var category = await app.WithDbAsync("karlstad", db => db.IncidentCategories.Select(c => c.Id).FirstAsync());
            await app.WithDbAsync("karlstad", db =>
            {
                db.Incidents.Add(new Incident(category, area, "Rud skola", At(2020, 5, 20, 22), "Polisen", "Krossad ruta.", null, TestClock.Now));
                return db.SaveChangesAsync();
            });
            model = (await ops.ReadAsync<LagesbildWork, LagesbildPageModel?>((w, ct) => w.ReadAsync(id, ct)))!;
            Assert.Equal(before + 1, model.View.Figures.Total.Current);

            var fix = await Send(ops, GroupRightRequirement.Chair, est, (w, ct) => w.FixAsync(id, est, model.Version, ct));
            Assert.True(fix.Succeeded, fix.Message);
            return true;
        });

        var saved = await app.WithDbAsync("karlstad", db => db.Lagesbilder.Include(l => l.Sections).Include(l => l.Assessments).Include(l => l.Versions).SingleAsync(l => l.Id == id));
        Assert.Equal(LagesbildStatus.Faststalld, saved.Status);
        Assert.Equal("Lugn månad i centrum.", Assert.Single(saved.Sections).Text);
        Assert.Single(saved.Assessments);
        Assert.Equal("", saved.Summary); // the refused text was not half-saved
        Assert.Equal(1, Assert.Single(saved.Versions).Number);

        // A new incident of that month does not change the fixed figures, and the fixed lägesbild takes no text.
        await app.AsUserAsync(chairEmail, "karlstad", async ops =>
        {
            var fixedModel = (await ops.ReadAsync<LagesbildWork, LagesbildPageModel?>((w, ct) => w.ReadAsync(id, ct)))!;
            await app.WithDbAsync("karlstad", async db =>
            {
                db.Incidents.Add(new Incident(await db.IncidentCategories.Select(c => c.Id).FirstAsync(), area, "", At(2020, 5, 12), "Polisen", "Efteranmälan", null, TestClock.Now));
                return await db.SaveChangesAsync();
            });
            var again = (await ops.ReadAsync<LagesbildWork, LagesbildPageModel?>((w, ct) => w.ReadAsync(id, ct)))!;
            Assert.Equal(fixedModel.View.Figures.Total.Current, again.View.Figures.Total.Current);
            Assert.False(again.Editable);
            var refused = await Send(ops, GroupRightRequirement.Edit, est, (w, ct) => w.WriteSectionAsync(id, est, "Sent tillägg.", "Lugn månad i centrum.", ct));
            Assert.False(refused.Succeeded);
            Assert.Contains("fastställd", refused.Message, StringComparison.Ordinal);
            return true;
        });
        Assert.Equal("Lugn månad i centrum.", await app.WithDbAsync("karlstad", db => db.LagesbildSections.Where(s => s.LagesbildId == id).Select(s => s.Text).SingleAsync()));
    }

    [Fact]
    public async Task A_save_over_someone_elses_newer_text_is_refused_shows_their_text_and_keeps_ours()
    {
        var (est, chairEmail) = await EstAsync("haninge");
        var samordnare = TestApp.Email("samordnare", "haninge");
        var id = await CreateAsync("haninge", chairEmail, est, "2020-06");
        var seen = await app.AsUserAsync(chairEmail, "haninge", ops => ops.ReadAsync<LagesbildWork, LagesbildPageModel?>((w, ct) => w.ReadAsync(id, ct)));

        // Both have the page open; the samordnare saves first.
        var other = await app.AsUserAsync(samordnare, "haninge", ops =>
            Send(ops, GroupRightRequirement.Edit, est, (w, ct) => w.WriteTextAsync(id, est, LagesbildTextField.Summary, "Andras sammanfattning", "", ct)));
        Assert.True(other.Succeeded, other.Message);

        var refused = await app.AsUserAsync(chairEmail, "haninge", ops =>
            Send(ops, GroupRightRequirement.Edit, est, (w, ct) => w.WriteTextAsync(id, est, LagesbildTextField.Summary, "Min sammanfattning", seen!.Summary, ct)));
        Assert.False(refused.Succeeded);
        Assert.True(refused.Conflict);
        Assert.Equal("Andras sammanfattning", refused.Current); // shown beside the user's own text, which the form keeps
        Assert.Equal(nameof(LagesbildTextField.Summary), refused.Field);
        Assert.Equal("Andras sammanfattning", await app.WithDbAsync("haninge", db => db.Lagesbilder.Where(l => l.Id == id).Select(l => l.Summary).SingleAsync()));

        // The other field was not touched by the conflict: the prognosis saves over what the chair saw.
        var prognosis = await app.AsUserAsync(chairEmail, "haninge", ops =>
            Send(ops, GroupRightRequirement.Edit, est, (w, ct) => w.WriteTextAsync(id, est, LagesbildTextField.Prognosis, "Lugnt framöver", seen!.Prognosis, ct)));
        Assert.True(prognosis.Succeeded);

        // Fixing what one has not seen is refused too.
        var fix = await app.AsUserAsync(chairEmail, "haninge", ops => Send(ops, GroupRightRequirement.Chair, est, (w, ct) => w.FixAsync(id, est, seen!.Version, ct)));
        Assert.True(fix.Conflict);
        Assert.Contains("har ändrats sedan du öppnade", fix.Message, StringComparison.Ordinal);
        Assert.Equal(LagesbildStatus.Utkast, await app.WithDbAsync("haninge", db => db.Lagesbilder.Where(l => l.Id == id).Select(l => l.Status).SingleAsync()));

        // Saving again over the text now shown overwrites on purpose.
        var again = await app.AsUserAsync(chairEmail, "haninge", ops =>
            Send(ops, GroupRightRequirement.Edit, est, (w, ct) => w.WriteTextAsync(id, est, LagesbildTextField.Summary, "Min sammanfattning", refused.Current!, ct)));
        Assert.True(again.Succeeded);
        Assert.Equal("Min sammanfattning", await app.WithDbAsync("haninge", db => db.Lagesbilder.Where(l => l.Id == id).Select(l => l.Summary).SingleAsync()));
    }

    [Fact]
    public async Task A_reader_and_a_member_outside_the_group_change_nothing_and_only_the_chair_fixes()
    {
        var (est, chairEmail) = await EstAsync("kristianstad");
        var id = await CreateAsync("kristianstad", chairEmail, est, "2020-07");
        var reader = await app.AsUserAsync(TestApp.Email("lasare", "kristianstad"), "kristianstad", async ops =>
        {
            var model = (await ops.ReadAsync<LagesbildWork, LagesbildPageModel?>((w, ct) => w.ReadAsync(id, ct)))!;
            Assert.False(model.Editable); // the form is absent for a reader
            return await Send(ops, GroupRightRequirement.Edit, est, (w, ct) => w.WriteTextAsync(id, est, LagesbildTextField.Summary, "Läsarens text", "", ct));
        });
        Assert.True(reader.Forbidden);
        var member = TestApp.Email("medlem", "kristianstad");
        Assert.NotEqual(chairEmail, member);
        var notChair = await app.AsUserAsync(member, "kristianstad", async ops =>
        {
            var model = (await ops.ReadAsync<LagesbildWork, LagesbildPageModel?>((w, ct) => w.ReadAsync(id, ct)))!;
            Assert.True(model.Editable); // a member of EST writes
            Assert.False(model.Rights.IsChair);
            return await Send(ops, GroupRightRequirement.Chair, est, (w, ct) => w.FixAsync(id, est, model.Version, ct));
        });
        Assert.True(notChair.Forbidden); // but only the chair fixes
        // A group id that is not the lägesbild's own is refused, even with the right in that group.
        var styrgrupp = await app.WithDbAsync("kristianstad", db => db.Groups.Where(g => g.Kind == GroupKind.Styrgrupp).Select(g => g.Id).SingleAsync());
        var crossed = await app.AsUserAsync(TestApp.Email("samordnare", "kristianstad"), "kristianstad", ops =>
            Send(ops, GroupRightRequirement.Edit, styrgrupp, (w, ct) => w.WriteTextAsync(id, styrgrupp, LagesbildTextField.Summary, "Fel grupp", "", ct)));
        Assert.True(crossed.Forbidden);
        // Another kommun's samordnare finds nothing.
        var boras = await app.AsUserAsync(TestApp.Email("samordnare", "boras"), "boras", async ops =>
            (await ops.ReadAsync<LagesbildWork, LagesbildPageModel?>((w, ct) => w.ReadAsync(id, ct)),
             await Send(ops, GroupRightRequirement.Edit, est, (w, ct) => w.WriteTextAsync(id, est, LagesbildTextField.Summary, "Borås", "", ct))));
        Assert.Null(boras.Item1);
        Assert.False(boras.Item2.Succeeded);
        Assert.Equal("", await app.WithDbAsync("kristianstad", db => db.Lagesbilder.Where(l => l.Id == id).Select(l => l.Summary).SingleAsync()));
    }

    private const string FixedMessage = "Lägesbilden är fastställd och kan inte ändras. Välj ”Rätta lägesbilden” för att göra en ny version.";

    /// <summary>A draft lägesbild of an ended month in the kommun's EST with one problem assessed: its id, the group, the chair and the assessment.</summary>
    private async Task<(Guid Id, Guid Group, string Chair, Guid Assessment)> AssessedAsync(string kommun, string month)
    {
        var (est, chairEmail) = await EstAsync(kommun);
        var id = await CreateAsync(kommun, chairEmail, est, month);
        var area = await app.WithDbAsync(kommun, db => db.Areas.Where(a => !a.Archived).Select(a => a.Id).FirstAsync());
        var added = await app.AsUserAsync(chairEmail, kommun, ops => Send(ops, GroupRightRequirement.Edit, est,
            (w, ct) => w.AddProblemAsync(id, est, new ProblemInput { AreaId = area, Title = $"Skadegörelse {month}" }, ct)));
        Assert.True(added.Succeeded, added.Message);
        var assessment = await app.WithDbAsync(kommun, db => db.ProblemAssessments.Where(a => a.LagesbildId == id).Select(a => a.Id).SingleAsync());
        return (id, est, chairEmail, assessment);
    }

    /// <summary>The chair fixes the lägesbild as it is stored now.</summary>
    private async Task<CommandResult<Guid>> FixAsync(string kommun, string chairEmail, Guid id, Guid est)
    {
        var seen = await app.WithDbAsync(kommun, db => db.Lagesbilder.Where(l => l.Id == id).Select(l => l.Version).SingleAsync());
        return await app.AsUserAsync(chairEmail, kommun, ops => Send(ops, GroupRightRequirement.Chair, est, (w, ct) => w.FixAsync(id, est, seen, ct)));
    }

    private Task<ProblemAssessment> AssessmentAsync(string kommun, Guid id) =>
        app.WithDbAsync(kommun, db => db.ProblemAssessments.AsNoTracking().Include(a => a.Causes).SingleAsync(a => a.Id == id));

    /// <summary>The changes of the entity's audit rows of one action, oldest first.</summary>
    private Task<List<Dictionary<string, AuditChange>>> AuditAsync(string kommun, Guid id, AuditAction action) => app.WithDbAsync(kommun, async db =>
        (await db.AuditEntries.Where(a => a.EntityId == id.ToString() && a.Action == action).OrderBy(a => a.Id).Select(a => a.Changes).ToListAsync())
            .Select(AuditJson.Parse).ToList());

    [Fact]
    public async Task An_assessment_text_changes_only_its_own_field_and_a_save_over_a_text_not_seen_gets_the_stored_one()
    {
        var (id, est, chair, assessment) = await AssessedAsync("orebro", "2021-01");
        Task<CommandResult<Guid>> Write(AssessmentField field, string text, string seen) => app.AsUserAsync(chair, "orebro", ops =>
            Send(ops, GroupRightRequirement.Edit, est, (w, ct) => w.WriteAssessmentTextAsync(id, est, assessment, field, text, seen, ct)));
        Assert.True((await Write(AssessmentField.Omfattning, "Ett tiotal platser i centrum.", "")).Succeeded);

        var art = await Write(AssessmentField.Art, "Klotter och krossade rutor.", "");
        Assert.True(art.Succeeded, art.Message);
        var saved = await AssessmentAsync("orebro", assessment);
        Assert.Equal(("Klotter och krossade rutor.", "Ett tiotal platser i centrum.", "", Trend.Okand, 2), (saved.Art, saved.Omfattning, saved.Konsekvens, saved.Trend, saved.Priority));
        Assert.Equal(["Art"], (await AuditAsync("orebro", assessment, AuditAction.Updated)).Last().Keys);

        // Written from an empty field while the stored text is someone else's: refused with theirs, nothing saved.
        var stale = await Write(AssessmentField.Art, "Min egen bedömning.", "");
        Assert.Equal((true, nameof(AssessmentField.Art), "Klotter och krossade rutor."), (stale.Conflict, stale.Field, stale.Current));
        Assert.Equal(LagesbildWork.ChangedMeanwhile, stale.Message);
        Assert.Equal("Klotter och krossade rutor.", (await AssessmentAsync("orebro", assessment)).Art);
        Assert.Equal(2, (await AuditAsync("orebro", assessment, AuditAction.Updated)).Count);
    }

    [Fact]
    public async Task A_priority_outside_one_to_three_is_refused_at_the_priority_and_a_valid_rating_is_saved_and_audited()
    {
        var (id, est, chair, assessment) = await AssessedAsync("boras", "2021-02");
        Task<CommandResult<Guid>> Rate(Trend trend, int priority) => app.AsUserAsync(chair, "boras", ops =>
            Send(ops, GroupRightRequirement.Edit, est, (w, ct) => w.RateAssessmentAsync(id, est, assessment, trend, priority, ct)));
        foreach (var priority in new[] { 0, 4 })
        {
            var refused = await Rate(Trend.Okande, priority);
            Assert.Equal((false, "Välj en prioritet.", "Priority"), (refused.Succeeded, refused.Message, refused.Field));
        }
        var untouched = await AssessmentAsync("boras", assessment);
        Assert.Equal((Trend.Okand, 2), (untouched.Trend, untouched.Priority));
        Assert.Empty(await AuditAsync("boras", assessment, AuditAction.Updated));

        Assert.True((await Rate(Trend.Okande, 1)).Succeeded);
        var rated = await AssessmentAsync("boras", assessment);
        Assert.Equal((Trend.Okande, 1), (rated.Trend, rated.Priority));
        var audit = Assert.Single(await AuditAsync("boras", assessment, AuditAction.Updated));
        Assert.Equal((new AuditChange("Okand", "Okande"), new AuditChange("2", "1")), (audit["Trend"], audit["Priority"]));
    }

    [Fact]
    public async Task A_cause_is_saved_on_its_assessment_with_an_audit_row()
    {
        var (id, est, chair, assessment) = await AssessedAsync("haninge", "2021-03");
        var added = await app.AsUserAsync(chair, "haninge", ops => Send(ops, GroupRightRequirement.Edit, est, (w, ct) => w.AddCauseAsync(id, est, assessment,
            new CauseInput { Text = " Få fritidsaktiviteter kvällstid. ", Kind = CauseKind.Social, Evidence = "Fritidsgårdens besöksstatistik." }, ct)));
        Assert.True(added.Succeeded, added.Message);

        var cause = Assert.Single((await AssessmentAsync("haninge", assessment)).Causes);
        Assert.Equal(("Få fritidsaktiviteter kvällstid.", CauseKind.Social, "Fritidsgårdens besöksstatistik."), (cause.Text, cause.Kind, cause.Evidence));
        var audit = Assert.Single(await app.WithDbAsync("haninge", db => db.AuditEntries.Where(a => a.EntityId == cause.Id.ToString()).ToListAsync()));
        Assert.Equal((nameof(ProblemCause), AuditAction.Created), (audit.EntityType, audit.Action));
    }

    [Fact]
    public async Task A_fixed_lagesbild_takes_no_assessment_text_and_no_cause()
    {
        var (id, est, chair, assessment) = await AssessedAsync("kristianstad", "2021-04");
        Assert.True((await FixAsync("kristianstad", chair, id, est)).Succeeded);

        var (text, cause) = await app.AsUserAsync(chair, "kristianstad", async ops => (
            await Send(ops, GroupRightRequirement.Edit, est, (w, ct) => w.WriteAssessmentTextAsync(id, est, assessment, AssessmentField.Konsekvens, "Sent tillägg.", "", ct)),
            await Send(ops, GroupRightRequirement.Edit, est, (w, ct) => w.AddCauseAsync(id, est, assessment, new CauseInput { Text = "Sen orsak." }, ct))));
        Assert.Equal((false, FixedMessage), (text.Succeeded, text.Message));
        Assert.Equal((false, FixedMessage), (cause.Succeeded, cause.Message));
        var stored = await AssessmentAsync("kristianstad", assessment);
        Assert.Equal(("", 0), (stored.Konsekvens, stored.Causes.Count));
    }

    [Fact]
    public async Task A_correction_needs_a_fixed_lagesbild_and_a_reason_reopens_it_as_a_draft_and_the_next_fix_is_version_two()
    {
        var (id, est, chair, _) = await AssessedAsync("karlstad", "2021-05");
        Task<CommandResult<Guid>> Correct(string reason) => app.AsUserAsync(chair, "karlstad", ops =>
            Send(ops, GroupRightRequirement.ChairOrManage, est, (w, ct) => w.StartCorrectionAsync(id, est, reason, ct)));
        Task<Lagesbild> Stored() => app.WithDbAsync("karlstad", db => db.Lagesbilder.AsNoTracking().Include(l => l.Versions).SingleAsync(l => l.Id == id));

        var draft = await Correct("För tidigt.");
        Assert.Equal((false, "Lägesbilden är inte fastställd och kan ändras direkt."), (draft.Succeeded, draft.Message));
        var unfixed = await Stored();
        Assert.Equal((LagesbildStatus.Utkast, 0), (unfixed.Status, unfixed.Versions.Count));
        Assert.True((await FixAsync("karlstad", chair, id, est)).Succeeded);
        var blank = await Correct("  ");
        Assert.Equal(("Skriv vad som ska rättas.", nameof(Lagesbild.PendingCorrectionReason)), (blank.Message, blank.Field));
        Assert.Equal(LagesbildStatus.Faststalld, (await Stored()).Status);

        Assert.True((await Correct("Fel antal i Rud.")).Succeeded);
        var reopened = await Stored();
        Assert.Equal((LagesbildStatus.Utkast, "Fel antal i Rud."), (reopened.Status, reopened.PendingCorrectionReason));
        Assert.Equal(new AuditChange(null, "Fel antal i Rud."), (await AuditAsync("karlstad", id, AuditAction.Updated)).Last()["PendingCorrectionReason"]);

        Assert.True((await FixAsync("karlstad", chair, id, est)).Succeeded);
        var refixed = await Stored();
        Assert.Equal((LagesbildStatus.Faststalld, (string?)null), (refixed.Status, refixed.PendingCorrectionReason));
        Assert.Equal([(1, (string?)null), (2, "Fel antal i Rud.")], refixed.Versions.OrderBy(v => v.Number).Select(v => (v.Number, v.CorrectionReason)));
    }

    [Fact]
    public async Task A_measure_from_a_problem_needs_the_right_in_the_plans_group_and_another_kommuns_problem_or_plan_is_not_found()
    {
        var (problem, plan, planGroup, otherGroup) = await app.WithDbAsync("kristianstad", async db =>
        {
            var p = await db.Atgardsplaner.OrderBy(x => x.Title).FirstAsync();
            return (await db.Problems.Select(x => x.Id).FirstAsync(), p.Id, p.GroupId, await db.Groups.Where(g => g.Id != p.GroupId).Select(g => g.Id).FirstAsync());
        });
        var before = await app.WithDbAsync("kristianstad", db => db.Atgarder.CountAsync());
        Task<CommandResult<Guid>> Add(Operations ops, Guid group, Guid problemId, Guid? planId) =>
            ops.SendAsync<ProblemWork, Guid>(GroupRightRequirement.Edit, group,
                (w, ct) => w.AddMeasureAsync(problemId, group, new ProblemMeasureInput { PlanId = planId, Title = "Obehörig åtgärd", RevisionNote = "Test." }, ct), "Tillagd.");

        var reader = await app.AsUserAsync(TestApp.Email("lasare", "kristianstad"), "kristianstad", async ops =>
        {
            var model = (await ops.ReadAsync<ProblemWork, ProblemPageModel?>((w, ct) => w.ReadAsync(problem, ct)))!;
            Assert.Empty(model.Plans); // the form is absent for a reader
            return await Add(ops, planGroup, problem, plan);
        });
        Assert.True(reader.Forbidden);
        // The samordnare's right in another group does not reach this plan.
        var crossed = await app.AsUserAsync(TestApp.Email("samordnare", "kristianstad"), "kristianstad", ops => Add(ops, otherGroup, problem, plan));
        Assert.True(crossed.Forbidden);
        // Another kommun's samordnare finds neither the problem nor the plan.
        var (borasProblem, borasPlan, borasGroup) = await app.WithDbAsync("boras", async db =>
        {
            var p = await db.Atgardsplaner.FirstAsync();
            return (await db.Problems.Select(x => x.Id).FirstAsync(), p.Id, p.GroupId);
        });
        var foreign = await app.AsUserAsync(TestApp.Email("samordnare", "boras"), "boras", async ops =>
            (await ops.ReadAsync<ProblemWork, ProblemPageModel?>((w, ct) => w.ReadAsync(problem, ct)),
             await Add(ops, borasGroup, problem, borasPlan), await Add(ops, borasGroup, borasProblem, plan)));
        Assert.Null(foreign.Item1);
        Assert.Equal("Problemet finns inte.", foreign.Item2.Message);
        Assert.Equal(nameof(ProblemMeasureInput.PlanId), foreign.Item3.Field);
        Assert.Equal(before, await app.WithDbAsync("kristianstad", db => db.Atgarder.CountAsync()));
        Assert.False(await app.WithDbAsync("boras", db => db.Atgarder.AnyAsync(a => a.Title == "Obehörig åtgärd")));
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
