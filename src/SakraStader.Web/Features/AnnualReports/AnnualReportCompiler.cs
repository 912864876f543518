using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using SakraStader.Components.Ui;
using SakraStader.Data;
using SakraStader.Domain;
using SakraStader.Features.Lagesbilder;
using SakraStader.Features.Medborgarloften;
using SakraStader.Features.Meetings;

namespace SakraStader.Features.AnnualReports;

/// <summary>
/// Compiles the figures of a kommun's annual report for one year from what the kommun recorded: its groups and their
/// meetings held against the cadence, incidents, reported crimes and survey results with the two previous years for
/// comparison, the problems the monthly lägesbilder prioritised, the measures that ran during the year, the
/// medborgarlöften in force and the samverkansöverenskommelse. Every query is filtered to the current kommun and
/// bounded by the year, so the time does not grow with other kommuners data.
/// </summary>
public sealed class AnnualReportCompiler(AppDbContext db, FordjupadCompiler trends, TimeProvider time)
{
    /// <summary>Years before the report's year shown for comparison.</summary>
    public const int ComparisonYears = 2;

    public async Task<AnnualReportFigures> CompileAsync(int year, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var today = SwedishTime.DateOf(now);
        var yearStart = new DateOnly(year, 1, 1);
        var yearEnd = new DateOnly(year, 12, 31);
        // Overdue is judged at the end of the year, or today while the year runs.
        var asOf = today < yearEnd ? today : yearEnd.AddDays(1);

        var development = await trends.CompileAsync(year - ComparisonYears, year, ct);
        var problems = await trends.ProblemsAsync(year, year, ct);
        var fixedLagesbilder = await db.Lagesbilder.AsNoTracking().CountAsync(l => l.Year == year && l.Status == LagesbildStatus.Faststalld, ct);

        return new AnnualReportFigures(
            year,
            development.YearLabels[^1],
            await GroupsAsync(year, now, ct),
            development with { Problems = [] },
            problems,
            fixedLagesbilder,
            await MeasuresAsync(yearStart, yearEnd, asOf, ct),
            await LoftenAsync(yearStart, yearEnd, ct),
            await AgreementAsync(year, ct));
    }

    private async Task<List<GroupFigure>> GroupsAsync(int year, DateTimeOffset now, CancellationToken ct)
    {
        var start = SwedishTime.At(new DateOnly(year, 1, 1), TimeOnly.MinValue);
        var end = SwedishTime.At(new DateOnly(year + 1, 1, 1), TimeOnly.MinValue);
        var groups = await db.Groups.AsNoTracking().OrderBy(g => g.Kind).ThenBy(g => g.Name).ToListAsync(ct);
        var members = await db.GroupMembers.AsNoTracking().Select(m => new { m.GroupId, m.Name, m.IsChair }).ToListAsync(ct);
        var meetings = await db.Meetings.AsNoTracking().Where(m => m.StartsAt >= start && m.StartsAt < end)
            .Select(m => new { m.GroupId, m.StartsAt, m.Cancelled }).ToListAsync(ct);
        return [.. groups.Select(g =>
        {
            var mine = meetings.Where(m => m.GroupId == g.Id).ToList();
            var byCadence = g.Rule.DatesIn(year, g.MeetingDay).Count;
            return new GroupFigure(g.Id, g.Name, g.Kind.ShortName(), g.CadenceText,
                string.Join(", ", members.Where(m => m.GroupId == g.Id && m.IsChair).Select(m => m.Name)),
                members.Count(m => m.GroupId == g.Id),
                byCadence > 0 ? byCadence : mine.Count,
                mine.Count(m => !m.Cancelled && m.StartsAt <= now),
                mine.Count(m => m.Cancelled));
        })];
    }

