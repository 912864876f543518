using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SakraStader.Domain;

namespace SakraStader.Data;

/// <summary>
/// Names sort as Swedish does (… X, Y, Z, Å, Ä, Ö) in the database, on every provider: every name and title column
/// carries a Swedish collation, so any ORDER BY, MIN/MAX or comparison on it is Swedish without the query saying so.
/// On PostgreSQL it is the server's ICU collation <see cref="PostgresCollation"/>; on SQLite, which knows none, it is
/// <see cref="SqliteCollation"/>, registered on every connection the app opens (<see cref="UseSqliteWithSwedishOrder"/>).
/// </summary>
public static class SwedishOrder
{
    /// <summary>PostgreSQL's predefined ICU collation for Swedish (deterministic: equal only when the bytes are).</summary>
    public const string PostgresCollation = "sv-SE-x-icu";

    /// <summary>SQL Server's collation for Swedish (as Swedish installations of SQL Server use by default).</summary>
    public const string SqlServerCollation = "Finnish_Swedish_CI_AS";

    /// <summary>The collation our SQLite connections register.</summary>
    public const string SqliteCollation = "sv_SE";

    private static readonly CompareInfo Swedish = CultureInfo.GetCultureInfo("sv-SE").CompareInfo;

    /// <summary>
    /// Swedish order; strings the culture finds equal (which it may for different strings: ignorable characters) fall
    /// back to ordinal order, so that equality is exact, as with PostgreSQL's deterministic collation: a unique index
    /// or a <c>WHERE Name = …</c> means the same as before.
    /// </summary>
    public static int Compare(string? x, string? y)
    {
        var c = Swedish.Compare(x, y, CompareOptions.None);
        return c != 0 ? c : string.CompareOrdinal(x, y);
    }

    /// <summary>
    /// The columns that get the collation: the string properties of our domain entities named Name, Title or
    /// Organisation, or ending so (DisplayName, OrganisationName, ResponsibleName, SignatoryTitle, …). A file's name
    /// is not a name here.
    /// </summary>
    public static bool IsName(Microsoft.EntityFrameworkCore.Metadata.IReadOnlyProperty property) =>
        property.ClrType == typeof(string)
        && property.PropertyInfo?.DeclaringType?.Namespace == typeof(Kommun).Namespace
        && property.Name != "FileName"
        && (property.Name.EndsWith("Name", StringComparison.Ordinal)
            || property.Name.EndsWith("Title", StringComparison.Ordinal)
            || property.Name.EndsWith("Organisation", StringComparison.Ordinal));

    /// <summary>Puts <paramref name="collation"/> on every name column (<see cref="IsName"/>).</summary>
    internal static void UseSwedishCollation(this ModelBuilder builder, string collation)
    {
        foreach (var property in builder.Model.GetEntityTypes().SelectMany(t => t.GetDeclaredProperties()).Where(IsName).ToList())
        {
            property.SetCollation(collation);
        }
    }

    /// <summary>SQLite with the Swedish collation on every connection it opens. Use this, never UseSqlite alone.</summary>
    public static DbContextOptionsBuilder UseSqliteWithSwedishOrder(this DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseSqlite(connectionString).AddInterceptors(SqliteCollationRegistration.Instance);

    /// <inheritdoc cref="UseSqliteWithSwedishOrder(DbContextOptionsBuilder, string)"/>
    public static DbContextOptionsBuilder<TContext> UseSqliteWithSwedishOrder<TContext>(this DbContextOptionsBuilder<TContext> builder, string connectionString)
        where TContext : DbContext =>
        builder.UseSqlite(connectionString).AddInterceptors(SqliteCollationRegistration.Instance);

    /// <summary>
    /// Registers <see cref="SqliteCollation"/> on each connection as it opens (SQLite keeps collations per connection;
    /// a statement on a column whose collation is not registered fails with "no such collation sequence").
    /// </summary>
    private sealed class SqliteCollationRegistration : DbConnectionInterceptor
    {
        public static readonly SqliteCollationRegistration Instance = new();

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Register(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Register(connection);
            return Task.CompletedTask;
        }

        private static void Register(DbConnection connection)
        {
            if (connection is SqliteConnection sqlite)
            {
                sqlite.CreateCollation(SqliteCollation, Compare);
                // SQLite's own lower() folds only A–Z; searches compare lower(column) with the lower-cased words, so
                // Å, Ä, Ö and é must fold too, as they do on PostgreSQL.
                sqlite.CreateFunction<string?, string?>("lower", s => s?.ToLowerInvariant(), isDeterministic: true);
            }
        }
    }
}
