using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using SakraStader.Auditing;
using SakraStader.Domain;
using SakraStader.Features.Commands;
using SakraStader.Features.Import;
using SakraStader.Tenancy;
using SakraStader.Tests.Support;

namespace SakraStader.Tests.Integration;

/// <summary>CSV imports through the command path (as the import pages send them) and their pages: preview and row errors,
/// all or nothing, replacing a period, auditing, permissions, the version the user saw.</summary>
[Trait("Category", "Integration")]
public sealed class ImportTests(TestApp app) : IClassFixture<TestApp>
{
    private const string CrimeHeader = "År;Månad;Område;Brottskategori;Antal";

    /// <summary>What Swedish Excel writes: a byte order mark, CRLF line ends.</summary>
    private static byte[] Excel(params string[] lines) =>
        [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n")];

    private Task<CommandResult<Guid>> SendUploadAsync(string email, string slug, ImportKind kind, byte[] content, string fileName = "fil.csv") =>
        app.AsUserAsync(email, slug, ops => ops.SendAsync<ImportWork, Guid>(new KommunRoleRequirement(Role.Medlem), null,
            (w, ct) => w.UploadAsync(kind, fileName, new MemoryStream(content), ct), "Filen är kontrollerad."));

    private async Task<Guid> UploadAsync(string email, string slug, ImportKind kind, byte[] content, string fileName = "fil.csv")
    {
        var result = await SendUploadAsync(email, slug, kind, content, fileName);
        Assert.True(result.Succeeded, result.Message);
        return result.Value;
    }

    private async Task<CommandResult<int>> CommitAsync(string email, string slug, Guid id, Guid? seen = null)
    {
        var version = seen ?? await app.WithDbAsync(slug, db => db.ImportBatches.Where(b => b.Id == id).Select(b => b.Version).SingleAsync());
        return await app.AsUserAsync(email, slug, ops => ops.SendAsync<ImportWork, int>(new KommunRoleRequirement(Role.Medlem), null,
            (w, ct) => w.CommitAsync(id, version, ct), ""));
    }

    private static bool HasCommitButton(AngleSharp.Dom.IDocument page) =>
        page.QuerySelectorAll("button").Any(b => b.TextContent.Trim().StartsWith("Importera ", StringComparison.Ordinal));

    [Fact]
    public async Task Bad_rows_are_listed_with_line_numbers_and_nothing_is_imported()
    {
        var samordnare = TestApp.Email("samordnare", "haninge");
        using var client = await app.SignedInClientAsync(samordnare);
        var id = await UploadAsync(samordnare, "haninge", ImportKind.CrimeStatistics, Excel(
            CrimeHeader,
            "2019;3;Jordbro;Skadegörelse;12",
            "2019;13;Jordbro;Skadegörelse;4",          // line 3: no such month
            "2019;mars;Atlantis;Stöld;2",              // line 4: unknown area
            "2019;3;Jordbro;Skadegörelse;5",           // line 5: repeats line 2
            "2019;3;Brandbergen;\"Rån; väpnat\";tre",  // line 6: not a number (quoted field with a semicolon)
            "2019;4;Brandbergen;Stöld;7"));

        var page = await client.PageAsync($"/haninge/import/{id}");
        var errors = page.QuerySelectorAll(".error-list tbody tr").Select(r => (r.Children[0].TextContent, r.Children[1].TextContent)).ToList();
        Assert.Equal(["3", "4", "5", "6"], errors.Select(e => e.Item1));
        Assert.Contains("Månad \"13\"", errors[0].Item2, StringComparison.Ordinal);
        Assert.Contains("Området \"Atlantis\" finns inte", errors[1].Item2, StringComparison.Ordinal);
        Assert.Contains("upprepar rad 2", errors[2].Item2, StringComparison.Ordinal);
        Assert.Contains("Antal \"tre\"", errors[3].Item2, StringComparison.Ordinal);
        Assert.False(HasCommitButton(page));

        // Sending the confirmation anyway is refused, and not one of the good rows is stored.
        var forced = await CommitAsync(samordnare, "haninge", id);
        Assert.False(forced.Succeeded);
        var refused = await Assert.ThrowsAsync<DomainException>(() => app.WithDbAsync("haninge", async db =>
        {
            var k = await db.Kommuner.AsNoTracking().SingleAsync(k => k.Slug == "haninge");
            var tenant = new TenantContext();
            tenant.SetKommun(new KommunInfo(k.Id, k.Name, k.Slug, k.Kod), new MembershipInfo(Guid.NewGuid(), Role.Samordnare, OrganisationKind.Kommunen, "Samordnare"));
            return await new ImportHandler(db, tenant, TestClock.Instance, NullLogger<ImportHandler>.Instance).CommitAsync(id);
        }));
        Assert.Contains("inget har importerats", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync("haninge", db => db.CrimeStatistics.CountAsync(s => s.Year == 2019)));

        // The full list as CSV reads back with the same lines.
        var csv = await client.Http.GetStringAsync($"/haninge/import/{id}/fel.csv");
        Assert.Equal(["Rad", "3", "4", "5", "6"], csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(';')[0]));
    }

