using Microsoft.EntityFrameworkCore;
using SakraStader.Data;
using SakraStader.Domain;
using SakraStader.Features.Groups;
using SakraStader.Features.Meetings;
using SakraStader.Tenancy;

namespace SakraStader.Features.AnnualReports;

/// <summary>
/// Who may do what with the annual report. The samordnare writes it, answers comments and hands it over. While it is
/// in review, the styrgrupp's members and users with the styrgrupp role comment on it (not the samordnare, who answers,
/// and not read-only users). The styrgrupp's chair or the samordnare records the styrgrupp's decision. Everybody in
/// the kommun reads it.
/// </summary>
public sealed record ReportRights(bool CanWrite, bool CanComment, bool CanDecide)
{
    public static void Ensure(bool allowed)
    {
        if (!allowed)
        {
            throw new ForbiddenException();
        }
    }
}

public sealed class AnnualReportHandler(AppDbContext db, TenantContext tenant, GroupAccess access, AnnualReportCompiler compiler, TimeProvider time)
{
    public async Task<AnnualReport?> FindAsync(int year, CancellationToken ct = default) =>
        await db.AnnualReports.Include(r => r.Comments).FirstOrDefaultAsync(r => r.Year == year, ct);

    public Task<ReportRights> RightsAsync(AnnualReport report, CancellationToken ct = default) => RightsAsync(report.GroupId, report.Status, ct);

    public async Task<ReportRights> RightsAsync(Guid groupId, AnnualReportStatus status, CancellationToken ct = default)
    {
        var group = await access.ForAsync(groupId, ct);
        var samordnare = tenant.Has(Role.Samordnare);
        return new ReportRights(
            CanWrite: samordnare,
            CanComment: status == AnnualReportStatus.Granskning && !samordnare && (group.MemberId is not null && tenant.Has(Role.Medlem) || tenant.Has(Role.Styrgrupp)),
            CanDecide: group.IsChair || samordnare);
    }

    /// <summary>Starts the year's report for the kommun's styrgrupp. Only the samordnare. The command path saves.</summary>
    public async Task<AnnualReport> CreateAsync(int? year, CancellationToken ct = default)
    {
        ReportRights.Ensure(tenant.Has(Role.Samordnare));
        var currentYear = time.Today().Year;
        if (year is not { } y)
        {
            throw new DomainException("Välj vilket år rapporten gäller.", nameof(AnnualReport.Year));
        }
        if (await db.AnnualReports.AnyAsync(r => r.Year == y, ct))
        {
            throw new DomainException($"Det finns redan en årsrapport för {y}.", nameof(AnnualReport.Year));
        }
        var styrgrupp = await db.Groups.AsNoTracking().Where(g => g.Kind == GroupKind.Styrgrupp).OrderBy(g => g.Name)
            .Select(g => (Guid?)g.Id).FirstOrDefaultAsync(ct)
            ?? throw new DomainException("Kommunen har ingen styrgrupp som kan granska rapporten. Lägg till gruppen under Grupper först.", nameof(AnnualReport.Year));
        var report = new AnnualReport(styrgrupp, y, currentYear);
        db.AnnualReports.Add(report);
        return report;
    }

    /// <summary>What the report shows: the frozen snapshot once approved, otherwise compiled now.</summary>
    /// <summary>When the meeting that approved the report was held: the decision's date (null if it names none).</summary>
    public async Task<DateTimeOffset?> DecidedAtAsync(Guid? meetingId, CancellationToken ct = default) =>
        meetingId is not null
            ? await db.Meetings.AsNoTracking().Where(m => m.Id == meetingId).Select(m => (DateTimeOffset?)m.StartsAt).FirstOrDefaultAsync(ct)
            : null;

    public async Task<AnnualReportSnapshot> ContentAsync(AnnualReport report, CancellationToken ct = default) =>
        AnnualReportSnapshot.Read(report.Snapshot) ?? AnnualReportSnapshot.Of(await compiler.CompileAsync(report.Year, ct), report);

    /// <summary>Records the styrgrupp's approval at a meeting it held; freezes figures and texts.</summary>
    public async Task ApproveAsync(AnnualReport report, Guid? meetingId, CancellationToken ct = default)
    {
        ReportRights.Ensure((await RightsAsync(report, ct)).CanDecide);
        var meeting = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == meetingId, ct)
            ?? throw new DomainException("Välj mötet där styrgruppen godkände rapporten.", nameof(AnnualReport.MeetingId));
        var content = AnnualReportSnapshot.Of(await compiler.CompileAsync(report.Year, ct), report);
        report.Approve(meeting, tenant.DisplayName, time.GetUtcNow(), content.ToJson());
    }
}
