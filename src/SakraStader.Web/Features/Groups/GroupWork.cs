using Microsoft.EntityFrameworkCore;
using SakraStader.Components.Ui;
using SakraStader.Data;
using SakraStader.Domain;
using SakraStader.Features.Commands;
using SakraStader.Features.Meetings;
using SakraStader.Infrastructure;

namespace SakraStader.Features.Groups;

/// <summary>
/// The group pages' reads and commands. Reads return records; commands load the group through the tenant filter
/// (another kommun's group is simply not found), check that the user saw what is stored and apply the model's rules.
/// <see cref="Operations"/> checks the right and saves, with the audit, in one transaction.
/// </summary>
public sealed class GroupWork(AppDbContext db, GroupMemberHandler members, MeetingPlanner planner, GroupAccess access, KommunCache kept,
    TimeProvider time)
{
    public const string NotFound = "Gruppen finns inte i kommunen.";

    public const string ChangedMeanwhile = "Någon annan har ändrat gruppen sedan du öppnade den. Det du skrev finns kvar; läs de sparade uppgifterna och spara igen om dina ska gälla.";

    /// <summary>Styrgrupp, EST, SSPF, then the kommun's own groups; by name (Swedish order) within each kind.</summary>
    public async Task<IReadOnlyList<GroupRow>> ListAsync(CancellationToken ct = default)
    {
        var rows = await db.Groups.AsNoTracking()
            .Select(g => new { g.Id, g.Name, g.Kind, g.Cadence, g.CadenceKind, g.TimesPerYear })
            .ToListAsync(ct);
        // The kind is stored as text, so it is ordered here.
        return [.. rows.OrderBy(g => g.Kind).ThenBy(g => g.Name, Sv.Comparer)
            .Select(g => new GroupRow(g.Id, g.Name, g.Kind, Group.DescribeCadence(g.CadenceKind, g.TimesPerYear, g.Cadence)))];
    }

    /// <summary>A group's page: what everybody in the kommun reads, kept until the kommun's records change, and the user's rights.</summary>
    public async Task<GroupPageModel?> ReadAsync(Guid id, int? year, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var shownYear = year is >= 2000 and <= 2100 ? year.Value : SwedishTime.DateOf(now).Year;
        var read = await kept.GetOrCompileAsync("group-page", (id, shownYear), async () =>
        {
            var group = await db.Groups.AsNoTracking().Where(g => g.Id == id)
                .Select(g => new GroupFacts(g.Id, g.Name, g.Kind, g.Purpose, g.Cadence, g.CadenceKind, g.TimesPerYear, g.MeetingDay))
                .FirstOrDefaultAsync(ct);
            if (group is null)
            {
                return null;
            }
            var (from, to) = SwedishTime.YearBounds(shownYear);
            var meetings = await db.Meetings.AsNoTracking()
                .Where(m => m.GroupId == id && m.StartsAt >= from && m.StartsAt < to)
                .OrderBy(m => m.StartsAt)
                .Select(m => new GroupMeetingRow(m.Id, m.StartsAt, m.EndsAt, m.Location, m.Cancelled, m.MinutesApproved))
                .ToListAsync(ct);
            return new KeptGroup(group, await MembersOfAsync(id, ct), meetings);
        }, ct);
        return read is null
            ? null
            : new GroupPageModel(read.Group, read.Members, read.Meetings, await access.ForAsync(id, ct), shownYear, now);
    }

    /// <summary>The group's fields as stored, for the edit form.</summary>
    public async Task<GroupEditModel?> ReadForEditAsync(Guid id, CancellationToken ct = default) =>
        await db.Groups.AsNoTracking().Where(g => g.Id == id)
            .Select(g => new GroupEditModel(g.Id, g.Name, g.Purpose, new GroupInput
            {
                Name = g.Name, Kind = g.Kind, Cadence = g.Cadence, CadenceKind = g.CadenceKind, TimesPerYear = g.TimesPerYear, MeetingDay = g.MeetingDay,
            }))
            .FirstOrDefaultAsync(ct);

    /// <summary>The members page: the group's members and the kommun's people who are not in it yet.</summary>
    public async Task<GroupMembersModel?> ReadMembersAsync(Guid id, CancellationToken ct = default)
    {
        var name = await db.Groups.AsNoTracking().Where(g => g.Id == id).Select(g => g.Name).FirstOrDefaultAsync(ct);
        if (name is null)
        {
            return null;
        }
        var list = await MembersOfAsync(id, ct);
        var inGroup = list.Where(m => m.UserId != null).Select(m => m.UserId!.Value).ToHashSet();
        var people = await (from m in db.Memberships.AsNoTracking()
                            join u in db.Users on m.UserId equals u.Id
                            orderby u.DisplayName
                            select new { m.Id, m.UserId, u.DisplayName, m.Title }).ToListAsync(ct);
        return new GroupMembersModel(id, name, list,
            [.. people.Where(p => !inGroup.Contains(p.UserId)).Select(p => new GroupCandidate(p.Id, p.DisplayName, p.Title))]);
    }

    private async Task<List<GroupMemberRow>> MembersOfAsync(Guid id, CancellationToken ct) =>
        await db.GroupMembers.AsNoTracking().Where(m => m.GroupId == id)
            .OrderByDescending(m => m.IsChair).ThenBy(m => m.Name)
            .Select(m => new GroupMemberRow(m.Id, m.UserId, m.Name, m.Organisation, m.Title, m.IsChair))
            .ToListAsync(ct);

    public Task<Guid> CreateAsync(GroupInput input)
    {
        input.Validate(withPurpose: true);
        var group = new Group(input.Name, input.Kind, input.Purpose, input.Cadence);
        group.SetCadence(input.CadenceKind, input.TimesPerYear, input.MeetingDay);
        db.Groups.Add(group);
        return Task.FromResult(group.Id);
    }

    /// <summary>Name and rhythm, over the fields the samordnare saw (<paramref name="seen"/>). The purpose saves itself.</summary>
    public async Task UpdateAsync(Guid id, GroupInput input, GroupInput seen, CancellationToken ct = default)
    {
        var group = await LoadAsync(id, ct);
        if (!seen.SameAs(group))
        {
            throw new ConflictException(ChangedMeanwhile, nameof(GroupInput.Name), null);
        }
        input.Validate(withPurpose: false);
        group.Update(input.Name, group.Purpose, input.Cadence);
        group.SetCadence(input.CadenceKind, input.TimesPerYear, input.MeetingDay);
    }

    /// <summary>The group's mandate and purpose, written over the text the user started from.</summary>
    public async Task WritePurposeAsync(Guid id, string text, string seen, CancellationToken ct = default)
    {
        var group = await LoadAsync(id, ct);
        if (!string.Equals(Normalise(group.Purpose), Normalise(seen), StringComparison.Ordinal))
        {
            throw new ConflictException(ChangedMeanwhile, "Purpose", group.Purpose);
        }
        if (text.Length > GroupInput.PurposeMax)
        {
            throw new DomainException("Högst 4 000 tecken.", "Purpose");
        }
        group.Update(group.Name, text, group.Cadence);
    }

    /// <summary>The meetings the group's rhythm gives for the year and that are missing; how many were added.</summary>
    public async Task<int> PlanYearAsync(Guid id, int year, CancellationToken ct = default) =>
        await planner.PlanYearAsync(await LoadAsync(id, ct), year, location: "", ct);

    public async Task AddUserAsync(Guid groupId, AddGroupMemberInput input, CancellationToken ct = default)
    {
        if (input.MembershipId is not { } membershipId)
        {
            throw new DomainException("Välj vem som ska läggas till.", nameof(AddGroupMemberInput.MembershipId));
        }
        await members.AddUserAsync(await LoadAsync(groupId, ct), membershipId, input.Chair, ct);
    }

    public async Task AddExternalAsync(Guid groupId, ExternalMemberInput input, CancellationToken ct = default)
    {
        if (input.Name.Length > 150 || input.Organisation.Length > 150 || input.Title.Length > 150)
        {
            throw new DomainException("Högst 150 tecken.", input.Name.Length > 150 ? nameof(ExternalMemberInput.Name)
                : input.Organisation.Length > 150 ? nameof(ExternalMemberInput.Organisation) : nameof(ExternalMemberInput.Title));
        }
        await members.AddExternalAsync(await LoadAsync(groupId, ct), input.Name, input.Organisation, input.Title, ct);
    }

    public async Task MakeChairAsync(Guid groupId, Guid memberId, CancellationToken ct = default) =>
        await members.MakeChairAsync(await LoadAsync(groupId, ct), memberId, ct);

    public async Task RemoveMemberAsync(Guid groupId, Guid memberId, CancellationToken ct = default) =>
        await members.RemoveAsync(await LoadAsync(groupId, ct), memberId, ct);

    /// <summary>Through the tenant filter: an id of another kommun's group is a claim that does not hold.</summary>
    private async Task<Group> LoadAsync(Guid id, CancellationToken ct) =>
        await db.Groups.FirstOrDefaultAsync(g => g.Id == id, ct) ?? throw new DomainException(NotFound);

    private static string Normalise(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();

    private sealed record KeptGroup(GroupFacts Group, IReadOnlyList<GroupMemberRow> Members, IReadOnlyList<GroupMeetingRow> Meetings);
}

public sealed record GroupRow(Guid Id, string Name, GroupKind Kind, string Cadence);

public sealed record GroupFacts(Guid Id, string Name, GroupKind Kind, string Purpose, string Cadence, CadenceKind CadenceKind, int TimesPerYear, DayOfWeek MeetingDay)
{
    public string CadenceText => Group.DescribeCadence(CadenceKind, TimesPerYear, Cadence);
}

public sealed record GroupMemberRow(Guid Id, Guid? UserId, string Name, string Organisation, string Title, bool IsChair)
{
    public bool IsExternal => UserId is null;
}

public sealed record GroupMeetingRow(Guid Id, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Location, bool Cancelled, bool MinutesApproved);

/// <summary>A group's page as one user sees it: its facts, members and meetings of the year, and what they may do.</summary>
public sealed record GroupPageModel(GroupFacts Group, IReadOnlyList<GroupMemberRow> Members, IReadOnlyList<GroupMeetingRow> Meetings,
    GroupRights Rights, int Year, DateTimeOffset Now);

public sealed record GroupEditModel(Guid Id, string Name, string Purpose, GroupInput Stored);

public sealed record GroupMembersModel(Guid Id, string Name, IReadOnlyList<GroupMemberRow> Members, IReadOnlyList<GroupCandidate> Candidates);

public sealed record GroupCandidate(Guid MembershipId, string Name, string Title);

/// <summary>A group's name, kind and rhythm (and, for a new group, its purpose): the input of the group form.</summary>
public sealed class GroupInput
{
    public const int PurposeMax = 4000;

    public string Name { get; set; } = "";
    public GroupKind Kind { get; set; } = GroupKind.Annan;
    public string Cadence { get; set; } = "";
    public CadenceKind CadenceKind { get; set; } = CadenceKind.MonthlyExceptJulyDecember;
    public int TimesPerYear { get; set; }
    public DayOfWeek MeetingDay { get; set; } = DayOfWeek.Tuesday;
    public string Purpose { get; set; } = "";

    public GroupInput Copy() => (GroupInput)MemberwiseClone();

    /// <summary>The lengths the columns hold; the model checks the rest (a name, a rhythm that works).</summary>
    public void Validate(bool withPurpose)
    {
        if ((Name ?? "").Trim().Length > 150)
        {
            throw new DomainException("Namnet får vara högst 150 tecken.", nameof(Name));
        }
        if ((Cadence ?? "").Length > 200)
        {
            throw new DomainException("Högst 200 tecken.", nameof(Cadence));
        }
        if (withPurpose && (Purpose ?? "").Length > PurposeMax)
        {
            throw new DomainException("Högst 4 000 tecken.", nameof(Purpose));
        }
    }

    /// <summary>Whether these are the group's stored name and rhythm (texts as the model stores them: trimmed).</summary>
    public bool SameAs(Group group) =>
        string.Equals((Name ?? "").Trim(), group.Name, StringComparison.Ordinal)
        && string.Equals((Cadence ?? "").Trim(), group.Cadence, StringComparison.Ordinal)
        && CadenceKind == group.CadenceKind && TimesPerYear == group.TimesPerYear && MeetingDay == group.MeetingDay;
}

public sealed class AddGroupMemberInput
{
    public Guid? MembershipId { get; set; }
    public bool Chair { get; set; }
}

public sealed class ExternalMemberInput
{
    public string Name { get; set; } = "";
    public string Organisation { get; set; } = "";
    public string Title { get; set; } = "";
}
