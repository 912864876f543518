using Microsoft.AspNetCore.Authorization;

namespace SakraStader.Features.Groups;

public enum GroupRight
{
    /// <summary>Write the group's material: its members and the samordnare.</summary>
    Edit,
    /// <summary>The group's chair: fixes a lägesbild, justerar minutes.</summary>
    Chair,
    /// <summary>The chair or the samordnare: opens a fixed record for correction.</summary>
    ChairOrManage,
    /// <summary>A member of the group (which member may do what, such as justera a meeting's minutes, the model decides).</summary>
    Member,
}

/// <summary>A right in one group (the resource is the group's id), checked by the authorization service.</summary>
public sealed record GroupRightRequirement(GroupRight Right) : IAuthorizationRequirement
{
    public static GroupRightRequirement Edit { get; } = new(GroupRight.Edit);
    public static GroupRightRequirement Chair { get; } = new(GroupRight.Chair);
    public static GroupRightRequirement ChairOrManage { get; } = new(GroupRight.ChairOrManage);
    public static GroupRightRequirement Member { get; } = new(GroupRight.Member);
}

public sealed class GroupRightHandler(GroupAccess access) : AuthorizationHandler<GroupRightRequirement, Guid>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, GroupRightRequirement requirement, Guid groupId)
    {
        var rights = await access.ForAsync(groupId);
        var granted = requirement.Right switch
        {
            GroupRight.Edit => rights.CanEdit,
            GroupRight.Chair => rights.IsChair,
            GroupRight.ChairOrManage => rights.IsChair || rights.CanManage,
            GroupRight.Member => rights.MemberId is not null,
            _ => false,
        };
        if (granted)
        {
            context.Succeed(requirement);
        }
    }
}
