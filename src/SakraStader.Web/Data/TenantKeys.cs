using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using SakraStader.Domain;

namespace SakraStader.Data;

/// <summary>
/// No row can point at another kommun's row, even through a bug: every reference between tenant-owned tables is a
/// composite foreign key <c>(KommunId, XId)</c> to the parent's key <c>(KommunId, Id)</c>, so the database itself
/// refuses a reference across kommuner. Applied to every relationship of the model by convention (a new entity is
/// covered without anyone remembering); <c>TenantIntegrityTests</c> finds the relationships by reflection and tries
/// each one across kommuner.
/// </summary>
public static class TenantKeys
{
    public static bool IsTenantOwned(IReadOnlyEntityType type) => typeof(ITenantOwned).IsAssignableFrom(type.ClrType);

    /// <summary>Rewrites every single-column reference between tenant-owned entities as a composite one with KommunId.</summary>
    internal static void UseTenantScopedForeignKeys(this ModelBuilder builder)
    {
        foreach (var dependent in builder.Model.GetEntityTypes().Where(IsTenantOwned).ToList())
        {
            foreach (var old in dependent.GetDeclaredForeignKeys().ToList())
            {
                var principal = old.PrincipalEntityType;
                if (!IsTenantOwned(principal) || old.Properties.Count != 1 || !old.PrincipalKey.IsPrimaryKey())
                {
                    continue;
                }
                var id = principal.FindPrimaryKey()!.Properties.Single().Name;
                var (reference, toDependent, toPrincipal, required, unique, deleteBehavior) =
                    (old.Properties[0].Name, old.PrincipalToDependent?.Name, old.DependentToPrincipal?.Name, old.IsRequired, old.IsUnique, old.DeleteBehavior);
                const string kommun = nameof(ITenantOwned.KommunId);
                // The database cannot null one part of a composite key (KommunId stays): a deleted parent's optional
                // references are nulled by EF on the rows it tracks; the database refuses the rest.
                var onDelete = deleteBehavior == DeleteBehavior.SetNull ? DeleteBehavior.ClientSetNull : deleteBehavior;
                if (toDependent is null && toPrincipal is null)
                {
                    dependent.RemoveForeignKey(old);
                }
                // The same relationship (found by its navigations, if any) on the composite key.
                if (unique)
                {
                    builder.Entity(dependent.ClrType).HasOne(principal.ClrType, toPrincipal).WithOne(toDependent)
                        .HasForeignKey(dependent.ClrType, kommun, reference).HasPrincipalKey(principal.ClrType, kommun, id)
                        .IsRequired(required).OnDelete(onDelete);
                }
                else
                {
                    builder.Entity(dependent.ClrType).HasOne(principal.ClrType, toPrincipal).WithMany(toDependent)
                        .HasForeignKey(kommun, reference).HasPrincipalKey(kommun, id)
                        .IsRequired(required).OnDelete(onDelete);
                }
            }
        }
    }
}
