using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using SakraStader.Data;
using SakraStader.Domain;
using SakraStader.Tests.Support;

namespace SakraStader.Tests.Integration;

/// <summary>
/// Names sort as Swedish does in the database, on the provider under test: Å after Z, then Ä, then Ö. SQLite's own
/// order is by code point (Ä before Å), so these fail without the collation.
/// </summary>
[Trait("Category", "Integration")]
public sealed class SwedishOrderTests(TestApp app) : IClassFixture<TestApp>
{
    /// <summary>In neither Swedish nor code-point order.</summary>
    private static readonly string[] Inserted = ["Öster", "Ängen", "Zeta", "Åsen", "Ada"];

    private static readonly string[] Swedish = ["Ada", "Zeta", "Åsen", "Ängen", "Öster"];

    [Fact]
    public async Task The_areas_page_lists_areas_in_Swedish_order()
    {
        await app.WithDbAsync("karlstad", async db =>
        {
            foreach (var name in Inserted)
            {
                db.Areas.Add(new Area(name));
            }
            return await db.SaveChangesAsync();
        });
        using var client = await app.SignedInClientAsync(TestApp.Email("samordnare", "karlstad"));

        var page = await client.PageAsync("/karlstad/omraden");

        var listed = page.QuerySelectorAll("section[aria-labelledby='areas-heading'] tbody th").Select(th => th.TextContent.Trim()).ToList();
        Assert.Equal(Swedish, listed.Where(Swedish.Contains));
    }

    [Fact]
    public async Task A_query_ordered_by_name_is_sorted_in_Swedish_order_by_the_database()
    {
        var groupId = await app.WithDbAsync("boras", async db =>
        {
            var group = db.Groups.Add(new Group("Ordningsgruppen", GroupKind.Annan, "", "")).Entity;
            foreach (var name in Inserted)
            {
                db.GroupMembers.Add(GroupMember.External(group.Id, name, "Räddningstjänsten", ""));
            }
            await db.SaveChangesAsync();
            return group.Id;
        });

        var (names, sql) = await app.WithDbAsync("boras", async db =>
        {
            var query = db.GroupMembers.Where(m => m.GroupId == groupId).OrderBy(m => m.Name).Select(m => m.Name);
            return (await query.ToListAsync(), query.ToQueryString());
        });
        // Translated to SQL ("Name" > 'Zeta'): the database compares by the column's collation, not .NET's culture.
#pragma warning disable CA1309
        var after = await app.WithDbAsync("boras", db =>
            db.GroupMembers.Where(m => m.GroupId == groupId && string.Compare(m.Name, "Zeta") > 0).OrderBy(m => m.Name).Select(m => m.Name).ToListAsync());
#pragma warning restore CA1309

        Assert.Contains("ORDER BY", sql, StringComparison.Ordinal);
        Assert.Equal(Swedish, names);
        Assert.Equal(["Åsen", "Ängen", "Öster"], after);
    }

    [Fact]
    public async Task Every_name_column_carries_the_providers_Swedish_collation_in_the_schema()
    {
        var expected = TestApp.IsPostgres ? SwedishOrder.PostgresCollation : SwedishOrder.SqliteCollation;
        var (model, areasName) = await app.WithDbAsync(null, async db =>
        {
            var names = db.GetService<IDesignTimeModel>().Model.GetEntityTypes().SelectMany(t => t.GetProperties().Where(SwedishOrder.IsName)
                .Select(p => (Column: $"{t.ClrType.Name}.{p.Name}", Collation: p.GetCollation()))).ToList();
            return (names, await AreaNameColumnAsync(db));
        });

        Assert.Superset(new HashSet<string> { "Kommun.Name", "Area.Name", "IncidentCategory.Name", "Group.Name", "GroupMember.Name", "Problem.Title",
            "Atgard.Title", "Atgardsplan.Title", "Medborgarlofte.Title", "AppUser.DisplayName", "Membership.OrganisationName" },
            model.Select(n => n.Column).ToHashSet());
        Assert.All(model, n => Assert.Equal(expected, n.Collation));
        Assert.Contains(expected, areasName, StringComparison.Ordinal);
    }

    /// <summary>What the database itself says about "Areas"."Name": its collation (PostgreSQL) or its definition (SQLite).</summary>
    private static async Task<string> AreaNameColumnAsync(AppDbContext db)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using DbCommand command = connection.CreateCommand();
        command.CommandText = TestApp.IsPostgres
            ? "SELECT collation_name FROM information_schema.columns WHERE table_name = 'Areas' AND column_name = 'Name'"
            : "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'Areas'";
        return (string)(await command.ExecuteScalarAsync())!;
    }
}

public sealed class SwedishCompareTests
{
    [Fact]
    public void Swedish_order_puts_A_ring_then_A_umlaut_then_O_umlaut_after_Z()
    {
        string[] names = ["Öster", "ängen", "Zeta", "Åsen", "Ängen", "Ada", "zeta"];

        Assert.Equal(["Ada", "zeta", "Zeta", "Åsen", "ängen", "Ängen", "Öster"], names.Order(Comparer<string>.Create(SwedishOrder.Compare)));
    }

    [Fact]
    public void Only_equal_strings_compare_equal()
    {
        Assert.Equal(0, SwedishOrder.Compare("Åsen", "Åsen"));
        // A soft hyphen is ignorable to the culture; the ordinal tie-break keeps the strings apart, as a unique index must.
        Assert.NotEqual(0, SwedishOrder.Compare("Åsen", "Å\u00ADsen"));
        Assert.NotEqual(0, SwedishOrder.Compare("Åsen", "A\u030Asen"));
    }
}