    [Fact]
    public async Task A_good_file_is_previewed_then_committed_with_one_audit_entry_and_a_reimport_replaces_its_months()
    {
        var samordnare = TestApp.Email("samordnare", "kristianstad");
        using var client = await app.SignedInClientAsync(samordnare);
        var first = await UploadAsync(samordnare, "kristianstad", ImportKind.CrimeStatistics, Excel(
            CrimeHeader,
            "2018;1;Gamlegården;Skadegörelse;12",
            "2018;januari;Centrum;Skadegörelse;1 234",
            "2018;2;Gamlegården;Stöld;7",
            ";;;;"));
        var preview = await client.PageAsync($"/kristianstad/import/{first}");
        Assert.Equal(3, preview.QuerySelectorAll(".preview tbody tr").Length);
        Assert.True(HasCommitButton(preview));
        Assert.Contains("januari 2018, februari 2018", preview.QuerySelector(".facts")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync("kristianstad", db => db.CrimeStatistics.CountAsync(s => s.Year == 2018)));

        // A confirmation of a version the user did not see is refused.
        var stale = await CommitAsync(samordnare, "kristianstad", first, Guid.NewGuid());
        Assert.True(stale.Conflict);
        Assert.Equal(0, await app.WithDbAsync("kristianstad", db => db.CrimeStatistics.CountAsync(s => s.Year == 2018)));

        var committed = await CommitAsync(samordnare, "kristianstad", first);
        Assert.True(committed.Succeeded, committed.Message);
        Assert.Equal(3, committed.Value);
        var stored = await app.WithDbAsync("kristianstad", db => db.CrimeStatistics.Where(s => s.Year == 2018)
            .OrderBy(s => s.Month).ThenBy(s => s.Count).Select(s => new { s.Month, s.Category, s.Count }).ToListAsync());
        Assert.Equal([(1, "Skadegörelse", 12), (1, "Skadegörelse", 1234), (2, "Stöld", 7)], stored.Select(s => (s.Month, s.Category, s.Count)));
        var rowIds = await app.WithDbAsync("kristianstad", db => db.CrimeStatistics.Where(s => s.Year == 2018).Select(s => s.Id.ToString()).ToListAsync());
        var audit = await app.WithDbAsync("kristianstad", db => db.AuditEntries.Where(a => rowIds.Contains(a.EntityId) || a.EntityType == nameof(ImportBatch))
            .Select(a => new { a.EntityType, a.EntityId, a.Action, a.Changes }).ToListAsync());
        Assert.DoesNotContain(audit, a => a.EntityType == nameof(CrimeStatistic));
        Assert.Contains(audit, a => a.EntityId == first.ToString() && a.Action == AuditAction.Updated && a.Changes.Contains("\"Status\"", StringComparison.Ordinal)
            && a.Changes.Contains("Committed", StringComparison.Ordinal));

        // The corrected January: January is replaced, February (not in the file) stays, nothing is doubled.
        var second = await UploadAsync(samordnare, "kristianstad", ImportKind.CrimeStatistics, Excel(CrimeHeader, "2018;1;Gamlegården;Skadegörelse;15"));
        Assert.True((await CommitAsync(samordnare, "kristianstad", second)).Succeeded);
        var after = await app.WithDbAsync("kristianstad", db => db.CrimeStatistics.Where(s => s.Year == 2018)
            .OrderBy(s => s.Month).Select(s => new { s.Month, s.Count }).ToListAsync());
        Assert.Equal([(1, 15), (2, 7)], after.Select(s => (s.Month, s.Count)));
        Assert.Equal(2, await app.WithDbAsync("kristianstad", db => db.ImportBatches.Where(b => b.Id == second).Select(b => b.ReplacedCount).SingleAsync()));

        // A committed batch cannot be committed again.
        Assert.False(HasCommitButton(await client.PageAsync($"/kristianstad/import/{second}")));
        Assert.False((await CommitAsync(samordnare, "kristianstad", second)).Succeeded);
        Assert.Equal(2, await app.WithDbAsync("kristianstad", db => db.CrimeStatistics.CountAsync(s => s.Year == 2018)));
    }

