using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SakraStader.Data;

namespace SakraStader.Infrastructure;

/// <summary>
/// Work that must run once even when several instances start together (demo data, scheduled jobs) takes a named
/// database-wide lock inside its transaction: on PostgreSQL an advisory transaction lock, released at commit or
/// rollback (on SQL Server an application lock owned by the transaction); the second instance waits, then finds the work done. SQLite serves one instance and serialises writers.
/// (Migrations need none of this: EF Core locks the database while it migrates.)
/// </summary>
public static class DatabaseLock
{
    /// <summary>Waiting for a lock may take longer than a command may: the other instance is doing the work.</summary>
    public static async Task WaitingAsync(AppDbContext db, Func<Task> wait)
    {
        var timeout = db.Database.GetCommandTimeout();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        try
        {
            await wait();
        }
        finally
        {
            db.Database.SetCommandTimeout(timeout);
        }
    }

    public static async Task HoldAsync(AppDbContext db, string name, CancellationToken ct = default)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Låset hålls till transaktionens slut; starta transaktionen först.");
        }
        if (db.Database.IsNpgsql())
        {
            var key = BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes(name)));
            await WaitingAsync(db, () => db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({key})", ct));
        }
        else if (db.Database.IsSqlServer())
        {
            // SQL Server's application lock, owned by the transaction (released at commit or rollback); -1: wait.
            await WaitingAsync(db, () => db.Database.ExecuteSqlAsync(
                $"EXEC sp_getapplock @Resource = {name}, @LockMode = 'Exclusive', @LockOwner = 'Transaction', @LockTimeout = -1", ct));
        }
    }
}
