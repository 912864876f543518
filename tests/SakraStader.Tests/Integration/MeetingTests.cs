using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SakraStader.Domain;
using SakraStader.Features.Demo;
using SakraStader.Features.Groups;
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

    [Fact]
    public async Task A_group_member_records_minutes_and_the_change_is_audited()
    {
        var (meeting, item) = await NewMeetingAsync("orebro", GroupKind.Est, -1);
        using var client = await app.SignedInClientAsync(TestApp.Email("medlem", "orebro"));

        using var response = await client.SubmitAsync($"/orebro/moten/{meeting}", $"minutes-{item}", new Dictionary<string, string>
        {
            ["Minutes"] = "Klotter och samlingsplats vid busstorget.",
            ["Decision"] = "Bostadsbolaget förbättrar belysningen.",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var saved = (await MeetingAsync("orebro", meeting)).Agenda.Single();
        Assert.Equal("Klotter och samlingsplats vid busstorget.", saved.Minutes);
        Assert.Equal("Bostadsbolaget förbättrar belysningen.", saved.Decision);
        Assert.True(await app.WithDbAsync("orebro", db => db.AuditEntries.AnyAsync(a => a.EntityId == item.ToString() && a.Action == AuditAction.Updated)));
    }

    [Fact]
    public async Task Someone_outside_the_group_reads_but_cannot_change_the_minutes()
    {
        // The fire-service member sits in EST, not in SSPF.
        var (meeting, item) = await NewMeetingAsync("orebro", GroupKind.Sspf, -1);
        using var outsider = await app.SignedInClientAsync(TestApp.Email("raddningstjanst", "orebro"));
        var page = await outsider.PageAsync($"/orebro/moten/{meeting}");
        var token = await outsider.AntiforgeryTokenAsync();

        using var response = await outsider.Http.PostAsync($"/orebro/moten/{meeting}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["_handler"] = $"minutes-{item}",
            ["Minutes"] = "Otillåten ändring",
            ["Decision"] = "",
        }));

        Assert.Empty(page.QuerySelectorAll("textarea"));
        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.BadRequest, HttpStatusCode.Forbidden });
        Assert.Equal("", (await MeetingAsync("orebro", meeting)).Agenda.Single().Minutes);
    }

    [Fact]
    public async Task The_chair_approves_held_minutes_which_are_then_locked()
    {
        var (meeting, item) = await NewMeetingAsync("orebro", GroupKind.Est, -2);
        using var chair = await app.SignedInClientAsync(TestApp.Email("samordnare", "orebro"));

        using var approve = await chair.SubmitAsync($"/orebro/moten/{meeting}", "approve", new Dictionary<string, string>());
        var approvedPage = AppClient.Parse(await approve.Content.ReadAsStringAsync());
        using var member = await app.SignedInClientAsync(TestApp.Email("medlem", "orebro"));
        var token = await member.AntiforgeryTokenAsync();
        using var late = await member.Http.PostAsync($"/orebro/moten/{meeting}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["_handler"] = $"minutes-{item}",
            ["Minutes"] = "Ändrat efter justering",
        }));

        Assert.Equal("Protokollet är justerat.", approvedPage.QuerySelector(".alert--success")!.TextContent.Trim());
        Assert.Empty(approvedPage.QuerySelectorAll("textarea[name=Minutes]"));
        Assert.NotEqual(HttpStatusCode.OK, late.StatusCode);
        var saved = await MeetingAsync("orebro", meeting);
        Assert.True(saved.MinutesApproved);
        Assert.Equal("", saved.Agenda.Single().Minutes);
        Assert.Equal(1, Assert.Single(saved.Versions).Number);
    }

    [Fact]
    public async Task A_correction_reopens_the_minutes_and_the_next_approval_is_version_two()
    {
        var (meeting, item) = await NewMeetingAsync("orebro", GroupKind.Est, -3);
        using var chair = await app.SignedInClientAsync(TestApp.Email("samordnare", "orebro"));
        using (await chair.SubmitAsync($"/orebro/moten/{meeting}", "approve", new Dictionary<string, string>())) { }

        using var correct = await chair.SubmitAsync($"/orebro/moten/{meeting}", "correct", new Dictionary<string, string> { ["Reason"] = "Fel datum i punkt 1" });
        using var edit = await chair.SubmitAsync($"/orebro/moten/{meeting}", $"minutes-{item}", new Dictionary<string, string> { ["Minutes"] = "Rättad text" });
        using var again = await chair.SubmitAsync($"/orebro/moten/{meeting}", "approve", new Dictionary<string, string>());
        var page = AppClient.Parse(await again.Content.ReadAsStringAsync());

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
        using var chair = await app.SignedInClientAsync(TestApp.Email("samordnare", "orebro"));
        using var response = await chair.SubmitAsync($"/orebro/moten/{meeting}", "approve", new Dictionary<string, string>());
        var page = AppClient.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal("Protokollet kan justeras först när mötet har hållits.", page.QuerySelector(".alert--error")!.TextContent.Trim());
        Assert.False((await MeetingAsync("orebro", meeting)).MinutesApproved);
    }

    [Fact]
    public async Task A_meeting_without_date_or_ending_before_it_starts_is_refused_with_the_input_kept()
    {
        var est = await GroupAsync("karlstad", GroupKind.Est);
        using var client = await app.SignedInClientAsync(TestApp.Email("samordnare", "karlstad"));
        var before = await app.WithDbAsync("karlstad", db => db.Meetings.CountAsync());

        using var noDate = await client.SubmitAsync($"/karlstad/moten/ny?grupp={est.Id}", "meeting", new Dictionary<string, string>
        {
            ["Input.Date"] = "", ["Input.Start"] = "09:00", ["Input.End"] = "11:00", ["Input.Location"] = "Rådhuset",
        });
        using var backwards = await client.SubmitAsync($"/karlstad/moten/ny?grupp={est.Id}", "meeting", new Dictionary<string, string>
        {
            ["Input.Date"] = "2027-03-09", ["Input.Start"] = "14:00", ["Input.End"] = "13:00", ["Input.Location"] = "Rådhuset",
        });
        var noDatePage = AppClient.Parse(await noDate.Content.ReadAsStringAsync());
        var backwardsPage = AppClient.Parse(await backwards.Content.ReadAsStringAsync());

        Assert.True(noDatePage.QuerySelector("#date ~ .validation-message") is not null, noDatePage.QuerySelector("main")?.InnerHtml);
        Assert.Equal("Ange mötets datum.", noDatePage.QuerySelector("#date ~ .validation-message")!.TextContent);
        Assert.True(backwardsPage.QuerySelector("#end ~ .validation-message") is not null, backwards.StatusCode + backwardsPage.QuerySelector("main")?.InnerHtml);
        Assert.Equal("Mötet måste sluta efter att det har börjat.", backwardsPage.QuerySelector("#end ~ .validation-message")!.TextContent);
        Assert.Equal("Rådhuset", backwardsPage.QuerySelector("#location")!.GetAttribute("value"));
        Assert.Equal("2027-03-09", backwardsPage.QuerySelector("#date")!.GetAttribute("value"));
        Assert.Equal(before, await app.WithDbAsync("karlstad", db => db.Meetings.CountAsync()));
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
    public async Task Another_kommuns_meeting_and_calendars_are_not_found()
    {
        var (borasMeeting, _) = await NewMeetingAsync("boras", GroupKind.Est, 4);
        var borasGroup = await GroupAsync("boras", GroupKind.Est);
        using var client = await app.SignedInClientAsync(TestApp.Email("samordnare", "orebro"));

        foreach (var url in new[] { $"/orebro/moten/{borasMeeting}", $"/orebro/moten/{borasMeeting}/kalender.ics",
                     $"/orebro/grupper/{borasGroup.Id}/kalender.ics", $"/orebro/moten/{borasMeeting}/andra",
                     $"/orebro/grupper/{borasGroup.Id}/medlemmar" })
        {
            using var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url}: {(int)response.StatusCode}");
        }
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
        using var first = await app.SignedInClientAsync(TestApp.Email("samordnare", "karlstad"));
        using var second = await app.SignedInClientAsync(TestApp.Email("medlem", "karlstad"));
        // The second user opens the form, then the first user moves the meeting.
        var stale = AppClient.CurrentValues(AppClient.FindForm(await second.PageAsync($"/karlstad/moten/{meeting}/andra"), "meeting"));
        using var moved = await first.SubmitAsync($"/karlstad/moten/{meeting}/andra", "meeting", new Dictionary<string, string>
        {
            ["Input.Location"] = "Rådhuset, sal 2",
        });
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);

        stale["Input.Location"] = "Polishuset";
        using var conflict = await second.Http.PostAsync($"/karlstad/moten/{meeting}/andra", new FormUrlEncodedContent(stale));
        var page = AppClient.Parse(await conflict.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        Assert.Contains("Någon annan har ändrat mötet", page.QuerySelector(".alert--error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Rådhuset, sal 2", page.QuerySelector(".alert--error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Polishuset", page.QuerySelector("#location")!.GetAttribute("value"));
        Assert.Equal("Rådhuset, sal 2", (await MeetingAsync("karlstad", meeting)).Location);

        // Saving again, having seen the other change, is a deliberate overwrite.
        var again = AppClient.CurrentValues(AppClient.FindForm(page, "meeting"));
        using var saved = await second.Http.PostAsync($"/karlstad/moten/{meeting}/andra", new FormUrlEncodedContent(again));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
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
        using var client = await app.SignedInClientAsync(TestApp.Email("samordnare", "boras"));

        using var response = await client.SubmitAsync($"/boras/moten/{meeting}", "cancel", new Dictionary<string, string>());
        using var ics = await client.GetAsync($"/boras/moten/{meeting}/kalender.ics");

        Assert.Contains("Mötet är inställt.", AppClient.Parse(await response.Content.ReadAsStringAsync()).QuerySelector(".alert--success")!.TextContent);
        Assert.True((await MeetingAsync("boras", meeting)).Cancelled);
        Assert.Contains("STATUS:CANCELLED", await ics.Content.ReadAsStringAsync());
    }
}
