namespace SakraStader.Domain;

public enum AttendanceStatus
{
    Present = 0,
    Absent = 1,
    Substitute = 2,
}

public static class AttendanceText
{
    public static string Display(this AttendanceStatus status) => status switch
    {
        AttendanceStatus.Present => "närvarande",
        AttendanceStatus.Absent => "frånvarande",
        _ => "ersatt",
    };
}

/// <summary>
/// A meeting of a group: when and where, its agenda with minutes and decisions per item, attendance and follow-up
/// items. Minutes are drafted, then approved (justerade) by the chair; approved minutes are read-only, and a later
/// correction opens a new version while the approved ones stay visible.
/// </summary>
public sealed class Meeting : TenantEntity, IVersioned
{
    private readonly List<AgendaItem> agenda = [];
    private readonly List<Attendance> attendance = [];
    private readonly List<FollowUpItem> followUps = [];
    private readonly List<MinutesVersion> versions = [];

    private Meeting() { }

    public Meeting(Guid groupId, DateTimeOffset startsAt, DateTimeOffset endsAt, string location, string? link)
    {
        GroupId = groupId;
        Reschedule(startsAt, endsAt, location, link);
    }

    public Guid GroupId { get; private set; }
    public DateTimeOffset StartsAt { get; private set; }
    public DateTimeOffset EndsAt { get; private set; }
    public string Location { get; private set; } = "";
    public string? Link { get; private set; }
    public bool Cancelled { get; private set; }

    /// <summary>
    /// A decision recorded as taken at this meeting (a plan decided, a lägesbild approved): the meeting must be one of
    /// the deciding group's, and must have taken place.
    /// </summary>
    public void EnsureDecisionBy(Guid groupId, string groupWord, DateTimeOffset at, string field)
    {
        if (GroupId != groupId)
        {
            throw new DomainException($"Välj ett av {groupWord} möten.", field);
        }
        if (Cancelled || StartsAt > at)
        {
            throw new DomainException($"Mötet har inte hållits. Välj mötet där {groupWord[..^1]} fattade beslutet.", field);
        }
    }

    /// <summary>True while the minutes are approved and no correction has been opened.</summary>
    public bool MinutesApproved { get; private set; }

    /// <summary>Concurrency token: two people saving the same meeting cannot silently overwrite each other.</summary>
    public Guid Version { get; private set; } = Guid.NewGuid();

    public IReadOnlyList<AgendaItem> Agenda => agenda;
    public IReadOnlyList<Attendance> Attendance => attendance;
    public IReadOnlyList<FollowUpItem> FollowUps => followUps;
    public IReadOnlyList<MinutesVersion> Versions => versions;

    public bool IsHeld(DateTimeOffset now) => !Cancelled && StartsAt <= now;

    public static void ValidateTimes(DateTimeOffset? startsAt, DateTimeOffset? endsAt)
    {
        if (startsAt is null)
        {
            throw new DomainException("Ange mötets datum och starttid.", nameof(StartsAt));
        }
        PlausibleDate.Ensure(startsAt.Value, nameof(StartsAt));
        if (endsAt is { } end && end <= startsAt)
        {
            throw new DomainException("Mötet måste sluta efter att det har börjat.", nameof(EndsAt));
        }
        if (endsAt is { } last && last > startsAt.Value.AddDays(1))
        {
            throw new DomainException("Ett möte kan vara högst ett dygn. Kontrollera sluttiden.", nameof(EndsAt));
        }
    }

    public void Reschedule(DateTimeOffset startsAt, DateTimeOffset endsAt, string location, string? link)
    {
        ValidateTimes(startsAt, endsAt);
        StartsAt = startsAt;
        EndsAt = endsAt;
        Location = (location ?? "").Trim();
        Link = string.IsNullOrWhiteSpace(link) ? null : link.Trim();
    }

    public void Cancel()
    {
        Cancelled = true;
    }

    public AgendaItem AddAgendaItem(string title)
    {
        EnsureMinutesEditable();
        if (string.IsNullOrWhiteSpace(title))
        {
            throw new DomainException("Skriv vad punkten handlar om.", nameof(AgendaItem.Title));
        }
        if (title.Trim().Length > 300)
        {
            throw new DomainException("Punktens rubrik får vara högst 300 tecken.", nameof(AgendaItem.Title));
        }
        var item = new AgendaItem(Id, agenda.Count + 1, title.Trim());
        agenda.Add(item);
        return item;
    }

    public void RecordMinutes(Guid agendaItemId, string minutes, string decision)
    {
        EnsureMinutesEditable();
        var item = agenda.SingleOrDefault(a => a.Id == agendaItemId)
            ?? throw new DomainException("Punkten finns inte på dagordningen.");
        item.Record(minutes, decision);
    }

