using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SakraStader.Data;

namespace SakraStader.Infrastructure;

/// <summary>
/// Backups (docs/operations.md). SQLite: an online copy through SQLite's backup API, consistent while the app runs
/// (<c>SakraStader.Web backup --to FILE</c>). PostgreSQL: <c>pg_dump -Fc</c> and <c>pg_restore</c>, PostgreSQL's own
/// tools. <see cref="RowCountsAsync"/> counts every table's rows, to check a restore against its source.
/// </summary>
public static class Backup
{
    public static async Task<bool> TryRunAsync(WebApplication app, string[] args)
    {
        if (args.Length < 3 || args[0] != "backup" || args[1] != "--to")
        {
            return false;
        }
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (!db.Database.IsSqlite())
        {
            await Console.Error.WriteLineAsync("På PostgreSQL: använd pg_dump -Fc (docs/operations.md).");
            return true;
        }
        SqliteCopy(db.Database.GetConnectionString()!, args[2]);
        await Console.Out.WriteLineAsync($"Säkerhetskopian är skriven till {args[2]}.");
        return true;
    }

    /// <summary>Copies a SQLite database, page by page, into <paramref name="targetPath"/> (replaced if it exists).</summary>
    public static void SqliteCopy(string sourceConnectionString, string targetPath)
    {
        if (File.Exists(targetPath))
        {
            File.Delete(targetPath);
        }
        using var source = new SqliteConnection(sourceConnectionString);
        using var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = targetPath, Pooling = false }.ToString());
        source.Open();
        target.Open();
        source.BackupDatabase(target);
    }

    /// <summary>Every table of the model with its number of rows, across all kommuner.</summary>
    public static async Task<SortedDictionary<string, long>> RowCountsAsync(AppDbContext db, CancellationToken ct = default)
    {
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var tables = db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct().Append("__EFMigrationsHistory");
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            foreach (var table in tables)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT count(*) FROM \"{table}\"";
                counts[table] = Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return counts;
    }
}
