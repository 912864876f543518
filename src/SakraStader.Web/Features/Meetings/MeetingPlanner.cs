using Microsoft.EntityFrameworkCore;
using SakraStader.Data;
using SakraStader.Domain;

namespace SakraStader.Features.Meetings;

/// <summary>Creates a group's meeting plan for a year from its cadence; dates already planned are kept as they are.</summary>
public sealed class MeetingPlanner(AppDbContext db)
{
    public static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    public static readonly TimeOnly DefaultStart = new(9, 0);
    public static readonly TimeOnly DefaultEnd = new(11, 0);

    public static DateTimeOffset At(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time);
        return new DateTimeOffset(local, Stockholm.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>The year in Swedish time as an instant range [from, to).</summary>
    public static (DateTimeOffset From, DateTimeOffset To) YearBounds(int year) =>
        (At(new DateOnly(year, 1, 1), TimeOnly.MinValue), At(new DateOnly(year + 1, 1, 1), TimeOnly.MinValue));

    public static DateOnly LocalDate(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Stockholm).DateTime);

    /// <summary>Adds the year's meetings the cadence gives and the group does not have yet. Returns how many were added.</summary>
    public async Task<int> PlanYearAsync(Group group, int year, string location, CancellationToken ct = default)
    {
        var dates = group.Rule.DatesIn(year, group.MeetingDay);
        if (dates.Count == 0)
        {
            throw new DomainException("Gruppen träffas efter behov. Lägg till mötena ett och ett, eller ange hur ofta gruppen träffas.");
        }
        var (from, to) = YearBounds(year);
        var existing = (await db.Meetings.AsNoTracking()
                .Where(m => m.GroupId == group.Id && m.StartsAt >= from && m.StartsAt < to)
                .Select(m => m.StartsAt).ToListAsync(ct))
            .Select(LocalDate).ToHashSet();
        var added = 0;
        foreach (var date in dates.Where(d => !existing.Contains(d)))
        {
            db.Meetings.Add(new Meeting(group.Id, At(date, DefaultStart), At(date, DefaultEnd), location, null));
            added++;
        }
        await db.SaveChangesAsync(ct);
        return added;
    }
}
