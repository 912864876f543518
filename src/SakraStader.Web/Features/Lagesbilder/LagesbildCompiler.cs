using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using SakraStader.Data;
using SakraStader.Domain;
using SakraStader.Features.Meetings;

namespace SakraStader.Features.Lagesbilder;

/// <summary>
/// Compiles a month's figures for the lägesbild: incidents per category and per area against the previous month and
/// the same month last year, the places with most reports, and reported crimes per category from the imported
/// statistics. Every count is a GROUP BY in the database over the three months only; nothing reads all incidents.
/// </summary>
public sealed class LagesbildCompiler(AppDbContext db)
{
    public async Task<LagesbildFigures> CompileAsync(int year, int month, CancellationToken ct = default)
    {
        var current = new DateOnly(year, month, 1);
        var previous = current.AddMonths(-1);
        var lastYear = current.AddYears(-1);
        var (c0, c1) = Bounds(current);
        var (p0, p1) = Bounds(previous);
        var (l0, l1) = Bounds(lastYear);

        // One row per (month, category, area): three index range scans on (KommunId, OccurredAt) joined by UNION ALL.
        // (One scan with the three ranges OR-ed together makes SQLite walk all of the kommun's incidents.)
        var counted = await MonthCells(c0, c1, 0).Concat(MonthCells(p0, p1, 1)).Concat(MonthCells(l0, l1, 2)).ToListAsync(ct);
        var cells = counted.GroupBy(c => (c.CategoryId, c.AreaId))
            .Select(g => new Cell(g.Key.CategoryId, g.Key.AreaId,
                g.Where(c => c.Slot == 0).Sum(c => c.Count), g.Where(c => c.Slot == 1).Sum(c => c.Count), g.Where(c => c.Slot == 2).Sum(c => c.Count)))
            .ToList();

        var places = await db.Incidents.AsNoTracking()
            .Where(i => i.OccurredAt >= c0 && i.OccurredAt < c1 && i.Place != "")
            .GroupBy(i => new { i.AreaId, i.Place })
            .Select(g => new { g.Key.AreaId, g.Key.Place, Count = g.Count() })
            .OrderByDescending(p => p.Count).ThenBy(p => p.Place)
            .Take(5)
            .Select(p => new PlaceCount(p.AreaId, p.Place, p.Count))
            .ToListAsync(ct);

        var crimes = await db.CrimeStatistics.AsNoTracking()
            .Where(s => (s.Year == current.Year && s.Month == current.Month) || (s.Year == previous.Year && s.Month == previous.Month)
                || (s.Year == lastYear.Year && s.Month == lastYear.Month))
            .GroupBy(s => s.Category)
            .Select(g => new StatCell(g.Key,
                g.Where(s => s.Year == current.Year && s.Month == current.Month).Sum(s => s.Count),
                g.Where(s => s.Year == previous.Year && s.Month == previous.Month).Sum(s => s.Count),
                g.Where(s => s.Year == lastYear.Year && s.Month == lastYear.Month).Sum(s => s.Count)))
            .ToListAsync(ct);

        var categories = await db.IncidentCategories.AsNoTracking().Select(c => new { c.Id, c.Name, c.Order, c.Hidden }).ToListAsync(ct);
        var areas = await db.Areas.AsNoTracking().Select(a => new { a.Id, a.Name, a.Archived }).ToListAsync(ct);
        var categoryName = categories.ToDictionary(c => c.Id, c => c.Name);
        var areaName = areas.ToDictionary(a => a.Id, a => a.Name);

        var byCategory = categories
            .Where(c => !c.Hidden || cells.Any(x => x.CategoryId == c.Id))
            .OrderBy(c => c.Order).ThenBy(c => c.Name, StringComparer.Create(Components.Ui.Sv.Culture, false))
            .Select(c => Sum(c.Name, cells.Where(x => x.CategoryId == c.Id)))
            .ToList();
        var byArea = areas
            .Where(a => !a.Archived || cells.Any(x => x.AreaId == a.Id))
            .OrderBy(a => a.Name, StringComparer.Create(Components.Ui.Sv.Culture, false))
            .Select(a => Sum(a.Name, cells.Where(x => x.AreaId == a.Id)))
            .ToList();

        return new LagesbildFigures(
            year, month,
            Sum("Totalt", cells),
            byCategory,
            byArea,
            [.. places.Select(p => new TopPlace(p.Place, areaName.GetValueOrDefault(p.AreaId, ""), p.Count))],
            [.. crimes.OrderByDescending(c => c.Current).ThenBy(c => c.Category).Select(c => new FigureRow(c.Category, c.Current, c.Previous, c.LastYear))]);
    }

