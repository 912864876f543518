using Microsoft.EntityFrameworkCore;
using SakraStader.Data;
using SakraStader.Domain;
using SakraStader.Features.Commands;
using SakraStader.Infrastructure;
using SakraStader.Tenancy;

namespace SakraStader.Features.AnnualReports;

/// <summary>
/// The list of annual reports, with the latest one at a glance (its figures kept until the kommun's records change,
/// shared with the report's own page), and the command that starts a year's report. <see cref="Operations"/> saves.
/// </summary>
public sealed class AnnualReportListWork(AppDbContext db, AnnualReportHandler reports, AnnualReportCompiler compiler, KommunCache kept,
    TenantContext tenant, TimeProvider time)
{
    public async Task<AnnualReportListModel> ReadAsync(CancellationToken ct = default)
    {
        var userId = tenant.UserId;
        var rows = await db.AnnualReports.AsNoTracking().OrderByDescending(r => r.Year)
            .Select(r => new AnnualReportRow(r.Year, r.Status, r.ApprovedAt, r.HandedOverOn, r.CaseNumber)).ToListAsync(ct);
        ReportGlance? glance = null;
        if (rows.Count > 0)
        {
            var year = rows[0].Year;
            var latest = await db.AnnualReports.AsNoTracking().Where(r => r.Year == year)
                .Select(r => new
                {
                    r.GroupId, r.Status, r.Snapshot,
                    Comments = r.Comments.Count,
                    Unanswered = r.Comments.Count(c => c.Answer == ""),
                    Mine = r.Comments.Count(c => c.AuthorUserId == userId),
                    MineAnswered = r.Comments.Count(c => c.AuthorUserId == userId && c.Answer != ""),
                }).SingleAsync(ct);
            var figures = AnnualReportSnapshot.Read(latest.Snapshot)?.Figures
                ?? await kept.GetOrCompileAsync("annual-report-figures", year, () => compiler.CompileAsync(year, ct), ct);
            var rights = await reports.RightsAsync(latest.GroupId, latest.Status, ct);
            glance = new ReportGlance(year, latest.Status, figures, rights.CanComment, latest.Comments, latest.Unanswered, latest.Mine, latest.MineAnswered);
        }
        var current = time.Today().Year;
        var canCreate = tenant.Has(Role.Samordnare);
        IReadOnlyList<int> years = canCreate ? [.. Enumerable.Range(current - 4, 5).Reverse().Where(y => rows.All(r => r.Year != y))] : [];
        // The report usually concerns the year that has ended; the year still running when that one has a report.
        int? suggested = years.Contains(current - 1) ? current - 1 : years.Count > 0 ? years[0] : null;
        return new AnnualReportListModel(rows, glance, years, suggested, canCreate);
    }

    /// <summary>Starts the year's report for the kommun's styrgrupp.</summary>
    public async Task<int> CreateAsync(int? year, CancellationToken ct = default) => (await reports.CreateAsync(year, ct)).Year;
}

public sealed record AnnualReportListModel(IReadOnlyList<AnnualReportRow> Reports, ReportGlance? Latest, IReadOnlyList<int> Years, int? Suggested, bool CanCreate);

public sealed record AnnualReportRow(int Year, AnnualReportStatus Status, DateTimeOffset? ApprovedAt, DateOnly? HandedOverOn, string? CaseNumber);

/// <summary>The latest report at a glance: its figures, the review, and the user's own comments.</summary>
public sealed record ReportGlance(int Year, AnnualReportStatus Status, AnnualReportFigures Figures, bool MayComment, int Comments, int Unanswered,
    int MyComments, int MyAnswered)
{
    public bool IsFrozen => Status is AnnualReportStatus.Godkand or AnnualReportStatus.Overlamnad;
}
