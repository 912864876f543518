using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Authorization;
using SakraStader.Components.Lists;
using SakraStader.Domain;
using SakraStader.Features.Commands;
using SakraStader.Features.Demo;
using SakraStader.Features.Groups;
using SakraStader.Features.Meetings;
using SakraStader.Tests.Support;

namespace SakraStader.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class MeetingTests(TestApp app) : IClassFixture<TestApp>
{
    private Task<Group> GroupAsync(string kommun, GroupKind kind) =>
        app.WithDbAsync(kommun, db => db.Groups.FirstAsync(g => g.Kind == kind));

    /// <summary>A fresh meeting of the group, <paramref name="days"/> from now, with one agenda item.</summary>
    private Task<(Guid Meeting, Guid Item)> NewMeetingAsync(string kommun, GroupKind kind, int days) =>
        app.WithDbAsync(kommun, async db =>
        {
            var group = await db.Groups.FirstAsync(g => g.Kind == kind);
            // Ten in the morning, local time: a meeting of now + 2 h would cross midnight late in the evening, and the
            // form (a date, a start and an end time) cannot hold such a meeting.
            var start = SwedishTime.At(SwedishTime.DateOf(TestClock.Now).AddDays(days), new TimeOnly(10, 0));
            var meeting = new Meeting(group.Id, start, start.AddHours(2), "Stadshuset", null);
            var item = meeting.AddAgendaItem("Lägesbild");
            db.Meetings.Add(meeting);
            await db.SaveChangesAsync();
            return (meeting.Id, item.Id);
        });

    private Task<Meeting> MeetingAsync(string kommun, Guid id) =>
        app.WithDbAsync(kommun, db => db.Meetings.AsNoTracking().Include(m => m.Agenda).Include(m => m.Versions).SingleAsync(m => m.Id == id));

    private static Task<CommandResult<T>> Send<T>(Operations ops, IAuthorizationRequirement right, Guid groupId,
        Func<MeetingWork, CancellationToken, Task<T>> command) => ops.SendAsync(right, groupId, command, "Klart.");

    /// <summary>A command that changes the meeting: the result holds the version the save gave it, and the one before.</summary>
    private static Task<CommandResult<Guid>> Send(Operations ops, IAuthorizationRequirement right, Guid groupId,
        Func<MeetingWork, CancellationToken, Task<IVersioned>> command) => ops.SaveAsync(right, groupId, command, "Sparat.");

    private Task<Guid> GroupOfAsync(string kommun, Guid meeting) =>
        app.WithDbAsync(kommun, db => db.Meetings.Where(m => m.Id == meeting).Select(m => m.GroupId).SingleAsync());

    private static Task<MeetingPageModel?> Read(Operations ops, Guid meeting) =>
        ops.ReadAsync<MeetingWork, MeetingPageModel?>((w, ct) => w.ReadAsync(meeting, ct));

    [Fact]
    public async Task A_group_member_records_minutes_and_the_change_is_audited()
    {
        var (meeting, item) = await NewMeetingAsync("orebro", GroupKind.Est, -1);
        var group = await GroupOfAsync("orebro", meeting);

        var (minutes, decision, model) = await app.AsUserAsync(TestApp.Email("medlem", "orebro"), "orebro", async ops => (
            await Send(ops, GroupRightRequirement.Edit, group, (w, ct) => w.WriteItemAsync(meeting, group, item, MinutesField.Minutes, "Klotter och samlingsplats vid busstorget.", "", ct)),
            await Send(ops, GroupRightRequirement.Edit, group, (w, ct) => w.WriteItemAsync(meeting, group, item, MinutesField.Decision, "Bostadsbolaget förbättrar belysningen.", "", ct)),
            await Read(ops, meeting)));

        Assert.True(minutes.Succeeded, minutes.Message);
        Assert.True(decision.Succeeded, decision.Message);
        // The second save started from the version the first returned: nobody else changed the meeting in between.
        Assert.Equal(minutes.Value, Assert.Single(decision.Saved).Previous);
        Assert.True(model!.Editable);
        Assert.Equal(decision.Value, model.Version);
        var saved = (await MeetingAsync("orebro", meeting)).Agenda.Single();
        Assert.Equal("Klotter och samlingsplats vid busstorget.", saved.Minutes);
        Assert.Equal("Bostadsbolaget förbättrar belysningen.", saved.Decision);
        Assert.True(await app.WithDbAsync("orebro", db => db.AuditEntries.AnyAsync(a => a.EntityId == item.ToString() && a.Action == AuditAction.Updated)));
    }

    [Fact]
    public async Task Two_people_saving_the_same_minutes_the_second_gets_a_conflict_with_both_versions_and_nothing_is_lost()
    {
        var (meeting, item) = await NewMeetingAsync("karlstad", GroupKind.Est, -1);
        var group = await GroupOfAsync("karlstad", meeting);
        // Both opened the page with empty minutes; the samordnare saves first.
        var first = await app.AsUserAsync(TestApp.Email("samordnare", "karlstad"), "karlstad", ops =>
            Send(ops, GroupRightRequirement.Edit, group, (w, ct) => w.WriteItemAsync(meeting, group, item, MinutesField.Minutes, "Samordnarens anteckning.", "", ct)));
        var second = await app.AsUserAsync(TestApp.Email("medlem", "karlstad"), "karlstad", ops =>
            Send(ops, GroupRightRequirement.Edit, group, (w, ct) => w.WriteItemAsync(meeting, group, item, MinutesField.Minutes, "Medlemmens anteckning.", "", ct)));

        Assert.True(first.Succeeded, first.Message);
        Assert.False(second.Succeeded);
        Assert.True(second.Conflict);
        Assert.Equal(MeetingWork.ChangedMeanwhile, second.Message);
        Assert.Equal(nameof(MinutesField.Minutes), second.Field);
        Assert.Equal("Samordnarens anteckning.", second.Current); // shown beside the member's own text, which stays in the field
        Assert.Equal("Samordnarens anteckning.", (await MeetingAsync("karlstad", meeting)).Agenda.Single().Minutes);

        // Having read the other text, the member saves over it deliberately; the decision field was never in conflict.
        var again = await app.AsUserAsync(TestApp.Email("medlem", "karlstad"), "karlstad", ops =>
            Send(ops, GroupRightRequirement.Edit, group, (w, ct) => w.WriteItemAsync(meeting, group, item, MinutesField.Minutes, "Samordnarens anteckning. Medlemmens tillägg.", "Samordnarens anteckning.", ct)));
        Assert.True(again.Succeeded, again.Message);
        Assert.Equal("Samordnarens anteckning. Medlemmens tillägg.", (await MeetingAsync("karlstad", meeting)).Agenda.Single().Minutes);
    }

