using System.Net;
using Microsoft.EntityFrameworkCore;
using SakraStader.Components.Lists;
using SakraStader.Domain;
using SakraStader.Features.Commands;
using SakraStader.Features.Incidents;
using SakraStader.Tenancy;
using SakraStader.Tests.Support;

namespace SakraStader.Tests.Integration;

/// <summary>Reporting a händelse through the command path, and the list's filters from the address.</summary>
[Trait("Category", "Integration")]
public sealed class IncidentTests(TestApp app) : IClassFixture<TestApp>
{
    private Task<CommandResult<Guid>> ReportAsync(string email, string kommun, IncidentInput input) =>
        app.AsUserAsync(email, kommun, ops => ops.SendAsync<IncidentWork, Guid>(new KommunRoleRequirement(Role.Inrapportor), null,
            (w, ct) => w.ReportAsync(input, ct), "Händelsen är sparad."));

    private async Task<IncidentInput> InputAsync(string kommun, string description, string? category = null, string? area = null) =>
        await app.WithDbAsync(kommun, async db => new IncidentInput
        {
            CategoryId = await db.IncidentCategories.Where(c => category == null || c.Name == category).Select(c => c.Id).FirstAsync(),
            AreaId = await db.Areas.Where(a => !a.Archived && (area == null || a.Name == area)).Select(a => a.Id).FirstAsync(),
            Place = "Torget",
            Date = TestClock.Today.AddDays(-1).ToDateTime(TimeOnly.MinValue),
            Time = "21:15",
            Organisation = "",
            Description = description,
        });

