using Microsoft.EntityFrameworkCore;
using SakraStader.Data;

namespace SakraStader.Features.Meetings;

/// <summary>A held meeting a group's decision can be recorded at.</summary>
public sealed record DecisionMeeting(Guid Id, DateTimeOffset StartsAt);

public static class DecisionMeetings
{
    /// <summary>
    /// The group's meetings that have taken place and were not cancelled, newest first: the choices when a plan is
    /// decided or a lägesbild or report is approved (<see cref="Domain.Meeting.EnsureDecisionBy"/> checks the same).
    /// </summary>
    public static Task<List<DecisionMeeting>> HeldMeetingsAsync(this AppDbContext db, Guid groupId, DateTimeOffset now, int count) =>
        db.Meetings.AsNoTracking().Where(m => m.GroupId == groupId && !m.Cancelled && m.StartsAt <= now)
            .OrderByDescending(m => m.StartsAt).Take(count).Select(m => new DecisionMeeting(m.Id, m.StartsAt)).ToListAsync();
}
