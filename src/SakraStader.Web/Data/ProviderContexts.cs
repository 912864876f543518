using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace SakraStader.Data;

/// <summary>The embedded default. Its migrations live in Data/Migrations/Sqlite.</summary>
public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options)
{
    /// <summary>Registered on each connection by <see cref="SwedishOrder.UseSqliteWithSwedishOrder"/>.</summary>
    protected override string SwedishCollation => SwedishOrder.SqliteCollation;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot order or compare DateTimeOffset stored as text; a sortable binary form can.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

/// <summary>The production server. Its migrations live in Data/Migrations/Postgres.</summary>
public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options)
{
    /// <summary>The server's own ICU collation: PostgreSQL must be built with ICU (Debian's and the cloud services' are).</summary>
    protected override string SwedishCollation => SwedishOrder.PostgresCollation;
}

/// <summary>
/// Microsoft SQL Server, which many kommuner run. Its migrations live in Data/Migrations/SqlServer; it is tested in the
/// hosted CI (.github/workflows/sqlserver.yml), since no SQL Server runs on our own machines (docs/adr/0009).
/// </summary>
public sealed class SqlServerAppDbContext(DbContextOptions<SqlServerAppDbContext> options) : AppDbContext(options)
{
    /// <summary>The collation Swedish SQL Server installations use (Swedish order, case- and accent-insensitive equality).</summary>
    protected override string SwedishCollation => SwedishOrder.SqlServerCollation;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        SqlServerCascades.Apply(builder.Model);
    }
}
