using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using SakraStader.Domain;

namespace SakraStader.Data;

/// <summary>
/// The one place where an edited aggregate gets its new version: on every save, each <see cref="IVersioned"/> root that
/// was changed, or whose part (anything the root reaches through its navigations, at any depth) was added, changed or
/// removed, gets a new <see cref="IVersioned.Version"/>. As a concurrency token the stored version is compared in the
/// same UPDATE, so of two saves made from the same version the second is refused (DbUpdateConcurrencyException, which
/// the command path answers as a conflict), even when the two changed different parts. Nothing in the model touches
/// the version itself.
/// </summary>
public static class Versioning
{
    /// <summary>Stamps a new version on every changed aggregate; returns (root id, version before, version after).</summary>
    public static IReadOnlyList<SavedVersion> Stamp(DbContext db)
    {
        var stamped = new List<SavedVersion>();
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        foreach (var entry in db.ChangeTracker.Entries().ToList())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }
            var root = RootOf(db, entry);
            if (root is null || root.State is EntityState.Added or EntityState.Deleted || !seen.Add(root.Entity))
            {
                continue;
            }
            var version = root.Property(nameof(IVersioned.Version));
            var before = (Guid)version.OriginalValue!;
            var after = Guid.NewGuid();
            version.CurrentValue = after;
            stamped.Add(new SavedVersion(((IVersioned)root.Entity).Id, before, after));
        }
        return stamped;
    }

    /// <summary>The aggregate root an entry belongs to: itself, or the nearest versioned owner up its navigations.</summary>
    private static EntityEntry? RootOf(DbContext db, EntityEntry entry)
    {
        if (RootTypeOf(entry.Metadata) is null)
        {
            return null; // no part of an aggregate (an imported incident, an audit row): nothing to look up
        }
        var current = entry;
        for (var depth = 0; depth < 8; depth++)
        {
            if (current.Entity is IVersioned)
            {
                return current;
            }
            var owner = OwnerOf(current.Metadata)!;
            var id = OwnerId(current, owner);
            if (id is null)
            {
                return null;
            }
            // Tracked already in nearly every case (the command loaded the aggregate to change it); else read.
            var principal = db.Find(owner.PrincipalEntityType.ClrType, id);
            if (principal is null)
            {
                // Removed with its root, or pointing at a root this kommun cannot see (the database's tenant-scoped
                // foreign key refuses that save): nothing to version.
                return null;
            }
            current = db.Entry(principal);
        }
        return null;
    }

    private static readonly ConcurrentDictionary<IEntityType, (IForeignKey? Owner, IEntityType? Root)> Shapes = new();

    /// <summary>
    /// The relationship through which a type is a part of a versioned aggregate: its principal holds a navigation to it
    /// (a collection or a reference) and is itself the root or a part.
    /// </summary>
    public static IForeignKey? OwnerOf(IEntityType type) => ShapeOf(type, 0).Owner;

    /// <summary>The versioned root that owns a part type, or null when the type is no part of a versioned aggregate.</summary>
    public static IEntityType? RootTypeOf(IEntityType type) => ShapeOf(type, 0).Root;

    private static (IForeignKey? Owner, IEntityType? Root) ShapeOf(IEntityType type, int depth)
    {
        if (Shapes.TryGetValue(type, out var known))
        {
            return known;
        }
        (IForeignKey?, IEntityType?) shape = (null, null);
        if (typeof(IVersioned).IsAssignableFrom(type.ClrType))
        {
            shape = (null, type);
        }
        else if (depth < 8)
        {
            foreach (var fk in type.GetForeignKeys().Where(fk => fk.PrincipalToDependent is not null && fk.PrincipalEntityType != type))
            {
                if (ShapeOf(fk.PrincipalEntityType, depth + 1).Root is { } root)
                {
                    shape = (fk, root);
                    break;
                }
            }
        }
        Shapes[type] = shape;
        return shape;
    }

    private static object?[]? OwnerId(EntityEntry entry, IForeignKey owner)
    {
        var primary = owner.PrincipalEntityType.FindPrimaryKey()!.Properties;
        var values = new object?[primary.Count];
        for (var i = 0; i < primary.Count; i++)
        {
            var index = owner.PrincipalKey.Properties.ToList().IndexOf(primary[i]);
            if (index < 0)
            {
                throw new InvalidOperationException($"{entry.Metadata.ClrType.Name}: the relationship to its owner does not hold the owner's key.");
            }
            var property = entry.Property(owner.Properties[index].Name);
            values[i] = entry.State == EntityState.Deleted ? property.OriginalValue : property.CurrentValue;
        }
        return values.Any(v => v is null) ? null : values;
    }
}

/// <summary>An aggregate's version before and after a save.</summary>
public sealed record SavedVersion(Guid Id, Guid Previous, Guid Version);