    [Fact]
    public async Task An_inrapportor_reports_an_incident_and_sees_only_their_own_reports()
    {
        var email = TestApp.Email("inrapportor", "boras");
        var input = await InputAsync("boras", "Sopor utspridda runt återvinningen.", "Nedskräpning", "Norrby");
        input.Place = "Norrby torg";
        input.Organisation = "Allmännyttans bostadsbolag";

        var result = await ReportAsync(email, "boras", input);

        Assert.True(result.Succeeded, result.Message);
        var incident = await app.WithDbAsync("boras", db => db.Incidents.SingleAsync(i => i.Id == result.Value));
        Assert.Equal((input.CategoryId!.Value, input.AreaId!.Value, "Norrby torg", "Allmännyttans bostadsbolag", "Sopor utspridda runt återvinningen."),
            (incident.CategoryId, incident.AreaId, incident.Place, incident.Organisation, incident.Description));
        Assert.Equal(SwedishTime.At(TestClock.Today.AddDays(-1), new TimeOnly(21, 15)), incident.OccurredAt);
        Assert.True(await app.WithDbAsync("boras", db => db.AuditEntries.AnyAsync(a => a.EntityId == incident.Id.ToString() && a.Action == AuditAction.Created)));

        // The next form starts in the area of the latest report.
        var form = await app.AsUserAsync(email, "boras", ops => ops.ReadAsync<IncidentWork, IncidentFormModel>((w, ct) => w.ReadFormAsync(ct)));
        Assert.Equal(input.AreaId, form.UsualAreaId);

        using var client = await app.SignedInClientAsync(email);
        var list = await client.PageAsync("/boras/handelser");
        Assert.Equal("Mina rapporterade händelser", list.QuerySelector("h1")!.TextContent);
        var rows = list.QuerySelectorAll("tbody tr");
        Assert.Single(rows);
        Assert.Contains("Sopor utspridda", rows[0].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_personnummer_a_control_character_or_an_implausible_date_is_refused_at_its_field_and_nothing_is_saved()
    {
        var email = TestApp.Email("medlem", "haninge");
        var before = await app.WithDbAsync("haninge", db => db.Incidents.CountAsync());

        var personnummer = await ReportAsync(email, "haninge", await InputAsync("haninge", "Bråk, en av dem 19811218-9876."));
        Assert.Equal((false, PersonalData.Message, nameof(IncidentInput.Description)), (personnummer.Succeeded, personnummer.Message, personnummer.Field));

        var nul = await InputAsync("haninge", "Klotter på gaveln.");
        nul.Place = "Torg\0et";
        var control = await ReportAsync(email, "haninge", nul);
        Assert.Equal(nameof(IncidentInput.Place), control.Field);
        Assert.Contains("styrtecken", control.Message, StringComparison.Ordinal);

        var future = await InputAsync("haninge", "Klotter på gaveln.");
        future.Date = TestClock.Today.AddDays(2).ToDateTime(TimeOnly.MinValue);
        var ahead = await ReportAsync(email, "haninge", future);
        Assert.Equal((nameof(IncidentInput.Date), "Händelsen kan inte ha inträffat i framtiden."), (ahead.Field, ahead.Message));

        var old = await InputAsync("haninge", "Klotter på gaveln.");
        old.Date = new DateTime(1986, 3, 14);
        var decades = await ReportAsync(email, "haninge", old);
        Assert.Equal(nameof(IncidentInput.Date), decades.Field);
        Assert.Contains("bakåt i tiden", decades.Message, StringComparison.Ordinal);

        var time = await InputAsync("haninge", "Klotter på gaveln.");
        time.Time = "25:99";
        Assert.Equal(nameof(IncidentInput.Time), (await ReportAsync(email, "haninge", time)).Field);

        Assert.Equal(before, await app.WithDbAsync("haninge", db => db.Incidents.CountAsync()));
    }

    [Fact]
    public async Task Another_kommuns_category_or_area_is_refused_and_nothing_is_saved()
    {
        var orebro = await InputAsync("orebro", "Krossad ruta.");
        var input = await InputAsync("boras", "Krossad ruta i porten.");
        input.AreaId = orebro.AreaId;
        var before = await app.WithDbAsync("boras", db => db.Incidents.CountAsync());

        var area = await ReportAsync(TestApp.Email("samordnare", "boras"), "boras", input);
        Assert.Equal((false, nameof(IncidentInput.AreaId)), (area.Succeeded, area.Field));

        input = await InputAsync("boras", "Krossad ruta i porten.");
        input.CategoryId = orebro.CategoryId;
        var category = await ReportAsync(TestApp.Email("samordnare", "boras"), "boras", input);
        Assert.Equal((false, nameof(IncidentInput.CategoryId)), (category.Succeeded, category.Field));
        Assert.Equal(before, await app.WithDbAsync("boras", db => db.Incidents.CountAsync()));
        Assert.Equal(0, await app.WithDbAsync(null, db => db.Incidents.IgnoreQueryFilters().CountAsync(i => i.Description == "Krossad ruta i porten.")));
    }

    [Theory]
    [InlineData("?manad=0001-01")]
    [InlineData("?manad=9999-12")]
    [InlineData("?manad=x")]
    [InlineData("?ar=-5")]
    [InlineData("?ar=abc")]
    [InlineData("?vecka=2026-W99")]
    [InlineData("?omrade=inte-ett-id&kategori=%00")]
    [InlineData("?sida=abc&sortera=Id;drop")]
    [InlineData("?sida=-3")]
    public async Task An_odd_value_in_the_lists_address_never_fails_the_page(string query)
    {
        using var client = await app.SignedInClientAsync(TestApp.Email("samordnare", "orebro"));
        using var response = await client.GetAsync("/orebro/handelser" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = AppClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Händelser", page.QuerySelector("h1")!.TextContent);
        if (query.StartsWith("?manad", StringComparison.Ordinal) || query.StartsWith("?ar", StringComparison.Ordinal) || query.StartsWith("?vecka", StringComparison.Ordinal))
        {
            Assert.Contains(page.QuerySelectorAll(".mud-alert"), a => a.TextContent.Contains("förstods inte", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task The_list_filters_searches_sorts_and_pages_in_the_database()
    {
        var (area, category) = await app.WithDbAsync("karlstad", async db =>
        {
            var a = db.Areas.Add(new Area("Listområdet")).Entity;
            var c = await db.IncidentCategories.FirstAsync();
            for (var i = 0; i < 60; i++)
            {
                db.Incidents.Add(new Incident(c.Id, a.Id, "", SwedishTime.At(new DateOnly(2025, 3, 1).AddDays(i % 28), new TimeOnly(12, 0)), "Polisen",
                    i == 7 ? "Ett unikt Ärende på torget" : $"Listhändelse {i}", null, TestClock.Now));
            }
            await db.SaveChangesAsync();
            return (a.Id, c.Id);
        });

        async Task<IncidentListModel> List(IncidentFilter filter, ListView view) =>
            await app.AsUserAsync(TestApp.Email("samordnare", "karlstad"), "karlstad", ops => ops.ReadAsync<IncidentWork, IncidentListModel>((w, ct) => w.ListAsync(filter, view, ct)));

        var march = new IncidentFilter("2025-03", null, null, area.ToString(), category.ToString());
        var first = await List(march, ListView.From(null, null, 1));
        Assert.Equal(50, first.Page.Items.Count);
        Assert.True(first.Page.HasNext);
        Assert.Equal(first.Page.Items.OrderByDescending(r => r.OccurredAt).Select(r => r.Id), first.Page.Items.Select(r => r.Id));
        var second = await List(march, ListView.From(null, null, 2));
        Assert.Equal(10, second.Page.Items.Count);
        Assert.False(second.Page.HasNext);
        Assert.Equal("mars 2025", first.PeriodText);

        var found = await List(march, ListView.From("unikt ärende", null, 1));
        Assert.Equal("Ett unikt Ärende på torget", Assert.Single(found.Page.Items).Description);
        Assert.Empty((await List(new IncidentFilter("2025-04", null, null, area.ToString(), null), ListView.Default)).Page.Items);
        Assert.Equal(60, (await List(new IncidentFilter(null, null, "2025", area.ToString(), null), ListView.From(null, "nar", 1))).Page.Items.Count
            + (await List(new IncidentFilter(null, null, "2025", area.ToString(), null), ListView.From(null, "nar", 2))).Page.Items.Count);
        var ignored = await List(new IncidentFilter("0001-01", null, null, area.ToString(), null), ListView.Default);
        Assert.Null(ignored.PeriodText);
        Assert.Contains("0001-01", ignored.Ignored, StringComparison.Ordinal);
    }
}
