using Microsoft.EntityFrameworkCore;
using SakraStader.Data;
using SakraStader.Domain;
using SakraStader.Features.Commands;
using SakraStader.Features.Groups;
using SakraStader.Features.Meetings;
using SakraStader.Infrastructure;
using SakraStader.Tenancy;

namespace SakraStader.Features.AnnualReports;

/// <summary>
/// The annual report page's reads and commands. Reads return <see cref="AnnualReportPageModel"/> records (the report
/// and its figures kept until the kommun's records change); commands load the report through the tenant filter, apply
/// the rights of <see cref="ReportRights"/> and the model's rules, and refuse a change made over a text or a version
/// the user did not see. <see cref="Operations"/> saves, with the audit, in one transaction.
/// </summary>
public sealed class AnnualReportWork(AppDbContext db, AnnualReportHandler reports, AnnualReportCompiler compiler, KommunCache kept,
    TenantContext tenant, TimeProvider time)
{
    public const string ChangedMeanwhile = "Någon annan har ändrat texten sedan du började skriva. Din text finns kvar i fältet; den sparade står under. Spara igen om din ska gälla.";
    public const string StaleVersion = "Rapporten har ändrats sedan du öppnade den. Läs igenom ändringarna och försök sedan igen.";

    public async Task<AnnualReportPageModel?> ReadAsync(int year, CancellationToken ct = default)
    {
        var r = await kept.GetOrCompileAsync("annual-report-record", year, () => KeepAsync(year, ct), ct);
        if (r is null)
        {
            return null;
        }
        var content = r.Frozen ?? new AnnualReportSnapshot(
            await kept.GetOrCompileAsync("annual-report-figures", year, () => compiler.CompileAsync(year, ct), ct),
            Enum.GetValues<ReportSection>().ToDictionary(s => s, s => r.Texts.GetValueOrDefault(s, "")));
        var rights = await reports.RightsAsync(r.GroupId, r.Status, ct);
        IReadOnlyList<DecisionMeeting> meetings = [];
        if (r.Status == AnnualReportStatus.Granskning && rights.CanDecide)
        {
            var now = time.GetUtcNow();
            var minute = now.ToUnixTimeSeconds() / 60;
            meetings = await kept.GetOrCompileAsync("annual-report-meetings", (r.GroupId, minute, r.ReviewStartedAt),
                () => db.HeldMeetingsAsync(r.GroupId, now, 12, r.ReviewStartedAt), ct);
        }
        return new AnnualReportPageModel(r.Id, r.GroupId, r.Year, r.Status, r.Version, r.ReviewStartedAt, r.ApprovedAt, r.MeetingId,
            r.HandedOverOn, r.CaseNumber, content, r.Texts, r.Comments, rights, meetings) { MeetingAt = r.MeetingAt };
    }

    private async Task<KeptReport?> KeepAsync(int year, CancellationToken ct)
    {
        var report = await db.AnnualReports.AsNoTracking().Include(x => x.Comments).FirstOrDefaultAsync(x => x.Year == year, ct);
        if (report is null)
        {
            return null;
        }
        // The meeting at which the styrgrupp approved it: its date is the decision's, not the day it was registered.
        var meetingAt = await reports.DecidedAtAsync(report.MeetingId, ct);
        return new KeptReport(report.Id, report.GroupId, report.Year, report.Status, report.Version, report.ReviewStartedAt, report.ApprovedAt,
            report.MeetingId, meetingAt, report.HandedOverOn, report.CaseNumber,
            Enum.GetValues<ReportSection>().ToDictionary(s => s, report.Text),
            [.. report.Comments.OrderBy(c => c.CreatedAt).Select(c => new CommentView(c.Id, c.Section, c.AuthorName, c.CreatedAt, c.Text, c.Answer, c.AnsweredBy))],
            AnnualReportSnapshot.Read(report.Snapshot));
    }

    private sealed record KeptReport(Guid Id, Guid GroupId, int Year, AnnualReportStatus Status, Guid Version, DateTimeOffset? ReviewStartedAt,
        DateTimeOffset? ApprovedAt, Guid? MeetingId, DateTimeOffset? MeetingAt, DateOnly? HandedOverOn, string? CaseNumber, IReadOnlyDictionary<ReportSection, string> Texts,
        IReadOnlyList<CommentView> Comments, AnnualReportSnapshot? Frozen);

    /// <summary>The samordnare writes a section's text over the text they started from.</summary>
    public async Task<IVersioned> WriteTextAsync(int year, ReportSection section, string text, string seen, CancellationToken ct = default)
    {
        var (report, rights) = await LoadAsync(year, ct);
        ReportRights.Ensure(rights.CanWrite);
        EnsureSeen(report.Text(section), seen, section.ToString());
        report.WriteText(section, text);
        return report;
    }

    /// <summary>A styrgrupp member comments on a section while the report is in review.</summary>
    public async Task<IVersioned> CommentAsync(int year, ReportSection section, string text, CancellationToken ct = default)
    {
        var (report, rights) = await LoadAsync(year, ct);
        if (report.Status == AnnualReportStatus.Granskning)
        {
            ReportRights.Ensure(rights.CanComment);
        }
        // Otherwise the report says why it takes no comments (approved while the comment was written, or not yet in review).
        db.ReportComments.Add(report.Comment(section, tenant.UserId!.Value, tenant.DisplayName, text, time.GetUtcNow()));
        return report;
    }

    /// <summary>The samordnare answers a comment (or amends the answer) over the answer they started from.</summary>
    public async Task<IVersioned> AnswerAsync(int year, Guid commentId, string answer, string seen, CancellationToken ct = default)
    {
        var (report, rights) = await LoadAsync(year, ct);
        ReportRights.Ensure(rights.CanWrite);
        var current = report.Comments.FirstOrDefault(c => c.Id == commentId)?.Answer ?? "";
        EnsureSeen(current, seen, "Answer");
        report.Answer(commentId, answer, tenant.DisplayName, time.GetUtcNow());
        return report;
    }

    public async Task<IVersioned> StartReviewAsync(int year, Guid seenVersion, CancellationToken ct = default)
    {
        var (report, rights) = await LoadAsync(year, ct);
        ReportRights.Ensure(rights.CanWrite);
        EnsureVersion(report, seenVersion);
        report.StartReview(time.GetUtcNow());
        return report;
    }

    /// <summary>The chair (or the samordnare) records the styrgrupp's approval at a held meeting of the report they saw.</summary>
    public async Task<IVersioned> ApproveAsync(int year, Guid groupId, Guid? meetingId, Guid seenVersion, CancellationToken ct = default)
    {
        var (report, _) = await LoadAsync(year, ct);
        // The command path checked the right in groupId; the report must be that group's.
        if (report.GroupId != groupId)
        {
            throw new ForbiddenException();
        }
        EnsureVersion(report, seenVersion);
        await reports.ApproveAsync(report, meetingId, ct);
        return report;
    }

    public async Task<IVersioned> HandOverAsync(int year, HandOverInput input, CancellationToken ct = default)
    {
        var (report, rights) = await LoadAsync(year, ct);
        ReportRights.Ensure(rights.CanWrite);
        report.HandOver(input.HandedOverOn, input.CaseNumber, time.Today());
        return report;
    }

    private async Task<(AnnualReport Report, ReportRights Rights)> LoadAsync(int year, CancellationToken ct)
    {
        var report = await reports.FindAsync(year, ct) ?? throw new DomainException("Årsrapporten finns inte.");
        return (report, await reports.RightsAsync(report, ct));
    }

    private static void EnsureVersion(AnnualReport report, Guid seen)
    {
        if (report.Version != seen)
        {
            throw new ConflictException(StaleVersion, null, null);
        }
    }

    private static void EnsureSeen(string current, string seen, string field)
    {
        if (!string.Equals(Normalise(current), Normalise(seen), StringComparison.Ordinal))
        {
            throw new ConflictException(ChangedMeanwhile, field, current);
        }
    }

    private static string Normalise(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
}

/// <summary>The annual report page as shown to one user: what it says and what they may do.</summary>
public sealed record AnnualReportPageModel(
    Guid Id, Guid GroupId, int Year, AnnualReportStatus Status, Guid Version, DateTimeOffset? ReviewStartedAt, DateTimeOffset? ApprovedAt,
    Guid? MeetingId, DateOnly? HandedOverOn, string? CaseNumber, AnnualReportSnapshot Content, IReadOnlyDictionary<ReportSection, string> Texts,
    IReadOnlyList<CommentView> Comments, ReportRights Rights, IReadOnlyList<DecisionMeeting> Meetings)
{
    public bool IsFrozen => Status is AnnualReportStatus.Godkand or AnnualReportStatus.Overlamnad;

    /// <summary>When the meeting that approved it was held (the decision's date), if it names one.</summary>
    public DateTimeOffset? MeetingAt { get; init; }

    /// <summary>The samordnare may change texts and answers until the styrgrupp approves.</summary>
    public bool CanEdit => Rights.CanWrite && !IsFrozen;

    public int UnansweredComments => Comments.Count(c => !c.IsAnswered);

    public string CommentSummary
    {
        get
        {
            var total = Comments.Count;
            var open = UnansweredComments;
            return total == 0 ? "Inga kommentarer ännu."
                : $"{total} {(total == 1 ? "kommentar" : "kommentarer")}, {(open == 0 ? "alla besvarade" : $"{open} obesvarad{(open == 1 ? "" : "e")}")}.";
        }
    }
}

public sealed record CommentView(Guid Id, ReportSection Section, string AuthorName, DateTimeOffset CreatedAt, string Text, string Answer, string? AnsweredBy)
{
    public bool IsAnswered => Answer.Length > 0;
}

/// <summary>A styrgrupp member's comment on a section: the input of the comment form.</summary>
public sealed class CommentInput
{
    public string Text { get; set; } = "";
}

/// <summary>The styrgrupp's approval: the held meeting where it was decided.</summary>
public sealed class ApproveInput
{
    public Guid? MeetingId { get; set; }
}

/// <summary>The handing over to kommunstyrelsen and kommunfullmäktige: date and diarienummer.</summary>
public sealed class HandOverInput
{
    public DateOnly? HandedOverOn { get; set; }
    public string CaseNumber { get; set; } = "";
}
