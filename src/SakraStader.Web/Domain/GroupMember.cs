namespace SakraStader.Domain;

/// <summary>
/// A member of a group: an app user of the kommun, or an external person recorded by name, organisation and title
/// (no account). The chair is a member with <see cref="IsChair"/>.
/// </summary>
public sealed class GroupMember : TenantEntity
{
    private GroupMember() { }

    private GroupMember(Guid groupId, Guid? userId, string name, string organisation, string title)
    {
        GroupId = groupId;
        UserId = userId;
        Name = name;
        Organisation = organisation;
        Title = title;
    }

    public Guid GroupId { get; private set; }

    /// <summary>Set for app users; null for external people.</summary>
    public Guid? UserId { get; private set; }

    public string Name { get; private set; } = "";
    public string Organisation { get; private set; } = "";
    public string Title { get; private set; } = "";
    public bool IsChair { get; private set; }

    public bool IsExternal => UserId is null;

    public static GroupMember ForUser(Guid groupId, Guid userId, string name, string organisation, string title) =>
        new(groupId, userId, name, organisation, title);

    public static GroupMember External(Guid groupId, string name, string organisation, string title)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new DomainException("Ange personens namn.", nameof(Name));
        }
        if (string.IsNullOrWhiteSpace(organisation))
        {
            throw new DomainException("Ange vilken organisation personen företräder.", nameof(Organisation));
        }
        return new GroupMember(groupId, null, name.Trim(), organisation.Trim(), (title ?? "").Trim());
    }

    public void MakeChair() => IsChair = true;

    /// <summary>A group keeps at least one chair once it has one: the chair approves the minutes.</summary>
    public void StepDownAsChair(int chairCount)
    {
        if (IsChair && chairCount <= 1)
        {
            throw new DomainException("Gruppen måste ha en ordförande. Utse en ny ordförande innan du tar bort den nuvarande.", nameof(IsChair));
        }
        IsChair = false;
    }

    public static void EnsureCanRemove(GroupMember member, int chairCount)
    {
        if (member.IsChair && chairCount <= 1)
        {
            throw new DomainException("Du kan inte ta bort gruppens enda ordförande. Utse en ny ordförande först.", nameof(IsChair));
        }
    }
}
