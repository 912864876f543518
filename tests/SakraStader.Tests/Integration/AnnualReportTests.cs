using System.IO.Compression;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Authorization;
using SakraStader.Components.Ui;
using SakraStader.Data;
using SakraStader.Features.Commands;
using SakraStader.Features.Groups;
using SakraStader.Tenancy;
using SakraStader.Domain;
using SakraStader.Features.AnnualReports;
using SakraStader.Features.Lagesbilder;
using SakraStader.Features.Meetings;
using SakraStader.Tests.Support;

namespace SakraStader.Tests.Integration;

/// <summary>The annual report to kommunfullmäktige: its figures, the review and approval, the frozen snapshot, the export.</summary>
[Trait("Category", "Integration")]
public sealed class AnnualReportTests(TestApp app) : IClassFixture<TestApp>
{
    private static AnnualReportCompiler Compiler(AppDbContext db) => new(db, new FordjupadCompiler(db, TestClock.Instance), TestClock.Instance);

    private static DateTimeOffset At(int year, int month, int day, int hour = 12) => SwedishTime.At(new DateOnly(year, month, day), new TimeOnly(hour, 0));

    [Fact]
    public async Task The_figures_equal_hand_counts_of_the_years_records_and_a_year_without_records_says_so()
    {
        var (figures, empty) = await app.WithDbAsync("kristianstad", async db =>
        {
            var signatory = await db.Users.FirstAsync(u => u.Email == TestApp.Email("samordnare", "kristianstad"));
            var area = db.Areas.Add(new Area("Rapportområdet")).Entity;
            var klotter = await db.IncidentCategories.SingleAsync(c => c.Name == "Klotter");
            var bilbrand = await db.IncidentCategories.SingleAsync(c => c.Name == "Bilbrand");
            void Incident(Guid category, DateTimeOffset at) => db.Incidents.Add(new Incident(category, area.Id, "", at, "Polisen", "Rapporttest", null, TestClock.Now));
            Incident(klotter.Id, At(2019, 1, 1, 0));
            Incident(klotter.Id, At(2019, 12, 31, 23));
            Incident(bilbrand.Id, At(2019, 7, 1));
            Incident(klotter.Id, At(2018, 5, 5));
            Incident(klotter.Id, At(2017, 5, 5));
            Incident(klotter.Id, At(2017, 6, 5));
            Incident(klotter.Id, At(2020, 1, 1, 0)); // the first hour of the next year
            db.CrimeStatistics.Add(new CrimeStatistic(area.Id, 2019, 3, "Skadegörelse", 4));
            db.CrimeStatistics.Add(new CrimeStatistic(area.Id, 2019, 9, "Skadegörelse", 6));

            var est = await db.Groups.SingleAsync(g => g.Kind == GroupKind.Est);
            db.Meetings.Add(new Meeting(est.Id, At(2019, 2, 12, 9), At(2019, 2, 12, 11), "Stadshuset", null));
            db.Meetings.Add(new Meeting(est.Id, At(2019, 3, 12, 9), At(2019, 3, 12, 11), "Stadshuset", null));
            var cancelled = db.Meetings.Add(new Meeting(est.Id, At(2019, 4, 9, 9), At(2019, 4, 9, 11), "Stadshuset", null)).Entity;
            cancelled.Cancel();

            var plan = db.Atgardsplaner.Add(new Atgardsplan(est.Id, PlanKind.Kortsiktig, "Plan 2019", null, null, null)).Entity;
            Atgard Measure(string title, DateOnly? start, DateOnly? due, decimal? planned)
            {
                var m = new Atgard(plan.Id, title, null);
                m.Schedule(start, due, planned);
                db.Atgarder.Add(m);
                return m;
            }
            Measure("Belysning", new DateOnly(2019, 1, 1), new DateOnly(2019, 6, 1), 1200m).Complete(Outcome.Uppnadd, "Ljuset hjälpte.", 1000m);
            Measure("Trygghetsvandring", new DateOnly(2019, 1, 15), new DateOnly(2019, 3, 1), 500m).SetStatus(AtgardStatus.Pagar); // late at the year's end
            Measure("Kamera", new DateOnly(2019, 2, 1), new DateOnly(2019, 12, 1), null).SetStatus(AtgardStatus.Installd);
            Measure("Nästa år", new DateOnly(2020, 2, 1), new DateOnly(2020, 6, 1), 9999m);
            Measure("Förra året", new DateOnly(2018, 2, 1), new DateOnly(2018, 12, 31), 9999m);

            var lofte = new Medborgarlofte("Löfte 2019", new DateOnly(2019, 3, 1), new DateOnly(2020, 2, 28));
            var party = lofte.AddParty(PartyKind.Kommunen, "Kristianstads kommun", signatory.Id, "Samordnare", "Säkerhetschef");
            var police = lofte.AddParty(PartyKind.Polisen, "Polisen", signatory.Id, "Kommunpolis", "Kommunpolis");
            var first = lofte.AddCommitment("Städa tunneln varje vecka.", party.Id, "Antal städningar.");
            lofte.AddCommitment("Bjuda in till trygghetsvandring.", police.Id, "Antal vandringar.");
            var version = lofte.SendForSigning(Features.Medborgarloften.MedborgarlofteHandler.ContentOf("Kristianstad", lofte, []), TestClock.Now);
            lofte.Sign(party.Id, signatory.Id, "Samordnare", "Säkerhetschef", "Samordnare", version.Hash, "Lösenord", TestClock.Now);
            lofte.Sign(police.Id, signatory.Id, "Kommunpolis", "Kommunpolis", "Medlem", version.Hash, "Lösenord", TestClock.Now);
            foreach (var date in new[] { new DateOnly(2019, 4, 1), new DateOnly(2019, 8, 1), new DateOnly(2019, 11, 1), new DateOnly(2020, 1, 15) })
            {
                lofte.FollowUp(first.Id, date, "Städat.", true, "Samordnare", TestClock.Now);
            }
            db.Medborgarloften.Add(lofte);
            db.CooperationAgreements.Add(new CooperationAgreement("Överenskommelse 2018–2020", "Kristianstads kommun och Polisen", new DateOnly(2018, 1, 1), new DateOnly(2020, 12, 31), [area.Id], "Centrum"));
            await db.SaveChangesAsync();
            return (await Compiler(db).CompileAsync(2019), await Compiler(db).CompileAsync(2003));
        });

        Assert.Equal([2017, 2018, 2019], figures.Development.Years);
        Assert.Equal([2, 1, 3], figures.Development.IncidentsByArea.Single(r => r.Label == "Rapportområdet").Values);
        Assert.Equal([2, 1, 2], figures.Development.IncidentsByCategory.Single(r => r.Label == "Klotter").Values);
        Assert.Equal(10, figures.Development.ReportedCrimes.Single(r => r.Label == "Skadegörelse").Values[^1]);
        var est = figures.Groups.Single(g => g.Kind == "EST");
        Assert.Equal((10, 2, 1), (est.Planned, est.Held, est.Cancelled)); // monthly except July and December
        var m = figures.Measures;
        Assert.Equal((3, 1, 1, 1, 1), (m.Total, m.Completed, m.Ongoing, m.Cancelled, m.Overdue));
        Assert.Equal((1700m, 1000m, 1), (m.PlannedCost, m.ActualCost, m.Achieved));
        var promise = Assert.Single(figures.Loften);
        Assert.Equal(("Löfte 2019", 2, 3, 1), (promise.Title, promise.Commitments, promise.FollowUps, promise.CommitmentsFollowedUp));
        Assert.Equal(["Rapportområdet"], figures.Agreement!.Areas);
        Assert.False(figures.IsEmpty);

        Assert.True(empty.IsEmpty);
        Assert.Null(empty.Agreement);
        Assert.Empty(empty.Loften);
    }

