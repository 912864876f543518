using Microsoft.EntityFrameworkCore;
using SakraStader.Components.Lists;
using SakraStader.Components.Ui;
using SakraStader.Data;
using SakraStader.Domain;
using SakraStader.Features.Commands;
using SakraStader.Features.Groups;
using SakraStader.Infrastructure;
using SakraStader.Tenancy;

namespace SakraStader.Features.Meetings;

/// <summary>
/// The meeting page's reads and commands. Reads return records (<see cref="MeetingPageModel"/>); commands load the
/// meeting through the tenant filter, check that it belongs to the group whose right the command path checked, that
/// the user saw the stored text or version, and apply the model's rules. <see cref="Operations"/> saves, with the
/// audit, in one transaction.
/// </summary>
public sealed class MeetingWork(AppDbContext db, MeetingHandler meetings, KommunCache kept, GroupAccess access, TimeProvider time)
{
    public const string ChangedMeanwhile = "Någon annan har ändrat texten sedan du började skriva. Din text finns kvar i fältet; den sparade står under. Spara igen om din ska gälla.";

    public const string ApprovedChangedMeanwhile = "Protokollet har ändrats sedan du läste det. Läs igenom ändringarna och justera sedan.";

    public async Task<MeetingPageModel?> ReadAsync(Guid id, CancellationToken ct = default)
    {
        // What every reader sees is kept as a record until the kommun's records change (every change is audited);
        // what this user may do, and whether the meeting has been held, is worked out per read.
        var m = await kept.GetOrCompileAsync("meeting-record", id, () => KeepAsync(id, ct), ct);
        if (m is null)
        {
            return null;
        }
        var rights = await access.ForAsync(m.GroupId, ct);
        return new MeetingPageModel(m.Id, m.GroupId, m.GroupName, m.StartsAt, m.EndsAt, m.Location, m.Link, m.Cancelled,
            !m.Cancelled && m.StartsAt <= time.GetUtcNow(), m.MinutesApproved, m.Version, m.PendingCorrectionReason, m.Justering,
            m.Agenda, m.Members, m.Attendance, m.FollowUps, m.Versions, rights, m.OtherAttendees);
    }

    private async Task<KeptMeeting?> KeepAsync(Guid id, CancellationToken ct)
    {
        var meeting = await meetings.ReadAsync(id);
        if (meeting is null)
        {
            return null;
        }
        var groupName = await db.Groups.AsNoTracking().Where(g => g.Id == meeting.GroupId).Select(g => g.Name).FirstOrDefaultAsync(ct) ?? "";
        var members = await db.GroupMembers.AsNoTracking().Where(gm => gm.GroupId == meeting.GroupId).OrderBy(gm => gm.Name)
            .Select(gm => new MemberInfo(gm.Id, gm.Name, gm.Organisation, gm.IsChair, gm.UserId != null)).ToListAsync(ct);
        return new KeptMeeting(meeting.Id, meeting.GroupId, groupName, meeting.StartsAt, meeting.EndsAt, meeting.Location, meeting.Link,
            meeting.Cancelled, meeting.MinutesApproved, meeting.Version, meeting.PendingCorrectionReason,
            new Justering(meeting.JusterareMemberId, meeting.ChairJusteradBy, meeting.JusterareJusteradBy),
            [.. meeting.Agenda.OrderBy(a => a.Order).Select(a => new AgendaItemInfo(a.Id, a.Order, a.Title, a.Minutes, a.Decision))],
            members,
            [.. meeting.Attendance.OrderBy(a => a.Name, Sv.Comparer).Select(a => new AttendanceInfo(a.GroupMemberId, a.Name, a.Status, a.SubstituteName))],
            [.. meeting.FollowUps.Select(f => new FollowUpInfo(f.Text, f.Owner, f.Due))],
            [.. meeting.Versions.OrderByDescending(v => v.Number).Select(v => new MinutesVersionInfo(v.Number, v.ApprovedAt, v.ApprovedBy, v.CorrectionReason,
                MeetingHandler.Read(v.Content).Items))],
            meeting.OtherAttendees);
    }