    [Fact]
    public async Task Someone_outside_the_group_reads_but_cannot_change_the_minutes()
    {
        // The fire-service member sits in EST, not in SSPF.
        var (meeting, item) = await NewMeetingAsync("orebro", GroupKind.Sspf, -1);
        var group = await GroupOfAsync("orebro", meeting);
        var email = TestApp.Email("raddningstjanst", "orebro");
        using var outsider = await app.SignedInClientAsync(email);
        var page = await outsider.PageAsync($"/orebro/moten/{meeting}");

        var (model, write, add, approve) = await app.AsUserAsync(email, "orebro", async ops => (
            await Read(ops, meeting),
            await Send(ops, GroupRightRequirement.Edit, group, (w, ct) => w.WriteItemAsync(meeting, group, item, MinutesField.Minutes, "Otillåten ändring", "", ct)),
            await Send(ops, GroupRightRequirement.Edit, group, (w, ct) => w.AddAgendaItemAsync(meeting, group, "Otillåten punkt", ct)),
            await Send(ops, GroupRightRequirement.Chair, group, (w, ct) => w.ApproveAsync(meeting, group, Guid.Empty, ct))));

        Assert.Equal("Lägesbild", page.QuerySelector(".agenda__item h3")!.TextContent.Trim()[3..]);
        Assert.Empty(page.QuerySelectorAll("main textarea"));
        Assert.False(model!.Editable);
        Assert.True(write.Forbidden);
        Assert.True(add.Forbidden);
        Assert.True(approve.Forbidden);
        var saved = await MeetingAsync("orebro", meeting);
        Assert.Equal("", saved.Agenda.Single().Minutes);
        Assert.Single(saved.Agenda);
        Assert.False(saved.MinutesApproved);
    }