    private static Task<CommandResult<Guid>> Send(Operations ops, IAuthorizationRequirement right, object? resource,
        Func<AnnualReportWork, CancellationToken, Task<IVersioned>> command) => ops.SaveAsync(right, resource, command, "Klart.");

    private static Task<AnnualReportPageModel?> Read(Operations ops, int year) =>
        ops.ReadAsync<AnnualReportWork, AnnualReportPageModel?>((w, ct) => w.ReadAsync(year, ct));

    private static readonly KommunRoleRequirement SamordnareRight = new(Role.Samordnare);
    private static readonly KommunRoleRequirement CommentRight = new(Role.Medlem);

    [Fact]
    public async Task From_draft_through_review_to_approval_at_a_held_meeting_then_frozen_and_handed_over()
    {
        const int year = 2025;
        var samordnareEmail = TestApp.Email("samordnare", "boras");
        var styrgruppEmail = TestApp.Email("styrgrupp", "boras");
        using var samordnare = await app.SignedInClientAsync(samordnareEmail);
        // The list page starts the report; a year that already has one is refused at the year's field.
        var created = await app.AsUserAsync(samordnareEmail, "boras", ops => CreateReport(ops, year));
        Assert.True(created.Succeeded, created.Message);
        Assert.Equal(year, created.Value);
        var url = $"/boras/arsrapporter/{year}";
        var again = await app.AsUserAsync(samordnareEmail, "boras", ops => CreateReport(ops, year));
        Assert.Equal(($"Det finns redan en årsrapport för {year}.", nameof(AnnualReport.Year)), (again.Message, again.Field));
        Assert.Equal(1, await app.WithDbAsync("boras", db => db.AnnualReports.CountAsync(r => r.Year == year)));

        await app.AsUserAsync(samordnareEmail, "boras", async ops =>
        {
            var model = (await Read(ops, year))!;
            Assert.True(model.CanEdit);
            Assert.False(model.Rights.CanComment);
            // Review needs the summary; a personnummer is refused for the field and nothing is saved.
            var early = await Send(ops, SamordnareRight, null, (w, ct) => w.StartReviewAsync(year, model.Version, ct));
            Assert.False(early.Succeeded);
            Assert.Contains("Skriv sammanfattningen", early.Message, StringComparison.Ordinal);
            Assert.Equal(nameof(ReportSection.Sammanfattning), early.Field);
            var pnr = await Send(ops, SamordnareRight, null, (w, ct) => w.WriteTextAsync(year, ReportSection.Sammanfattning, "Följ upp 19121212-1212.", "", ct));
            Assert.False(pnr.Succeeded);
            Assert.Equal(PersonalData.Message, pnr.Message);
            Assert.Equal("Text", pnr.Field);
            var saved = await Send(ops, SamordnareRight, null, (w, ct) => w.WriteTextAsync(year, ReportSection.Sammanfattning, "Ett lugnare år i Hässleholmen.", "", ct));
            Assert.True(saved.Succeeded, saved.Message);
            // A save over the text as it was before (a stale view) is refused, and the stored text comes back to show beside it.
            var stale = await Send(ops, SamordnareRight, null, (w, ct) => w.WriteTextAsync(year, ReportSection.Sammanfattning, "Min gamla version.", "", ct));
            Assert.False(stale.Succeeded);
            Assert.True(stale.Conflict);
            Assert.Equal("Ett lugnare år i Hässleholmen.", stale.Current);
            // Sending a version the samordnare did not see for review is refused too.
            var staleReview = await Send(ops, SamordnareRight, null, (w, ct) => w.StartReviewAsync(year, model.Version, ct));
            Assert.True(staleReview.Conflict);
            model = (await Read(ops, year))!;
            Assert.Equal("Ett lugnare år i Hässleholmen.", model.Texts[ReportSection.Sammanfattning]);
            var review = await Send(ops, SamordnareRight, null, (w, ct) => w.StartReviewAsync(year, model.Version, ct));
            Assert.True(review.Succeeded, review.Message);
            // The samordnare answers comments; they do not comment.
            var own = await Send(ops, CommentRight, null, (w, ct) => w.CommentAsync(year, ReportSection.Atgarder, "Egen kommentar.", ct));
            Assert.True(own.Forbidden);
            return true;
        });

        // The styrgrupp member (the chair in the demo) sees it waiting and comments; a member outside the styrgrupp cannot.
        using var styrgrupp = await app.SignedInClientAsync(styrgruppEmail);
        var glance = await styrgrupp.PageAsync("/boras/arsrapporter");
        Assert.Contains("väntar på din granskning", glance.QuerySelector(".glance")!.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/boras/arsrapporter/{year}", (await styrgrupp.PageAsync("/boras")).QuerySelector(".review-waiting a")!.GetAttribute("href"));
        Assert.Null((await samordnare.PageAsync("/boras")).QuerySelector(".review-waiting"));
        await app.AsUserAsync(styrgruppEmail, "boras", async ops =>
        {
            var model = (await Read(ops, year))!;
            Assert.True(model.Rights.CanComment);
            Assert.True(model.Rights.CanDecide);
            Assert.False(model.CanEdit);
            // The styrgrupp has not met since the report was sent to it: no meeting to approve at yet (its earlier
            // meetings are not offered).
            Assert.Empty(model.Meetings);
            var empty = await Send(ops, CommentRight, null, (w, ct) => w.CommentAsync(year, ReportSection.Atgarder, " ", ct));
            Assert.Equal(("Skriv kommentaren.", "Text"), (empty.Message, empty.Field));
            var comment = await Send(ops, CommentRight, null, (w, ct) => w.CommentAsync(year, ReportSection.Atgarder, "Redovisa kostnaderna.", ct));
            Assert.True(comment.Succeeded, comment.Message);
            var write = await Send(ops, SamordnareRight, null, (w, ct) => w.WriteTextAsync(year, ReportSection.Atgarder, "Styrgruppens text.", "", ct));
            Assert.True(write.Forbidden);
            return true;
        });
        foreach (var who in new[] { "medlem", "lasare" })
        {
            var refused = await app.AsUserAsync(TestApp.Email(who, "boras"), "boras", async ops =>
            {
                Assert.False((await Read(ops, year))!.Rights.CanComment);
                return await Send(ops, CommentRight, null, (w, ct) => w.CommentAsync(year, ReportSection.Atgarder, "Obehörig.", ct));
            });
            Assert.True(refused.Forbidden, who);
        }
        Assert.False(await app.WithDbAsync("boras", db => db.ReportComments.AnyAsync(c => c.Text == "Obehörig.")));

        var (styrgruppId, held, before, coming, otherGroups) = await app.WithDbAsync("boras", async db =>
        {
            var group = await db.Groups.SingleAsync(g => g.Kind == GroupKind.Styrgrupp);
            var now = TestClock.Now;
            // The report went for review three days ago; the styrgrupp's last meeting before that, and the one two days
            // ago where it was reviewed (the approval is registered today, and dated by that meeting).
            await db.AnnualReports.Where(r => r.Year == year).ExecuteUpdateAsync(u => u.SetProperty(r => r.ReviewStartedAt, now.AddDays(-3)));
            var beforeId = (await db.Meetings.Where(mt => mt.GroupId == group.Id && !mt.Cancelled).Select(mt => new { mt.Id, mt.StartsAt }).ToListAsync())
                .Where(mt => mt.StartsAt < now.AddDays(-3)).MaxBy(mt => mt.StartsAt)!.Id;
            var reviewing = db.Meetings.Add(new Meeting(group.Id, now.AddDays(-2), now.AddDays(-2).AddHours(2), "Stadshuset", null)).Entity;
            var future = db.Meetings.Add(new Meeting(group.Id, now.AddDays(7), now.AddDays(7).AddHours(2), "Stadshuset", null)).Entity;
            var other = (await db.Meetings.Where(mt => mt.GroupId != group.Id && !mt.Cancelled).Select(mt => new { mt.Id, mt.StartsAt }).ToListAsync())
                .Where(mt => mt.StartsAt < now).MaxBy(mt => mt.StartsAt)!.Id;
            await db.SaveChangesAsync();
            return (group.Id, reviewing.Id, beforeId, future.Id, other);
        });

        // The chair approves only at a held meeting of the styrgrupp, when every comment is answered, the version they saw.
        await app.AsUserAsync(styrgruppEmail, "boras", async ops =>
        {
            var model = (await Read(ops, year))!;
            Task<CommandResult<Guid>> Approve(Guid? meeting, Guid version) =>
                Send(ops, GroupRightRequirement.ChairOrManage, styrgruppId, (w, ct) => w.ApproveAsync(year, styrgruppId, meeting, version, ct));
            var unanswered = await Approve(held, model.Version);
            Assert.Equal(("En kommentar är obesvarad. Svara på den innan rapporten godkänns.", "MeetingId"), (unanswered.Message, unanswered.Field));
            // Only meetings not over before the report was sent for review are offered, and an earlier one is refused.
            Assert.Contains(held, model.Meetings.Select(m => m.Id));
            Assert.DoesNotContain(before, model.Meetings.Select(m => m.Id));
            var early = await Approve(before, model.Version);
            Assert.Equal("MeetingId", early.Field);
            Assert.Contains("hölls innan rapporten skickades på granskning", early.Message, StringComparison.Ordinal);
            var noMeeting = await Approve(null, model.Version);
            Assert.Equal("Välj mötet där styrgruppen godkände rapporten.", noMeeting.Message);
            Assert.False((await Approve(coming, model.Version)).Succeeded);
            Assert.False((await Approve(otherGroups, model.Version)).Succeeded);
            return true;
        });
        var medlemApprove = await app.AsUserAsync(TestApp.Email("medlem", "boras"), "boras", ops =>
            Send(ops, GroupRightRequirement.ChairOrManage, styrgruppId, (w, ct) => w.ApproveAsync(year, styrgruppId, held, Guid.Empty, ct)));
        Assert.True(medlemApprove.Forbidden);

        var commentId = await app.WithDbAsync("boras", db => db.ReportComments.Where(c => c.Text == "Redovisa kostnaderna.").Select(c => c.Id).SingleAsync());
        var seenBeforeAnswer = await app.AsUserAsync(styrgruppEmail, "boras", async ops => (await Read(ops, year))!.Version);
        // Only the samordnare answers: the chair who commented cannot answer their own comment.
        var chairAnswer = await app.AsUserAsync(styrgruppEmail, "boras", ops =>
            Send(ops, SamordnareRight, null, (w, ct) => w.AnswerAsync(year, commentId, "Själv besvarad.", "", ct)));
        Assert.True(chairAnswer.Forbidden);
        var answer = await app.AsUserAsync(samordnareEmail, "boras", ops =>
            Send(ops, SamordnareRight, null, (w, ct) => w.AnswerAsync(year, commentId, "Kostnaderna står nu i tabellen.", "", ct)));
        Assert.True(answer.Succeeded, answer.Message);

        await app.AsUserAsync(styrgruppEmail, "boras", async ops =>
        {
            // The chair approves what they saw: the report changed since (the answer), so the stale approval is refused.
            var stale = await Send(ops, GroupRightRequirement.ChairOrManage, styrgruppId, (w, ct) => w.ApproveAsync(year, styrgruppId, held, seenBeforeAnswer, ct));
            Assert.True(stale.Conflict);
            var model = (await Read(ops, year))!;
            Assert.Equal(0, model.UnansweredComments);
            Assert.Equal("Kostnaderna står nu i tabellen.", Assert.Single(model.Comments).Answer);
            var approved = await Send(ops, GroupRightRequirement.ChairOrManage, styrgruppId, (w, ct) => w.ApproveAsync(year, styrgruppId, held, model.Version, ct));
            Assert.True(approved.Succeeded, approved.Message);
            return true;
        });

        var totals = await app.AsUserAsync(samordnareEmail, "boras", async ops =>
        {
            var model = (await Read(ops, year))!;
            Assert.True(model.IsFrozen);
            Assert.False(model.CanEdit);
            Assert.Equal(held, model.MeetingId);
            // The decision's date is the meeting's, not the day the approval was registered.
            var heldAt = await app.WithDbAsync("boras", db => db.Meetings.Where(mt => mt.Id == held).Select(mt => mt.StartsAt).SingleAsync());
            Assert.Equal(heldAt, model.MeetingAt);
            Assert.NotEqual(Sv.Date(heldAt), Sv.Date(model.ApprovedAt!.Value));
            var late = await Send(ops, SamordnareRight, null, (w, ct) => w.WriteTextAsync(year, ReportSection.Sammanfattning, "Sent tillägg.", "Ett lugnare år i Hässleholmen.", ct));
            Assert.Contains("godkänd", late.Message, StringComparison.Ordinal);
            return model.Content.Figures.Development.IncidentTotal.Values.ToList();
        });
        var docxBefore = await DocumentXmlAsync(samordnare, $"{url}/arsrapport-{year}.docx");
        // The tjänsteskrivelse dates the decision by the meeting, too.
        var decided = await app.WithDbAsync("boras", db => db.Meetings.Where(mt => mt.Id == held).Select(mt => mt.StartsAt).SingleAsync());
        using (var docx = await samordnare.GetAsync($"{url}/arsrapport-{year}.docx"))
        {
            using var zip = new ZipArchive(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()));
            using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
            Assert.Contains($"godkänd av styrgruppen {Sv.Date(decided)}", await reader.ReadToEndAsync(), StringComparison.Ordinal);
        }

        // Records added after the approval change neither the page nor the document.
        await app.WithDbAsync("boras", async db =>
        {
            var area = await db.Areas.FirstAsync();
            var category = await db.IncidentCategories.FirstAsync();
            db.Incidents.Add(new Incident(category.Id, area.Id, "", At(year, 6, 6), "Polisen", "Efteranmälan", null, TestClock.Now));
            return await db.SaveChangesAsync();
        });
        Assert.Equal(totals, await app.AsUserAsync(samordnareEmail, "boras", async ops => (await Read(ops, year))!.Content.Figures.Development.IncidentTotal.Values.ToList()));
        Assert.Equal(docxBefore, await DocumentXmlAsync(samordnare, $"{url}/arsrapport-{year}.docx"));
        var frozen = await app.WithDbAsync("boras", db => db.AnnualReports.SingleAsync(r => r.Year == year));
        Assert.Equal("Ett lugnare år i Hässleholmen.", AnnualReportSnapshot.Read(frozen.Snapshot)!.Text(ReportSection.Sammanfattning));

        // Handing over: only the samordnare; the case number is required; then recorded.
        var today = SwedishTime.DateOf(TestClock.Now);
        var chairHandOver = await app.AsUserAsync(styrgruppEmail, "boras", ops =>
            Send(ops, SamordnareRight, null, (w, ct) => w.HandOverAsync(year, new HandOverInput { HandedOverOn = today, CaseNumber = "KS 2026/1" }, ct)));
        Assert.True(chairHandOver.Forbidden);
        await app.AsUserAsync(samordnareEmail, "boras", async ops =>
        {
            var noCase = await Send(ops, SamordnareRight, null, (w, ct) => w.HandOverAsync(year, new HandOverInput { HandedOverOn = today, CaseNumber = "" }, ct));
            Assert.Equal(("Ange ärendets diarienummer, till exempel KS 2026/412.", nameof(AnnualReport.CaseNumber)), (noCase.Message, noCase.Field));
            var noDate = await Send(ops, SamordnareRight, null, (w, ct) => w.HandOverAsync(year, new HandOverInput { CaseNumber = "KS 2026/412" }, ct));
            Assert.Equal(nameof(AnnualReport.HandedOverOn), noDate.Field);
            var handedOver = await Send(ops, SamordnareRight, null, (w, ct) => w.HandOverAsync(year, new HandOverInput { HandedOverOn = today, CaseNumber = "KS 2026/412" }, ct));
            Assert.True(handedOver.Succeeded, handedOver.Message);
            return true;
        });
        Assert.Equal(AnnualReportStatus.Overlamnad, await app.WithDbAsync("boras", db => db.AnnualReports.Where(r => r.Year == year).Select(r => r.Status).SingleAsync()));

        // Every step was audited.
        var audited = await app.WithDbAsync("boras", db => db.AuditEntries.GroupBy(a => a.EntityType).Select(g => new { g.Key, Count = g.Count() })
            .Where(g => g.Key == nameof(AnnualReport) || g.Key == nameof(ReportComment)).ToDictionaryAsync(g => g.Key, g => g.Count));
        Assert.Equal(5, audited[nameof(AnnualReport)]); // created, text, review, approved, handed over
        Assert.Equal(2, audited[nameof(ReportComment)]); // the comment, its answer
    }