    /// <summary>Those at the meeting who are not members of the group (officials, guests): the protokoll's "Övriga".</summary>
    public string OtherAttendees { get; private set; } = "";

    public const int OtherAttendeesMaxLength = 500;

    public void RecordOtherAttendees(string? others)
    {
        EnsureMinutesEditable();
        var text = (others ?? "").Trim();
        if (text.Length > OtherAttendeesMaxLength)
        {
            throw new DomainException($"Skriv högst {OtherAttendeesMaxLength} tecken om övriga närvarande.", nameof(OtherAttendees));
        }
        OtherAttendees = text;
    }

    public void RecordAttendance(Guid groupMemberId, string name, AttendanceStatus status, string? substitute)
    {
        EnsureMinutesEditable();
        if (status == AttendanceStatus.Substitute && string.IsNullOrWhiteSpace(substitute))
        {
            throw new DomainException($"Ange vem som ersatte {name}.", nameof(Domain.Attendance.SubstituteName));
        }
        var row = attendance.SingleOrDefault(a => a.GroupMemberId == groupMemberId);
        if (row is null)
        {
            attendance.Add(new Attendance(Id, groupMemberId, name, status, substitute));
        }
        else
        {
            row.Set(status, substitute);
        }
    }

    public FollowUpItem AddFollowUp(string text, string owner, DateOnly? due)
    {
        EnsureMinutesEditable();
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new DomainException("Beskriv vad som ska göras.", nameof(FollowUpItem.Text));
        }
        if (string.IsNullOrWhiteSpace(owner))
        {
            throw new DomainException("Ange vem som ansvarar.", nameof(FollowUpItem.Owner));
        }
        if (text.Trim().Length > 1000)
        {
            throw new DomainException("Beskriv det med högst 1 000 tecken.", nameof(FollowUpItem.Text));
        }
        if (owner.Trim().Length > 150)
        {
            throw new DomainException("Ange den ansvariga med högst 150 tecken.", nameof(FollowUpItem.Owner));
        }
        var item = new FollowUpItem(Id, text.Trim(), owner.Trim(), due);
        followUps.Add(item);
        return item;
    }

    /// <summary>A second justerare for this meeting's minutes (a member of the group with an account, not the chair), or none.</summary>
    public Guid? JusterareMemberId { get; private set; }

    /// <summary>The chair's name once the chair has justerat, while the second justerare has not yet.</summary>
    public string? ChairJusteradBy { get; private set; }

    /// <summary>The second justerare's name once they have justerat, while the chair has not yet.</summary>
    public string? JusterareJusteradBy { get; private set; }

    /// <summary>Chooses (or with null removes) the second justerare; a justering begun is begun again.</summary>
    public void ChooseJusterare(GroupMember? member)
    {
        EnsureMinutesEditable();
        if (member is not null && (member.GroupId != GroupId || member.IsChair || member.IsExternal))
        {
            throw new DomainException(member.IsChair
                ? "Ordföranden justerar redan. Välj en annan av gruppens medlemmar."
                : "Välj en av gruppens medlemmar som har ett konto, så att hen kan justera här.", nameof(JusterareMemberId));
        }
        JusterareMemberId = member?.Id;
    }

    /// <summary>Whether <paramref name="member"/> has yet to justera these minutes (the chair, or the chosen justerare).</summary>
    public bool WaitsForJustering(GroupMember member) =>
        !MinutesApproved && member.GroupId == GroupId
        && ((member.IsChair && ChairJusteradBy is null) || (member.Id == JusterareMemberId && JusterareJusteradBy is null));

    /// <summary>
    /// The chair, and the second justerare when one is chosen, approve (justerar) the minutes of a held meeting. When
    /// the last of them has, the minutes become read-only in a new version naming both; until then the version is null.
    /// </summary>
    public MinutesVersion? ApproveMinutes(GroupMember approver, DateTimeOffset now, string snapshot)
    {
        if (!IsHeld(now))
        {
            throw new DomainException("Protokollet kan justeras först när mötet har hållits.");
        }
        if (MinutesApproved)
        {
            throw new DomainException("Protokollet är redan justerat.");
        }
        if (approver.GroupId != GroupId || (!approver.IsChair && approver.Id != JusterareMemberId))
        {
            throw new DomainException(JusterareMemberId is null
                ? "Bara gruppens ordförande kan justera protokollet."
                : "Bara gruppens ordförande och den valda justeraren kan justera protokollet.");
        }
        if (!WaitsForJustering(approver))
        {
            throw new DomainException("Du har redan justerat protokollet. Det väntar på den andra justeraren.");
        }
        if (approver.IsChair)
        {
            ChairJusteradBy = approver.Name;
        }
        else
        {
            JusterareJusteradBy = approver.Name;
        }
        if (ChairJusteradBy is null || (JusterareMemberId is not null && JusterareJusteradBy is null))
        {
            return null;
        }
        var by = JusterareJusteradBy is null ? ChairJusteradBy : $"{ChairJusteradBy} och {JusterareJusteradBy}";
        var version = new MinutesVersion(Id, versions.Count + 1, by, now, snapshot, PendingCorrectionReason);
        versions.Add(version);
        MinutesApproved = true;
        PendingCorrectionReason = null;
        (ChairJusteradBy, JusterareJusteradBy) = (null, null);
        return version;
    }

    /// <summary>Why the approved minutes were reopened; recorded on the next approved version.</summary>
    public string? PendingCorrectionReason { get; private set; }

    /// <summary>Reopens approved minutes for a correction. The approved version stays as it was; the next approval is a new version.</summary>
    public void StartCorrection(string reason)
    {
        if (!MinutesApproved)
        {
            throw new DomainException("Protokollet är inte justerat och kan ändras direkt.");
        }
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("Skriv vad som ska rättas.", nameof(PendingCorrectionReason));
        }
        MinutesApproved = false;
        PendingCorrectionReason = reason.Trim();
    }

    /// <summary>
    /// Refuses a change to justerade minutes. A change while one of two justerare has justerat begins the justering
    /// again: what they approved is no longer what the minutes say.
    /// </summary>
    public void EnsureMinutesEditable()
    {
        if (MinutesApproved)
        {
            throw new DomainException("Protokollet är justerat och kan inte ändras. Välj ”Rätta protokollet” för att göra en ny version.");
        }
        (ChairJusteradBy, JusterareJusteradBy) = (null, null);
    }

}

