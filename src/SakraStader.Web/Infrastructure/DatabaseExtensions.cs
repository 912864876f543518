using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SakraStader.Auditing;
using SakraStader.Data;
using SakraStader.Tenancy;

namespace SakraStader.Infrastructure;

public static class DatabaseExtensions
{
    /// <summary>
    /// SQLite by default (a file created on first start); PostgreSQL when <c>Database:Provider</c> is "Postgres".
    /// </summary>
    public static IServiceCollection AddAppDatabase(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var provider = configuration["Database:Provider"] ?? "Sqlite";
        // Every IInterceptor in the container joins each context: the audit trail here, SQL counters in the tests.
        services.AddSingleton<IInterceptor, AuditInterceptor>();
        services.AddSingleton<IInterceptor, MembershipCacheInvalidator>();
        if (provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase))
        {
            var cs = configuration.GetConnectionString("Postgres")
                ?? throw new InvalidOperationException("ConnectionStrings:Postgres saknas.");
            services.AddPooledDbContextFactory<PostgresAppDbContext>((sp, o) => o
                .UseNpgsql(cs)
                .AddInterceptors(sp.GetServices<IInterceptor>()));
            services.AddTenantScopedContext<PostgresAppDbContext>();
        }
        else
        {
            var cs = configuration.GetConnectionString("Sqlite") ?? "Data Source=App_Data/sakrastader.db";
            cs = AbsoluteSqlitePath(cs, contentRoot);
            services.AddPooledDbContextFactory<SqliteAppDbContext>((sp, o) => o
                .UseSqlite(cs)
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
            return context;
        });
    }

    /// <summary>Applies pending migrations. EF Core takes a database lock, so instances starting together migrate once.</summary>
    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.MigrateAsync();
    }

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
