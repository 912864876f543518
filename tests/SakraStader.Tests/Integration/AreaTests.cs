using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SakraStader.Auditing;
using SakraStader.Domain;
using SakraStader.Features.Areas;
using SakraStader.Features.Commands;
using SakraStader.Tenancy;
using SakraStader.Tests.Support;

namespace SakraStader.Tests.Integration;

/// <summary>
/// The kommun's areas (with their boundaries) and incident categories, kept by the samordnare through the command path
/// the areas page uses: what is stored, its audit rows, and the refusals that save nothing.
/// </summary>
[Trait("Category", "Integration")]
public sealed class AreaTests(TestApp app) : IClassFixture<TestApp>
{
    private static readonly KommunRoleRequirement Samordnare = new(Role.Samordnare);

    private Task<CommandResult> SendAsync(string kommun, Func<AreaWork, CancellationToken, Task> command) =>
        app.AsUserAsync(TestApp.Email("samordnare", kommun), kommun, ops => ops.SendAsync(Samordnare, null, command, "Sparat."));

    /// <summary>The audit rows of one entity, oldest first.</summary>
    private Task<List<AuditEntry>> AuditAsync(string kommun, Guid id) =>
        app.WithDbAsync(kommun, db => db.AuditEntries.Where(a => a.EntityId == id.ToString()).OrderBy(a => a.Id).ToListAsync());

    private Task<Area> AreaAsync(string kommun, string name) =>
        app.WithDbAsync(kommun, db => db.Areas.AsNoTracking().SingleAsync(a => a.Name == name));

