using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using SakraStader.Domain;

namespace SakraStader.Data;

/// <summary>
/// SQL Server refuses a foreign key whose delete action (CASCADE or SET NULL) would give a table a second path of such
/// actions from another table, or close a circle ("may cause cycles or multiple cascade paths"). Our model has many: every
/// tenant table is deleted with its kommun, and with its parent too (a section with its lägesbild, which goes with its
/// kommun). So on SQL Server the foreign keys are taken in order: a parent's own children first, then the kommun's
/// tables without a parent of their own, then the rest of the kommun's; one that would make a second path or a circle
/// leaves its delete to EF Core (ClientCascade / ClientSetNull: the database says NO ACTION). A kommun's delete then
/// still reaches every table, through the aggregate roots. The records concerned are deleted by the app with their aggregate, which EF Core loads;
/// a kommun is never deleted by the app.
/// </summary>
public static class SqlServerCascades
{
    /// <summary>Applies the rule; returns the foreign keys left to EF Core, as "Dependent(Columns) -> Principal".</summary>
    public static IReadOnlyList<string> Apply(IMutableModel model)
    {
        var edges = new Dictionary<string, HashSet<string>>();
        var left = new List<string>();
        var acting = model.GetEntityTypes()
            .SelectMany(t => t.GetDeclaredForeignKeys())
            .Where(fk => Acts(fk.DeleteBehavior) && fk.DeclaringEntityType.GetTableName() is not null && fk.PrincipalEntityType.GetTableName() is not null)
            .ToList();
        // Tables deleted with a parent of their own: their kommun's delete reaches them through that parent.
        var hasParent = acting.Where(fk => fk.PrincipalEntityType.ClrType != typeof(Kommun))
            .Select(fk => fk.DeclaringEntityType.GetTableName()!).ToHashSet(StringComparer.Ordinal);
        var keys = acting
            .OrderBy(fk => fk.PrincipalEntityType.ClrType != typeof(Kommun) ? 0 : hasParent.Contains(fk.DeclaringEntityType.GetTableName()!) ? 2 : 1)
            .ThenBy(fk => fk.DeclaringEntityType.GetTableName(), StringComparer.Ordinal)
            .ThenBy(fk => string.Join(",", fk.Properties.Select(p => p.Name)), StringComparer.Ordinal)
            .ToList();
        foreach (var fk in keys)
        {
            var principal = fk.PrincipalEntityType.GetTableName()!;
            var dependent = fk.DeclaringEntityType.GetTableName()!;
            if (WouldConflict(edges, principal, dependent))
            {
                fk.DeleteBehavior = fk.DeleteBehavior == DeleteBehavior.SetNull ? DeleteBehavior.ClientSetNull : DeleteBehavior.ClientCascade;
                left.Add($"{dependent}({string.Join(", ", fk.Properties.Select(p => p.Name))}) -> {principal}");
                continue;
            }
            (edges.TryGetValue(principal, out var to) ? to : edges[principal] = []).Add(dependent);
        }
        return left;
    }

    /// <summary>Whether the database would act on a delete through this foreign key.</summary>
    public static bool Acts(DeleteBehavior behavior) => behavior is DeleteBehavior.Cascade or DeleteBehavior.SetNull;

    /// <summary>
    /// An edge principal → dependent conflicts if it closes a circle (the dependent already reaches the principal, or
    /// they are the same table), or if a table that reaches the principal (or the principal itself) already reaches the
    /// dependent or a table below it: that would be a second path.
    /// </summary>
    public static bool WouldConflict(IReadOnlyDictionary<string, HashSet<string>> edges, string principal, string dependent)
    {
        if (principal == dependent || Reach(edges, dependent).Contains(principal))
        {
            return true;
        }
        var below = Reach(edges, dependent);
        below.Add(dependent);
        var above = edges.Keys.Where(table => Reach(edges, table).Contains(principal)).Append(principal);
        return above.Any(table => Reach(edges, table).Overlaps(below));
    }

    /// <summary>The tables a delete in <paramref name="table"/> reaches through the database's actions.</summary>
    public static HashSet<string> Reach(IReadOnlyDictionary<string, HashSet<string>> edges, string table)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>([table]);
        while (stack.TryPop(out var current))
        {
            foreach (var next in edges.GetValueOrDefault(current) ?? [])
            {
                if (seen.Add(next))
                {
                    stack.Push(next);
                }
            }
        }
        return seen;
    }
}
