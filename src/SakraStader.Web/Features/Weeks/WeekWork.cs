using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SakraStader.Data;
using SakraStader.Domain;
using SakraStader.Features.Commands;
using SakraStader.Infrastructure;
using SakraStader.Tenancy;

namespace SakraStader.Features.Weeks;

/// <summary>
/// The week page's read and its one command. The week (its texts, its figures, its meetings) is read as a record and
/// kept until the kommun's records change; each of the three texts is written on its own, over the text the user
/// started from, so that two people can write one each and nobody overwrites a text they have not seen.
/// </summary>
public sealed class WeekWork(AppDbContext db, KommunCache kept, TenantContext tenant, TimeProvider time)
{
    public const string ChangedMeanwhile = "Någon annan har ändrat texten sedan du började skriva. Din text finns kvar i fältet; den sparade står under. Spara igen om din ska gälla.";

    /// <summary>True for a week that exists in the calendar (ISO 8601) within the years the app knows.</summary>
    public static bool Exists(int year, int week) => year is >= 2000 and <= 2100 && week >= 1 && week <= ISOWeek.GetWeeksInYear(year);

    public async Task<WeekPageModel?> ReadAsync(int year, int week, CancellationToken ct = default)
    {
        if (!Exists(year, week))
        {
            return null;
        }
        var data = await kept.GetOrCompileAsync("week-record", (year, week), () => KeepAsync(year, week, ct), ct);
        var monday = DateOnly.FromDateTime(ISOWeek.ToDateTime(year, week, DayOfWeek.Monday));
        var end = SwedishTime.At(monday.AddDays(7), TimeOnly.MinValue);
        return new WeekPageModel(year, week, monday, time.Today(), data.Texts, data.ByCategory, data.Current, data.Previous, data.Incidents,
            [.. data.Meetings.Where(m => m.StartsAt < end)], [.. data.Meetings.Where(m => m.StartsAt >= end && !m.Cancelled)],
            tenant.Has(Role.Medlem));
    }

    private async Task<KeptWeek> KeepAsync(int year, int week, CancellationToken ct)
    {
        var monday = DateOnly.FromDateTime(ISOWeek.ToDateTime(year, week, DayOfWeek.Monday));
        var summary = await db.WeeklySummaries.AsNoTracking().Where(s => s.Year == year && s.Week == week)
            .Select(s => new WeekTexts(s.Happened, s.Doing, s.Expected, s.UpdatedBy, s.UpdatedAt)).FirstOrDefaultAsync(ct);
        var start = SwedishTime.At(monday, TimeOnly.MinValue);
        var end = SwedishTime.At(monday.AddDays(7), TimeOnly.MinValue);
        var before = SwedishTime.At(monday.AddDays(-7), TimeOnly.MinValue);

        // Each category with its counts in one command: a range on the (KommunId, OccurredAt, CategoryId) index each.
        var counts = await db.IncidentCategories.AsNoTracking()
            .Select(c => new
            {
                c.Name,
                c.Order,
                Current = db.Incidents.Count(i => i.CategoryId == c.Id && i.OccurredAt >= start && i.OccurredAt < end),
                Previous = db.Incidents.Count(i => i.CategoryId == c.Id && i.OccurredAt >= before && i.OccurredAt < start),
            })
            .ToListAsync(ct);
        List<WeekRow> byCategory = [.. counts.Where(c => c.Current + c.Previous > 0)
            .OrderByDescending(c => c.Current).ThenBy(c => c.Order).Select(c => new WeekRow(c.Name, c.Current, c.Previous))];

        var incidents = await (from i in db.Incidents.AsNoTracking()
                               join c in db.IncidentCategories on i.CategoryId equals c.Id
                               join a in db.Areas on i.AreaId equals a.Id
                               where i.OccurredAt >= start && i.OccurredAt < end
                               orderby i.OccurredAt descending
                               select new WeekIncident(i.OccurredAt, c.Name, a.Name, i.Place, i.Description)).Take(10).ToListAsync(ct);

        var after = SwedishTime.At(monday.AddDays(14), TimeOnly.MinValue);
        var meetings = await (from m in db.Meetings.AsNoTracking()
                              join g in db.Groups on m.GroupId equals g.Id
                              where m.StartsAt >= start && m.StartsAt < after
                              orderby m.StartsAt
                              select new WeekMeeting(m.Id, g.Name, m.StartsAt, m.Cancelled)).ToListAsync(ct);
        return new KeptWeek(summary ?? WeekTexts.None, byCategory, counts.Sum(c => c.Current), counts.Sum(c => c.Previous), incidents, meetings);
    }

    private sealed record KeptWeek(WeekTexts Texts, IReadOnlyList<WeekRow> ByCategory, int Current, int Previous,
        IReadOnlyList<WeekIncident> Incidents, IReadOnlyList<WeekMeeting> Meetings);

    /// <summary>One of the week's three texts, written over the text the user started from.</summary>
    public async Task<WeekTexts> WriteAsync(int year, int week, WeekField field, string text, string seen, CancellationToken ct = default)
    {
        if (!Exists(year, week))
        {
            throw new DomainException("Veckan finns inte.");
        }
        var summary = await db.WeeklySummaries.FirstOrDefaultAsync(s => s.Year == year && s.Week == week, ct);
        if (summary is null)
        {
            summary = new WeeklySummary(year, week);
            db.WeeklySummaries.Add(summary);
        }
        var current = field switch { WeekField.Happened => summary.Happened, WeekField.Doing => summary.Doing, _ => summary.Expected };
        if (!string.Equals(Normalise(current), Normalise(seen), StringComparison.Ordinal))
        {
            throw new ConflictException(ChangedMeanwhile, field.ToString(), current);
        }
        summary.Write(
            field == WeekField.Happened ? text : summary.Happened,
            field == WeekField.Doing ? text : summary.Doing,
            field == WeekField.Expected ? text : summary.Expected,
            tenant.DisplayName, time.GetUtcNow());
        return new WeekTexts(summary.Happened, summary.Doing, summary.Expected, summary.UpdatedBy, summary.UpdatedAt);
    }

    private static string Normalise(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
}

/// <summary>Vad har hänt? Vad görs? Vad förväntas?</summary>
public enum WeekField
{
    Happened,
    Doing,
    Expected,
}

public sealed record WeekTexts(string Happened, string Doing, string Expected, string UpdatedBy, DateTimeOffset? UpdatedAt)
{
    public static WeekTexts None { get; } = new("", "", "", "", null);

    public string Of(WeekField field) => field switch { WeekField.Happened => Happened, WeekField.Doing => Doing, _ => Expected };
}

public sealed record WeekRow(string Label, int Current, int Previous);

public sealed record WeekIncident(DateTimeOffset OccurredAt, string Category, string Area, string Place, string Description);

public sealed record WeekMeeting(Guid Id, string Group, DateTimeOffset StartsAt, bool Cancelled);

/// <summary>A week as shown to one user.</summary>
public sealed record WeekPageModel(int Year, int Week, DateOnly Monday, DateOnly Today, WeekTexts Texts, IReadOnlyList<WeekRow> ByCategory,
    int Current, int Previous, IReadOnlyList<WeekIncident> Incidents, IReadOnlyList<WeekMeeting> MeetingsThisWeek,
    IReadOnlyList<WeekMeeting> MeetingsNextWeek, bool CanWrite);