    private sealed record KeptMeeting(Guid Id, Guid GroupId, string GroupName, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Location,
        string? Link, bool Cancelled, bool MinutesApproved, Guid Version, string? PendingCorrectionReason, Justering Justering, IReadOnlyList<AgendaItemInfo> Agenda,
        IReadOnlyList<MemberInfo> Members, IReadOnlyList<AttendanceInfo> Attendance, IReadOnlyList<FollowUpInfo> FollowUps,
        IReadOnlyList<MinutesVersionInfo> Versions, string OtherAttendees);

    /// <summary>The form for a new meeting of a group, or for moving a meeting; null when neither exists here.</summary>
    public async Task<MeetingFormModel?> ReadFormAsync(Guid? id, Guid? groupId, CancellationToken ct = default)
    {
        var input = new MeetingInput();
        if (id is { } meetingId)
        {
            var meeting = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == meetingId, ct);
            if (meeting is null)
            {
                return null;
            }
            groupId = meeting.GroupId;
            input = MeetingInput.From(meeting);
        }
        var group = groupId is { } gid ? await db.Groups.AsNoTracking().Where(g => g.Id == gid).Select(g => new { g.Id, g.Name }).FirstOrDefaultAsync(ct) : null;
        if (group is null)
        {
            return null;
        }
        return new MeetingFormModel(group.Id, group.Name, id, input, (await access.ForAsync(group.Id, ct)).CanEdit);
    }

    /// <summary>A new meeting of the group. Returns its id.</summary>
    public async Task<Guid> CreateAsync(Guid groupId, MeetingInput input, CancellationToken ct = default)
    {
        if (!await db.Groups.AnyAsync(g => g.Id == groupId, ct))
        {
            throw new DomainException("Gruppen finns inte.");
        }
        var (start, end) = input.Times();
        return db.Meetings.Add(new Meeting(groupId, start, end, input.Location, input.Link)).Entity.Id;
    }

    /// <summary>New time and place, over the version the user opened the form with.</summary>
    public async Task<IVersioned> RescheduleAsync(Guid id, Guid groupId, MeetingInput input, CancellationToken ct = default)
    {
        var meeting = await LoadAsync(id, groupId, ct);
        var (start, end) = input.Times();
        if (meeting.Version != input.Version)
        {
            throw new ConflictException("Någon annan har ändrat mötet medan du hade sidan öppen. Dina uppgifter finns kvar i formuläret; spara igen om de ska ersätta den andra ändringen.",
                null, Describe(meeting));
        }
        meeting.Reschedule(start, end, input.Location, input.Link);
        return meeting;
    }

    public async Task<IVersioned> CancelAsync(Guid id, Guid groupId, CancellationToken ct = default)
    {
        var meeting = await LoadAsync(id, groupId, ct);
        if (meeting.Cancelled)
        {
            throw new DomainException("Mötet är redan inställt.");
        }
        meeting.Cancel();
        return meeting;
    }

    public async Task<IVersioned> AddAgendaItemAsync(Guid id, Guid groupId, string title, CancellationToken ct = default)
    {
        var meeting = await LoadAsync(id, groupId, ct);
        meeting.AddAgendaItem(title);
        return meeting;
    }

    /// <summary>One agenda item's minutes or decision, written over the text the user started from.</summary>
    public async Task<IVersioned> WriteItemAsync(Guid id, Guid groupId, Guid itemId, MinutesField field, string text, string seen, CancellationToken ct = default)
    {
        var meeting = await LoadAsync(id, groupId, ct);
        var item = meeting.Agenda.FirstOrDefault(a => a.Id == itemId) ?? throw new DomainException("Punkten finns inte på dagordningen.");
        var current = field == MinutesField.Minutes ? item.Minutes : item.Decision;
        if (!string.Equals(Normalise(current), Normalise(seen), StringComparison.Ordinal))
        {
            throw new ConflictException(ChangedMeanwhile, field.ToString(), current);
        }
        meeting.RecordMinutes(itemId, field == MinutesField.Minutes ? text : item.Minutes, field == MinutesField.Decision ? text : item.Decision);
        return meeting;
    }

    /// <summary>
    /// Attendance of the group's members, and who else was there (<paramref name="others"/>; null leaves it as it is);
    /// nothing is saved while a row is wrong (the field names the row).
    /// </summary>
    public async Task<IVersioned> RecordAttendanceAsync(Guid id, Guid groupId, IReadOnlyList<AttendanceInput> rows, string? others, CancellationToken ct = default)
    {
        var meeting = await LoadAsync(id, groupId, ct);
        var members = await db.GroupMembers.AsNoTracking().Where(gm => gm.GroupId == groupId).Select(gm => new { gm.Id, gm.Name }).ToListAsync(ct);
        foreach (var row in rows)
        {
            var member = members.FirstOrDefault(gm => gm.Id == row.MemberId);
            if (member is null || row.Status is null)
            {
                continue;
            }
            try
            {
                meeting.RecordAttendance(member.Id, member.Name, row.Status.Value, row.Substitute);
            }
            catch (DomainException e)
            {
                throw new DomainException(e.Message, AttendanceInput.FieldOf(member.Id));
            }
        }
        if (others is not null)
        {
            meeting.RecordOtherAttendees(others);
        }
        return meeting;
    }

    public async Task<IVersioned> AddFollowUpAsync(Guid id, Guid groupId, FollowUpInput input, CancellationToken ct = default)
    {
        var meeting = await LoadAsync(id, groupId, ct);
        meeting.AddFollowUp(input.Text, input.Owner, input.Due is { } due ? DateOnly.FromDateTime(due) : null);
        return meeting;
    }

    /// <summary>The chair justerar what they have read: minutes changed since are refused.</summary>
    public async Task<IVersioned> ApproveAsync(Guid id, Guid groupId, Guid seenVersion, CancellationToken ct = default)
    {
        var meeting = await LoadAsync(id, groupId, ct);
        if (meeting.Version != seenVersion)
        {
            throw new ConflictException(ApprovedChangedMeanwhile, null, null);
        }
        await meetings.ApproveAsync(meeting, await access.ForAsync(groupId, ct), ct);
        return meeting;
    }

    /// <summary>Chooses the second justerare (null: none) among the group's members with an account.</summary>
    public async Task<IVersioned> ChooseJusterareAsync(Guid id, Guid groupId, Guid? memberId, CancellationToken ct = default)
    {
        var meeting = await LoadAsync(id, groupId, ct);
        var member = memberId is { } m
            ? await db.GroupMembers.AsNoTracking().FirstOrDefaultAsync(g => g.Id == m, ct)
                ?? throw new DomainException("Välj en av gruppens medlemmar.", nameof(Meeting.JusterareMemberId))
            : null;
        meeting.ChooseJusterare(member);
        return meeting;
    }

    public async Task<IVersioned> StartCorrectionAsync(Guid id, Guid groupId, string reason, CancellationToken ct = default)
    {
        var meeting = await LoadAsync(id, groupId, ct);
        meeting.StartCorrection(reason);
        return meeting;
    }

    /// <summary>The meetings list: the view from the address (search, sort, page) and the filters, in the database.</summary>
    public async Task<MeetingListModel> ListAsync(MeetingListFilter filter, ListView view, Guid userId, bool withYear, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var rows = from m in db.Meetings.AsNoTracking()
                   join g in db.Groups on m.GroupId equals g.Id
                   select new MeetingListRow
                   {
                       Id = m.Id,
                       StartsAt = m.StartsAt,
                       EndsAt = m.EndsAt,
                       GroupId = g.Id,
                       GroupName = g.Name,
                       Location = m.Location,
                       Cancelled = m.Cancelled,
                       MinutesApproved = m.MinutesApproved,
                       Mine = db.GroupMembers.Any(gm => gm.GroupId == g.Id && gm.UserId == userId),
                   };
        rows = filter.Show switch
        {
            MeetingShow.Tidigare => rows.Where(r => r.StartsAt < now),
            MeetingShow.EjJusterade => rows.Where(r => r.StartsAt <= now && !r.Cancelled && !r.MinutesApproved),
            MeetingShow.Alla => rows,
            _ => rows.Where(r => r.StartsAt >= now),
        };
        if (filter.GroupId is { } groupId)
        {
            rows = rows.Where(r => r.GroupId == groupId);
        }
        if (filter.MineOnly)
        {
            rows = rows.Where(r => r.Mine);
        }
        var page = await rows.Matching(view, r => r.GroupName, r => r.Location)
            .SortedBy(view, SortKeys, "datum", filter.Show != MeetingShow.Kommande, r => r.Id)
            .PageAsync(view, ct: ct);
        var groups = await kept.GetOrCompileAsync("meeting-groups", "", async () =>
            (IReadOnlyList<GroupOption>)[.. (await db.Groups.AsNoTracking().Select(g => new GroupOption(g.Id, g.Name)).ToListAsync(ct)).OrderBy(g => g.Name, Sv.Comparer)], ct);
        var year = SwedishTime.DateOf(now).Year;
        IReadOnlyList<MeetingYearRow> stats = [];
        if (withYear)
        {
            var (from, to) = SwedishTime.YearBounds(year);
            var counts = await YearPerGroup(db, from, to, now).ToListAsync(ct);
            stats = [.. counts.OrderBy(r => r.Kind).ThenBy(r => r.Name, Sv.Comparer)
                .Select(r => new MeetingYearRow(r.GroupId, r.Name, r.Planned, r.Held, r.Cancelled, r.Unapproved))];
        }
        return new MeetingListModel(
            new PageOf<MeetingRow>([.. page.Items.Select(r => new MeetingRow(r.Id, r.StartsAt, r.EndsAt, r.GroupId, r.GroupName, r.Location,
                r.Cancelled, !r.Cancelled && r.StartsAt <= now, r.MinutesApproved, r.Mine))], page.Page, page.HasNext),
            groups, year, stats);
    }

    private static readonly SortKey<MeetingListRow>[] SortKeys =
    [
        new("datum", r => r.StartsAt),
        new("grupp", r => r.GroupName),
        new("plats", r => r.Location),
    ];

    /// <summary>A row as the database sorts and searches it (a class with setters: EF composes over its members).</summary>
    private sealed class MeetingListRow
    {
        public Guid Id { get; init; }
        public DateTimeOffset StartsAt { get; init; }
        public DateTimeOffset EndsAt { get; init; }
        public Guid GroupId { get; init; }
        public string GroupName { get; init; } = "";
        public string Location { get; init; } = "";
        public bool Cancelled { get; init; }
        public bool MinutesApproved { get; init; }
        public bool Mine { get; init; }
    }

    // One row per group with its counts for the year (groups without meetings this year give zeros): the year's meetings are
    // counted in one GROUP BY and joined to the groups.
    private static readonly Func<AppDbContext, DateTimeOffset, DateTimeOffset, DateTimeOffset, IAsyncEnumerable<YearCounts>> YearPerGroup =
        EF.CompileAsyncQuery((AppDbContext db, DateTimeOffset start, DateTimeOffset end, DateTimeOffset now) =>
            from g in db.Groups.AsNoTracking()
            join c in
                from m in db.Meetings
                where m.StartsAt >= start && m.StartsAt < end
                group m by m.GroupId into y
                select new
                {
                    GroupId = y.Key,
                    Planned = y.Count(m => !m.Cancelled),
                    Held = y.Count(m => !m.Cancelled && m.StartsAt <= now),
                    Cancelled = y.Count(m => m.Cancelled),
                    Unapproved = y.Count(m => !m.Cancelled && m.StartsAt <= now && !m.MinutesApproved),
                }
                on g.Id equals c.GroupId into counts
            from c in counts.DefaultIfEmpty()
            // A group without meetings this year has no row in the GROUP BY: its counts come back as NULL, which EF
            // cannot read into an int ("c == null ? 0 : …" does not guard that), so they are read as int? and made 0.
            select new YearCounts(g.Id, g.Name, g.Kind,
                (int?)c!.Planned ?? 0, (int?)c!.Held ?? 0, (int?)c!.Cancelled ?? 0, (int?)c!.Unapproved ?? 0));

    private sealed record YearCounts(Guid GroupId, string Name, GroupKind Kind, int Planned, int Held, int Cancelled, int Unapproved);

    private async Task<Meeting> LoadAsync(Guid id, Guid groupId, CancellationToken ct)
    {
        var meeting = await meetings.LoadAsync(id) ?? throw new DomainException("Mötet finns inte.");
        // The command path checked the user's right in groupId; the meeting must be that group's.
        if (meeting.GroupId != groupId)
        {
            throw new ForbiddenException();
        }
        return meeting;
    }

    /// <summary>The stored time and place, in words, to show beside the user's own.</summary>
    public static string Describe(Meeting m) =>
        $"{Sv.Date(m.StartsAt)} kl. {Sv.Time(m.StartsAt)}–{Sv.Time(m.EndsAt)}"
        + (m.Location.Length > 0 ? $", {m.Location}" : "")
        + (m.Cancelled ? " (inställt)" : "");

    private static string Normalise(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
}