    [Fact]
    public async Task Survey_results_read_decimal_commas_and_incidents_cannot_be_imported_twice()
    {
        var samordnare = TestApp.Email("samordnare", "karlstad");
        using var client = await app.SignedInClientAsync(samordnare);
        var survey = await UploadAsync(samordnare, "karlstad", ImportKind.SurveyResults, Excel(
            "Fråga;År;Område;Värde;Kommentar",                  // any column order; extra columns are ignored
            "Otrygg ute sent på kvällen;2019;Kronoparken;31,5;x",
            "Utsatt för brott;2019;Rud;12.25%;"));
        Assert.True((await CommitAsync(samordnare, "karlstad", survey)).Succeeded);
        // Sorted here: SQLite's decimal collation parses with the thread's (Swedish) culture and must not be asked to.
        var values = await app.WithDbAsync("karlstad", db => db.SurveyResults.Where(r => r.Year == 2019).Select(r => r.Value).ToListAsync());
        Assert.Equal([12.25m, 31.5m], values.Order());

        var incidents = Excel(
            "Datum;Klockslag;Kategori;Område;Plats;Organisation;Beskrivning",
            "2019-05-04;22:10;Klotter;Kronoparken;Tunneln;;\"Klotter, \"\"tag\"\" på väggen\"",
            "2019-05-05;;bilbrand;Rud;Parkeringen;Räddningstjänsten;Bil utbränd.");
        var batch = await UploadAsync(samordnare, "karlstad", ImportKind.Incidents, incidents, "logg.csv");
        Assert.True((await CommitAsync(samordnare, "karlstad", batch)).Succeeded);
        var rows = await app.WithDbAsync("karlstad", db => db.Incidents.Where(i => i.Description.StartsWith("Klotter, \"tag\"") || i.Description == "Bil utbränd.")
            .OrderBy(i => i.OccurredAt).Select(i => new { i.Place, i.Organisation, i.ReportedBy }).ToListAsync());
        Assert.Equal(2, rows.Count);
        Assert.Equal("Tunneln", rows[0].Place);
        Assert.False(string.IsNullOrEmpty(rows[0].Organisation)); // empty column: the uploader's organisation
        Assert.Equal("Räddningstjänsten", rows[1].Organisation);
        Assert.All(rows, r => Assert.Null(r.ReportedBy));

        var twice = await UploadAsync(samordnare, "karlstad", ImportKind.Incidents, incidents, "logg-igen.csv");
        var page = await client.PageAsync($"/karlstad/import/{twice}");
        Assert.Contains("Samma fil importerades redan", page.QuerySelector(".import-earlier")!.TextContent, StringComparison.Ordinal);
        Assert.False(HasCommitButton(page));
        var forced = await CommitAsync(samordnare, "karlstad", twice);
        Assert.Contains("Samma fil importerades redan", forced.Message, StringComparison.Ordinal);
        Assert.Equal(2, await app.WithDbAsync("karlstad", db => db.Incidents.CountAsync(i => i.Description.StartsWith("Klotter, \"tag\"") || i.Description == "Bil utbränd.")));
    }

