using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
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

    /// <summary>One relationship: the dependent's reference property and the principal's key property it points at.</summary>
    private sealed record Reference(Type Dependent, string Property, Type Principal, string PrincipalKey)
    {
        public override string ToString() => $"{Dependent.Name}.{Property} → {Principal.Name}";
    }

    /// <summary>A dependent row of one kommun and a principal row of another kommun, to point it at.</summary>
    private sealed record Attempt(Guid DependentId, Guid DependentKommunId, Guid ForeignPrincipalId);

    /// <summary>Ids kept as a JSON list (as an agreement's areas once were) escape the keys: every such list is a table.</summary>
    [Fact]
    public async Task No_table_keeps_ids_as_a_list_in_one_column()
    {
        var lists = await app.WithDbAsync(null, db => Task.FromResult(db.Model.GetEntityTypes()
            .SelectMany(t => t.GetProperties().Where(p => p.IsPrimitiveCollection).Select(p => $"{t.ClrType.Name}.{p.Name}"))
            .ToList()));
        Assert.Empty(lists);
        var agreement = await app.WithDbAsync("orebro", db => db.CooperationAgreements.Include(a => a.Areas).FirstAsync());
        Assert.NotEmpty(agreement.AreaIds);
        Assert.All(agreement.Areas, a => Assert.Equal(agreement.KommunId, a.KommunId));
    }

    [Fact]
    public async Task The_database_refuses_a_reference_to_another_kommuns_row_through_every_relationship()
    {
        // The demo data has no plan revision or report comment: one of each, made as the app makes them.
        await AddRowsTheDemoDataLacksAsync();
        var references = await app.WithDbAsync(null, db => Task.FromResult(TenantReferences(db)
            .Select(fk => new Reference(fk.DeclaringEntityType.ClrType, fk.Properties[^1].Name, fk.PrincipalEntityType.ClrType, fk.PrincipalKey.Properties[^1].Name))
            .ToList()));
        var slugs = await app.WithDbAsync(null, db => db.Kommuner.ToDictionaryAsync(k => k.Id, k => k.Slug));
        Assert.True(references.Count >= 30, $"Bara {references.Count} relationer hittades.");

        var untried = new List<string>();
        var accepted = new List<string>();
        var refusedOtherwise = new List<string>();
        foreach (var reference in references)
        {
            var attempt = await app.WithDbAsync(null, db => FindAttemptAsync(db, reference));
            if (attempt is null)
            {
                untried.Add(reference.ToString());
                continue;
            }
            try
            {
                // As the app would, inside the dependent's kommun: the row passes the data layer's own tenant check
                // (its KommunId is unchanged), only its reference now names another kommun's row.
                await app.WithDbAsync(slugs[attempt.DependentKommunId], async db =>
                {
                    var row = await db.FindAsync(reference.Dependent, attempt.DependentId)
                        ?? throw new InvalidOperationException($"{reference}: raden {attempt.DependentId} hittades inte.");
                    db.Entry(row).Property(reference.Property).CurrentValue = attempt.ForeignPrincipalId;
                    return await db.SaveChangesAsync();
                });
                accepted.Add(reference.ToString());
            }
            catch (DbUpdateException e) when (IsForeignKeyViolation(e))
            {
                // Refused by the database: there is no (KommunId, Id) parent with this id in the row's own kommun.
            }
            catch (DbUpdateException e)
            {
                refusedOtherwise.Add($"{reference}: {e.InnerException?.Message ?? e.Message}");
            }
        }

        Assert.True(accepted.Count == 0, "Databasen tog emot en referens till en annan kommuns rad: " + string.Join(", ", accepted));
        Assert.True(refusedOtherwise.Count == 0, "Nekad av annat skäl än främmande nyckel: " + string.Join("; ", refusedOtherwise));
        Assert.True(untried.Count == 0, "Ingen rad att pröva för: " + string.Join(", ", untried));
    }

    private static bool IsForeignKeyViolation(DbUpdateException e) => e.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode == 787, // SQLITE_CONSTRAINT_FOREIGNKEY
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.ForeignKeyViolation,
        _ => false,
    };

    private static Task<Attempt?> FindAttemptAsync(AppDbContext db, Reference reference) =>
        (Task<Attempt?>)typeof(TenantIntegrityTests).GetMethod(nameof(FindAttemptOfAsync), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(reference.Dependent, reference.Principal).Invoke(null, [db, reference])!;

    /// <summary>
    /// Any dependent row, and a principal row of some other kommun (every kommun's rows are read: no kommun is set). A
    /// principal that nothing points at yet is preferred, so that a unique index over the reference (a version's
    /// number per parent) cannot be what refuses the change.
    /// </summary>
    private static async Task<Attempt?> FindAttemptOfAsync<TDependent, TPrincipal>(AppDbContext db, Reference reference)
        where TDependent : class where TPrincipal : class
    {
        var principals = await db.Set<TPrincipal>().IgnoreQueryFilters([AppDbContext.TenantFilter])
            .Select(p => new { Kommun = EF.Property<Guid>(p, nameof(ITenantOwned.KommunId)), Id = EF.Property<Guid>(p, reference.PrincipalKey) })
            .ToListAsync();
        var dependents = await db.Set<TDependent>().IgnoreQueryFilters([AppDbContext.TenantFilter])
            .Select(d => new
            {
                Kommun = EF.Property<Guid>(d, nameof(ITenantOwned.KommunId)),
                Id = EF.Property<Guid>(d, nameof(TenantEntity.Id)),
                Reference = EF.Property<Guid?>(d, reference.Property),
            })
            .ToListAsync();
        var referenced = dependents.Select(d => d.Reference).OfType<Guid>().ToHashSet();
        return (from d in dependents
                from p in principals
                where p.Kommun != d.Kommun
                orderby referenced.Contains(p.Id), d.Id, p.Id
                select new Attempt(d.Id, d.Kommun, p.Id)).FirstOrDefault();
    }

    /// <summary>
    /// A plan revision and a report comment (the demo data has neither), and an annual report in a second kommun (the
    /// demo data has one only in Örebro), so that every reference has a row to try and another kommun's row to aim at.
    /// </summary>
    private async Task AddRowsTheDemoDataLacksAsync()
    {
        var at = new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
        var (planKommun, reportKommun, withoutReport) = await app.WithDbAsync(null, async db =>
        {
            var slugs = await db.Kommuner.OrderBy(k => k.Slug).Select(k => new { k.Id, k.Slug }).ToListAsync();
            var planKommuner = await db.Atgardsplaner.IgnoreQueryFilters([AppDbContext.TenantFilter]).Select(p => p.KommunId).Distinct().ToListAsync();
            var reportKommuner = await db.AnnualReports.IgnoreQueryFilters([AppDbContext.TenantFilter]).Select(r => r.KommunId).Distinct().ToListAsync();
            return (slugs.First(k => planKommuner.Contains(k.Id)).Slug, slugs.First(k => reportKommuner.Contains(k.Id)).Slug,
                slugs.First(k => !reportKommuner.Contains(k.Id)).Slug);
        });
        await app.WithDbAsync(planKommun, async db =>
        {
            var plan = await db.Atgardsplaner.OrderBy(p => p.Id).FirstAsync();
            db.Add(new PlanRevision(plan.Id, 1000, "Ny åtgärd efter beslutet.", "Testare", at));
            return await db.SaveChangesAsync();
        });
        await app.WithDbAsync(reportKommun, async db =>
        {
            var report = await db.AnnualReports.OrderBy(r => r.Id).FirstAsync();
            var author = await db.Memberships.OrderBy(m => m.Id).Select(m => m.UserId).FirstAsync();
            db.Add(new ReportComment(report.Id, ReportSection.Sammanfattning, author, "Testare", "Lägg till siffrorna för året.", at));
            return await db.SaveChangesAsync();
        });
        await app.WithDbAsync(withoutReport, async db =>
        {
            var styrgrupp = await db.Groups.OrderBy(g => g.Id).FirstAsync(g => g.Kind == GroupKind.Styrgrupp);
            db.AnnualReports.Add(new AnnualReport(styrgrupp.Id, 2025, 2026));
            return await db.SaveChangesAsync();
        });
    }
}
