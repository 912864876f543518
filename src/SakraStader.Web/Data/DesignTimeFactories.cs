using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using SakraStader.Auditing;

namespace SakraStader.Data;

// Used only by `dotnet ef migrations add` (see docs/migrations.md). IDesignTimeDbContextFactory lives in
// EF Core's relational package, so this compiles without the design package.

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAppDbContext>
{
    public SqliteAppDbContext CreateDbContext(string[] args) => new(
        new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqliteWithSwedishOrder("Data Source=design.db")
            .AddInterceptors(new AuditInterceptor(DesignTimeClock.Instance)).Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAppDbContext>
{
    public PostgresAppDbContext CreateDbContext(string[] args) => new(
        new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql("Host=localhost;Database=design")
            .AddInterceptors(new AuditInterceptor(DesignTimeClock.Instance)).Options);
}

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerAppDbContext>
{
    public SqlServerAppDbContext CreateDbContext(string[] args) => new(
        new DbContextOptionsBuilder<SqlServerAppDbContext>().UseSqlServer("Server=localhost;Database=design;Integrated Security=true;TrustServerCertificate=true")
            .AddInterceptors(new AuditInterceptor(DesignTimeClock.Instance)).Options);
}

internal static class DesignTimeClock
{
    /// <summary>Migrations are generated, never saved through: the audit's clock is never read at design time.</summary>
    public static readonly TimeProvider Instance = new Infrastructure.FixedClock(DateTimeOffset.UnixEpoch);
}