    private IQueryable<SlotCount> MonthCells(DateTimeOffset start, DateTimeOffset end, int slot) =>
        db.Incidents.AsNoTracking()
            .Where(i => i.OccurredAt >= start && i.OccurredAt < end)
            .GroupBy(i => new { i.CategoryId, i.AreaId })
            .Select(g => new SlotCount { Slot = slot, CategoryId = g.Key.CategoryId, AreaId = g.Key.AreaId, Count = g.Count() });

    /// <summary>The month's bounds in Swedish local time, as instants.</summary>
    public static (DateTimeOffset From, DateTimeOffset To) Bounds(DateOnly month) =>
        (SwedishTime.At(month, TimeOnly.MinValue), SwedishTime.At(month.AddMonths(1), TimeOnly.MinValue));

    private static FigureRow Sum(string label, IEnumerable<Cell> cells)
    {
        int c = 0, p = 0, l = 0;
        foreach (var cell in cells)
        {
            c += cell.Current;
            p += cell.Previous;
            l += cell.LastYear;
        }
        return new FigureRow(label, c, p, l);
    }

    /// <summary>A member-initialised class, not a positional record: EF translates UNION ALL only over such projections.</summary>
    private sealed class SlotCount
    {
        public int Slot { get; init; }

        public Guid CategoryId { get; init; }

        public Guid AreaId { get; init; }

        public int Count { get; init; }
    }

    private sealed record Cell(Guid CategoryId, Guid AreaId, int Current, int Previous, int LastYear);

    private sealed record PlaceCount(Guid AreaId, string Place, int Count);

    private sealed record StatCell(string Category, int Current, int Previous, int LastYear);
}

/// <summary>The compiled figures of one month; frozen into the version when the lägesbild is fixed.</summary>
public sealed record LagesbildFigures(
    int Year,
    int Month,
    FigureRow Total,
    List<FigureRow> ByCategory,
    List<FigureRow> ByArea,
    List<TopPlace> TopPlaces,
    List<FigureRow> ReportedCrimes);

/// <summary>A count this month, the month before and the same month last year.</summary>
public sealed record FigureRow(string Label, int Current, int Previous, int LastYear)
{
    public int ChangeFromPrevious => Current - Previous;

    public int ChangeFromLastYear => Current - LastYear;
}

public sealed record TopPlace(string Place, string Area, int Count);

/// <summary>What a fixed version stores: the texts, the assessments and the figures, as they were.</summary>
public sealed record LagesbildSnapshot(
    string Summary,
    string Prognosis,
    List<SnapshotSection> Sections,
    List<SnapshotAssessment> Assessments,
    LagesbildFigures Figures)
{
    public string ToJson() => JsonSerializer.Serialize(this, LagesbildJson.Default.LagesbildSnapshot);

    public static LagesbildSnapshot? Read(string json) => JsonSerializer.Deserialize(json, LagesbildJson.Default.LagesbildSnapshot);
}

public sealed record SnapshotSection(string Organisation, string Text, string UpdatedBy);

public sealed record SnapshotAssessment(string Problem, string Area, string Art, string Omfattning, string Konsekvens, Trend Trend, int Priority,
    List<SnapshotCause> Causes);

public sealed record SnapshotCause(string Text, CauseKind Kind, string Evidence);

[JsonSerializable(typeof(LagesbildSnapshot))]
public sealed partial class LagesbildJson : JsonSerializerContext;
