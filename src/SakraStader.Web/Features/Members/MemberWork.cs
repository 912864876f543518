using Microsoft.EntityFrameworkCore;
using SakraStader.Components.Lists;
using SakraStader.Data;
using SakraStader.Domain;
using SakraStader.Features.Commands;
using SakraStader.Tenancy;

namespace SakraStader.Features.Members;

/// <summary>
/// The member pages' reads and commands. Reads return records; commands load the membership through the tenant filter
/// (another kommun's membership is simply not found), check that the user saw what is stored and apply the model's
/// rules. <see cref="Operations"/> checks the samordnare's right and saves, with the audit, in one transaction.
/// </summary>
public sealed class MemberWork(AppDbContext db, MemberHandler members, TenantContext tenant)
{
    public const string NotFound = "Medlemskapet finns inte i kommunen.";

    public const string ChangedMeanwhile = "Någon annan har ändrat medlemskapet sedan du öppnade det. Det du valde finns kvar; kontrollera de sparade uppgifterna och spara igen om dina ska gälla.";

    /// <summary>The columns the list sorts by (names in Swedish order: the columns' collation).</summary>
    public static readonly IReadOnlyList<SortKey<MemberRow>> SortKeys =
    [
        new("namn", m => m.DisplayName),
        new("organisation", m => m.OrganisationName),
        new("titel", m => m.Title),
    ];

    /// <summary>One page of the kommun's members: searched (name, e-mail, organisation, title), filtered, sorted and paged in the database.</summary>
    public async Task<PageOf<MemberRow>> ListAsync(ListView view, Role? role, OrganisationKind? organisation, CancellationToken ct = default)
    {
        var rows = from m in db.Memberships.AsNoTracking()
                   join u in db.Users on m.UserId equals u.Id
                   select new MemberRow
                   {
                       Id = m.Id, DisplayName = u.DisplayName, Email = u.Email ?? "", Role = m.Role, Organisation = m.Organisation,
                       OrganisationName = m.OrganisationName, Title = m.Title,
                   };
        if (role is { } r)
        {
            rows = rows.Where(m => m.Role == r);
        }
        if (organisation is { } o)
        {
            rows = rows.Where(m => m.Organisation == o);
        }
        return await rows.Matching(view, m => m.DisplayName, m => m.Email, m => m.OrganisationName, m => m.Title)
            .SortedBy(view, SortKeys, "namn", false, m => m.Id)
            .PageAsync(view, ct: ct);
    }

    /// <summary>A membership as the edit page shows it, with what the person would lose if removed.</summary>
    public async Task<MemberModel?> ReadAsync(Guid id, CancellationToken ct = default)
    {
        var found = await (from m in db.Memberships.AsNoTracking()
                           join u in db.Users on m.UserId equals u.Id
                           where m.Id == id
                           select new { m.Id, m.UserId, u.DisplayName, Email = u.Email ?? "", m.Role, m.Organisation, m.OrganisationName, m.Title })
            .FirstOrDefaultAsync(ct);
        if (found is null)
        {
            return null;
        }
        var groups = await (from gm in db.GroupMembers.AsNoTracking()
                            join g in db.Groups on gm.GroupId equals g.Id
                            where gm.UserId == found.UserId
                            orderby g.Name
                            select new MemberGroup(g.Name, gm.IsChair)).ToListAsync(ct);
        return new MemberModel(found.Id, found.DisplayName, found.Email,
            new MembershipInput { Role = found.Role, Organisation = found.Organisation, OrganisationName = found.OrganisationName, Title = found.Title },
            groups, found.UserId == tenant.UserId);
    }

    /// <summary>Adds a person to the kommun; a new account's temporary password comes back once.</summary>
    public async Task<AddedMember> AddAsync(AddMemberInput input, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(input.Email) || !input.Email.Contains('@', StringComparison.Ordinal))
        {
            throw new DomainException("Ange en giltig e-postadress, till exempel namn@kommun.se.", nameof(AddMemberInput.Email));
        }
        if (input.DisplayName.Length > 150 || input.Email.Length > 256)
        {
            throw new DomainException("Högst 150 tecken.", input.Email.Length > 256 ? nameof(AddMemberInput.Email) : nameof(AddMemberInput.DisplayName));
        }
        input.Validate();
        var result = await members.AddAsync(input.Email, input.DisplayName, input.Role, input.Organisation, input.OrganisationName, input.Title, ct);
        var name = await db.Users.Where(u => u.Id == result.Membership.UserId).Select(u => u.DisplayName).FirstAsync(ct);
        return new AddedMember(result.Membership.Id, name, result.TemporaryPassword);
    }

    /// <summary>Changes role, organisation and title, over what the samordnare saw (<paramref name="seen"/>).</summary>
    public async Task ChangeAsync(Guid id, MembershipInput input, MembershipInput seen, CancellationToken ct = default)
    {
        var membership = await db.Memberships.FirstOrDefaultAsync(m => m.Id == id, ct) ?? throw new DomainException(NotFound);
        if (!seen.SameAs(membership.Role, membership.Organisation, membership.OrganisationName, membership.Title))
        {
            throw new ConflictException(ChangedMeanwhile, nameof(MembershipInput.Title), null);
        }
        input.Validate();
        await members.ChangeAsync(membership, input.Role, input.Organisation, input.OrganisationName, input.Title, ct);
    }

    /// <summary>Removes the person from the kommun (not their account, nor memberships elsewhere).</summary>
    public async Task RemoveAsync(Guid id, CancellationToken ct = default)
    {
        var membership = await db.Memberships.FirstOrDefaultAsync(m => m.Id == id, ct) ?? throw new DomainException(NotFound);
        await members.RemoveAsync(membership, ct);
    }
}

/// <summary>A row of the member list (init properties, so the database can search, filter and sort the projection).</summary>
public sealed record MemberRow
{
    public Guid Id { get; init; }
    public string DisplayName { get; init; } = "";
    public string Email { get; init; } = "";
    public Role Role { get; init; }
    public OrganisationKind Organisation { get; init; }
    public string OrganisationName { get; init; } = "";
    public string Title { get; init; } = "";
}

/// <summary>A membership on its own page: who, the fields as stored, their groups here.</summary>
public sealed record MemberModel(Guid Id, string DisplayName, string Email, MembershipInput Stored, IReadOnlyList<MemberGroup> Groups, bool IsSelf);

public sealed record MemberGroup(string Name, bool IsChair);

public sealed record AddedMember(Guid MembershipId, string Name, string? TemporaryPassword);

/// <summary>The add form's input: the person's e-mail (and a name for a new account) and the membership's fields.</summary>
public sealed class AddMemberInput : MembershipInput
{
    public string Email { get; set; } = "";

    public string DisplayName { get; set; } = "";
}
