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
    /// <param name="endedSince">Only meetings not over by then (an annual report is approved at a meeting after it was sent for review).</param>
    public static Task<List<DecisionMeeting>> HeldMeetingsAsync(this AppDbContext db, Guid groupId, DateTimeOffset now, int count, DateTimeOffset? endedSince = null) =>
        db.Meetings.AsNoTracking().Where(m => m.GroupId == groupId && !m.Cancelled && m.StartsAt <= now)
            .Where(m => endedSince == null || m.EndsAt >= endedSince)
            .OrderByDescending(m => m.StartsAt).Take(count).Select(m => new DecisionMeeting(m.Id, m.StartsAt)).ToListAsync();
}
