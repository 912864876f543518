using Microsoft.EntityFrameworkCore;
using SakraStader.Data;
using SakraStader.Domain;
using SakraStader.Tenancy;

namespace SakraStader.Features.Groups;

/// <summary>
/// What the signed-in user may do with a group's material: its members (and the samordnare) edit it; everybody else
/// in the kommun reads it. The chair approves minutes.
/// </summary>
public sealed class GroupAccess(AppDbContext db, TenantContext tenant)
{
    /// <summary>Rights from a group's member list the page has loaded anyway.</summary>
    public GroupRights From(IEnumerable<GroupMember> members)
    {
        var me = tenant.UserId is { } userId ? members.FirstOrDefault(m => m.UserId == userId) : null;
        return Rights(me?.Id, me?.IsChair == true);
    }

    private GroupRights Rights(Guid? memberId, bool isChair)
    {
        var isSamordnare = tenant.Has(Role.Samordnare);
        return new GroupRights(
            CanEdit: (memberId is not null && tenant.Has(Role.Medlem)) || isSamordnare,
            CanManage: isSamordnare,
            IsChair: isChair,
            MemberId: memberId);
    }

    public async Task<GroupRights> ForAsync(Guid groupId, CancellationToken ct = default)
    {
        var me = tenant.UserId is { } userId
            ? await db.GroupMembers.AsNoTracking().Where(m => m.GroupId == groupId && m.UserId == userId)
                .Select(m => new { m.Id, m.IsChair }).FirstOrDefaultAsync(ct)
            : null;
        return Rights(me?.Id, me?.IsChair == true);
    }
}

public sealed record GroupRights(bool CanEdit, bool CanManage, bool IsChair, Guid? MemberId)
{
    public void EnsureCanEdit()
    {
        if (!CanEdit)
        {
            throw new ForbiddenException();
        }
    }
}

/// <summary>The user may read but not change this; pages answer 403.</summary>
public sealed class ForbiddenException : Exception
{
    public ForbiddenException() : base("Du har inte behörighet att ändra det här.") { }
}