public enum MinutesField
{
    Minutes,
    Decision,
}


/// <summary>The meeting page as shown to one user: what it says and what they may do.</summary>
public sealed record MeetingPageModel(Guid Id, Guid GroupId, string GroupName, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Location,
    string? Link, bool Cancelled, bool Held, bool MinutesApproved, Guid Version, string? PendingCorrectionReason, Justering Justering,
    IReadOnlyList<AgendaItemInfo> Agenda, IReadOnlyList<MemberInfo> Members, IReadOnlyList<AttendanceInfo> Attendance,
    IReadOnlyList<FollowUpInfo> FollowUps, IReadOnlyList<MinutesVersionInfo> Versions, GroupRights Rights, string OtherAttendees = "")
{
    /// <summary>The minutes can be written: by the group's members and the samordnare, until they are justerade.</summary>
    public bool Editable => Rights.CanEdit && !MinutesApproved;

    /// <summary>
    /// The group's members whose attendance is not noted: the justerade protokoll names only those whose attendance
    /// is, so justering asks about them first.
    /// </summary>
    public IReadOnlyList<MemberInfo> AttendanceNotNoted => [.. Members.Where(m => Attendance.All(a => a.MemberId != m.Id))];

    /// <summary>The chosen second justerare, if any.</summary>
    public MemberInfo? Justerare => Members.FirstOrDefault(m => m.Id == Justering.JusterareMemberId);

    /// <summary>The signed-in user is to justera now: the chair or the chosen justerare, the meeting held, not yet done by them.</summary>
    public bool WaitsForMe => Held && !MinutesApproved
        && ((Rights.IsChair && Justering.ChairJusteradBy is null)
            || (Rights.MemberId is { } me && me == Justering.JusterareMemberId && Justering.JusterareJusteradBy is null));
}