    [Fact]
    public async Task A_file_that_is_not_utf8_or_lacks_the_header_or_kind_gets_a_message()
    {
        var samordnare = TestApp.Email("samordnare", "haninge");
        using var client = await app.SignedInClientAsync(samordnare);
        var latin1 = Encoding.Latin1.GetBytes("År;Område;Fråga;Värde\r\n2019;Jordbro;Otrygg;30\r\n");
        var id = await UploadAsync(samordnare, "haninge", ImportKind.SurveyResults, latin1);
        var page = await client.PageAsync($"/haninge/import/{id}");
        Assert.Contains("inte sparad som UTF-8", page.QuerySelector(".error-list")!.TextContent, StringComparison.Ordinal);

        var wrongHeader = await UploadAsync(samordnare, "haninge", ImportKind.CrimeStatistics, Excel("Year,Month,Area,Crime,Count", "2019,1,Jordbro,Stöld,3"));
        var header = await client.PageAsync($"/haninge/import/{wrongHeader}");
        var message = header.QuerySelector(".error-list td:nth-child(2)")!.TextContent;
        Assert.Contains("Rubrikraden saknar \"År\"", message, StringComparison.Ordinal);
        Assert.Contains("kommaseparerad", message, StringComparison.Ordinal);

        // An unknown kind of file is refused at the kind (the form offers only the known ones).
        var unknown = await SendUploadAsync(samordnare, "haninge", (ImportKind)99, Excel(CrimeHeader, "2019;1;Jordbro;Stöld;3"));
        Assert.Equal((false, "Kind"), (unknown.Succeeded, unknown.Field));
    }

    [Fact]
    public async Task Incident_rows_with_bad_dates_times_unknown_categories_or_personnummer_are_named_and_an_empty_file_is_refused()
    {
        var medlem = TestApp.Email("medlem", "haninge");
        using var client = await app.SignedInClientAsync(medlem);
        var id = await UploadAsync(medlem, "haninge", ImportKind.Incidents, Excel(
            "Datum;Klockslag;Kategori;Område;Plats;Organisation;Beskrivning",
            "14/3/2019;21:30;Klotter;Jordbro;;;Klotter på busskuren.",      // line 2: date not ÅÅÅÅ-MM-DD
            "2019-03-14;25:00;Klotter;Jordbro;;;Klotter på busskuren.",     // line 3: no such time
            "2019-03-14;21:30;Graffiti;Jordbro;;;Klotter på busskuren.",    // line 4: not one of the kommun's categories
            "2019-03-14;21:30;Klotter;Jordbro;;;Bråk med 811218-9876.",     // line 5: a personnummer
            "2019-03-14;21:30;Klotter;Jordbro;;;",                          // line 6: no description
            "2999-01-01;12:00;Klotter;Jordbro;;;Klotter på busskuren.",     // line 7: in the future
            "2019-03-14;21:30;klotter;JORDBRO;Torget;;Klotter på busskuren.")); // good: letter case does not matter

        var page = await client.PageAsync($"/haninge/import/{id}");
        var errors = page.QuerySelectorAll(".error-list tbody tr").ToDictionary(r => r.Children[0].TextContent, r => r.Children[1].TextContent);
        Assert.Equal(["2", "3", "4", "5", "6", "7"], errors.Keys);
        Assert.Contains("ÅÅÅÅ-MM-DD", errors["2"], StringComparison.Ordinal);
        Assert.Contains("Klockslag \"25:00\"", errors["3"], StringComparison.Ordinal);
        Assert.Contains("Kategorin \"Graffiti\" finns inte", errors["4"], StringComparison.Ordinal);
        Assert.Equal(PersonalData.Message, errors["5"]);
        Assert.Equal("Beskrivningen saknas.", errors["6"]);
        Assert.Contains("framtiden", errors["7"], StringComparison.Ordinal);
        Assert.Single(page.QuerySelectorAll("caption"), c => c.TextContent == "De första raderna utan fel");

        var empty = await UploadAsync(medlem, "haninge", ImportKind.Incidents, Excel("Datum;Klockslag;Kategori;Område;Plats;Organisation;Beskrivning"));
        Assert.Equal("Filen har inga rader under rubrikraden.", (await client.PageAsync($"/haninge/import/{empty}")).QuerySelector(".error-list td:nth-child(2)")!.TextContent);
        var nothing = await SendUploadAsync(medlem, "haninge", ImportKind.Incidents, [], "tom.csv");
        Assert.Equal((false, "Filen är tom.", "File"), (nothing.Succeeded, nothing.Message, nothing.Field));
    }

