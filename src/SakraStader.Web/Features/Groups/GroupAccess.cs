using Microsoft.EntityFrameworkCore;
using SakraStader.Data;
using SakraStader.Domain;
using SakraStader.Infrastructure;
using SakraStader.Tenancy;

namespace SakraStader.Features.Groups;

/// <summary>
/// What the signed-in user may do with a group's material: its members (and the samordnare) edit it; everybody else
/// in the kommun reads it. The chair approves minutes.
/// </summary>
public sealed class GroupAccess(KommunCache kept, AppDbContext db, TenantContext tenant)
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

    /// <summary>
    /// Rights in a group: its user members are kept with the kommun's other kept data (<see cref="KommunCache"/>), so
    /// a change of membership or chair is seen on the next request, on every instance.
    /// </summary>
    public async Task<GroupRights> ForAsync(Guid groupId, CancellationToken ct = default)
    {
        if (tenant.UserId is not { } userId)
        {
            return Rights(null, false);
        }
        var members = await kept.GetOrCompileAsync("group-users", groupId, async () =>
            (IReadOnlyList<GroupUser>)await db.GroupMembers.AsNoTracking().Where(m => m.GroupId == groupId && m.UserId != null)
                .Select(m => new GroupUser(m.Id, m.UserId!.Value, m.IsChair)).ToListAsync(ct), ct);
        var me = members.FirstOrDefault(m => m.UserId == userId);
        return Rights(me?.Id, me?.IsChair == true);
    }

    private sealed record GroupUser(Guid Id, Guid UserId, bool IsChair);
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
