using SakraStader.Domain;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SakraStader.Data;
using SakraStader.Infrastructure;
using SakraStader.Tests.Support;

namespace SakraStader.Tests.Integration;

/// <summary>
/// The data's life cycle on the provider under test: the documented backup and restore (docs/operations.md), checked by
/// restoring into an empty database and comparing every table's row count; and data retention, which clears old
/// incident descriptions but keeps the incidents.
/// </summary>
[Trait("Category", "Integration")]
public sealed class DataLifecycleTests(TestApp app) : IClassFixture<TestApp>
{
    [Fact]
    public async Task A_backup_restored_into_an_empty_database_has_every_tables_rows()
    {
        var source = await app.WithDbAsync(null, db => Backup.RowCountsAsync(db));
        Assert.True(source["Incidents"] > 1000 && source["AuditEntries"] > 0 && source["DataProtectionKeys"] >= 0, string.Join(", ", source));
        var connectionString = await app.WithDbAsync(null, db => Task.FromResult(db.Database.GetConnectionString()!));

        var restored = TestApp.IsPostgres ? await PostgresRoundTripAsync(connectionString) : await SqliteRoundTripAsync(connectionString);

        Assert.Equal(source, restored);
    }

    private static async Task<SortedDictionary<string, long>> SqliteRoundTripAsync(string connectionString)
    {
        var file = Path.Combine(Path.GetTempPath(), $"sakrastader-backup-{Guid.NewGuid():N}.db");
        try
        {
            Backup.SqliteCopy(connectionString, file);
            var options = new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqliteWithSwedishOrder($"Data Source={file};Pooling=false").Options;
            await using var copy = new SqliteAppDbContext(options);
            return await Backup.RowCountsAsync(copy);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }

    private static async Task<SortedDictionary<string, long>> PostgresRoundTripAsync(string connectionString)
    {
        var source = new NpgsqlConnectionStringBuilder(connectionString);
        var target = new NpgsqlConnectionStringBuilder(connectionString) { Database = "restore_" + Guid.NewGuid().ToString("N"), Pooling = false };
        var bin = Directory.GetDirectories("/usr/lib/postgresql").OrderBy(d => d, StringComparer.Ordinal).Last() + "/bin";
        var dump = Path.Combine(Path.GetTempPath(), $"sakrastader-{Guid.NewGuid():N}.dump");
        string[] server = ["-h", source.Host!, "-p", source.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", source.Username!];
        try
        {
            await RunAsync($"{bin}/pg_dump", [.. server, "-Fc", "-d", source.Database!, "-f", dump]);
            await RunAsync($"{bin}/createdb", [.. server, target.Database!]);
            await RunAsync($"{bin}/pg_restore", [.. server, "--no-owner", "-d", target.Database!, dump]);
            var options = new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(target.ToString()).Options;
            await using var copy = new PostgresAppDbContext(options);
            return await Backup.RowCountsAsync(copy);
        }
        finally
        {
            File.Delete(dump);
            await RunAsync($"{bin}/dropdb", [.. server, "--if-exists", target.Database!]);
        }
    }

    private static async Task RunAsync(string program, string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{program}: {await errors}");
    }

    [Fact]
    public async Task Descriptions_older_than_the_limit_are_cleared_in_every_kommun_and_the_incidents_stay()
    {
        var now = TestClock.Now;
        async Task<Guid> AddAsync(string slug, DateTimeOffset at, string text) => await app.WithDbAsync(slug, async db =>
        {
            var area = await db.Areas.FirstAsync();
            var category = await db.IncidentCategories.FirstAsync();
            var incident = db.Incidents.Add(new Domain.Incident(category.Id, area.Id, "Torget", at, "Polisen", text, null, at)).Entity;
            await db.SaveChangesAsync();
            return incident.Id;
        });
        var oldOrebro = await AddAsync("orebro", now.AddYears(-6), "Gammal beskrivning i Örebro");
        var oldBoras = await AddAsync("boras", now.AddYears(-5).AddDays(-2), "Gammal beskrivning i Borås");
        var recent = await AddAsync("orebro", now.AddYears(-4), "Ny beskrivning");

        var cleared = await app.WithDbAsync(null, db => RetentionJob.RunOnceAsync(db, now, 5));

        Assert.Equal(2, cleared);
        var rows = await app.WithDbAsync(null, db => db.Incidents.IgnoreQueryFilters().Where(i => i.Id == oldOrebro || i.Id == oldBoras || i.Id == recent)
            .ToDictionaryAsync(i => i.Id, i => new { i.Description, i.CategoryId, i.OccurredAt }));
        Assert.Equal(3, rows.Count); // nothing deleted
        Assert.Equal(("", "", "Ny beskrivning"), (rows[oldOrebro].Description, rows[oldBoras].Description, rows[recent].Description));
        foreach (var slug in new[] { "orebro", "boras" })
        {
            var entry = await app.WithDbAsync(slug, db => db.AuditEntries.SingleAsync(a => a.EntityType == RetentionJob.AuditEntityType));
            Assert.Contains("\"1\"", entry.Changes, StringComparison.Ordinal);
        }
        Assert.Equal(0, await app.WithDbAsync(null, db => RetentionJob.RunOnceAsync(db, now, 5))); // a second run (instance) finds nothing
    }

    [Fact]
    public async Task The_samordnare_exports_the_kommun_as_json_with_every_table_and_nothing_of_other_kommuner()
    {
        var orebro = await app.KommunIdAsync("orebro");
        var counts = await app.WithDbAsync("orebro", async db => (Incidents: await db.Incidents.CountAsync(), Groups: await db.Groups.CountAsync()));
        using var client = await app.SignedInClientAsync(TestApp.Email("samordnare", "orebro"));
        using var response = await client.GetAsync("/orebro/export.json");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        using var json = await System.Text.Json.JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync());
        var root = json.RootElement;
        Assert.Equal("orebro", root.GetProperty("kommun").GetProperty("slug").GetString());
        var tables = root.GetProperty("tables");
        Assert.Equal(counts.Incidents, tables.GetProperty("Incident").GetArrayLength());
        Assert.Equal(counts.Groups, tables.GetProperty("Group").GetArrayLength());
        Assert.True(tables.GetProperty("AnnualReport").GetArrayLength() >= 1);
        // Every row of every table is Örebro's.
        foreach (var table in tables.EnumerateObject())
        {
            Assert.All(table.Value.EnumerateArray(), row => Assert.Equal(orebro, row.GetProperty("KommunId").GetGuid()));
        }
        Assert.Contains(root.GetProperty("people").EnumerateArray(), p => p.GetProperty("email").GetString() == TestApp.Email("samordnare", "orebro"));
        Assert.DoesNotContain("PasswordHash", root.GetRawText(), StringComparison.Ordinal);

        using var lasare = await app.SignedInClientAsync(TestApp.Email("lasare", "orebro"));
        using var denied = await lasare.GetAsync("/orebro/export.json");
        Assert.NotEqual(System.Net.HttpStatusCode.OK, denied.StatusCode);
    }
}