    [Fact]
    public async Task Readers_read_without_forms_only_the_samordnare_starts_a_report_and_other_kommuner_see_nothing()
    {
        using var lasare = await app.SignedInClientAsync(TestApp.Email("lasare", "orebro"));
        var year = await app.WithDbAsync("orebro", db => db.AnnualReports.Select(r => r.Year).SingleAsync());
        var page = await lasare.PageAsync($"/orebro/arsrapporter/{year}");
        Assert.StartsWith($"Årsrapport {year}", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(page.QuerySelectorAll("form"), f => f.QuerySelector("input[name=_handler]") is not null);
        Assert.Empty(page.QuerySelectorAll("main textarea"));
        await app.AsUserAsync(TestApp.Email("lasare", "orebro"), "orebro", async ops =>
        {
            var model = (await Read(ops, year))!;
            Assert.Equal(new ReportRights(false, false, false), model.Rights);
            Assert.True((await Send(ops, SamordnareRight, null, (w, ct) => w.WriteTextAsync(year, ReportSection.Forslag, "Läsarens text.", "", ct))).Forbidden);
            Assert.True((await Send(ops, GroupRightRequirement.ChairOrManage, model.GroupId, (w, ct) => w.ApproveAsync(year, model.GroupId, null, model.Version, ct))).Forbidden);
            return true;
        });
        Assert.DoesNotContain("Påbörja rapporten", (await lasare.PageAsync("/orebro/arsrapporter")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        using (var samordnare = await app.SignedInClientAsync(TestApp.Email("samordnare", "orebro")))
        {
            Assert.Contains("Påbörja rapporten", (await samordnare.PageAsync("/orebro/arsrapporter")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        }
        var lasareCreate = await app.AsUserAsync(TestApp.Email("lasare", "orebro"), "orebro", ops => CreateReport(ops, 2024));
        Assert.True(lasareCreate.Forbidden);
        Assert.False(await app.WithDbAsync("orebro", db => db.AnnualReports.AnyAsync(r => r.Year == 2024)));

        using var other = await app.SignedInClientAsync(TestApp.Email("samordnare", "karlstad"));
        foreach (var url in new[] { $"/orebro/arsrapporter/{year}", $"/orebro/arsrapporter/{year}/arsrapport-{year}.docx", "/orebro/overenskommelser" })
        {
            using var foreign = await other.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, foreign.StatusCode);
            Assert.Contains("/konto/atkomst-nekad", foreign.Headers.Location!.ToString(), StringComparison.Ordinal);
        }
        using var ownPath = await other.GetAsync($"/karlstad/arsrapporter/{year}");
        Assert.Equal(HttpStatusCode.NotFound, ownPath.StatusCode);
    }

    private static Task<CommandResult<int>> CreateReport(Operations ops, int? year) =>
        ops.SendAsync<AnnualReportListWork, int>(SamordnareRight, null, (w, ct) => w.CreateAsync(year, ct), "Påbörjad.");

    private static Task<CommandResult<Guid>> SaveAgreement(Operations ops, AgreementInput input) =>
        ops.SendAsync<AgreementWork, Guid>(SamordnareRight, null, (w, ct) => w.SaveAsync(input, ct), "Överenskommelsen är sparad.");

    [Fact]
    public async Task The_samordnare_records_the_cooperation_agreement_bad_input_is_refused_at_its_field_and_changes_need_the_version_seen()
    {
        var samordnare = TestApp.Email("samordnare", "karlstad");
        var area = await app.WithDbAsync("karlstad", db => db.Areas.Where(a => !a.Archived).Select(a => a.Id).FirstAsync());
        var foreignArea = await app.WithDbAsync("orebro", db => db.Areas.Select(a => a.Id).FirstAsync());
        // The next agreement period, after the demo's own (last year to next year), so the title is not the demo's.
        var from = TestClock.Today.Year + 2;
        var title = $"Samverkansöverenskommelse {from}–{from + 2}";
        AgreementInput Input() => new()
        {
            Title = title, Parties = "Karlstads kommun och Polisen, LPO Karlstad", ValidFrom = new DateTime(from, 1, 1), ValidTo = new DateTime(from - 1, 12, 31),
            AreaIds = [area], Focus = "Trygghet i centrum.",
        };

        var saved = await app.AsUserAsync(samordnare, "karlstad", async ops =>
        {
            var badDates = await SaveAgreement(ops, Input());
            Assert.Equal(("Slutdatumet kan inte ligga före startdatumet.", nameof(CooperationAgreement.ValidTo)), (badDates.Message, badDates.Field));
            // No area ticked is the whole kommun; with a missing date it is refused at the date, not an error page.
            var noArea = Input();
            noArea.AreaIds = [];
            noArea.ValidTo = null;
            var missing = await SaveAgreement(ops, noArea);
            Assert.Equal(("Ange när överenskommelsen slutar gälla.", nameof(CooperationAgreement.ValidTo)), (missing.Message, missing.Field));
            // Another kommun's area is not one of this kommun's.
            var foreign = Input();
            foreign.ValidTo = new DateTime(from + 2, 12, 31);
            foreign.AreaIds = [area, foreignArea];
            var refused = await SaveAgreement(ops, foreign);
            Assert.Equal(("Välj bland kommunens områden.", nameof(AgreementInput.AreaIds)), (refused.Message, refused.Field));
            Assert.False(await app.WithDbAsync("karlstad", db => db.CooperationAgreements.AnyAsync(a => a.Title == title)));

            var good = Input();
            good.ValidTo = new DateTime(from + 2, 12, 31);
            var ok = await SaveAgreement(ops, good);
            Assert.True(ok.Succeeded, ok.Message);
            var model = await ops.ReadAsync<AgreementWork, AgreementsModel>((w, ct) => w.ReadAsync(ct));
            Assert.True(model.CanEdit);
            return model.Agreements.Single(a => a.Title == title);
        });
        Assert.Equal([area], saved.AreaIds);
        Assert.Equal([area], (await app.WithDbAsync("karlstad", db => db.CooperationAgreements.Include(a => a.Areas).SingleAsync(a => a.Title == title))).AreaIds);

        // Two open the agreement; the first change is saved, the second (over the version first seen) is refused.
        var first = AgreementInput.From(saved);
        first.Focus = "Trygghet i centrum och vid resecentrum.";
        var second = AgreementInput.From(saved);
        second.AreaIds = [];
        var (one, two) = await app.AsUserAsync(samordnare, "karlstad", async ops => (await SaveAgreement(ops, first), await SaveAgreement(ops, second)));
        Assert.True(one.Succeeded, one.Message);
        Assert.True(two.Conflict);
        var stored = await app.WithDbAsync("karlstad", db => db.CooperationAgreements.Include(a => a.Areas).SingleAsync(a => a.Title == title));
        Assert.Equal("Trygghet i centrum och vid resecentrum.", stored.Focus);
        Assert.Equal([area], stored.AreaIds);

        // A läsare reads without the form and is refused; another kommun's samordnare does not find it.
        var lasare = await app.AsUserAsync(TestApp.Email("lasare", "karlstad"), "karlstad", async ops =>
            ((await ops.ReadAsync<AgreementWork, AgreementsModel>((w, ct) => w.ReadAsync(ct))).CanEdit, await SaveAgreement(ops, Input())));
        Assert.False(lasare.Item1);
        Assert.True(lasare.Item2.Forbidden);
        var change = AgreementInput.From(saved);
        change.Title = "Örebros ändring";
        var orebro = await app.AsUserAsync(TestApp.Email("samordnare", "orebro"), "orebro", ops => SaveAgreement(ops, change));
        Assert.False(orebro.Succeeded);
        Assert.Equal(1, await app.WithDbAsync("karlstad", db => db.CooperationAgreements.CountAsync(a => a.Title == title)));
        Assert.False(await app.WithDbAsync("orebro", db => db.CooperationAgreements.AnyAsync(a => a.Title == "Örebros ändring")));
        using var reader = await app.SignedInClientAsync(TestApp.Email("lasare", "karlstad"));
        var page = await reader.PageAsync("/karlstad/overenskommelser");
        Assert.Contains(title, page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Spara överenskommelsen", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_word_document_opens_in_LibreOffice_with_the_tjansteskrivelse_headings_real_tables_and_the_texts()
    {
        using var samordnare = await app.SignedInClientAsync(TestApp.Email("samordnare", "orebro"));
        var year = await app.WithDbAsync("orebro", db => db.AnnualReports.Select(r => r.Year).SingleAsync());
        using var response = await samordnare.GetAsync($"/orebro/arsrapporter/{year}/arsrapport-{year}.docx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using (var zip = new ZipArchive(new MemoryStream(bytes)))
        {
            Assert.NotNull(zip.GetEntry("word/charts/chart1.xml"));
        }

        var html = AppClient.Parse(await LibreOffice.ConvertAsync(bytes, "docx", "html"));
        var headings = html.QuerySelectorAll("h1, h2").Select(h => System.Text.RegularExpressions.Regex.Replace(h.TextContent, @"\s+", " ").Trim()).ToList();
        Assert.Contains("Förslag till beslut", headings);
        Assert.Contains("Sammanfattning", headings);
        Assert.Contains("Beskrivning av ärendet", headings);
        Assert.Contains(ReportSection.Organisation.Heading(), headings);
        Assert.Contains(ReportSection.Atgarder.Heading(), headings);
        Assert.Contains("Förslag inför nästa år", headings);
        var text = System.Text.RegularExpressions.Regex.Replace(html.Body!.TextContent, @"\s+", " ");
        Assert.Contains($"Årsrapport {year}", text, StringComparison.Ordinal);
        Assert.Contains("Klotter och skadegörelse vid Vivalla centrum minskade", text, StringComparison.Ordinal);
        var tables = html.QuerySelectorAll("table");
        Assert.True(tables.Length >= 4, $"{tables.Length} tables");
        var groups = tables.First(t => t.QuerySelector("tr")!.TextContent.Contains("Ordförande", StringComparison.Ordinal));
        Assert.Contains(groups.QuerySelectorAll("tr").Skip(1), row => System.Text.RegularExpressions.Regex.Replace(row.TextContent, @"\s+", " ").Contains("EST – Effektiv samordning för trygghet", StringComparison.Ordinal));
        Assert.NotNull(html.QuerySelector("img")); // the chart, drawn by LibreOffice
    }

    /// <summary>The document's body XML, to compare two downloads.</summary>
    private static async Task<string> DocumentXmlAsync(AppClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        var xml = await reader.ReadToEndAsync();
        // The heading block carries today's date; everything else must be identical.
        return System.Text.RegularExpressions.Regex.Replace(xml, @"\d{4}-\d{2}-\d{2}", "DATE");
    }
}
