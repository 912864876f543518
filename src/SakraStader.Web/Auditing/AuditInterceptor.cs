using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SakraStader.Data;
using SakraStader.Domain;

namespace SakraStader.Auditing;

/// <summary>
/// Records every insert, update and delete of tenant data as an <see cref="AuditEntry"/> in the same SaveChanges,
/// so the change and its audit row commit together or not at all.
/// </summary>
public sealed class AuditInterceptor(TimeProvider time) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        AddAuditEntries(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        AddAuditEntries(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void AddAuditEntries(DbContext? context)
    {
        if (context is not AppDbContext db)
        {
            return;
        }
        var now = time.GetUtcNow();
        foreach (var stamped in db.ChangeTracker.Entries<IStampedOnSave>().Where(e => e.State is EntityState.Added or EntityState.Modified))
        {
            stamped.Entity.StampSaved(now);
        }
        var entries = db.ChangeTracker.Entries<ITenantOwned>()
            .Where(e => e.Entity is not AuditEntry && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Where(e => !(db.BulkImport && e.Entity is IBulkImported && e.State == EntityState.Added))
            .ToList();
        foreach (var entry in entries)
        {
            var action = entry.State switch
            {
                EntityState.Added => AuditAction.Created,
                EntityState.Deleted => AuditAction.Deleted,
                _ => AuditAction.Updated,
            };
            var changes = DescribeChanges(entry);
            if (action == AuditAction.Updated && changes.Count == 0)
            {
                continue;
            }
            db.AuditEntries.Add(new AuditEntry(entry.Entity.KommunId, db.Tenant.UserId, db.Tenant.UserName, now,
                entry.Metadata.ClrType.Name, KeyOf(entry), action, JsonSerializer.Serialize(changes, AuditJson.Default.DictionaryStringAuditChange)));
        }
    }

    private static string KeyOf(EntityEntry entry) =>
        string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue?.ToString()));

    private static Dictionary<string, AuditChange> DescribeChanges(EntityEntry entry)
    {
        var changes = new Dictionary<string, AuditChange>();
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            if (name is nameof(ITenantOwned.KommunId) || property.Metadata.IsConcurrencyToken)
            {
                continue;
            }
            switch (entry.State)
            {
                case EntityState.Added:
                    changes[name] = new AuditChange(null, Format(property.CurrentValue));
                    break;
                case EntityState.Deleted:
                    changes[name] = new AuditChange(Format(property.OriginalValue), null);
                    break;
                default:
                    if (property.IsModified && !Equals(property.OriginalValue, property.CurrentValue))
                    {
                        changes[name] = new AuditChange(Format(property.OriginalValue), Format(property.CurrentValue));
                    }
                    break;
            }
        }
        return changes;
    }

    private static string? Format(object? value) => value switch
    {
        null => null,
        DateTimeOffset d => d.ToString("O"),
        DateTime d => d.ToString("O"),
        byte[] bytes => $"{bytes.Length} byte",
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}

public sealed record AuditChange(string? From, string? To);

/// <summary>Source-generated JSON for the audit trail's change sets: no reflection on the hot path of the log page.</summary>
[System.Text.Json.Serialization.JsonSerializable(typeof(Dictionary<string, AuditChange>))]
public sealed partial class AuditJson : System.Text.Json.Serialization.JsonSerializerContext
{
    public static Dictionary<string, AuditChange> Parse(string json) =>
        JsonSerializer.Deserialize(json, Default.DictionaryStringAuditChange) ?? [];
}
