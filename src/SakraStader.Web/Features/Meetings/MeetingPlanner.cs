using Microsoft.EntityFrameworkCore;
using SakraStader.Data;
using SakraStader.Domain;

namespace SakraStader.Features.Meetings;

/// <summary>Creates a group's meeting plan for a year from its cadence; dates already planned are kept as they are.</summary>
public sealed class MeetingPlanner(AppDbContext db, TimeProvider time)
{
    public static readonly TimeOnly DefaultStart = new(9, 0);
    public static readonly TimeOnly DefaultEnd = new(11, 0);


    /// <summary>Adds the year's meetings the cadence gives and the group does not have yet. Returns how many were added.</summary>
    public async Task<int> PlanYearAsync(Group group, int year, string location, CancellationToken ct = default)
    {
        var thisYear = time.Today().Year;
        if (year < thisYear - 1 || year > thisYear + 5)
        {
            throw new DomainException($"Möten kan planeras för åren {thisYear - 1}–{thisYear + 5}.", "Year");
        }
        var dates = group.Rule.DatesIn(year, group.MeetingDay);
        if (dates.Count == 0)
        {
            throw new DomainException("Gruppen träffas efter behov. Lägg till mötena ett och ett, eller ange hur ofta gruppen träffas.");
        }
        var (from, to) = SwedishTime.YearBounds(year);
        var existing = (await db.Meetings.AsNoTracking()
                .Where(m => m.GroupId == group.Id && m.StartsAt >= from && m.StartsAt < to)
                .Select(m => m.StartsAt).ToListAsync(ct))
            .Select(SwedishTime.DateOf).ToHashSet();
        var added = 0;
        foreach (var date in dates.Where(d => !existing.Contains(d)))
        {
            db.Meetings.Add(new Meeting(group.Id, SwedishTime.At(date, DefaultStart), SwedishTime.At(date, DefaultEnd), location, null));
            added++;
        }
        await db.SaveChangesAsync(ct);
        return added;
    }
}