/// <summary>Who justerar besides the chair, and who of them has while the other has not yet.</summary>
public sealed record Justering(Guid? JusterareMemberId, string? ChairJusteradBy, string? JusterareJusteradBy);

public sealed record AgendaItemInfo(Guid Id, int Order, string Title, string Minutes, string Decision);

public sealed record MemberInfo(Guid Id, string Name, string Organisation, bool IsChair = false, bool HasAccount = false);

public sealed record AttendanceInfo(Guid MemberId, string Name, AttendanceStatus Status, string? Substitute);

public sealed record FollowUpInfo(string Text, string Owner, DateOnly? Due);

public sealed record MinutesVersionInfo(int Number, DateTimeOffset ApprovedAt, string ApprovedBy, string? CorrectionReason, IReadOnlyList<MinutesItem> Items);

public sealed record MeetingFormModel(Guid GroupId, string GroupName, Guid? MeetingId, MeetingInput Input, bool CanEdit);

public sealed record GroupOption(Guid Id, string Name);

public sealed record MeetingRow(Guid Id, DateTimeOffset StartsAt, DateTimeOffset EndsAt, Guid GroupId, string GroupName, string Location,
    bool Cancelled, bool Held, bool MinutesApproved, bool Mine);

public sealed record MeetingYearRow(Guid GroupId, string Name, int Planned, int Held, int Cancelled, int Unapproved);

