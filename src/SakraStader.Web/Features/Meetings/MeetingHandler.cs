using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using SakraStader.Data;
using SakraStader.Domain;
using SakraStader.Features.Groups;

namespace SakraStader.Features.Meetings;

/// <summary>Loads a meeting with everything on its page, and approves its minutes (the caller saves).</summary>
public sealed class MeetingHandler(AppDbContext db, TimeProvider time)
{
    /// <summary>
    /// The meeting through the tenant filter, with agenda, attendance, follow-ups and approved versions, in one
    /// round trip: a meeting's lists are short (a handful of items, members and versions each).
    /// </summary>
    public Task<Meeting?> LoadAsync(Guid id) => MeetingById(db, id);

    /// <summary>The same, read-only: for showing the page, where nothing will be saved.</summary>
    /// <remarks>
    /// The tenant condition is written on the meeting itself instead of coming from the query filter, which would
    /// repeat it as a sub-select for each of the four collections: SQLite then spends a third of the page's time
    /// preparing the statement. The collections' rows are the meeting's own and carry its kommun (SaveChanges stamps
    /// and checks every row), so filtering the meeting is enough. The kommun is a parameter of each call: a compiled
    /// query must not read it from the context.
    /// </remarks>
    public Task<Meeting?> ReadAsync(Guid id) => MeetingByIdReadOnly(db, db.CurrentKommunId, id);

    private static readonly Func<AppDbContext, Guid?, Guid, Task<Meeting?>> MeetingByIdReadOnly = EF.CompileAsyncQuery((AppDbContext db, Guid? kommunId, Guid id) =>
        db.Meetings.AsNoTracking().IgnoreQueryFilters(new[] { AppDbContext.TenantFilter })
            .Where(m => kommunId != null && m.KommunId == kommunId)
            .Include(m => m.Agenda).Include(m => m.Attendance).Include(m => m.FollowUps).Include(m => m.Versions)
            .AsSingleQuery()
            .FirstOrDefault(m => m.Id == id));

    private static readonly Func<AppDbContext, Guid, Task<Meeting?>> MeetingById = EF.CompileAsyncQuery((AppDbContext db, Guid id) =>
        db.Meetings
            .Include(m => m.Agenda).Include(m => m.Attendance).Include(m => m.FollowUps).Include(m => m.Versions)
            .AsSingleQuery()
            .FirstOrDefault(m => m.Id == id));

    public async Task ApproveAsync(Meeting meeting, GroupRights rights, CancellationToken ct = default)
    {
        var approver = rights.MemberId is { } memberId
            ? await db.GroupMembers.AsNoTracking().FirstOrDefaultAsync(m => m.Id == memberId, ct)
            : null;
        if (approver is null)
        {
            throw new DomainException("Bara gruppens ordförande kan justera protokollet.");
        }
        // The command path (Operations) saves, with the audit, in one transaction.
        meeting.ApproveMinutes(approver, time.GetUtcNow(), Snapshot(meeting));
    }

    public static string Snapshot(Meeting meeting) => JsonSerializer.Serialize(new MinutesContent(
        [.. meeting.Agenda.OrderBy(a => a.Order).Select(a => new MinutesItem(a.Order, a.Title, a.Minutes, a.Decision))],
        [.. meeting.Attendance.OrderBy(a => a.Name).Select(a => new MinutesAttendance(a.Name, a.Status, a.SubstituteName))],
        [.. meeting.FollowUps.Select(f => new MinutesFollowUp(f.Text, f.Owner, f.Due))]), MinutesJson.Default.MinutesContent);

    public static MinutesContent Read(string json)
    {
        var content = JsonSerializer.Deserialize(json, MinutesJson.Default.MinutesContent);
        return new MinutesContent(content?.Items ?? [], content?.Attendance ?? [], content?.FollowUps ?? []);
    }
}

public sealed record MinutesContent(List<MinutesItem> Items, List<MinutesAttendance> Attendance, List<MinutesFollowUp> FollowUps);

public sealed record MinutesItem(int Order, string Title, string Minutes, string Decision);

public sealed record MinutesAttendance(string Name, AttendanceStatus Status, string? Substitute);

public sealed record MinutesFollowUp(string Text, string Owner, DateOnly? Due);

[JsonSerializable(typeof(MinutesContent))]
public sealed partial class MinutesJson : JsonSerializerContext;
