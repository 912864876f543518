using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using SakraStader.Components.Ui;
using SakraStader.Data;
using SakraStader.Domain;
using SakraStader.Features.Meetings;

namespace SakraStader.Features.Lagesbilder;

/// <summary>
/// Compiles the figures of a fördjupad lägesbild: incidents per category and area per year, reported crimes per
/// category per year, survey results per area and question per year, and the problems as the monthly lägesbilder of
/// the period assessed them (the latest assessment and its causes, and in how many months the problem was assessed).
/// One GROUP BY per year for incidents; everything else one query each.
/// </summary>
public sealed class FordjupadCompiler(AppDbContext db, TimeProvider time)
{
    public async Task<FordjupadFigures> CompileAsync(int fromYear, int toYear, CancellationToken ct = default)
    {
        var years = Enumerable.Range(fromYear, toYear - fromYear + 1).ToList();
        var today = time.Today();

        var cells = new List<(int Year, Guid CategoryId, Guid AreaId, int Count)>();
        foreach (var year in years)
        {
            var start = SwedishTime.At(new DateOnly(year, 1, 1), TimeOnly.MinValue);
            var end = SwedishTime.At(new DateOnly(year + 1, 1, 1), TimeOnly.MinValue);
            var counts = await db.Incidents.AsNoTracking()
                .Where(i => i.OccurredAt >= start && i.OccurredAt < end)
                .GroupBy(i => new { i.CategoryId, i.AreaId })
                .Select(g => new { g.Key.CategoryId, g.Key.AreaId, Count = g.Count() })
                .ToListAsync(ct);
            cells.AddRange(counts.Select(c => (year, c.CategoryId, c.AreaId, c.Count)));
        }
        var categories = await db.IncidentCategories.AsNoTracking().Select(c => new { c.Id, c.Name, c.Order }).ToListAsync(ct);
        var areas = await db.Areas.AsNoTracking().Select(a => new { a.Id, a.Name, a.Archived }).ToListAsync(ct);
        var sv = StringComparer.Create(Sv.Culture, false);

        // A year without a single incident in the kommun has no figures (the register was not kept then): "–", not 0.
        var incidentYears = cells.Select(c => c.Year).ToHashSet();
        List<int?> PerYear(IEnumerable<(int Year, Guid CategoryId, Guid AreaId, int Count)> selection)
        {
            var list = selection.ToList();
            return [.. years.Select(y => incidentYears.Contains(y) ? list.Where(c => c.Year == y).Sum(c => c.Count) : (int?)null)];
        }

        var byCategory = categories.OrderBy(c => c.Order).ThenBy(c => c.Name, sv)
            .Select(c => new YearRow(c.Name, PerYear(cells.Where(x => x.CategoryId == c.Id)), c.Id))
            .Where(r => r.Values.Any(v => v > 0)).ToList();
        var byArea = areas.OrderBy(a => a.Name, sv)
            .Select(a => new YearRow(a.Name, PerYear(cells.Where(x => x.AreaId == a.Id)), a.Id))
            .Where(r => r.Values.Any(v => v > 0)).ToList();

        var crimes = await db.CrimeStatistics.AsNoTracking()
            .Where(s => s.Year >= fromYear && s.Year <= toYear)
            .GroupBy(s => new { s.Category, s.Year })
            .Select(g => new { g.Key.Category, g.Key.Year, Count = g.Sum(s => s.Count) })
            .ToListAsync(ct);
        var crimeYears = crimes.Select(c => c.Year).ToHashSet();
        var reportedCrimes = crimes.GroupBy(c => c.Category)
            .Select(g => new YearRow(g.Key, [.. years.Select(y => crimeYears.Contains(y) ? g.Where(c => c.Year == y).Sum(c => c.Count) : (int?)null)]))
            .OrderByDescending(r => r.Values[^1]).ThenBy(r => r.Label, sv).ToList();

        var surveyRows = await (from s in db.SurveyResults.AsNoTracking()
                                join a in db.Areas on s.AreaId equals a.Id
                                where s.Year >= fromYear && s.Year <= toYear
                                select new { Area = a.Name, s.Question, s.Year, s.Value }).ToListAsync(ct);
        var surveys = surveyRows.GroupBy(s => (s.Area, s.Question))
            .Select(g => new SurveyRow(g.Key.Area, g.Key.Question, [.. years.Select(y => g.FirstOrDefault(s => s.Year == y)?.Value)]))
            .OrderBy(r => r.Question, sv).ThenBy(r => r.Area, sv).ToList();

        var problems = await ProblemsAsync(fromYear, toYear, ct);

        var monthly = await db.Lagesbilder.AsNoTracking()
            .CountAsync(l => l.Year >= fromYear && l.Year <= toYear && l.Status == LagesbildStatus.Faststalld, ct);

        var labels = years.Select(y => y == today.Year ? $"{y} (t.o.m. {today.ToString("d MMMM", Sv.Culture)})" : y.ToString(Sv.Culture)).ToList();
        return new FordjupadFigures(years, labels, new YearRow("Totalt", PerYear(cells)), byCategory, byArea, reportedCrimes, surveys, problems, monthly);
    }

