using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SakraStader.Auditing;
using SakraStader.Data;
using SakraStader.Tenancy;

namespace SakraStader.Infrastructure;

public static class DatabaseExtensions
{
    /// <summary>
    /// SQLite by default (a file created on first start); PostgreSQL when <c>Database:Provider</c> is "Postgres", SQL
    /// Server when it is "SqlServer" (connection strings of the same names).
    /// </summary>
    public static IServiceCollection AddAppDatabase(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var provider = configuration["Database:Provider"] ?? "Sqlite";
        // Every IInterceptor in the container joins each context: the audit trail here, SQL counters in the tests.
        services.AddSingleton<IInterceptor, AuditInterceptor>();
        services.AddSingleton<IInterceptor, MembershipCacheInvalidator>();
        // The e-mail a change causes, into the outbox in the same SaveChanges.
        services.AddSingleton<IInterceptor, Features.Mail.MailInterceptor>();
        // Committed changes, per kommun, to the live parts of the pages (and through Redis to the other instances).
        services.AddSingleton<ChangeFeed>();
        services.AddSingleton<IInterceptor, ChangeFeedInterceptor>();
        services.AddSingleton(new WriteGate(oneAtATime: !provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase)
            && !provider.Equals("SqlServer", StringComparison.OrdinalIgnoreCase)));
        if (provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase))
        {
            var cs = configuration.GetConnectionString("Postgres")
                ?? throw new InvalidOperationException("ConnectionStrings:Postgres saknas.");
            services.AddPooledDbContextFactory<PostgresAppDbContext>((sp, o) => o
                .UseNpgsql(cs)
                .AddInterceptors(sp.GetServices<IInterceptor>()));
            services.AddTenantScopedContext<PostgresAppDbContext>();
        }
        else if (provider.Equals("SqlServer", StringComparison.OrdinalIgnoreCase))
        {
            var cs = configuration.GetConnectionString("SqlServer")
                ?? throw new InvalidOperationException("ConnectionStrings:SqlServer saknas.");
            services.AddPooledDbContextFactory<SqlServerAppDbContext>((sp, o) => o
                .UseSqlServer(cs, sql => sql.EnableRetryOnFailure())
                .AddInterceptors(sp.GetServices<IInterceptor>()));
            services.AddTenantScopedContext<SqlServerAppDbContext>();
        }
        else
        {
            var cs = configuration.GetConnectionString("Sqlite") ?? "Data Source=App_Data/sakrastader.db";
            cs = AbsoluteSqlitePath(cs, contentRoot);
            services.AddPooledDbContextFactory<SqliteAppDbContext>((sp, o) => o
                .UseSqliteWithSwedishOrder(cs)
                .AddInterceptors(sp.GetServices<IInterceptor>()));
            services.AddTenantScopedContext<SqliteAppDbContext>();
        }
        services.AddScoped<CrossTenant>();
        return services;
    }

    /// <summary>
    /// One AppDbContext per request, leased from the pool and bound to the request's <see cref="TenantContext"/>;
    /// disposing the scope returns it to the pool.
    /// </summary>
    private static void AddTenantScopedContext<TContext>(this IServiceCollection services) where TContext : AppDbContext
    {
        services.AddScoped<AppDbContext>(sp =>
        {
            var context = sp.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext();
            context.Tenant = sp.GetRequiredService<TenantContext>();
            // SQLite: the connection opens once and stays open for the request, instead of an open and close around
            // every command (its set-up showed in the profile). Returning the context to the pool closes it.
            if (context.Database.IsSqlite())
            {
                context.Database.OpenConnection();
            }
            return context;
        });
    }

    /// <summary>
    /// Applies pending migrations, once, even when several instances start together on an empty database (the
    /// multi-instance test does exactly that): on PostgreSQL the database is created if missing (tolerating another
    /// instance creating it at the same moment) and the migration runs under a session advisory lock, so the other
    /// instances wait and then find nothing to do.
    /// </summary>
    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (db.Database.IsSqlServer())
        {
            // EF Core creates the database if missing and holds an application lock while it migrates.
            await db.Database.MigrateAsync();
            return;
        }
        if (!db.Database.IsNpgsql())
        {
            await db.Database.MigrateAsync();
            // Write-ahead logging (kept in the file once set): readers no longer block a save, and a save blocks only
            // other saves, for the moment of its commit. With the rollback journal, every open page's reads held the
            // file, saves queued behind them, and under load a save waited until SQLite gave up ("database is locked").
            // An in-memory database answers "memory" and stays as it is.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            // Table statistics for SQLite's query planner, refreshed where they have gone stale (cheap when they have not).
            await db.Database.ExecuteSqlRawAsync("PRAGMA optimize=0x10002;");
            return;
        }
        var creator = db.GetService<Microsoft.EntityFrameworkCore.Storage.IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync())
        {
            try
            {
                await creator.CreateAsync();
            }
            catch (Npgsql.PostgresException e) when (e.SqlState is "42P04" or "23505") // created by another instance meanwhile
            {
            }
        }
        await db.Database.OpenConnectionAsync();
        try
        {
            await DatabaseLock.WaitingAsync(db, () => db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({MigrationLockKey})"));
            await db.Database.MigrateAsync();
        }
        finally
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({MigrationLockKey})");
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The advisory lock id of migrations (any fixed number; the other locks hash their names).</summary>
    private const long MigrationLockKey = 7_202_611_220_001;

    private static string AbsoluteSqlitePath(string connectionString, string contentRoot)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource is { Length: > 0 } source && source != ":memory:" && !builder.DataSource.StartsWith("file:", StringComparison.Ordinal)
            && builder.Mode != Microsoft.Data.Sqlite.SqliteOpenMode.Memory)
        {
            var path = Path.IsPathRooted(source) ? source : Path.Combine(contentRoot, source);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            builder.DataSource = path;
        }
        return builder.ToString();
    }
}
