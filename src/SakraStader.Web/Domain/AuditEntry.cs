namespace SakraStader.Domain;

public enum AuditAction
{
    Created = 0,
    Updated = 1,
    Deleted = 2,
}

/// <summary>One recorded change to tenant data: who, when, which entity, what changed. Written by the data layer only.</summary>
public sealed class AuditEntry : ITenantOwned
{
    private AuditEntry() { }

    public AuditEntry(Guid kommunId, Guid? userId, string userName, DateTimeOffset at, string entityType, string entityId,
        AuditAction action, string changes)
    {
        KommunId = kommunId;
        UserId = userId;
        UserName = userName;
        At = at;
        EntityType = entityType;
        EntityId = entityId;
        Action = action;
        Changes = changes;
    }

    public long Id { get; private set; }
    public Guid KommunId { get; private set; }
    public Guid? UserId { get; private set; }
    public string UserName { get; private set; } = "";
    public DateTimeOffset At { get; private set; }
    public string EntityType { get; private set; } = "";
    public string EntityId { get; private set; } = "";
    public AuditAction Action { get; private set; }

    /// <summary>JSON object: property name → { "from": old, "to": new }.</summary>
    public string Changes { get; private set; } = "{}";
}
