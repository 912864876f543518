using System.Net;
using SakraStader.Auditing;
using Microsoft.EntityFrameworkCore;
using SakraStader.Components.Lists;
using SakraStader.Domain;
using SakraStader.Features.Audit;
using SakraStader.Features.Import;
using SakraStader.Tests.Support;

namespace SakraStader.Tests.Integration;

/// <summary>The change log's filters (who, what, when, which record), its names in Swedish and its CSV export.</summary>
[Trait("Category", "Integration")]
public sealed class AuditLogTests(TestApp app) : IClassFixture<TestApp>
{
    private sealed record Seeded(Guid Samordnare, Guid Medlem, string SamordnareName, string MedlemName, string MedlemOrganisation, string Record, Guid Area, string Marker);

    /// <summary>Four changes in Karlskoga-like isolation (kristianstad): two by the samordnare, two by a member, on two days.</summary>
    private Task<Seeded> SeedAsync() => app.WithDbAsync("kristianstad", async db =>
    {
        var kommun = await db.Kommuner.SingleAsync(k => k.Slug == "kristianstad");
        var people = await (from m in db.Memberships
                            join u in db.Users on m.UserId equals u.Id
                            where m.Role == Role.Samordnare || m.Role == Role.Medlem
                            select new { u.Id, u.Email, u.DisplayName, m.Role, m.OrganisationName }).ToListAsync();
        var samordnare = people.First(p => p.Role == Role.Samordnare);
        var medlem = people.First(p => p.Role == Role.Medlem);
        var area = await db.Areas.FirstAsync();
        var record = Guid.NewGuid().ToString();
        var marker = "Loggtest" + record[..6];
        var day1 = SwedishTime.At(new DateOnly(2024, 2, 10), new TimeOnly(10, 0));
        var day2 = SwedishTime.At(new DateOnly(2024, 2, 20), new TimeOnly(10, 0));
        db.AuditEntries.Add(new AuditEntry(kommun.Id, samordnare.Id, samordnare.Email!, day1, nameof(Incident), record, AuditAction.Created,
            $$$"""{"AreaId":{"From":null,"To":"{{{area.Id}}}"},"Description":{"From":null,"To":"{{{marker}}} klotter"}}"""));
        db.AuditEntries.Add(new AuditEntry(kommun.Id, medlem.Id, medlem.Email!, day2, nameof(Incident), record, AuditAction.Updated,
            $$$"""{"Description":{"From":"{{{marker}}} klotter","To":"{{{marker}}} klotter på gaveln"}}"""));
        db.AuditEntries.Add(new AuditEntry(kommun.Id, medlem.Id, medlem.Email!, day2, nameof(Area), Guid.NewGuid().ToString(), AuditAction.Updated,
            $$$"""{"Name":{"From":"{{{marker}}} A","To":"{{{marker}}} B"}}"""));
        db.AuditEntries.Add(new AuditEntry(kommun.Id, samordnare.Id, samordnare.Email!, day2.AddDays(30), nameof(ImportBatch), Guid.NewGuid().ToString(), AuditAction.Updated,
            """{"Status":{"From":"Pending","To":"Committed"}}"""));
        await db.SaveChangesAsync();
        return new Seeded(samordnare.Id, medlem.Id, samordnare.DisplayName, medlem.DisplayName, medlem.OrganisationName, record, area.Id, marker);
    });

    private Task<AuditPageModel> ReadAsync(AuditFilter filter, string? search) =>
        app.AsUserAsync(TestApp.Email("samordnare", "kristianstad"), "kristianstad",
            ops => ops.ReadAsync<AuditWork, AuditPageModel>((w, ct) => w.ReadAsync(filter, ListView.From(search, null, 1), ct)));