public sealed record MeetingListModel(PageOf<MeetingRow> Meetings, IReadOnlyList<GroupOption> Groups, int Year, IReadOnlyList<MeetingYearRow> YearStats);

/// <summary>Which meetings the list shows (<c>?visa=</c>).</summary>
public enum MeetingShow
{
    Kommande,
    Tidigare,
    EjJusterade,
    Alla,
}

public sealed record MeetingListFilter(MeetingShow Show, Guid? GroupId, bool MineOnly);

/// <summary>The time and place form's input.</summary>
public sealed class MeetingInput
{
    public const int LocationMax = 300;
    public const int LinkMax = 500;

    /// <summary>The meeting's version when the form was opened.</summary>
    public Guid Version { get; set; }

    public DateTime? Date { get; set; }

    public string Start { get; set; } = "09:00";

    public string End { get; set; } = "11:00";

    public string Location { get; set; } = "";

    public string? Link { get; set; }

    public static MeetingInput From(Meeting meeting) => new()
    {
        Date = SwedishTime.DateOf(meeting.StartsAt).ToDateTime(TimeOnly.MinValue),
        Start = Sv.Time(meeting.StartsAt),
        End = Sv.Time(meeting.EndsAt),
        Location = meeting.Location,
        Link = meeting.Link,
        Version = meeting.Version,
    };

