using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using SakraStader.Data;

namespace SakraStader.Tests.Unit;

/// <summary>
/// What can be checked of SQL Server without a server (none runs on our machines; the hosted workflow
/// .github/workflows/sqlserver.yml applies the script and runs the integration suite on a real one): the migrations
/// cover the model, the idempotent script parses as T-SQL, no table is reached by two delete paths or a circle of them
/// (SQL Server refuses such a foreign key when the script runs), and names sort the Swedish way.
/// </summary>
public sealed class SqlServerModelTests
{
    private static SqlServerAppDbContext Context() => new(new DbContextOptionsBuilder<SqlServerAppDbContext>()
        .UseSqlServer("Server=localhost;Database=modell;TrustServerCertificate=true").Options);

    [Fact]
    public void The_migrations_cover_the_model()
    {
        using var db = Context();
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), "Modellen har ändringar utan SQL Server-migrering: lägg till en (docs/migrations.md).");
    }

    [Fact]
    public void The_idempotent_script_parses_as_T_SQL()
    {
        using var db = Context();
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        var parsed = new TSql170Parser(initialQuotedIdentifiers: true).Parse(new StringReader(script), out var errors);

        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(10).Select(e => $"rad {e.Line}: {e.Message}")));
        var statements = ((TSqlScript)parsed).Batches.SelectMany(b => b.Statements).Count();
        Assert.True(statements > 100, $"{statements} satser");
        Assert.Contains("CREATE TABLE [Lagesbilder]", script, StringComparison.Ordinal);
        Assert.Contains("COLLATE Finnish_Swedish_CI_AS", script, StringComparison.Ordinal);
    }

    [Fact]
    public void No_table_is_reached_by_two_delete_paths_or_a_circle()
    {
        using var db = Context();
        var edges = db.Model.GetEntityTypes().SelectMany(t => t.GetDeclaredForeignKeys())
            .Where(fk => SqlServerCascades.Acts(fk.DeleteBehavior))
            .Select(fk => (From: fk.PrincipalEntityType.GetTableName()!, To: fk.DeclaringEntityType.GetTableName()!))
            .ToList();

        // Count the paths between every two tables through the database's delete actions (the model is small).
        var from = edges.GroupBy(e => e.From).ToDictionary(g => g.Key, g => g.Select(e => e.To).ToList());
        var found = new List<string>();
        foreach (var start in from.Keys)
        {
            var paths = new Dictionary<string, int>();
            void Walk(string table, int depth)
            {
                Assert.True(depth < 50, $"en cirkel av raderingar genom {start}");
                foreach (var next in from.GetValueOrDefault(table) ?? [])
                {
                    Assert.NotEqual(start, next);
                    paths[next] = paths.GetValueOrDefault(next) + 1;
                    Walk(next, depth + 1);
                }
            }
            Walk(start, 0);
            found.AddRange(paths.Where(p => p.Value > 1).Select(p => $"{start} → {p.Key}: {p.Value} vägar"));
        }

        Assert.True(found.Count == 0, string.Join("\n", found));
        // The rule keeps the database's own deletes where they are one path: a lägesbild's sections go with it.
        Assert.Contains(edges, e => e.From == "Lagesbilder" && e.To == "LagesbildSections");
    }

    [Fact]
    public void The_cascade_rule_refuses_a_second_path_and_a_circle()
    {
        var edges = new Dictionary<string, HashSet<string>> { ["Kommuner"] = ["Grupper"], ["Grupper"] = ["Lagesbilder"] };

        Assert.True(SqlServerCascades.WouldConflict(edges, "Kommuner", "Lagesbilder"));   // Kommuner → Grupper → Lagesbilder already
        Assert.True(SqlServerCascades.WouldConflict(edges, "Lagesbilder", "Kommuner"));   // a circle
        Assert.True(SqlServerCascades.WouldConflict(edges, "Grupper", "Lagesbilder"));    // the same pair twice
        Assert.False(SqlServerCascades.WouldConflict(edges, "Lagesbilder", "Avsnitt"));   // one more step down
        Assert.False(SqlServerCascades.WouldConflict(edges, "Kommuner", "Omraden"));      // a new branch
    }

    [Fact]
    public void Names_sort_the_Swedish_way_on_SQL_Server()
    {
        using var db = Context();
        var names = db.GetService<IDesignTimeModel>().Model.GetEntityTypes().SelectMany(t => t.GetProperties()).Where(SwedishOrder.IsName).ToList();

        Assert.NotEmpty(names);
        Assert.All(names, p => Assert.Equal("Finnish_Swedish_CI_AS", p.GetCollation()));
    }
}
