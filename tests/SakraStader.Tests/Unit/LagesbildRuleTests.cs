using SakraStader.Tests.Support;
using SakraStader.Domain;

namespace SakraStader.Tests.Unit;

public sealed class LagesbildRuleTests
{
    [Theory]
    [InlineData("Anmälan gällde 811218-9876 vid torget")]
    [InlineData("pnr 8112189876")]
    [InlineData("19811218-9876")]
    [InlineData("198112189876")]
    [InlineData("811218+9876")]
    [InlineData("Samordningsnummer 701063-2391 nämndes")]
    [InlineData("197010632391")]
    public void Identity_numbers_with_a_valid_checksum_are_found(string text) => Assert.True(PersonalData.ContainsIdentityNumber(text));

    [Theory]
    [InlineData("811218-9875")] // wrong checksum
    [InlineData("Ring 070-123 45 67")]
    [InlineData("Mötet 2026-11-22 kl. 18:00")]
    [InlineData("811318-9876")] // month 13
    [InlineData("Ärende 123456789012345")] // a longer number
    [InlineData("Klotter på 40 meter vägg")]
    [InlineData("")]
    public void Other_numbers_are_not_identity_numbers(string text) => Assert.False(PersonalData.ContainsIdentityNumber(text));

    [Fact]
    public void An_incident_description_with_a_personnummer_is_refused_for_that_field()
    {
        var now = TestClock.Now;
        var e = Assert.Throws<DomainException>(() => new Incident(Guid.NewGuid(), Guid.NewGuid(), "Torget", now, "Polisen", "Gärningsman 811218-9876", null, now));
        Assert.Equal(nameof(Incident.Description), e.Field);
        Assert.Equal(PersonalData.Message, e.Message);
    }

    [Fact]
    public void An_incident_cannot_happen_in_the_future()
    {
        var now = TestClock.Now;
        var e = Assert.Throws<DomainException>(() => new Incident(Guid.NewGuid(), Guid.NewGuid(), "", now.AddHours(2), "", "Klotter", null, now));
        Assert.Equal(nameof(Incident.OccurredAt), e.Field);
    }

    private static (Lagesbild Lagesbild, GroupMember Chair) Draft()
    {
        var groupId = Guid.NewGuid();
        var chair = GroupMember.External(groupId, "Ordförande", "Kommunen", "Säkerhetschef");
        chair.MakeChair();
        // A month that has ended, whatever the tests' date.
        var month = TestClock.Today.AddMonths(-2);
        return (new Lagesbild(groupId, month.Year, month.Month), chair);
    }

    [Fact]
    public void A_lagesbild_of_a_month_not_ended_is_preliminary_and_is_fixed_only_after_its_meeting_which_it_names()
    {
        var now = TestClock.Now;
        var today = TestClock.Today;
        var groupId = Guid.NewGuid();
        var chair = GroupMember.External(groupId, "Ordförande", "Kommunen", "Säkerhetschef");
        chair.MakeChair();
        var lagesbild = new Lagesbild(groupId, today.Year, today.Month);
        Assert.True(lagesbild.IsPreliminary(now));

        // Alone, before the month has ended: refused, and nothing changes.
        var e = Assert.Throws<DomainException>(() => lagesbild.Fix(chair, now, "{}", meeting: null));
        Assert.Equal(nameof(Lagesbild.MeetingId), e.Field);
        Assert.Contains("preliminär", e.Message, StringComparison.Ordinal);
        Assert.Equal(LagesbildStatus.Utkast, lagesbild.Status);
        Assert.Empty(lagesbild.Versions);

        // Not at a meeting that has not been held, nor at another group's.
        var coming = new Meeting(groupId, now.AddHours(2), now.AddHours(4), "Rådhuset", null);
        Assert.Equal(nameof(Lagesbild.MeetingId), Assert.Throws<DomainException>(() => lagesbild.Fix(chair, now, "{}", coming)).Field);
        var others = new Meeting(Guid.NewGuid(), now.AddHours(-3), now.AddHours(-2), "Rådhuset", null);
        Assert.Equal(nameof(Lagesbild.MeetingId), Assert.Throws<DomainException>(() => lagesbild.Fix(chair, now, "{}", others)).Field);

        // After the meeting where it was presented: fixed, and it names the meeting.
        var held = new Meeting(groupId, now.AddHours(-3), now.AddHours(-2), "Rådhuset", null);
        lagesbild.Fix(chair, now, "{}", held);
        Assert.Equal(LagesbildStatus.Faststalld, lagesbild.Status);
        Assert.Equal(held.Id, lagesbild.MeetingId);
        Assert.False(lagesbild.IsPreliminary(now));

        // Once the month has ended, no meeting is needed.
        var (ended, endedChair) = Draft();
        Assert.False(ended.IsPreliminary(now));
        ended.Fix(endedChair, now, "{}", meeting: null);
        Assert.Null(ended.MeetingId);
    }

