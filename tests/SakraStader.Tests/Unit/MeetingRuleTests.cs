using SakraStader.Domain;
using SakraStader.Features.Meetings;

namespace SakraStader.Tests.Unit;

public sealed class MeetingRuleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Monthly_except_july_and_december_gives_ten_second_tuesdays()
    {
        var dates = new Cadence(CadenceKind.MonthlyExceptJulyDecember).DatesIn(2026, DayOfWeek.Tuesday);

        Assert.Equal(10, dates.Count);
        Assert.DoesNotContain(dates, d => d.Month is 7 or 12);
        Assert.All(dates, d => Assert.Equal(DayOfWeek.Tuesday, d.DayOfWeek));
        Assert.All(dates, d => Assert.InRange(d.Day, 8, 14));
        Assert.Equal(new DateOnly(2026, 1, 13), dates[0]);
    }

    [Fact]
    public void Monthly_gives_twelve_dates()
    {
        var dates = new Cadence(CadenceKind.Monthly).DatesIn(2027, DayOfWeek.Thursday);
        Assert.Equal(Enumerable.Range(1, 12), dates.Select(d => d.Month));
    }

    [Fact]
    public void Weekly_covers_every_week_and_the_leap_day()
    {
        var leap = new Cadence(CadenceKind.Weekly).DatesIn(2028, DayOfWeek.Tuesday);
        var normal = new Cadence(CadenceKind.Weekly).DatesIn(2026, DayOfWeek.Tuesday);

        Assert.Contains(new DateOnly(2028, 2, 29), leap);
        Assert.Equal(52, normal.Count);
        Assert.All(normal.Zip(normal.Skip(1)), p => Assert.Equal(7, p.Second.DayNumber - p.First.DayNumber));
    }

    [Theory]
    [InlineData(2, new[] { 3, 10 })]
    [InlineData(4, new[] { 2, 5, 8, 11 })]
    [InlineData(1, new[] { 6 })]
    public void Times_per_year_are_spread_over_the_working_months_never_july(int times, int[] months)
    {
        var dates = new Cadence(CadenceKind.TimesPerYear, times).DatesIn(2026, DayOfWeek.Wednesday);
        Assert.Equal(months, dates.Select(d => d.Month).ToArray());
    }

    [Fact]
    public void As_needed_gives_no_plan_and_times_per_year_must_be_sensible()
    {
        Assert.Empty(new Cadence(CadenceKind.Other).DatesIn(2026, DayOfWeek.Tuesday));
        var e = Assert.Throws<DomainException>(() => Cadence.Validate(CadenceKind.TimesPerYear, 0));
        Assert.Equal("TimesPerYear", e.Field);
        Assert.Equal("Varje månad utom juli och december", new Cadence(CadenceKind.MonthlyExceptJulyDecember).Describe());
    }

    [Fact]
    public void A_meeting_needs_a_date_and_an_end_after_its_start()
    {
        var start = Now.AddDays(3);
        var noDate = Assert.Throws<DomainException>(() => Meeting.ValidateTimes(null, null));
        var backwards = Assert.Throws<DomainException>(() => new Meeting(Guid.NewGuid(), start, start.AddHours(-1), "", null));

        Assert.Equal("Ange mötets datum och starttid.", noDate.Message);
        Assert.Equal("Mötet måste sluta efter att det har börjat.", backwards.Message);
    }

    [Fact]
    public void Minutes_of_a_meeting_not_yet_held_cannot_be_approved()
    {
        var (meeting, chair) = MeetingWithChair(Now.AddDays(2));
        var e = Assert.Throws<DomainException>(() => meeting.ApproveMinutes(chair, Now, "{}"));
        Assert.Equal("Protokollet kan justeras först när mötet har hållits.", e.Message);
    }

    [Fact]
    public void Only_the_chair_approves()
    {
        var (meeting, _) = MeetingWithChair(Now.AddDays(-2));
        var member = GroupMember.ForUser(meeting.GroupId, Guid.NewGuid(), "Ledamot", "Kommunen", "");
        Assert.Throws<DomainException>(() => meeting.ApproveMinutes(member, Now, "{}"));
    }

    [Fact]
    public void Approved_minutes_are_read_only_and_a_correction_makes_a_new_version()
    {
        var (meeting, chair) = MeetingWithChair(Now.AddDays(-2));
        var item = meeting.AddAgendaItem("Lägesbild");
        meeting.RecordMinutes(item.Id, "Klotter vid centrum.", "");
        var first = meeting.ApproveMinutes(chair, Now, MeetingHandler.Snapshot(meeting));

        var locked = Assert.Throws<DomainException>(() => meeting.RecordMinutes(item.Id, "Ändrat i efterhand", ""));
        Assert.Contains("justerat", locked.Message);
        Assert.Throws<DomainException>(() => meeting.AddAgendaItem("Ny punkt"));
        Assert.Throws<DomainException>(() => meeting.StartCorrection(" "));

        meeting.StartCorrection("Fel plats angiven i punkt 1");
        meeting.RecordMinutes(item.Id, "Klotter vid busstorget.", "");
        var second = meeting.ApproveMinutes(chair, Now.AddHours(1), MeetingHandler.Snapshot(meeting));

        Assert.Equal(1, first!.Number);
        Assert.Equal(2, second!.Number);
        Assert.Equal("Fel plats angiven i punkt 1", second.CorrectionReason);
        Assert.Equal("Klotter vid centrum.", MeetingHandler.Read(first.Content).Items[0].Minutes);
        Assert.Equal("Klotter vid busstorget.", MeetingHandler.Read(second.Content).Items[0].Minutes);
        Assert.True(meeting.MinutesApproved);
    }

    [Fact]
    public void A_substitute_needs_a_name()
    {
        var (meeting, chair) = MeetingWithChair(Now.AddDays(-1));
        var e = Assert.Throws<DomainException>(() => meeting.RecordAttendance(chair.Id, chair.Name, AttendanceStatus.Substitute, ""));
        Assert.Equal($"Ange vem som ersatte {chair.Name}.", e.Message);
    }

    [Fact]
    public void The_only_chair_cannot_be_removed_and_externals_need_name_and_organisation()
    {
        var chair = GroupMember.ForUser(Guid.NewGuid(), Guid.NewGuid(), "Ordf", "Kommunen", "");
        chair.MakeChair();

        var e = Assert.Throws<DomainException>(() => GroupMember.EnsureCanRemove(chair, chairCount: 1));
        Assert.StartsWith("Du kan inte ta bort gruppens enda ordförande", e.Message);
        Assert.Equal("Name", Assert.Throws<DomainException>(() => GroupMember.External(Guid.NewGuid(), "", "Skolan", "")).Field);
        Assert.Equal("Organisation", Assert.Throws<DomainException>(() => GroupMember.External(Guid.NewGuid(), "Eva", " ", "")).Field);
    }

    [Fact]
    public void Ics_escapes_text_folds_long_lines_and_uses_crlf()
    {
        var text = Ics.Calendar("EST, Örebro", [new Ics.CalendarEvent(Guid.NewGuid(), "EST; möte, " + new string('å', 60),
            new DateTimeOffset(2026, 3, 10, 8, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 10, 10, 0, 0, TimeSpan.Zero), "Rum 1", "https://x.example/m", false)], Now);

        Assert.Contains("X-WR-CALNAME:EST\\, Örebro\r\n", text);
        Assert.Contains("DTSTART:20260310T080000Z\r\n", text);
        Assert.Contains("SUMMARY:EST\\; möte\\, ", text);
        Assert.All(text.Split("\r\n"), line => Assert.True(System.Text.Encoding.UTF8.GetByteCount(line) <= 75, line));
        Assert.DoesNotContain("\n", text.Replace("\r\n", "", StringComparison.Ordinal));
    }

    private static (Meeting, GroupMember) MeetingWithChair(DateTimeOffset start)
    {
        var groupId = Guid.NewGuid();
        var meeting = new Meeting(groupId, start, start.AddHours(2), "Stadshuset", null);
        var chair = GroupMember.ForUser(groupId, Guid.NewGuid(), "Anna Lindqvist", "Kommunen", "Säkerhetschef");
        chair.MakeChair();
        return (meeting, chair);
    }
}