    [Fact]
    public async Task A_new_area_is_saved_with_one_audit_row_and_its_name_in_other_letter_case_is_refused_at_the_name()
    {
        Assert.True((await SendAsync("kristianstad", (w, ct) => w.AddAreaAsync("  Söder  ", ct))).Succeeded);
        var area = await AreaAsync("kristianstad", "Söder");
        Assert.False(area.Archived);
        var audit = Assert.Single(await AuditAsync("kristianstad", area.Id));
        Assert.Equal((nameof(Area), AuditAction.Created), (audit.EntityType, audit.Action));
        Assert.Equal("Söder", AuditJson.Parse(audit.Changes)["Name"].To);

        var duplicate = await SendAsync("kristianstad", (w, ct) => w.AddAreaAsync("SÖDER", ct));
        Assert.Equal((false, "Det finns redan ett område med det namnet.", nameof(Area.Name)), (duplicate.Succeeded, duplicate.Message, duplicate.Field));
        var names = await app.WithDbAsync("kristianstad", db => db.Areas.Select(a => a.Name).ToListAsync());
        Assert.Single(names, n => string.Equals(n, "Söder", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task An_area_is_archived_and_taken_back_as_chosen_each_audited_and_another_kommuns_area_is_not_found()
    {
        var rud = await AreaAsync("karlstad", "Rud");
        // Sent twice (two open pages): the state chosen, not a toggle; the second changes nothing and leaves no audit row.
        Assert.True((await SendAsync("karlstad", (w, ct) => w.SetArchivedAsync(rud.Id, true, ct))).Succeeded);
        Assert.True((await SendAsync("karlstad", (w, ct) => w.SetArchivedAsync(rud.Id, true, ct))).Succeeded);
        Assert.True((await AreaAsync("karlstad", "Rud")).Archived);
        Assert.True((await SendAsync("karlstad", (w, ct) => w.SetArchivedAsync(rud.Id, false, ct))).Succeeded);
        Assert.False((await AreaAsync("karlstad", "Rud")).Archived);
        var updates = (await AuditAsync("karlstad", rud.Id)).Where(a => a.Action == AuditAction.Updated).Select(a => AuditJson.Parse(a.Changes)["Archived"]);
        Assert.Equal([new AuditChange("False", "True"), new AuditChange("True", "False")], updates);

        // Örebro's samordnare sends Karlstad's area: it is not found, and nothing is stored or audited.
        var foreign = await SendAsync("orebro", (w, ct) => w.SetArchivedAsync(rud.Id, true, ct));
        Assert.Equal((false, "Området finns inte i kommunen.", "AreaId"), (foreign.Succeeded, foreign.Message, foreign.Field));
        Assert.False((await AreaAsync("karlstad", "Rud")).Archived);
        Assert.Equal(2, (await AuditAsync("karlstad", rud.Id)).Count(a => a.Action == AuditAction.Updated));
    }

    [Fact]
    public async Task A_polygon_boundary_is_stored_as_a_multipolygon_a_point_or_blank_text_is_refused_and_null_removes_it()
    {
        var jordbro = await AreaAsync("haninge", "Jordbro");
        const string polygon = """{"type":"Polygon","coordinates":[[[18.12,59.14],[18.16,59.14],[18.16,59.16],[18.12,59.14]]]}""";
        Assert.True((await SendAsync("haninge", (w, ct) => w.SetBoundaryAsync(jordbro.Id, polygon, ct))).Succeeded);
        var stored = (await AreaAsync("haninge", "Jordbro")).Boundary!;
        using (var json = JsonDocument.Parse(stored))
        {
            Assert.Equal("MultiPolygon", json.RootElement.GetProperty("type").GetString());
            var ring = json.RootElement.GetProperty("coordinates")[0][0];
            Assert.Equal(4, ring.GetArrayLength());
            Assert.Equal((18.12, 59.14), (ring[0][0].GetDouble(), ring[0][1].GetDouble()));
        }

        var point = await SendAsync("haninge", (w, ct) => w.SetBoundaryAsync(jordbro.Id, """{"type":"Point","coordinates":[18.14,59.15]}""", ct));
        Assert.Equal(("Gränsen måste vara en Polygon eller MultiPolygon i GeoJSON.", "GeoJson"), (point.Message, point.Field));
        var blank = await SendAsync("haninge", (w, ct) => w.SetBoundaryAsync(jordbro.Id, "  ", ct));
        Assert.Equal(("Välj en GeoJSON-fil eller klistra in gränsen.", "GeoJson"), (blank.Message, blank.Field));
        Assert.Equal(stored, (await AreaAsync("haninge", "Jordbro")).Boundary);

        Assert.True((await SendAsync("haninge", (w, ct) => w.SetBoundaryAsync(jordbro.Id, null, ct))).Succeeded);
        Assert.Null((await AreaAsync("haninge", "Jordbro")).Boundary);
        var last = (await AuditAsync("haninge", jordbro.Id)).Last();
        Assert.Equal(new AuditChange(stored, null), AuditJson.Parse(last.Changes)["Boundary"]);
    }

    [Fact]
    public async Task A_new_category_comes_after_the_last_one_with_an_audit_row_and_a_duplicate_is_refused_at_the_name()
    {
        var last = await app.WithDbAsync("boras", db => db.IncidentCategories.MaxAsync(c => c.Order));
        Assert.True((await SendAsync("boras", (w, ct) => w.AddCategoryAsync("Buskörning", ct))).Succeeded);
        var category = await app.WithDbAsync("boras", db => db.IncidentCategories.SingleAsync(c => c.Name == "Buskörning"));
        Assert.Equal(last + 1, category.Order);
        var audit = Assert.Single(await AuditAsync("boras", category.Id));
        Assert.Equal((nameof(IncidentCategory), AuditAction.Created), (audit.EntityType, audit.Action));

        var count = await app.WithDbAsync("boras", db => db.IncidentCategories.CountAsync());
        var duplicate = await SendAsync("boras", (w, ct) => w.AddCategoryAsync("klotter", ct));
        Assert.Equal((false, "Kategorin finns redan.", nameof(IncidentCategory.Name)), (duplicate.Succeeded, duplicate.Message, duplicate.Field));
        Assert.Equal(count, await app.WithDbAsync("boras", db => db.IncidentCategories.CountAsync()));
    }

    [Fact]
    public async Task Hiding_and_showing_a_category_stores_the_flag_chosen_and_audits_each_change()
    {
        var klotter = await app.WithDbAsync("orebro", db => db.IncidentCategories.Where(c => c.Name == "Klotter").Select(c => c.Id).SingleAsync());
        Task<bool> Hidden() => app.WithDbAsync("orebro", db => db.IncidentCategories.Where(c => c.Id == klotter).Select(c => c.Hidden).SingleAsync());

        Assert.True((await SendAsync("orebro", (w, ct) => w.SetHiddenAsync(klotter, true, ct))).Succeeded);
        Assert.True(await Hidden());
        Assert.True((await SendAsync("orebro", (w, ct) => w.SetHiddenAsync(klotter, false, ct))).Succeeded);
        Assert.False(await Hidden());
        var updates = (await AuditAsync("orebro", klotter)).Where(a => a.Action == AuditAction.Updated).Select(a => AuditJson.Parse(a.Changes)["Hidden"]);
        Assert.Equal([new AuditChange("False", "True"), new AuditChange("True", "False")], updates);
    }
}