    /// <summary>
    /// Measures that ran during the year: started (or, without a start date, due) by its end and not due before it
    /// began. A measure with neither date counts only in the current year's report, where it is still open.
    /// </summary>
    private async Task<MeasureFigures> MeasuresAsync(DateOnly yearStart, DateOnly yearEnd, DateOnly asOf, CancellationToken ct)
    {
        var undatedCount = asOf <= yearEnd;
        var rows = await (from a in db.Atgarder.AsNoTracking()
                          join p in db.Atgardsplaner on a.PlanId equals p.Id
                          join g in db.Groups on p.GroupId equals g.Id
                          join pr in db.Problems on a.ProblemId equals pr.Id into problems
                          from pr in problems.DefaultIfEmpty()
                          where ((a.StartDate ?? a.DueDate) <= yearEnd && (a.DueDate == null || a.DueDate >= yearStart))
                              || (undatedCount && a.StartDate == null && a.DueDate == null)
                          select new
                          {
                              a.Id, a.Title, Problem = pr != null ? pr.Title : "", Group = g.Name, a.ResponsibleOrganisation, a.ResponsibleName,
                              a.Status, a.StartDate, a.DueDate, a.PlannedCost, a.ActualCost, a.Outcome, a.Learned,
                          }).ToListAsync(ct);
        var sv = StringComparer.Create(Sv.Culture, false);
        var list = rows
            .Select(r => new MeasureRow(r.Id, r.Title, r.Problem, r.Group, Responsible(r.ResponsibleOrganisation, r.ResponsibleName), r.Status,
                r.Status is AtgardStatus.Planerad or AtgardStatus.Pagar && r.DueDate is { } due && due < asOf,
                r.DueDate, r.PlannedCost, r.ActualCost, r.Outcome, r.Learned))
            .OrderBy(r => r.Status).ThenBy(r => r.DueDate ?? DateOnly.MaxValue).ThenBy(r => r.Title, sv)
            .ToList();
        return new MeasureFigures(
            list.Count,
            list.Count(r => r.Status == AtgardStatus.Genomford),
            list.Count(r => r.Status == AtgardStatus.Pagar),
            list.Count(r => r.Status == AtgardStatus.Planerad),
            list.Count(r => r.Status == AtgardStatus.Installd),
            list.Count(r => r.Overdue),
            list.Sum(r => r.PlannedCost ?? 0),
            list.Sum(r => r.ActualCost ?? 0),
            list.Count(r => r.Outcome == Outcome.Uppnadd),
            list.Count(r => r.Outcome == Outcome.Delvis),
            list.Count(r => r.Outcome == Outcome.EjUppnadd),
            list);
    }

    private static string Responsible(string organisation, string name) =>
        string.Join(", ", new[] { name, organisation }.Where(s => s.Length > 0));

    private async Task<List<LofteFigure>> LoftenAsync(DateOnly yearStart, DateOnly yearEnd, CancellationToken ct)
    {
        var loften = await db.Medborgarloften.AsNoTracking().Where(m => m.ValidFrom <= yearEnd && m.ValidTo >= yearStart)
            .OrderBy(m => m.ValidFrom).ThenBy(m => m.Title)
            .Select(m => new { m.Id, m.Title, m.ValidFrom, m.ValidTo, m.Status, Published = m.Status == LofteStatus.Gallande && m.PublishedVersionNumber == m.Versions.Max(v => (int?)v.Number), FinalReport = m.FinalReport.Length > 0 })
            .ToListAsync(ct);
        var ids = loften.Select(l => l.Id).ToList();
        var commitments = await db.Set<Commitment>().AsNoTracking().Where(c => ids.Contains(c.MedborgarlofteId))
            .Select(c => new { c.Id, c.MedborgarlofteId }).ToListAsync(ct);
        var commitmentIds = commitments.Select(c => c.Id).ToList();
        var followUps = await db.Set<CommitmentFollowUp>().AsNoTracking()
            .Where(f => commitmentIds.Contains(f.CommitmentId) && f.Date >= yearStart && f.Date <= yearEnd)
            .Select(f => f.CommitmentId).ToListAsync(ct);
        return [.. loften.Select(l =>
        {
            var mine = commitments.Where(c => c.MedborgarlofteId == l.Id).Select(c => c.Id).ToHashSet();
            return new LofteFigure(l.Id, l.Title, $"{l.ValidFrom:yyyy-MM-dd}–{l.ValidTo:yyyy-MM-dd}",
                l.Status.Display(l.Published), mine.Count,
                followUps.Count(mine.Contains), followUps.Where(mine.Contains).Distinct().Count(), l.FinalReport);
        })];
    }

