using SakraStader.Domain;

namespace SakraStader.Tests.Unit;

/// <summary>The annual report's workflow: Utkast → Granskning → Godkänd → Överlämnad, and what each step refuses.</summary>
public sealed class AnnualReportRuleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
    private static readonly Guid Styrgrupp = Guid.NewGuid();

    private static AnnualReport Draft() => new(Styrgrupp, 2025, 2026);

    /// <summary>A meeting under way now: the report went for review during it or before.</summary>
    private static Meeting HeldMeeting(Guid group) => new(group, Now.AddHours(-1), Now.AddHours(1), "Rådhuset", null);

    [Fact]
    public void A_report_is_for_a_past_or_current_year()
    {
        Assert.Equal(nameof(AnnualReport.Year), Assert.Throws<DomainException>(() => new AnnualReport(Styrgrupp, 2027, 2026)).Field);
        Assert.Equal(nameof(AnnualReport.Year), Assert.Throws<DomainException>(() => new AnnualReport(Styrgrupp, 1999, 2026)).Field);
    }

    [Fact]
    public void Review_needs_the_summary_and_comments_are_taken_only_in_review()
    {
        var report = Draft();
        Assert.Throws<DomainException>(() => report.Comment(ReportSection.Sammanfattning, Guid.NewGuid(), "Ledamot", "För tidigt", Now));
        Assert.Equal(nameof(ReportSection.Sammanfattning), Assert.Throws<DomainException>(() => report.StartReview(Now)).Field);

        report.WriteText(ReportSection.Sammanfattning, "Året i korthet.");
        report.StartReview(Now);
        Assert.Equal(AnnualReportStatus.Granskning, report.Status);
        var comment = report.Comment(ReportSection.Atgarder, Guid.NewGuid(), "Ledamot", "Redovisa kostnaderna per åtgärd.", Now);
        Assert.Equal((ReportSection.Atgarder, false, 1), (comment.Section, comment.IsAnswered, report.UnansweredComments));
        Assert.Equal(nameof(ReportComment.Text), Assert.Throws<DomainException>(() => report.Comment(ReportSection.Atgarder, Guid.NewGuid(), "Ledamot", " ", Now)).Field);
    }

    [Fact]
    public void Approval_needs_every_comment_answered_and_a_held_meeting_of_the_styrgrupp()
    {
        var report = Draft();
        report.WriteText(ReportSection.Sammanfattning, "Året i korthet.");
        Assert.Throws<DomainException>(() => report.Approve(HeldMeeting(Styrgrupp), "Ordförande", Now, "{}")); // not in review yet
        report.StartReview(Now);
        var comment = report.Comment(ReportSection.Forslag, Guid.NewGuid(), "Ledamot", "Vad kostar förslagen?", Now);

        var unanswered = Assert.Throws<DomainException>(() => report.Approve(HeldMeeting(Styrgrupp), "Ordförande", Now, "{}"));
        Assert.Equal("En kommentar är obesvarad. Svara på den innan rapporten godkänns.", unanswered.Message);
        Assert.Equal(nameof(ReportComment.Answer), Assert.Throws<DomainException>(() => report.Answer(comment.Id, "", "Samordnare", Now)).Field);
        report.Answer(comment.Id, "Kostnaderna står nu i avsnittet.", "Samordnare", Now);

        Assert.Contains("styrgruppens möten", Assert.Throws<DomainException>(() => report.Approve(HeldMeeting(Guid.NewGuid()), "Ordförande", Now, "{}")).Message, StringComparison.Ordinal);
        var future = new Meeting(Styrgrupp, Now.AddDays(3), Now.AddDays(3).AddHours(1), "Rådhuset", null);
        Assert.Contains("inte hållits", Assert.Throws<DomainException>(() => report.Approve(future, "Ordförande", Now, "{}")).Message, StringComparison.Ordinal);

        // Not at a meeting over before the report was sent to the styrgrupp.
        var before = new Meeting(Styrgrupp, Now.AddDays(-3), Now.AddDays(-3).AddHours(2), "Rådhuset", null);
        var early = Assert.Throws<DomainException>(() => report.Approve(before, "Ordförande", Now, "{}"));
        Assert.Equal(("Mötet 2026-11-19 hölls innan rapporten skickades på granskning. Välj mötet där styrgruppen godkände den.", nameof(AnnualReport.MeetingId)),
            (early.Message, early.Field));
        Assert.False(report.MayDecideAt(before.EndsAt));

        var meeting = HeldMeeting(Styrgrupp);
        report.Approve(meeting, "Ordförande", Now, "{\"frozen\":true}");
        Assert.Equal((AnnualReportStatus.Godkand, meeting.Id, "{\"frozen\":true}"), (report.Status, report.MeetingId, report.Snapshot));
    }

    [Fact]
    public void An_approved_report_cannot_be_edited_commented_or_answered()
    {
        var report = Draft();
        report.WriteText(ReportSection.Sammanfattning, "Året i korthet.");
        report.StartReview(Now);
        report.Approve(HeldMeeting(Styrgrupp), "Ordförande", Now, "{}");

        Assert.Contains("godkänd", Assert.Throws<DomainException>(() => report.WriteText(ReportSection.Bedomning, "Ny text")).Message, StringComparison.Ordinal);
        Assert.Throws<DomainException>(() => report.Comment(ReportSection.Bedomning, Guid.NewGuid(), "Ledamot", "Sent", Now));
        Assert.Throws<DomainException>(() => report.StartReview(Now));
        Assert.Equal("", report.Text(ReportSection.Bedomning));
    }

    [Fact]
    public void Handing_over_needs_the_date_and_the_case_number_after_approval()
    {
        var report = Draft();
        var today = DateOnly.FromDateTime(Now.UtcDateTime);
        Assert.Equal(nameof(AnnualReport.HandedOverOn), Assert.Throws<DomainException>(() => report.HandOver(today, "KS 2026/1", today)).Field);
        report.WriteText(ReportSection.Sammanfattning, "Året i korthet.");
        report.StartReview(Now);
        report.Approve(HeldMeeting(Styrgrupp), "Ordförande", Now, "{}");

        Assert.Equal(nameof(AnnualReport.HandedOverOn), Assert.Throws<DomainException>(() => report.HandOver(null, "KS 2026/1", today)).Field);
        Assert.Equal(nameof(AnnualReport.HandedOverOn), Assert.Throws<DomainException>(() => report.HandOver(today.AddDays(1), "KS 2026/1", today)).Field);
        Assert.Equal(nameof(AnnualReport.HandedOverOn), Assert.Throws<DomainException>(() => report.HandOver(today.AddDays(-30), "KS 2026/1", today)).Field);
        Assert.Equal(nameof(AnnualReport.CaseNumber), Assert.Throws<DomainException>(() => report.HandOver(today, " ", today)).Field);
        Assert.Equal(AnnualReportStatus.Godkand, report.Status);

        report.HandOver(today, "KS 2026/412", today);
        Assert.Equal((AnnualReportStatus.Overlamnad, "KS 2026/412"), (report.Status, report.CaseNumber));
    }

    [Fact]
    public void Section_texts_refuse_personal_identity_numbers_and_keep_the_others()
    {
        var report = Draft();
        report.WriteText(ReportSection.Bedomning, "Samverkan fungerar.");
        Assert.Throws<DomainException>(() => report.WriteText(ReportSection.Forslag, "Följ upp 19121212-1212 särskilt."));
        report.WriteText(ReportSection.Bedomning, "");
        Assert.Equal(("", ""), (report.Text(ReportSection.Bedomning), report.Text(ReportSection.Forslag)));
        report.WriteText(ReportSection.Forslag, "Fler trygghetsvandringar.");
        Assert.Equal("Fler trygghetsvandringar.", report.Text(ReportSection.Forslag));
    }

    [Fact]
    public void A_cooperation_agreement_has_parties_and_an_ordered_period()
    {
        var from = new DateOnly(2025, 1, 1);
        Assert.Equal(nameof(CooperationAgreement.Parties), Assert.Throws<DomainException>(() => new CooperationAgreement("Överenskommelse", "", from, from.AddYears(2), [], "")).Field);
        Assert.Equal(nameof(CooperationAgreement.ValidFrom), Assert.Throws<DomainException>(() => new CooperationAgreement("Överenskommelse", "Kommunen och polisen", null, from, [], "")).Field);
        Assert.Equal(nameof(CooperationAgreement.ValidTo), Assert.Throws<DomainException>(() => new CooperationAgreement("Överenskommelse", "Kommunen och polisen", from, from.AddDays(-1), [], "")).Field);
        var area = Guid.NewGuid();
        var agreement = new CooperationAgreement("Överenskommelse", "Kommunen och polisen", from, new DateOnly(2027, 12, 31), [area, area], "Trygghet i centrum");
        Assert.Equal([area], agreement.AreaIds);
        Assert.True(agreement.CoversYear(2026));
        Assert.False(agreement.CoversYear(2028));
    }
}
