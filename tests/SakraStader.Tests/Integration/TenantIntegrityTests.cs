using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using SakraStader.Data;
using SakraStader.Domain;
using SakraStader.Tests.Support;

namespace SakraStader.Tests.Integration;

/// <summary>
/// The database refuses a reference from one kommun's row to another kommun's row, through every relationship of the
/// model. The relationships are read from the model (not listed here), so a new one is covered by itself.
/// </summary>
[Trait("Category", "Integration")]
public sealed class TenantIntegrityTests(TestApp app) : IClassFixture<TestApp>
{
    private static IEnumerable<IForeignKey> TenantReferences(AppDbContext db) =>
        db.Model.GetEntityTypes().Where(TenantKeys.IsTenantOwned)
            .SelectMany(t => t.GetDeclaredForeignKeys())
            .Where(fk => TenantKeys.IsTenantOwned(fk.PrincipalEntityType));

    [Fact]
    public async Task Every_reference_between_tenant_owned_tables_includes_the_kommun()
    {
        var references = await app.WithDbAsync(null, db => Task.FromResult(TenantReferences(db).ToList()));

        Assert.True(references.Count >= 30, $"Bara {references.Count} relationer hittades.");
        Assert.All(references, fk =>
        {
            Assert.Equal([nameof(ITenantOwned.KommunId)], fk.Properties.Take(1).Select(p => p.Name));
            Assert.Equal([nameof(ITenantOwned.KommunId)], fk.PrincipalKey.Properties.Take(1).Select(p => p.Name));
            Assert.Equal(2, fk.Properties.Count);
        });
    }

    [Fact]
    public async Task The_database_refuses_a_reference_to_another_kommuns_row_through_every_relationship()
    {
        var references = await app.WithDbAsync(null, db => Task.FromResult(TenantReferences(db)
            .Select(fk => (Dependent: fk.DeclaringEntityType.GetTableName()!, Column: fk.Properties[1].GetColumnName(),
                Principal: fk.PrincipalEntityType.GetTableName()!, Name: $"{fk.DeclaringEntityType.ClrType.Name}.{fk.Properties[1].Name} → {fk.PrincipalEntityType.ClrType.Name}"))
            .ToList()));

        var untried = new List<string>();
        var accepted = new List<string>();
        foreach (var (dependent, column, principal, name) in references)
        {
            // One row of the dependent table made to point at a row of the principal table in another kommun.
            var sql = $"""
                UPDATE "{dependent}" SET "{column}" = (SELECT p."Id" FROM "{principal}" p WHERE p."KommunId" <> "{dependent}"."KommunId" ORDER BY p."Id" LIMIT 1)
                WHERE "Id" = (SELECT d."Id" FROM "{dependent}" d WHERE EXISTS (SELECT 1 FROM "{principal}" p2 WHERE p2."KommunId" <> d."KommunId") ORDER BY d."Id" LIMIT 1)
                """;
            try
            {
                var changed = await app.WithDbAsync(null, db => db.Database.ExecuteSqlRawAsync(sql));
                (changed == 0 ? untried : accepted).Add(name);
            }
            catch (DbException)
            {
                // Refused by the database: the composite key (KommunId, Id) has no such parent in this kommun.
            }
        }

        Assert.Empty(accepted);
        Assert.True(untried.Count == 0, "Ingen rad att pröva för: " + string.Join(", ", untried));
    }
}