    private async Task<AgreementFigure?> AgreementAsync(int year, CancellationToken ct)
    {
        var start = new DateOnly(year, 1, 1);
        var end = new DateOnly(year, 12, 31);
        var agreement = await db.CooperationAgreements.AsNoTracking().Include(a => a.Areas).Where(a => a.ValidFrom <= end && a.ValidTo >= start)
            .OrderByDescending(a => a.ValidFrom).FirstOrDefaultAsync(ct);
        if (agreement is null)
        {
            return null;
        }
        var ids = agreement.AreaIds;
        var areas = await db.Areas.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => a.Name).ToListAsync(ct);
        return new AgreementFigure(agreement.Id, agreement.Title, agreement.Parties, agreement.ValidFrom, agreement.ValidTo,
            [.. areas.Order(StringComparer.Create(Sv.Culture, false))], agreement.Focus);
    }
}

/// <summary>The year's figures in the order of the report's sections.</summary>
public sealed record AnnualReportFigures(
    int Year,
    string YearLabel,
    List<GroupFigure> Groups,
    FordjupadFigures Development,
    List<ProblemHistory> Problems,
    int FixedLagesbilder,
    MeasureFigures Measures,
    List<LofteFigure> Loften,
    AgreementFigure? Agreement)
{
    /// <summary>The incidents of the report's year (the last of the comparison years).</summary>
    public int Incidents => Development.IncidentTotal.Values[^1] ?? 0;

    public int MeetingsHeld => Groups.Sum(g => g.Held);

    public int MeetingsPlanned => Groups.Sum(g => g.Planned);

    /// <summary>Nothing was recorded for the year: no incidents, statistics, meetings, lägesbilder, measures or promises.</summary>
    public bool IsEmpty => Incidents == 0 && Development.ReportedCrimes.All(r => (r.Values[^1] ?? 0) == 0) && MeetingsHeld == 0
        && FixedLagesbilder == 0 && Measures.Total == 0 && Loften.Count == 0;
}

/// <summary>A group: who chairs it, how many members, and its meetings of the year against its cadence.</summary>
public sealed record GroupFigure(Guid Id, string Name, string Kind, string Cadence, string Chairs, int Members, int Planned, int Held, int Cancelled);

public sealed record MeasureFigures(int Total, int Completed, int Ongoing, int Planned, int Cancelled, int Overdue, decimal PlannedCost, decimal ActualCost,
    int Achieved, int PartlyAchieved, int NotAchieved, List<MeasureRow> Rows);

public sealed record MeasureRow(Guid Id, string Title, string Problem, string Group, string Responsible, AtgardStatus Status, bool Overdue, DateOnly? DueDate,
    decimal? PlannedCost, decimal? ActualCost, Outcome? Outcome, string Learned);

/// <summary>A medborgarlöfte in force during the year: its commitments and the follow-ups posted during the year.</summary>
public sealed record LofteFigure(Guid Id, string Title, string Period, string Status, int Commitments, int FollowUps, int CommitmentsFollowedUp, bool FinalReport);

public sealed record AgreementFigure(Guid Id, string Title, string Parties, DateOnly ValidFrom, DateOnly ValidTo, List<string> Areas, string Focus);

/// <summary>What approval freezes: the figures and the texts.</summary>
public sealed record AnnualReportSnapshot(AnnualReportFigures Figures, Dictionary<ReportSection, string> Texts)
{
    public string ToJson() => JsonSerializer.Serialize(this, AnnualReportJson.Default.AnnualReportSnapshot);

    public static AnnualReportSnapshot? Read(string json) => json.Length == 0 ? null : JsonSerializer.Deserialize(json, AnnualReportJson.Default.AnnualReportSnapshot);

    public static AnnualReportSnapshot Of(AnnualReportFigures figures, AnnualReport report) =>
        new(figures, Enum.GetValues<ReportSection>().ToDictionary(s => s, report.Text));

    public string Text(ReportSection section) => Texts.GetValueOrDefault(section, "");
}

[JsonSerializable(typeof(AnnualReportSnapshot))]
public sealed partial class AnnualReportJson : JsonSerializerContext;