    /// <summary>The start and end as instants, or a broken rule naming the field it concerns.</summary>
    public (DateTimeOffset Start, DateTimeOffset End) Times()
    {
        if (Date is null)
        {
            throw new DomainException("Ange mötets datum.", nameof(Date));
        }
        var day = DateOnly.FromDateTime(Date.Value);
        if (!TimeOnly.TryParse(Start, Sv.Culture, out var s))
        {
            throw new DomainException("Ange när mötet börjar, till exempel 09:00.", nameof(Start));
        }
        if (!TimeOnly.TryParse(End, Sv.Culture, out var e))
        {
            throw new DomainException("Ange när mötet slutar, till exempel 11:00.", nameof(End));
        }
        if ((Location ?? "").Trim().Length > LocationMax)
        {
            throw new DomainException($"Platsen får vara högst {LocationMax} tecken.", nameof(Location));
        }
        if (!string.IsNullOrWhiteSpace(Link)
            && (Link.Trim().Length > LinkMax || !(Uri.TryCreate(Link.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http")))
        {
            throw new DomainException("Ange en fullständig adress som börjar med https://.", nameof(Link));
        }
        var (start, end) = (SwedishTime.At(day, s), SwedishTime.At(day, e));
        if (end <= start)
        {
            throw new DomainException("Mötet måste sluta efter att det har börjat.", nameof(End));
        }
        return (start, end);
    }
}

/// <summary>One member's attendance as chosen in the form.</summary>
public sealed class AttendanceInput
{
    public Guid MemberId { get; set; }
    public AttendanceStatus? Status { get; set; }
    public string? Substitute { get; set; }

    /// <summary>The field a refused row's message belongs to.</summary>
    public static string FieldOf(Guid memberId) => $"attendance-{memberId}";
}

/// <summary>A follow-up item: what, who, by when.</summary>
public sealed class FollowUpInput
{
    public string Text { get; set; } = "";
    public string Owner { get; set; } = "";
    public DateTime? Due { get; set; }
}