    [Fact]
    public async Task With_a_second_justerare_the_minutes_lock_when_both_have_justerat_and_a_change_between_begins_again()
    {
        var (meeting, item) = await NewMeetingAsync("orebro", GroupKind.Est, -3);
        var group = await GroupOfAsync("orebro", meeting);
        var chairEmail = TestApp.Email("samordnare", "orebro");   // the EST's chair in the demo
        var justerareEmail = TestApp.Email("medlem", "orebro");
        var (chairMember, justerare, outsider) = await app.WithDbAsync("orebro", async db =>
        {
            var members = await db.GroupMembers.Where(m => m.GroupId == group).Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m.Id, u.Email, m.IsChair }).ToListAsync();
            var external = await db.GroupMembers.Where(m => m.GroupId == group && m.UserId == null).Select(m => (Guid?)m.Id).FirstOrDefaultAsync();
            return (members.Single(m => m.IsChair).Id, members.Single(m => m.Email == justerareEmail).Id, external);
        });
        Task<CommandResult<Guid>> Choose(Guid? member) => app.AsUserAsync(chairEmail, "orebro", ops =>
            Send(ops, GroupRightRequirement.Edit, group, (w, ct) => w.ChooseJusterareAsync(meeting, group, member, ct)));
        Task<CommandResult<Guid>> Justera(string email) => app.AsUserAsync(email, "orebro", async ops =>
            await Send(ops, GroupRightRequirement.Member, group, async (w, ct) => await w.ApproveAsync(meeting, group, (await Read(ops, meeting))!.Version, ct)));
        Task<bool> WaitsInInbox(string email) => app.AsUserAsync(email, null, async ops =>
            (await ops.ReadAsync<Features.Inbox.InboxWork, IReadOnlyList<Features.Inbox.InboxItem>>((w, ct) => w.ForUserAsync(ct)))
                .Any(i => i.Kind == Features.Inbox.InboxKind.Justera && i.Href == $"/orebro/moten/{meeting}"));

        // The chair cannot be the second justerare, nor can someone without an account; a member with one can.
        var chairChosen = await Choose(chairMember);
        Assert.Equal(("Ordföranden justerar redan. Välj en annan av gruppens medlemmar.", nameof(Meeting.JusterareMemberId)), (chairChosen.Message, chairChosen.Field));
        if (outsider is { } external)
        {
            Assert.Equal(nameof(Meeting.JusterareMemberId), (await Choose(external)).Field);
        }
        Assert.True((await Choose(justerare)).Succeeded);
        var minutes = await app.AsUserAsync(chairEmail, "orebro", ops => Send(ops, GroupRightRequirement.Edit, group,
            async (w, ct) => (await w.WriteItemAsync(meeting, group, item, MinutesField.Minutes, "Läget gicks igenom.", "", ct)).Version));
        Assert.True(minutes.Succeeded, minutes.Message);
        Assert.True(await WaitsInInbox(chairEmail));
        Assert.True(await WaitsInInbox(justerareEmail));

        // The chair justerar: the minutes wait for the justerare, and only the justerare is asked.
        Assert.True((await Justera(chairEmail)).Succeeded);
        var waiting = await MeetingAsync("orebro", meeting);
        Assert.False(waiting.MinutesApproved);
        Assert.NotNull(waiting.ChairJusteradBy);
        Assert.False(await WaitsInInbox(chairEmail));
        Assert.True(await WaitsInInbox(justerareEmail));
        Assert.Contains("redan justerat", (await Justera(chairEmail)).Message, StringComparison.Ordinal);
        // Someone else in the group may not justera.
        var other = await Justera(TestApp.Email("raddningstjanst", "orebro"));
        Assert.False(other.Succeeded);

        // The minutes change before the justerare has justerat: what the chair approved no longer holds.
        var changed = await app.AsUserAsync(justerareEmail, "orebro", ops => Send(ops, GroupRightRequirement.Edit, group,
            async (w, ct) => (await w.WriteItemAsync(meeting, group, item, MinutesField.Minutes, "Läget gicks igenom och beslut fattades.", "Läget gicks igenom.", ct)).Version));
        Assert.True(changed.Succeeded, changed.Message);
        Assert.Null((await MeetingAsync("orebro", meeting)).ChairJusteradBy);
        Assert.True(await WaitsInInbox(chairEmail));

        Assert.True((await Justera(justerareEmail)).Succeeded);
        Assert.False((await MeetingAsync("orebro", meeting)).MinutesApproved);
        Assert.True((await Justera(chairEmail)).Succeeded);
        var approved = await MeetingAsync("orebro", meeting);
        Assert.True(approved.MinutesApproved);
        var version = Assert.Single(approved.Versions);
        Assert.Contains(" och ", version.ApprovedBy, StringComparison.Ordinal);
        Assert.False(await WaitsInInbox(chairEmail));
        Assert.False(await WaitsInInbox(justerareEmail));
    }

    [Fact]
    public async Task The_chair_approves_held_minutes_which_are_then_locked()
    {
        var (meeting, item) = await NewMeetingAsync("orebro", GroupKind.Est, -2);
        var group = await GroupOfAsync("orebro", meeting);
        var chairEmail = TestApp.Email("samordnare", "orebro");

        var approved = await app.AsUserAsync(chairEmail, "orebro", async ops =>
        {
            var model = (await Read(ops, meeting))!;
            Assert.True(model.Rights.IsChair);
            return await Send(ops, GroupRightRequirement.Chair, group, (w, ct) => w.ApproveAsync(meeting, group, model.Version, ct));
        });
        var (memberApprove, late) = await app.AsUserAsync(TestApp.Email("medlem", "orebro"), "orebro", async ops => (
            await Send(ops, GroupRightRequirement.Chair, group, (w, ct) => w.ApproveAsync(meeting, group, Guid.Empty, ct)),
            await Send(ops, GroupRightRequirement.Edit, group, (w, ct) => w.WriteItemAsync(meeting, group, item, MinutesField.Minutes, "Ändrat efter justering", "", ct))));
        using var chair = await app.SignedInClientAsync(chairEmail);
        var page = await chair.PageAsync($"/orebro/moten/{meeting}");

        Assert.True(approved.Succeeded, approved.Message);
        Assert.True(memberApprove.Forbidden); // only the chair justerar
        Assert.False(late.Succeeded);
        Assert.Contains("Protokollet är justerat och kan inte ändras.", late.Message, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("main textarea"));
        Assert.Contains("Version 1", page.QuerySelector(".versions")!.TextContent, StringComparison.Ordinal);
        var saved = await MeetingAsync("orebro", meeting);
        Assert.True(saved.MinutesApproved);
        Assert.Equal("", saved.Agenda.Single().Minutes);
        Assert.Equal(1, Assert.Single(saved.Versions).Number);
    }

    [Fact]
    public async Task The_chair_cannot_justera_minutes_that_changed_after_they_read_them()
    {
        var (meeting, item) = await NewMeetingAsync("orebro", GroupKind.Est, -1);
        var group = await GroupOfAsync("orebro", meeting);
        var chairEmail = TestApp.Email("samordnare", "orebro"); // the EST chair in the demo
        var seen = await app.AsUserAsync(chairEmail, "orebro", async ops => (await Read(ops, meeting))!.Version);

        // A member adds a decision while the chair reads.
        var added = await app.AsUserAsync(TestApp.Email("medlem", "orebro"), "orebro", ops =>
            Send(ops, GroupRightRequirement.Edit, group, (w, ct) => w.WriteItemAsync(meeting, group, item, MinutesField.Decision, "Kameror vid stationen.", "", ct)));
        Assert.True(added.Succeeded, added.Message);

        var stale = await app.AsUserAsync(chairEmail, "orebro", ops =>
            Send(ops, GroupRightRequirement.Chair, group, (w, ct) => w.ApproveAsync(meeting, group, seen, ct)));
        Assert.True(stale.Conflict);
        Assert.Equal(MeetingWork.ApprovedChangedMeanwhile, stale.Message);
        Assert.False((await MeetingAsync("orebro", meeting)).MinutesApproved);

        // Having read the minutes as they are now, the chair justerar them: the version keeps the decision.
        var approved = await app.AsUserAsync(chairEmail, "orebro", async ops =>
        {
            var model = (await Read(ops, meeting))!;
            Assert.Equal("Kameror vid stationen.", model.Agenda.Single().Decision);
            return await Send(ops, GroupRightRequirement.Chair, group, (w, ct) => w.ApproveAsync(meeting, group, model.Version, ct));
        });
        Assert.True(approved.Succeeded, approved.Message);
        var version = Assert.Single((await MeetingAsync("orebro", meeting)).Versions);
        Assert.Equal("Kameror vid stationen.", MeetingHandler.Read(version.Content).Items.Single().Decision);
    }

    [Fact]
    public async Task A_correction_reopens_the_minutes_and_the_next_approval_is_version_two()
    {
        var (meeting, item) = await NewMeetingAsync("orebro", GroupKind.Est, -3);
        var group = await GroupOfAsync("orebro", meeting);
        var chairEmail = TestApp.Email("samordnare", "orebro");
        await app.AsUserAsync(chairEmail, "orebro", async ops =>
        {
            Task<Guid> Seen() => Read(ops, meeting).ContinueWith(t => t.Result!.Version, TaskScheduler.Default);
            var first = await Send(ops, GroupRightRequirement.Chair, group, async (w, ct) => await w.ApproveAsync(meeting, group, await Seen(), ct));
            Assert.True(first.Succeeded, first.Message);
            var noReason = await Send(ops, GroupRightRequirement.Edit, group, (w, ct) => w.StartCorrectionAsync(meeting, group, " ", ct));
            Assert.Equal(("Skriv vad som ska rättas.", nameof(Meeting.PendingCorrectionReason)), (noReason.Message, noReason.Field));
            var correct = await Send(ops, GroupRightRequirement.Edit, group, (w, ct) => w.StartCorrectionAsync(meeting, group, "Fel datum i punkt 1", ct));
            Assert.True(correct.Succeeded, correct.Message);
            var edit = await Send(ops, GroupRightRequirement.Edit, group, (w, ct) => w.WriteItemAsync(meeting, group, item, MinutesField.Minutes, "Rättad text", "", ct));
            Assert.True(edit.Succeeded, edit.Message);
            var again = await Send(ops, GroupRightRequirement.Chair, group, async (w, ct) => await w.ApproveAsync(meeting, group, await Seen(), ct));
            Assert.True(again.Succeeded, again.Message);
            return true;
        });
        using var chair = await app.SignedInClientAsync(chairEmail);
        var page = await chair.PageAsync($"/orebro/moten/{meeting}");

        var saved = await MeetingAsync("orebro", meeting);
        Assert.Equal([1, 2], saved.Versions.Select(v => v.Number).Order().ToArray());
        Assert.Equal("Fel datum i punkt 1", saved.Versions.Single(v => v.Number == 2).CorrectionReason);
        Assert.Equal("Rättad text", saved.Agenda.Single().Minutes);
        Assert.Equal(2, page.QuerySelectorAll(".versions li").Length);
        Assert.Contains("rättelse: Fel datum i punkt 1", page.QuerySelector(".versions")!.TextContent);
    }

    [Fact]
    public async Task Minutes_of_a_future_meeting_cannot_be_approved()
    {
        var (meeting, _) = await NewMeetingAsync("orebro", GroupKind.Est, 5);
        var group = await GroupOfAsync("orebro", meeting);
        var result = await app.AsUserAsync(TestApp.Email("samordnare", "orebro"), "orebro", async ops =>
        {
            var model = (await Read(ops, meeting))!;
            Assert.False(model.Held);
            return await Send(ops, GroupRightRequirement.Chair, group, (w, ct) => w.ApproveAsync(meeting, group, model.Version, ct));
        });

        Assert.Equal("Protokollet kan justeras först när mötet har hållits.", result.Message);
        Assert.False((await MeetingAsync("orebro", meeting)).MinutesApproved);
    }

    [Fact]
    public async Task Attendance_with_a_substitute_needs_the_substitutes_name_and_saves_nothing_until_then()
    {
        var (meeting, _) = await NewMeetingAsync("boras", GroupKind.Est, -1);
        var group = await GroupOfAsync("boras", meeting);
        var members = await app.WithDbAsync("boras", db => db.GroupMembers.Where(m => m.GroupId == group).OrderBy(m => m.Name).Select(m => new { m.Id, m.Name }).ToListAsync());
        Assert.True(members.Count >= 2);
        AttendanceInput[] Rows(string? substitute) =>
        [
            new() { MemberId = members[0].Id, Status = AttendanceStatus.Present },
            new() { MemberId = members[1].Id, Status = AttendanceStatus.Substitute, Substitute = substitute },
        ];

        var (missing, tooLong, saved) = await app.AsUserAsync(TestApp.Email("samordnare", "boras"), "boras", async ops => (
            await Send(ops, GroupRightRequirement.Edit, group, (w, ct) => w.RecordAttendanceAsync(meeting, group, Rows(null), "Karin Ek, nämndsekreterare", ct)),
            await Send(ops, GroupRightRequirement.Edit, group, (w, ct) => w.RecordAttendanceAsync(meeting, group, Rows("Polisassistent Jonsson"), new string('x', 501), ct)),
            await Send(ops, GroupRightRequirement.Edit, group, (w, ct) => w.RecordAttendanceAsync(meeting, group, Rows("Polisassistent Jonsson"), "  Karin Ek, nämndsekreterare ", ct))));

        Assert.Equal(($"Ange vem som ersatte {members[1].Name}.", AttendanceInput.FieldOf(members[1].Id)), (missing.Message, missing.Field));
        // Who else was there (the protokoll's "Övriga") has a length at its own field; nothing is saved until both are right.
        Assert.Equal(("Skriv högst 500 tecken om övriga närvarande.", nameof(Meeting.OtherAttendees)), (tooLong.Message, tooLong.Field));
        Assert.True(saved.Succeeded, saved.Message);
        var stored = await app.WithDbAsync("boras", db => db.Meetings.AsNoTracking().Include(m => m.Attendance).SingleAsync(m => m.Id == meeting));
        Assert.Equal(2, stored.Attendance.Count);
        Assert.Equal("Polisassistent Jonsson", stored.Attendance.Single(r => r.GroupMemberId == members[1].Id).SubstituteName);
        Assert.Equal("Karin Ek, nämndsekreterare", stored.OtherAttendees);
        // The protokoll names them under Övriga.
        using var client = await app.SignedInClientAsync(TestApp.Email("samordnare", "boras"));
        using var docx = await client.GetAsync($"/boras/moten/{meeting}/protokoll.docx");
        using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), isEditable: false);
        Assert.Contains("Övriga: Karin Ek, nämndsekreterare",
            document.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
    }

    [Fact]
    public async Task A_meeting_without_date_or_ending_before_it_starts_is_refused_at_its_field()
    {
        var est = await GroupAsync("karlstad", GroupKind.Est);
        var before = await app.WithDbAsync("karlstad", db => db.Meetings.CountAsync());

        var (noDate, backwards, badLink, created) = await app.AsUserAsync(TestApp.Email("samordnare", "karlstad"), "karlstad", async ops => (
            await Send(ops, GroupRightRequirement.Edit, est.Id, (w, ct) => w.CreateAsync(est.Id, new MeetingInput { Start = "09:00", End = "11:00", Location = "Rådhuset" }, ct)),
            await Send(ops, GroupRightRequirement.Edit, est.Id, (w, ct) => w.CreateAsync(est.Id, new MeetingInput { Date = new DateTime(2027, 3, 9), Start = "14:00", End = "13:00", Location = "Rådhuset" }, ct)),
            await Send(ops, GroupRightRequirement.Edit, est.Id, (w, ct) => w.CreateAsync(est.Id, new MeetingInput { Date = new DateTime(2027, 3, 9), Link = "javascript:alert(1)" }, ct)),
            await Send(ops, GroupRightRequirement.Edit, est.Id, (w, ct) => w.CreateAsync(est.Id, new MeetingInput { Date = new DateTime(2027, 3, 9), Start = "13:00", End = "15:00", Location = "Rådhuset" }, ct))));

        Assert.Equal(("Ange mötets datum.", nameof(MeetingInput.Date)), (noDate.Message, noDate.Field));
        Assert.Equal(("Mötet måste sluta efter att det har börjat.", nameof(MeetingInput.End)), (backwards.Message, backwards.Field));
        Assert.Equal(nameof(MeetingInput.Link), badLink.Field);
        Assert.True(created.Succeeded, created.Message);
        Assert.Equal(before + 1, await app.WithDbAsync("karlstad", db => db.Meetings.CountAsync()));
        var stored = await app.WithDbAsync("karlstad", db => db.Meetings.SingleAsync(m => m.Id == created.Value));
        Assert.Equal((est.Id, "Rådhuset"), (stored.GroupId, stored.Location));
        Assert.Equal(SwedishTime.At(new DateOnly(2027, 3, 9), new TimeOnly(13, 0)), stored.StartsAt);

        // A member of the kommun outside the group cannot plan the group's meetings.
        var outsider = await app.AsUserAsync(TestApp.Email("lasare", "karlstad"), "karlstad", ops =>
            Send(ops, GroupRightRequirement.Edit, est.Id, (w, ct) => w.CreateAsync(est.Id, new MeetingInput { Date = new DateTime(2027, 3, 10) }, ct)));
        Assert.True(outsider.Forbidden);
    }

    [Fact]
    public async Task Planning_the_year_creates_the_meetings_of_the_cadence_once()
    {
        var year = SwedishTime.DateOf(TestClock.Now).Year;
        var (groupId, first, second) = await app.AsUserAsync(TestApp.Email("samordnare", "kristianstad"), "kristianstad", async ops =>
        {
            var created = await ops.SendAsync<GroupWork, Guid>(new Tenancy.KommunRoleRequirement(Role.Samordnare), null, (w, _) => w.CreateAsync(new GroupInput
            {
                Name = "Trygghetsråd Centrum", Kind = GroupKind.Annan, CadenceKind = CadenceKind.TimesPerYear, TimesPerYear = 4, MeetingDay = DayOfWeek.Wednesday,
            }), "Gruppen är sparad.");
            var id = created.Value;
            return (id, await ops.SendAsync<GroupWork, int>(GroupRightRequirement.Edit, id, (w, ct) => w.PlanYearAsync(id, year, ct), ""),
                await ops.SendAsync<GroupWork, int>(GroupRightRequirement.Edit, id, (w, ct) => w.PlanYearAsync(id, year, ct), ""));
        });
        // A läsare is not a member of the group: refused.
        var refused = await app.AsUserAsync(TestApp.Email("lasare", "kristianstad"), "kristianstad", ops =>
            ops.SendAsync<GroupWork, int>(GroupRightRequirement.Edit, groupId, (w, ct) => w.PlanYearAsync(groupId, year + 1, ct), ""));

        var meetings = await app.WithDbAsync("kristianstad", db => db.Meetings.Where(m => m.GroupId == groupId).ToListAsync());
        Assert.Equal(4, meetings.Count);
        Assert.All(meetings, m => Assert.Equal(DayOfWeek.Wednesday, SwedishTime.DateOf(m.StartsAt).DayOfWeek));
        Assert.Equal((4, 0), (first.Value, second.Value));
        Assert.True(refused.Forbidden);
    }

    [Fact]
    public async Task The_only_chair_cannot_be_removed_and_a_chair_must_be_a_member()
    {
        var sspf = await GroupAsync("haninge", GroupKind.Sspf);
        var chair = await app.WithDbAsync("haninge", db => db.GroupMembers.SingleAsync(m => m.GroupId == sspf.Id && m.IsChair));
        var response = await app.AsUserAsync(TestApp.Email("samordnare", "haninge"), "haninge", ops =>
            ops.SendAsync<GroupWork>(new Tenancy.KommunRoleRequirement(Role.Samordnare), null, (w, ct) => w.RemoveMemberAsync(sspf.Id, chair.Id, ct), ""));
        var outsider = await app.WithDbAsync("haninge", db => db.GroupMembers.FirstAsync(m => m.GroupId != sspf.Id));
        var error = await app.WithDbAsync("haninge", db => Record.ExceptionAsync(() =>
            new GroupMemberHandler(db).MakeChairAsync(sspf, outsider.Id)));

        Assert.Contains("enda ordförande", response.Message, StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync("haninge", db => db.GroupMembers.AnyAsync(m => m.Id == chair.Id && m.IsChair)));
        Assert.Equal("Ordföranden måste vara medlem i gruppen.", Assert.IsType<DomainException>(error).Message);
    }

    [Fact]
    public async Task Another_kommuns_meeting_and_calendars_are_not_found_and_cannot_be_changed()
    {
        var (borasMeeting, borasItem) = await NewMeetingAsync("boras", GroupKind.Est, -4);
        var borasGroup = await GroupAsync("boras", GroupKind.Est);
        using var client = await app.SignedInClientAsync(TestApp.Email("samordnare", "orebro"));

        foreach (var url in new[] { $"/orebro/moten/{borasMeeting}", $"/orebro/moten/{borasMeeting}/kalender.ics",
                     $"/orebro/grupper/{borasGroup.Id}/kalender.ics", $"/orebro/moten/{borasMeeting}/andra",
                     $"/orebro/grupper/{borasGroup.Id}/medlemmar", $"/orebro/moten/ny?grupp={borasGroup.Id}" })
        {
            using var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url}: {(int)response.StatusCode}");
        }

        // The orebro samordnare may edit every orebro group; a Borås meeting claimed under the Borås group id is not found.
        var (read, write, cancel, approve) = await app.AsUserAsync(TestApp.Email("samordnare", "orebro"), "orebro", async ops => (
            await Read(ops, borasMeeting),
            await Send(ops, GroupRightRequirement.Edit, borasGroup.Id, (w, ct) => w.WriteItemAsync(borasMeeting, borasGroup.Id, borasItem, MinutesField.Minutes, "Fel kommun", "", ct)),
            await Send(ops, GroupRightRequirement.Edit, borasGroup.Id, (w, ct) => w.CancelAsync(borasMeeting, borasGroup.Id, ct)),
            await Send(ops, GroupRightRequirement.Chair, borasGroup.Id, (w, ct) => w.ApproveAsync(borasMeeting, borasGroup.Id, Guid.Empty, ct))));
        Assert.Null(read);
        Assert.False(write.Succeeded);
        Assert.False(cancel.Succeeded);
        Assert.False(approve.Succeeded);
        var saved = await MeetingAsync("boras", borasMeeting);
        Assert.Equal(("", false, false), (saved.Agenda.Single().Minutes, saved.Cancelled, saved.MinutesApproved));
    }

    [Fact]
    public async Task The_personal_feed_works_without_a_session_shows_only_own_groups_and_can_be_revoked()
    {
        using var polis = await app.SignedInClientAsync(DemoSeeder.PolisEmail);
        var right = new Microsoft.AspNetCore.Authorization.Infrastructure.DenyAnonymousAuthorizationRequirement();
        var token = (await app.AsUserAsync(DemoSeeder.PolisEmail, null, ops =>
            ops.SendAsync<Features.Account.CalendarWork, string>(right, null, (w, ct) => w.ReplaceAsync(ct), ""))).Value!;
        var path = $"/kalender/{token}.ics";
        // The page shows the user their own address.
        Assert.Contains(path, (await polis.PageAsync("/konto/kalender")).QuerySelector("#feed")!.GetAttribute("value")!, StringComparison.Ordinal);

        using var anonymous = app.NewClient();
        using var feed = await anonymous.GetAsync(path);
        var ics = await feed.Content.ReadAsStringAsync();
        Assert.True((await app.AsUserAsync(DemoSeeder.PolisEmail, null, ops =>
            ops.SendAsync<Features.Account.CalendarWork>(right, null, (w, ct) => w.RevokeAsync(ct), ""))).Succeeded);
        using var revoked = await anonymous.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.StartsWith("text/calendar", feed.Content.Headers.ContentType!.ToString());
        Assert.Contains("(Örebro)", ics);
        Assert.Contains("(Karlstad)", ics);
        Assert.DoesNotContain("(Borås)", ics);
        Assert.DoesNotContain("Styrgrupp", ics); // the officer sits in EST and SSPF, not in the styrgrupp
        Assert.Equal(HttpStatusCode.NotFound, revoked.StatusCode);
    }

    [Fact]
    public async Task The_samordnare_sees_held_against_planned_and_unapproved_minutes_per_group()
    {
        using var client = await app.SignedInClientAsync(TestApp.Email("samordnare", "orebro"));
        var page = await client.PageAsync("/orebro/moten");
        var est = await GroupAsync("orebro", GroupKind.Est);
        var now = TestClock.Now;
        var year = SwedishTime.DateOf(now).Year;
        var (from, to) = SwedishTime.YearBounds(year);
        var expected = await app.WithDbAsync("orebro", db => db.Meetings
            .Where(m => m.GroupId == est.Id && m.StartsAt >= from && m.StartsAt < to && !m.Cancelled).ToListAsync());

        var row = page.QuerySelectorAll("section[aria-labelledby=year-heading] tbody tr").First(r => r.TextContent.Contains("EST", StringComparison.Ordinal));
        var cells = row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToArray();
        Assert.Equal(expected.Count.ToString(), cells[1]);
        Assert.Equal(expected.Count(m => m.StartsAt <= now).ToString(), cells[2]);
        Assert.Equal(expected.Count(m => m.StartsAt <= now && !m.MinutesApproved).ToString(), cells[4]);
        var cancelled = await app.WithDbAsync("orebro", db => db.Meetings.CountAsync(m => m.GroupId == est.Id && m.StartsAt >= from && m.StartsAt < to && m.Cancelled));
        Assert.Equal(cancelled.ToString(), cells[3]);
    }

    [Fact]
    public async Task A_group_without_meetings_this_year_is_counted_as_zeros_not_an_error()
    {
        // Last year's meeting only: on New Year's Day this is what every group looks like until its first meeting.
        var lastYearsEnd = SwedishTime.YearBounds(TestClock.Today.Year).From.AddHours(-2);
        await app.WithDbAsync("karlstad", async db =>
        {
            var group = db.Groups.Add(new Group("Nätverk utan möten i år", GroupKind.Annan, "Syfte", CadenceKind.Other)).Entity;
            db.Meetings.Add(new Meeting(group.Id, lastYearsEnd, lastYearsEnd.AddHours(1), "Stadshuset", null));
            return await db.SaveChangesAsync();
        });
        using var client = await app.SignedInClientAsync(TestApp.Email("samordnare", "karlstad"));

        using var response = await client.GetAsync("/karlstad/moten");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = AppClient.Parse(await response.Content.ReadAsStringAsync());
        var row = page.QuerySelectorAll("section[aria-labelledby=year-heading] tbody tr").Single(r => r.TextContent.Contains("Nätverk utan möten i år", StringComparison.Ordinal));
        Assert.Equal(["0", "0", "0", "0"], row.QuerySelectorAll("td").Skip(1).Select(c => c.TextContent.Trim()));
    }

    [Fact]
    public async Task Mina_grupper_lists_exactly_the_users_groups_and_marks_those_they_chair()
    {
        var email = TestApp.Email("medlem", "haninge");
        using var client = await app.SignedInClientAsync(email);
        var userId = await app.WithDbAsync(null, db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        var expected = await app.WithDbAsync("haninge", db => db.GroupMembers.Where(m => m.UserId == userId)
            .Join(db.Groups, m => m.GroupId, g => g.Id, (m, g) => new { g.Name, m.IsChair }).ToListAsync());
        var allGroups = await app.WithDbAsync("haninge", db => db.Groups.CountAsync());

        var page = await client.PageAsync("/haninge");

        var cards = page.QuerySelectorAll("section[aria-labelledby=mina-grupper-rubrik] .card").ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Select(e => e.Name).Order(), cards.Select(c => c.QuerySelector("h3")!.TextContent.Trim()).Order());
        foreach (var card in cards)
        {
            var chair = expected.Single(e => e.Name == card.QuerySelector("h3")!.TextContent.Trim()).IsChair;
            Assert.Equal(chair, card.TextContent.Contains("Du är ordförande", StringComparison.Ordinal));
        }
        Assert.Equal(allGroups - expected.Count, page.QuerySelectorAll("section[aria-labelledby=grupper-rubrik] .card").Length);
    }

    [Fact]
    public async Task A_second_edit_of_the_same_meeting_is_told_about_the_first_and_loses_nothing()
    {
        var (meeting, _) = await NewMeetingAsync("karlstad", GroupKind.Est, 20);
        var group = await GroupOfAsync("karlstad", meeting);
        // The second user opens the form, then the first user moves the meeting.
        var stale = (await app.AsUserAsync(TestApp.Email("medlem", "karlstad"), "karlstad", ops =>
            ops.ReadAsync<MeetingWork, MeetingFormModel?>((w, ct) => w.ReadFormAsync(meeting, null, ct))))!.Input;
        var moved = await app.AsUserAsync(TestApp.Email("samordnare", "karlstad"), "karlstad", async ops =>
        {
            var form = (await ops.ReadAsync<MeetingWork, MeetingFormModel?>((w, ct) => w.ReadFormAsync(meeting, null, ct)))!;
            form.Input.Location = "Rådhuset, sal 2";
            return await Send(ops, GroupRightRequirement.Edit, group, (w, ct) => w.RescheduleAsync(meeting, group, form.Input, ct));
        });
        Assert.True(moved.Succeeded, moved.Message);

        stale.Location = "Polishuset";
        var (conflict, current) = await app.AsUserAsync(TestApp.Email("medlem", "karlstad"), "karlstad", async ops => (
            await Send(ops, GroupRightRequirement.Edit, group, (w, ct) => w.RescheduleAsync(meeting, group, stale, ct)),
            await ops.ReadAsync<MeetingWork, MeetingFormModel?>((w, ct) => w.ReadFormAsync(meeting, null, ct))));

        Assert.True(conflict.Conflict);
        Assert.Contains("Någon annan har ändrat mötet", conflict.Message, StringComparison.Ordinal);
        Assert.Contains("Rådhuset, sal 2", conflict.Current, StringComparison.Ordinal);
        Assert.Equal("Polishuset", stale.Location); // the user's input is untouched
        Assert.Equal("Rådhuset, sal 2", (await MeetingAsync("karlstad", meeting)).Location);

        // Saving again, having seen the other change (the form now holds the current version), is a deliberate overwrite.
        stale.Version = current!.Input.Version;
        var saved = await app.AsUserAsync(TestApp.Email("medlem", "karlstad"), "karlstad", ops =>
            Send(ops, GroupRightRequirement.Edit, group, (w, ct) => w.RescheduleAsync(meeting, group, stale, ct)));
        Assert.True(saved.Succeeded, saved.Message);
        Assert.Equal("Polishuset", (await MeetingAsync("karlstad", meeting)).Location);
    }

    [Fact]
    public async Task Making_another_member_chair_hands_over_the_chair()
    {
        var est = await GroupAsync("kristianstad", GroupKind.Est);
        var members = await app.WithDbAsync("kristianstad", db => db.GroupMembers.Where(m => m.GroupId == est.Id).ToListAsync());
        var next = members.First(m => !m.IsChair && !m.IsExternal);
        var response = await app.AsUserAsync(TestApp.Email("samordnare", "kristianstad"), "kristianstad", ops =>
            ops.SendAsync<GroupWork>(new Tenancy.KommunRoleRequirement(Role.Samordnare), null, (w, ct) => w.MakeChairAsync(est.Id, next.Id, ct), "Ordföranden är utsedd."));

        Assert.Equal("Ordföranden är utsedd.", response.Message);
        var chairs = await app.WithDbAsync("kristianstad", db => db.GroupMembers.Where(m => m.GroupId == est.Id && m.IsChair).Select(m => m.Id).ToListAsync());
        Assert.Equal([next.Id], chairs);
    }

    [Fact]
    public async Task A_planned_meeting_can_be_cancelled_and_shows_as_cancelled_in_the_calendar()
    {
        var (meeting, _) = await NewMeetingAsync("boras", GroupKind.Est, 9);
        var group = await GroupOfAsync("boras", meeting);
        using var client = await app.SignedInClientAsync(TestApp.Email("samordnare", "boras"));

        var (cancelled, twice) = await app.AsUserAsync(TestApp.Email("samordnare", "boras"), "boras", async ops => (
            await ops.SaveAsync<MeetingWork>(GroupRightRequirement.Edit, group, (w, ct) => w.CancelAsync(meeting, group, ct), "Mötet är inställt."),
            await Send(ops, GroupRightRequirement.Edit, group, (w, ct) => w.CancelAsync(meeting, group, ct))));
        using var ics = await client.GetAsync($"/boras/moten/{meeting}/kalender.ics");

        Assert.True(cancelled.Succeeded, cancelled.Message);
        Assert.Equal("Mötet är redan inställt.", twice.Message);
        Assert.True((await MeetingAsync("boras", meeting)).Cancelled);
        Assert.Contains("STATUS:CANCELLED", await ics.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_meetings_list_searches_filters_sorts_and_pages_on_the_server()
    {
        var (est, sspf) = (await GroupAsync("haninge", GroupKind.Est), await GroupAsync("haninge", GroupKind.Sspf));
        await app.WithDbAsync("haninge", async db =>
        {
            var day = SwedishTime.DateOf(TestClock.Now).AddDays(30);
            db.Meetings.Add(new Meeting(est.Id, SwedishTime.At(day, new TimeOnly(9, 0)), SwedishTime.At(day, new TimeOnly(10, 0)), "Listsök B Östra skolan", null));
            db.Meetings.Add(new Meeting(sspf.Id, SwedishTime.At(day.AddDays(1), new TimeOnly(9, 0)), SwedishTime.At(day.AddDays(1), new TimeOnly(10, 0)), "Listsök C Åbyhallen", null));
            db.Meetings.Add(new Meeting(est.Id, SwedishTime.At(day.AddDays(-60), new TimeOnly(9, 0)), SwedishTime.At(day.AddDays(-60), new TimeOnly(10, 0)), "Listsök A Förr", null));
            return await db.SaveChangesAsync();
        });
        var email = TestApp.Email("samordnare", "haninge");
        var userId = await app.WithDbAsync(null, db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

        Task<MeetingListModel> List(MeetingListFilter filter, string? search, string? sort, int? page = null) => app.AsUserAsync(email, "haninge", ops =>
            ops.ReadAsync<MeetingWork, MeetingListModel>((w, ct) => w.ListAsync(filter, ListView.From(search, sort, page), userId, true, ct)));

        var coming = new MeetingListFilter(MeetingShow.Kommande, null, false);
        Assert.Equal(["Listsök B Östra skolan", "Listsök C Åbyhallen"], (await List(coming, "LISTSÖK", null)).Meetings.Items.Select(m => m.Location));
        Assert.Equal(["Listsök C Åbyhallen", "Listsök B Östra skolan"], (await List(coming, "listsök", "-plats")).Meetings.Items.Select(m => m.Location));
        Assert.Equal(["Listsök B Östra skolan"], (await List(coming, "ÖSTRA", null)).Meetings.Items.Select(m => m.Location));
        Assert.Equal(["Listsök C Åbyhallen"], (await List(coming, "åbyhal", null)).Meetings.Items.Select(m => m.Location));
        Assert.Equal(["Listsök B Östra skolan"], (await List(coming with { GroupId = est.Id }, "listsök", null)).Meetings.Items.Select(m => m.Location));
        Assert.Equal(["Listsök A Förr"], (await List(new MeetingListFilter(MeetingShow.Tidigare, null, false), "listsök", null)).Meetings.Items.Select(m => m.Location));
        Assert.Equal(3, (await List(new MeetingListFilter(MeetingShow.Alla, null, false), "listsök", null)).Meetings.Items.Count);
        var all = await List(new MeetingListFilter(MeetingShow.Alla, null, false), "listsök", null);
        Assert.False(all.Meetings.HasNext);
        Assert.Empty((await List(new MeetingListFilter(MeetingShow.Alla, null, false), "listsök", null, 2)).Meetings.Items);
        Assert.All((await List(new MeetingListFilter(MeetingShow.EjJusterade, null, false), null, null)).Meetings.Items,
            m => Assert.True(m.Held && !m.MinutesApproved && !m.Cancelled));
        Assert.NotEmpty(all.YearStats);

        // The view is in the address: the page prerenders the filtered list.
        using var client = await app.SignedInClientAsync(email);
        var page = await client.PageAsync($"/haninge/moten?sok=listsök&sortera=-plats&visa=alla");
        Assert.Equal(["Listsök C Åbyhallen", "Listsök B Östra skolan", "Listsök A Förr"],
            page.QuerySelectorAll("table.mud-table-root tbody tr").Select(r => r.QuerySelectorAll("td")[3].TextContent.Trim()));
    }

    [Fact]
    public async Task A_follow_up_needs_what_and_who_is_saved_with_its_due_date_and_justerade_minutes_take_none()
    {
        var (meeting, _) = await NewMeetingAsync("orebro", GroupKind.Est, -1);
        var group = await GroupOfAsync("orebro", meeting);
        Task<CommandResult<Guid>> Add(string text, string owner, DateTime? due = null) => app.AsUserAsync(TestApp.Email("medlem", "orebro"), "orebro", ops =>
            Send(ops, GroupRightRequirement.Edit, group, (w, ct) => w.AddFollowUpAsync(meeting, group, new FollowUpInput { Text = text, Owner = owner, Due = due }, ct)));
        Task<List<FollowUpItem>> Stored() => app.WithDbAsync("orebro", db => db.FollowUpItems.Where(f => f.MeetingId == meeting).ToListAsync());

        var noText = await Add(" ", "Bostadsbolaget");
        Assert.Equal((false, "Beskriv vad som ska göras.", nameof(FollowUpItem.Text)), (noText.Succeeded, noText.Message, noText.Field));
        var noOwner = await Add("Byt belysning i tunneln.", "");
        Assert.Equal((false, "Ange vem som ansvarar.", nameof(FollowUpItem.Owner)), (noOwner.Succeeded, noOwner.Message, noOwner.Field));
        Assert.Empty(await Stored());

        Assert.True((await Add(" Byt belysning i tunneln. ", " Bostadsbolaget ", new DateTime(2027, 1, 15))).Succeeded);
        var item = Assert.Single(await Stored());
        Assert.Equal(("Byt belysning i tunneln.", "Bostadsbolaget", (DateOnly?)new DateOnly(2027, 1, 15), false), (item.Text, item.Owner, item.Due, item.Done));
        Assert.True(await app.WithDbAsync("orebro", db => db.AuditEntries.AnyAsync(a => a.EntityId == item.Id.ToString() && a.Action == AuditAction.Created)));

        // Once the chair has justerat the minutes, a follow-up is refused and nothing is added.
        var approved = await app.AsUserAsync(TestApp.Email("samordnare", "orebro"), "orebro", async ops =>
        {
            var seen = (await Read(ops, meeting))!.Version;
            return await Send(ops, GroupRightRequirement.Chair, group, (w, ct) => w.ApproveAsync(meeting, group, seen, ct));
        });
        Assert.True(approved.Succeeded, approved.Message);
        var late = await Add("Följ upp kamerorna.", "Polisen");
        Assert.False(late.Succeeded);
        Assert.StartsWith("Protokollet är justerat och kan inte ändras.", late.Message, StringComparison.Ordinal);
        Assert.Single(await Stored());
    }

    [Fact]
    public async Task An_agenda_item_is_added_last_with_an_audit_row_and_an_empty_title_is_refused_at_the_title()
    {
        var (meeting, _) = await NewMeetingAsync("kristianstad", GroupKind.Est, 3);
        var group = await GroupOfAsync("kristianstad", meeting);
        var (empty, added) = await app.AsUserAsync(TestApp.Email("samordnare", "kristianstad"), "kristianstad", async ops => (
            await Send(ops, GroupRightRequirement.Edit, group, (w, ct) => w.AddAgendaItemAsync(meeting, group, "  ", ct)),
            await Send(ops, GroupRightRequirement.Edit, group, (w, ct) => w.AddAgendaItemAsync(meeting, group, " Trygghetsvandring i maj ", ct))));

        Assert.Equal((false, "Skriv vad punkten handlar om.", nameof(AgendaItem.Title)), (empty.Succeeded, empty.Message, empty.Field));
        Assert.True(added.Succeeded, added.Message);
        var agenda = (await MeetingAsync("kristianstad", meeting)).Agenda.OrderBy(a => a.Order).ToList();
        Assert.Equal([(1, "Lägesbild"), (2, "Trygghetsvandring i maj")], agenda.Select(a => (a.Order, a.Title)));
        var audit = Assert.Single(await app.WithDbAsync("kristianstad", db => db.AuditEntries.Where(a => a.EntityId == agenda[1].Id.ToString()).ToListAsync()));
        Assert.Equal((nameof(AgendaItem), AuditAction.Created), (audit.EntityType, audit.Action));
    }

    [Fact]
    public async Task An_external_member_is_stored_with_an_audit_row_and_an_over_long_field_is_refused_at_that_field()
    {
        var sspf = await GroupAsync("karlstad", GroupKind.Sspf);
        Task<CommandResult> Add(string name, string organisation, string title) => app.AsUserAsync(TestApp.Email("samordnare", "karlstad"), "karlstad", ops =>
            ops.SendAsync<GroupWork>(new Tenancy.KommunRoleRequirement(Role.Samordnare), null,
                (w, ct) => w.AddExternalAsync(sspf.Id, new ExternalMemberInput { Name = name, Organisation = organisation, Title = title }, ct), "Tillagd."));
        Task<int> Count() => app.WithDbAsync("karlstad", db => db.GroupMembers.CountAsync(m => m.GroupId == sspf.Id));
        var before = await Count();

        var longOrganisation = await Add("Eva Berg", new string('x', 151), "Fältassistent");
        Assert.Equal((false, "Högst 150 tecken.", nameof(ExternalMemberInput.Organisation)), (longOrganisation.Succeeded, longOrganisation.Message, longOrganisation.Field));
        var longTitle = await Add("Eva Berg", "Fältgruppen", new string('x', 151));
        Assert.Equal((false, "Högst 150 tecken.", nameof(ExternalMemberInput.Title)), (longTitle.Succeeded, longTitle.Message, longTitle.Field));
        Assert.Equal(before, await Count());

        Assert.True((await Add(" Eva Berg ", "Fältgruppen", "Fältassistent")).Succeeded);
        var member = await app.WithDbAsync("karlstad", db => db.GroupMembers.SingleAsync(m => m.GroupId == sspf.Id && m.Name == "Eva Berg"));
        Assert.Equal(((Guid?)null, "Fältgruppen", "Fältassistent", false), (member.UserId, member.Organisation, member.Title, member.IsChair));
        var audit = Assert.Single(await app.WithDbAsync("karlstad", db => db.AuditEntries.Where(a => a.EntityId == member.Id.ToString()).ToListAsync()));
        Assert.Equal((nameof(GroupMember), AuditAction.Created), (audit.EntityType, audit.Action));
    }
}