    [Fact]
    public async Task The_log_filters_by_who_what_when_and_record_and_names_people_and_fields_in_swedish()
    {
        var seeded = await SeedAsync();

        var all = await ReadAsync(new AuditFilter(null, null, "2024-02-01", "2024-02-29", null), seeded.Marker);
        Assert.Equal(3, all.Page.Items.Count);
        Assert.Equal($"{seeded.MedlemName}, {seeded.MedlemOrganisation}", all.Page.Items[0].Who);
        Assert.DoesNotContain(all.Page.Items, r => r.Who.Contains('@', StringComparison.Ordinal));

        var byMember = await ReadAsync(new AuditFilter(null, seeded.Medlem.ToString(), null, null, null), seeded.Marker);
        Assert.Equal(2, byMember.Page.Items.Count);
        var areas = await ReadAsync(new AuditFilter(nameof(Area), null, null, null, null), seeded.Marker);
        Assert.Equal(nameof(Area), Assert.Single(areas.Page.Items).EntityType);
        var record = await ReadAsync(new AuditFilter(null, null, null, null, seeded.Record), null);
        Assert.Equal([AuditAction.Updated, AuditAction.Created], record.Page.Items.Select(r => r.Action));
        var day1 = await ReadAsync(new AuditFilter(null, null, "2024-02-10", "2024-02-10", null), seeded.Marker);
        Assert.Equal(AuditAction.Created, Assert.Single(day1.Page.Items).Action);

        // Fields and ids in words: the area by its name, the field as the form names it.
        var created = record.Page.Items[1];
        var summary = AuditText.Summary(created.EntityType, created.Action, created.Changes, record.Names);
        var areaName = await app.WithDbAsync("kristianstad", db => db.Areas.Where(a => a.Id == seeded.Area).Select(a => a.Name).SingleAsync());
        Assert.Contains($"Område: {areaName}", summary, StringComparison.Ordinal);
        Assert.Contains($"Beskrivning: {seeded.Marker} klotter", summary, StringComparison.Ordinal);
        Assert.Equal("händelse", AuditText.Entity(created.EntityType));
        var import = await ReadAsync(new AuditFilter(nameof(ImportBatch), null, null, null, null), null);
        Assert.Contains(import.Page.Items.SelectMany(r => AuditText.Fields(r.EntityType, r.Changes, import.Names)), f => f == ("Status", "väntar på bekräftelse", "importerad"));
    }

    [Fact]
    public void Dates_kept_the_invariant_way_are_shown_the_swedish_way()
    {
        // As the audit writes them: a date with the invariant culture, a time as ISO 8601 (UTC here).
        var changes = new Dictionary<string, AuditChange>
        {
            ["ValidFrom"] = new(null, new DateOnly(2026, 7, 31).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ["PublishedAt"] = new(null, new DateTimeOffset(2026, 11, 28, 22, 35, 51, TimeSpan.Zero).ToString("O")),
            ["Title"] = new(null, "12/31/99 är inget datum"),
        };
        var summary = AuditText.Summary(nameof(Medborgarlofte), AuditAction.Created, changes, new Dictionary<string, string>());
        Assert.Contains("2026-07-31", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("07/31/2026", summary, StringComparison.Ordinal);
        Assert.Contains("2026-11-28 23:35", summary, StringComparison.Ordinal); // Swedish local time (CET)
        Assert.DoesNotContain("T22:35", summary, StringComparison.Ordinal);
        Assert.Contains("12/31/99 är inget datum", summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("?fran=0001-01-01&till=9999-99-99")]
    [InlineData("?vem=inte-ett-id&typ=DROP")]
    [InlineData("?sida=x&sortera=-Id;--")]
    public async Task An_odd_value_in_the_logs_address_is_ignored_with_a_message_not_an_error(string query)
    {
        using var client = await app.SignedInClientAsync(TestApp.Email("samordnare", "orebro"));
        using var response = await client.GetAsync("/orebro/logg" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = AppClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Ändringslogg", page.QuerySelector("h1")!.TextContent);
        if (!query.Contains("sida", StringComparison.Ordinal))
        {
            Assert.Contains(page.QuerySelectorAll(".mud-alert"), a => a.TextContent.Contains("inte förstods", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task The_export_holds_the_filtered_view_with_names_not_e_mail_and_is_for_the_samordnare_only()
    {
        var seeded = await SeedAsync();
        using var client = await app.SignedInClientAsync(TestApp.Email("samordnare", "kristianstad"));
        var bytes = await client.Http.GetByteArrayAsync($"/kristianstad/logg.csv?vem={seeded.Medlem}&sok={seeded.Marker}");
        var rows = CsvReader.Read(bytes).Select(r => r.Fields).ToList();

        Assert.Equal(AuditWork.ExportHeader, rows[0]);
        Assert.Equal(2, rows.Count - 1);
        Assert.All(rows.Skip(1), r => Assert.Equal($"{seeded.MedlemName}, {seeded.MedlemOrganisation}", r[1]));
        Assert.Contains(rows.Skip(1), r => r[3] == "område" && r[5] == $"Namn: {seeded.Marker} A → {seeded.Marker} B");
        Assert.DoesNotContain("@", System.Text.Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);

        using var medlem = await app.SignedInClientAsync(TestApp.Email("medlem", "kristianstad"));
        using var denied = await medlem.GetAsync("/kristianstad/logg.csv");
        Assert.NotEqual(HttpStatusCode.OK, denied.StatusCode);
        using var other = await app.SignedInClientAsync(TestApp.Email("samordnare", "orebro"));
        var foreign = CsvReader.Read(await other.Http.GetByteArrayAsync($"/orebro/logg.csv?sok={seeded.Marker}")).ToList();
        Assert.Single(foreign); // the header: Kristianstad's changes are not Örebro's
    }
}