    [Fact]
    public async Task Imports_are_for_members_and_statistics_for_the_samordnare_and_a_batch_stays_in_its_kommun()
    {
        var id = await UploadAsync(TestApp.Email("samordnare", "boras"), "boras", ImportKind.CrimeStatistics, Excel(CrimeHeader, "2019;1;Norrby;Stöld;3"));
        var version = await app.WithDbAsync("boras", db => db.ImportBatches.Where(b => b.Id == id).Select(b => b.Version).SingleAsync());

        // Another kommun's samordnare: the batch does not exist for them.
        using var other = await app.SignedInClientAsync(TestApp.Email("samordnare", "orebro"));
        using var foreign = await other.GetAsync($"/boras/import/{id}");
        Assert.NotEqual(HttpStatusCode.OK, foreign.StatusCode);
        var orebroBatch = await other.GetAsync($"/orebro/import/{id}");
        Assert.Equal(HttpStatusCode.NotFound, orebroBatch.StatusCode);
        var foreignCommit = await CommitAsync(TestApp.Email("samordnare", "orebro"), "orebro", id, version);
        Assert.Equal((false, "Importen finns inte."), (foreignCommit.Succeeded, foreignCommit.Message));

        // A member may import incidents but not statistics; a läsare may not import at all.
        var medlem = TestApp.Email("medlem", "boras");
        var form = await app.AsUserAsync(medlem, "boras", ops => ops.ReadAsync<ImportWork, ImportPageModel>((w, ct) => w.ReadPageAsync(ct)));
        Assert.Equal([ImportKind.Incidents], form.Kinds);
        var forced = await SendUploadAsync(medlem, "boras", ImportKind.CrimeStatistics, Excel(CrimeHeader, "2019;2;Norrby;Stöld;3"), "brott.csv");
        Assert.False(forced.Succeeded);
        Assert.Contains("får inte importera", forced.Message, StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync("boras", db => db.ImportBatches.CountAsync()));
        var commit = await CommitAsync(medlem, "boras", id);
        Assert.Contains("får inte importera", commit.Message, StringComparison.Ordinal);
        var lasareCommit = await CommitAsync(TestApp.Email("lasare", "boras"), "boras", id);
        Assert.True(lasareCommit.Forbidden);
        Assert.Equal(0, await app.WithDbAsync("boras", db => db.CrimeStatistics.CountAsync(s => s.Year == 2019)));

        using var lasare = await app.SignedInClientAsync(TestApp.Email("lasare", "boras"));
        using var denied = await lasare.GetAsync("/boras/import");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("atkomst-nekad", denied.LocationPath(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_commit_that_fails_halfway_leaves_no_rows_behind()
    {
        // 5 000 good rows; between upload and confirmation the area of the last rows is renamed, so the commit meets a
        // bad row after two chunks have been written inside its transaction.
        var lines = new List<string> { CrimeHeader };
        for (var i = 0; i < 5_000; i++)
        {
            lines.Add($"2017;{i % 12 + 1};{(i < 4_990 ? "Centrum" : "Näsby")};Kategori {i / 12};{i % 7}");
        }
        var samordnare = TestApp.Email("samordnare", "kristianstad");
        var id = await UploadAsync(samordnare, "kristianstad", ImportKind.CrimeStatistics, Excel([.. lines]));
        await app.WithDbAsync("kristianstad", async db =>
        {
            (await db.Areas.SingleAsync(a => a.Name == "Näsby")).Rename("Näsby (nytt namn)");
            return await db.SaveChangesAsync();
        });

        var commit = await CommitAsync(samordnare, "kristianstad", id);
        Assert.False(commit.Succeeded);
        Assert.Contains("Rad 4992", commit.Message, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync("kristianstad", db => db.CrimeStatistics.CountAsync(s => s.Year == 2017)));
        Assert.Equal(ImportStatus.Pending, await app.WithDbAsync("kristianstad", db => db.ImportBatches.Where(b => b.Id == id).Select(b => b.Status).SingleAsync()));
    }

    [Fact]
    public async Task A_file_of_100_000_rows_streams_through_preview_and_commit()
    {
        var text = new StringBuilder(CrimeHeader).Append("\r\n");
        var areas = new[] { "Jordbro", "Handen centrum", "Brandbergen", "Vendelsö" };
        for (var i = 0; i < 100_000; i++)
        {
            // 24 months × 4 areas × 1 042 categories: every row its own key.
            text.Append(2015 + i / 12 % 2).Append(';').Append(i % 12 + 1).Append(';').Append(areas[i / 24 % 4]).Append(";Brott ").Append(i / 96)
                .Append(';').Append(i % 50).Append("\r\n");
        }
        var samordnare = TestApp.Email("samordnare", "haninge");
        using var client = await app.SignedInClientAsync(samordnare);
        var id = await UploadAsync(samordnare, "haninge", ImportKind.CrimeStatistics, Encoding.UTF8.GetBytes(text.ToString()), "stor.csv");
        var preview = await client.PageAsync($"/haninge/import/{id}");
        Assert.Contains("100 000", preview.QuerySelector(".facts")!.TextContent.Replace('\u00a0', ' '), StringComparison.Ordinal);

        var commit = await CommitAsync(samordnare, "haninge", id);
        Assert.True(commit.Succeeded, commit.Message);
        var (count, sum) = await app.WithDbAsync("haninge", async db =>
            (await db.CrimeStatistics.CountAsync(s => s.Year == 2015 || s.Year == 2016), await db.CrimeStatistics.Where(s => s.Year == 2015 || s.Year == 2016).SumAsync(s => s.Count)));
        Assert.Equal(100_000, count);
        Assert.Equal(Enumerable.Range(0, 100_000).Sum(i => i % 50), sum);
    }

    [Fact]
    public async Task A_discarded_import_keeps_no_rows_is_audited_and_cannot_be_committed_later_and_a_stale_discard_is_a_conflict()
    {
        var samordnare = TestApp.Email("samordnare", "orebro");
        var id = await UploadAsync(samordnare, "orebro", ImportKind.CrimeStatistics, Excel(CrimeHeader, "2014;5;Vivalla;Stöld;4", "2014;6;Varberga;Stöld;2"));
        Task<CommandResult> Discard(Guid seen) => app.AsUserAsync(samordnare, "orebro", ops => ops.SendAsync<ImportWork>(new KommunRoleRequirement(Role.Medlem), null,
            (w, ct) => w.DiscardAsync(id, seen, ct), "Importen är avbruten."));
        Task<ImportBatch> Batch() => app.WithDbAsync("orebro", db => db.ImportBatches.AsNoTracking().SingleAsync(b => b.Id == id));

        // A discard of a version the user did not see is refused, and the batch stays pending.
        var stale = await Discard(Guid.NewGuid());
        Assert.Equal((true, ImportWork.ChangedMeanwhile), (stale.Conflict, stale.Message));
        Assert.Equal(ImportStatus.Pending, (await Batch()).Status);

        var discarded = await Discard((await Batch()).Version);
        Assert.True(discarded.Succeeded, discarded.Message);
        var batch = await Batch();
        Assert.Equal((ImportStatus.Discarded, 0), (batch.Status, batch.Content.Length));
        Assert.NotNull(batch.CompletedAt);
        var audit = await app.WithDbAsync("orebro", db => db.AuditEntries.Where(a => a.EntityId == id.ToString() && a.Action == AuditAction.Updated).Select(a => a.Changes).ToListAsync());
        Assert.Equal(new AuditChange("Pending", "Discarded"), AuditJson.Parse(Assert.Single(audit))["Status"]);

        var commit = await CommitAsync(samordnare, "orebro", id);
        Assert.Equal((false, "Importen är avbruten. Ladda upp filen igen."), (commit.Succeeded, commit.Message));
        Assert.Equal(ImportStatus.Discarded, (await Batch()).Status);
        Assert.Equal(0, await app.WithDbAsync("orebro", db => db.CrimeStatistics.CountAsync(s => s.Year == 2014)));
    }
}
