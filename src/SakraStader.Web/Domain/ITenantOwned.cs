namespace SakraStader.Domain;

/// <summary>
/// A row that belongs to one kommun. The data layer stamps <see cref="KommunId"/> on insert, filters every query by
/// the current kommun and refuses to save a row of another kommun (see Data/AppDbContext.Tenancy.cs).
/// </summary>
public interface ITenantOwned
{
    Guid KommunId { get; }
}

/// <summary>Base class for tenant-owned entities; KommunId is set by the data layer, never by callers.</summary>
public abstract class TenantEntity : ITenantOwned
{
    public Guid Id { get; protected set; } = Guid.CreateVersion7();
    public Guid KommunId { get; internal set; }
}
