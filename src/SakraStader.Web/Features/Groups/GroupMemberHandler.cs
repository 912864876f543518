using Microsoft.EntityFrameworkCore;
using SakraStader.Data;
using SakraStader.Domain;

namespace SakraStader.Features.Groups;

/// <summary>Members and chair of a group. The samordnare manages them; the caller saves (the command path, with the audit).</summary>
public sealed class GroupMemberHandler(AppDbContext db)
{
    /// <summary>Adds a member of the kommun (by membership id) to the group.</summary>
    public async Task AddUserAsync(Group group, Guid membershipId, bool chair, CancellationToken ct = default)
    {
        // The tenant filter makes another kommun's membership invisible: "not a member" is the honest answer.
        var person = await (from m in db.Memberships
                            join u in db.Users on m.UserId equals u.Id
                            where m.Id == membershipId
                            select new { m.UserId, u.DisplayName, m.OrganisationName, m.Organisation, m.Title })
            .FirstOrDefaultAsync(ct)
            ?? throw new DomainException("Personen är inte medlem i kommunen. Lägg först till hen under Medlemmar.", "MembershipId");
        if (await db.GroupMembers.AnyAsync(m => m.GroupId == group.Id && m.UserId == person.UserId, ct))
        {
            throw new DomainException($"{person.DisplayName} är redan med i gruppen.", "MembershipId");
        }
        var organisation = person.OrganisationName.Length > 0 ? person.OrganisationName : person.Organisation.Display();
        var member = GroupMember.ForUser(group.Id, person.UserId, person.DisplayName, organisation, person.Title);
        if (chair)
        {
            member.MakeChair();
        }
        db.GroupMembers.Add(member);
    }

    public Task AddExternalAsync(Group group, string name, string organisation, string title, CancellationToken ct = default)
    {
        db.GroupMembers.Add(GroupMember.External(group.Id, name, organisation, title));
        return Task.CompletedTask;
    }

    /// <summary>Makes a member chair; the previous chair steps down (a group has one chair).</summary>
    public async Task MakeChairAsync(Group group, Guid memberId, CancellationToken ct = default)
    {
        var members = await db.GroupMembers.Where(m => m.GroupId == group.Id).ToListAsync(ct);
        var chosen = members.SingleOrDefault(m => m.Id == memberId)
            ?? throw new DomainException("Ordföranden måste vara medlem i gruppen.", "MemberId");
        if (chosen.IsExternal)
        {
            throw new DomainException("Ordföranden justerar protokollen och behöver därför ett konto i tjänsten.", "MemberId");
        }
        chosen.MakeChair();
        foreach (var other in members.Where(m => m.IsChair && m.Id != chosen.Id))
        {
            other.StepDownAsChair(chairCount: 2);
        }
    }

    public async Task RemoveAsync(Group group, Guid memberId, CancellationToken ct = default)
    {
        var members = await db.GroupMembers.Where(m => m.GroupId == group.Id).ToListAsync(ct);
        var member = members.SingleOrDefault(m => m.Id == memberId)
            ?? throw new DomainException("Personen är inte med i gruppen.", "MemberId");
        GroupMember.EnsureCanRemove(member, members.Count(m => m.IsChair));
        db.GroupMembers.Remove(member);
    }
}