public sealed class AgendaItem : TenantEntity
{
    private AgendaItem() { }

    internal AgendaItem(Guid meetingId, int order, string title)
    {
        MeetingId = meetingId;
        Order = order;
        Title = title;
    }

    public Guid MeetingId { get; private set; }
    public int Order { get; private set; }
    public string Title { get; private set; } = "";
    public string Minutes { get; private set; } = "";

    /// <summary>The decision (beslut) taken under this item, if any.</summary>
    public string Decision { get; private set; } = "";

    public const int MinutesMax = 8000;
    public const int DecisionMax = 4000;

    internal void Record(string minutes, string decision)
    {
        Minutes = DomainText.Free(minutes, MinutesMax, nameof(Minutes));
        Decision = DomainText.Free(decision, DecisionMax, nameof(Decision));
    }
}

public sealed class Attendance : TenantEntity
{
    private Attendance() { }

    internal Attendance(Guid meetingId, Guid groupMemberId, string name, AttendanceStatus status, string? substitute)
    {
        MeetingId = meetingId;
        GroupMemberId = groupMemberId;
        Name = name;
        Set(status, substitute);
    }

    public Guid MeetingId { get; private set; }
    public Guid GroupMemberId { get; private set; }
    public string Name { get; private set; } = "";
    public AttendanceStatus Status { get; private set; }
    public string? SubstituteName { get; private set; }

    internal void Set(AttendanceStatus status, string? substitute)
    {
        Status = status;
        SubstituteName = status == AttendanceStatus.Substitute ? substitute?.Trim() : null;
    }
}

public sealed class FollowUpItem : TenantEntity
{
    private FollowUpItem() { }

    internal FollowUpItem(Guid meetingId, string text, string owner, DateOnly? due)
    {
        MeetingId = meetingId;
        Text = text;
        Owner = owner;
        Due = due;
    }

    public Guid MeetingId { get; private set; }
    public string Text { get; private set; } = "";
    public string Owner { get; private set; } = "";
    public DateOnly? Due { get; private set; }
    public bool Done { get; private set; }

    public void MarkDone() => Done = true;
}

/// <summary>An approved (justerad) version of a meeting's minutes, kept as it was approved.</summary>
public sealed class MinutesVersion : TenantEntity
{
    private MinutesVersion() { }

    internal MinutesVersion(Guid meetingId, int number, string approvedBy, DateTimeOffset approvedAt, string content, string? correctionReason)
    {
        MeetingId = meetingId;
        Number = number;
        ApprovedBy = approvedBy;
        ApprovedAt = approvedAt;
        Content = content;
        CorrectionReason = correctionReason;
    }

    public Guid MeetingId { get; private set; }
    public int Number { get; private set; }
    public string ApprovedBy { get; private set; } = "";
    public DateTimeOffset ApprovedAt { get; private set; }

    /// <summary>The minutes as approved: JSON of agenda items with minutes and decisions, attendance and follow-ups.</summary>
    public string Content { get; private set; } = "";

    /// <summary>Why this version replaced the previous one (null for the first).</summary>
    public string? CorrectionReason { get; private set; }
}