    [Fact]
    public void A_fixed_lagesbild_is_read_only_and_a_correction_makes_version_two()
    {
        var (lagesbild, chair) = Draft();
        lagesbild.WriteTexts("Lugnt", "Lugnt");
        var v1 = lagesbild.Fix(chair, TestClock.Now, "{}", meeting: null);

        Assert.Equal(1, v1.Number);
        Assert.Throws<DomainException>(() => lagesbild.WriteTexts("Ändrat", ""));
        Assert.Throws<DomainException>(() => lagesbild.StartCorrection(" "));
        lagesbild.StartCorrection("Fel siffra för Vivalla");
        lagesbild.WriteTexts("Rättat", "Lugnt");
        var v2 = lagesbild.Fix(chair, TestClock.Now, "{}", meeting: null);

        Assert.Equal(2, v2.Number);
        Assert.Equal("Fel siffra för Vivalla", v2.CorrectionReason);
        Assert.Equal(LagesbildStatus.Faststalld, lagesbild.Status);
    }

    [Fact]
    public void Only_the_chair_fixes_a_lagesbild()
    {
        var (lagesbild, _) = Draft();
        var member = GroupMember.External(lagesbild.GroupId, "Ledamot", "Polisen", "Kommunpolis");
        Assert.Throws<DomainException>(() => lagesbild.Fix(member, TestClock.Now, "{}", meeting: null));
        Assert.Equal(LagesbildStatus.Utkast, lagesbild.Status);
    }

    [Fact]
    public void Carrying_over_brings_open_problems_with_their_assessment_and_causes_but_not_closed_ones()
    {
        var (previous, _) = Draft();
        var open = new Problem(Guid.NewGuid(), "Klotter vid torget", TestClock.Now);
        var closed = new Problem(Guid.NewGuid(), "Bilbränder", TestClock.Now);
        var a = previous.Assess(open);
        previous.UpdateAssessment(a.Id, "Klotter", "Tio fall", "Otrygghet", Trend.Okande, 1);
        previous.AddCause(a.Id, "Mörk passage", CauseKind.Situationell, "Trygghetsvandring");
        previous.Assess(closed);
        var next = new Lagesbild(previous.GroupId, 2026, 11);

        var added = next.CarryOver(previous, new HashSet<Guid> { open.Id });

        Assert.Equal(1, added);
        var copy = Assert.Single(next.Assessments);
        Assert.Equal((open.Id, "Klotter", Trend.Okande, 1), (copy.ProblemId, copy.Art, copy.Trend, copy.Priority));
        Assert.Equal("Mörk passage", Assert.Single(copy.Causes).Text);
        Assert.NotEqual(a.Id, copy.Id);
    }

    [Fact]
    public void A_boundary_must_be_a_polygon_in_degrees()
    {
        var area = new Area("Vivalla");
        area.SetBoundary("""{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[15.1,59.28],[15.12,59.28],[15.12,59.29],[15.1,59.28]]]}}""");
        Assert.Contains("MultiPolygon", area.Boundary, StringComparison.Ordinal);
        Assert.Throws<DomainException>(() => area.SetBoundary("""{"type":"Point","coordinates":[15.1,59.28]}"""));
        Assert.Throws<DomainException>(() => area.SetBoundary("""{"type":"Polygon","coordinates":[[[1500000,6500000],[1500001,6500000],[1500001,6500001],[1500000,6500000]]]}"""));
        Assert.Throws<DomainException>(() => area.SetBoundary("inte json"));
    }
}