    /// <summary>
    /// The problems the monthly lägesbilder of the years assessed: each one's latest assessment with its causes, and in
    /// how many months it was assessed; by priority.
    /// </summary>
    public async Task<List<ProblemHistory>> ProblemsAsync(int fromYear, int toYear, CancellationToken ct = default)
    {
        var sv = StringComparer.Create(Sv.Culture, false);
        var assessed = await (from pa in db.ProblemAssessments.AsNoTracking()
                              join l in db.Lagesbilder on pa.LagesbildId equals l.Id
                              join p in db.Problems on pa.ProblemId equals p.Id
                              join a in db.Areas on p.AreaId equals a.Id
                              where l.Year >= fromYear && l.Year <= toYear
                              select new
                              {
                                  pa.Id, pa.ProblemId, p.Title, Area = a.Name, l.Year, l.Month, pa.Art, pa.Omfattning, pa.Konsekvens, pa.Trend, pa.Priority,
                              }).ToListAsync(ct);
        var latest = assessed.GroupBy(a => a.ProblemId)
            .Select(g => (Months: g.Select(a => a.Year * 12 + a.Month).Distinct().Count(), Latest: g.OrderByDescending(a => a.Year).ThenByDescending(a => a.Month).First()))
            .ToList();
        var latestIds = latest.Select(l => l.Latest.Id).ToList();
        var causes = await db.ProblemCauses.AsNoTracking().Where(c => latestIds.Contains(c.AssessmentId))
            .Select(c => new { c.AssessmentId, c.Text, c.Kind, c.Evidence }).ToListAsync(ct);
        return latest
            .OrderBy(l => l.Latest.Priority).ThenByDescending(l => l.Months).ThenBy(l => l.Latest.Title, sv)
            .Select(l => new ProblemHistory(l.Latest.ProblemId, l.Latest.Title, l.Latest.Area, l.Months, Sv.MonthName(l.Latest.Year, l.Latest.Month),
                l.Latest.Art, l.Latest.Omfattning, l.Latest.Konsekvens, l.Latest.Trend, l.Latest.Priority,
                [.. causes.Where(c => c.AssessmentId == l.Latest.Id).Select(c => new SnapshotCause(c.Text, c.Kind, c.Evidence))]))
            .ToList();
    }
}

public sealed record FordjupadFigures(
    List<int> Years,
    List<string> YearLabels,
    YearRow IncidentTotal,
    List<YearRow> IncidentsByCategory,
    List<YearRow> IncidentsByArea,
    List<YearRow> ReportedCrimes,
    List<SurveyRow> Surveys,
    List<ProblemHistory> Problems,
    int FixedMonthlyLagesbilder);

/// <summary>A count per year, in the order of <see cref="FordjupadFigures.Years"/>.</summary>
/// <summary>A row of counts per year; null for a year without figures at all (nothing recorded or imported for it).</summary>
public sealed record YearRow(string Label, List<int?> Values, Guid? Id = null);

public sealed record SurveyRow(string Area, string Question, List<decimal?> Values);

/// <summary>A problem as the period's monthly lägesbilder assessed it: the latest assessment and in how many months.</summary>
public sealed record ProblemHistory(Guid Id, string Title, string Area, int Months, string LatestMonth, string Art, string Omfattning, string Konsekvens,
    Trend Trend, int Priority, List<SnapshotCause> Causes);

/// <summary>What approval freezes: the figures and the texts.</summary>
public sealed record FordjupadSnapshot(FordjupadFigures Figures, string Summary, string Development, string Causes, string Consequences, string Priorities)
{
    public string ToJson() => JsonSerializer.Serialize(this, FordjupadJson.Default.FordjupadSnapshot);

    public static FordjupadSnapshot? Read(string json) => json.Length == 0 ? null : JsonSerializer.Deserialize(json, FordjupadJson.Default.FordjupadSnapshot);
}

[JsonSerializable(typeof(FordjupadSnapshot))]
public sealed partial class FordjupadJson : JsonSerializerContext;
