using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SakraStader.Data;
using SakraStader.Features.Demo;
using SakraStader.Tenancy;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using SakraStader.Domain;
using SakraStader.Features.Commands;

namespace SakraStader.Tests.Support;

/// <summary>
/// The app in memory, seeded with the demo kommuner. SQLite in memory by default; with
/// <c>SAKRASTADER_TEST_DB=postgres</c> each instance gets its own database on the server named by
/// <c>SAKRASTADER_TEST_POSTGRES</c> (the test script starts one). With <c>SAKRASTADER_TEST_DB=sqlserver</c> (the hosted
/// workflow .github/workflows/sqlserver.yml; no SQL Server runs on our machines) each instance migrates and seeds its own
/// database on the server named by <c>SAKRASTADER_TEST_SQLSERVER</c>. A missing server is a failure, never a skip.
/// </summary>
public class TestApp : WebApplicationFactory<Program>
{
    private readonly SqliteConnection? keepAlive;
    private readonly string connectionString;
    private readonly bool ownsDatabase = true;
    private readonly IReadOnlyDictionary<string, string> settings = new Dictionary<string, string>();

    /// <summary>Another instance of the app on this one's database, as a second server behind a load balancer.</summary>
    private TestApp(string sharedConnectionString, IReadOnlyDictionary<string, string> settings)
    {
        connectionString = sharedConnectionString;
        ownsDatabase = false;
        this.settings = settings;
    }

    public TestApp SecondInstance() => new(connectionString, new Dictionary<string, string>());

    /// <summary>Another instance on this one's database with these settings.</summary>
    public TestApp SecondInstance(IReadOnlyDictionary<string, string> settings) => new(connectionString, settings);

    /// <summary>Another instance on this one's database with one setting changed.</summary>
    public TestApp SecondInstance(string key, string value) => new(connectionString, new Dictionary<string, string> { [key] = value });

    public TestApp()
    {
        if (IsPostgres)
        {
            connectionString = new NpgsqlConnectionStringBuilder(PostgresServer) { Database = "t_" + Guid.NewGuid().ToString("N") }.ToString();
        }
        else if (IsSqlServer)
        {
            connectionString = new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(SqlServerServer) { InitialCatalog = "t_" + Guid.NewGuid().ToString("N") }.ToString();
        }
        else
        {
            connectionString = $"Data Source=file:{Guid.NewGuid():N}?mode=memory&cache=shared";
            keepAlive = new SqliteConnection(connectionString);
            keepAlive.Open();
        }
        // Each app starts from a copy of one migrated and seeded database, made once per test run: migrating and seeding
        // the demo for every test class cost most of the suite's time. The copy is the database as seeding left it.
        // (SQL Server has no cheap copy of a database: each app there migrates and seeds its own.)
        if (FromSeededCopy && !IsSqlServer)
        {
            SeededCopy.CopyTo(connectionString, keepAlive);
        }
    }

    /// <summary>False for an app that must start on an empty database (and then migrates and seeds it itself, if asked).</summary>
    protected virtual bool FromSeededCopy => true;

    private static string PostgresServer => Environment.GetEnvironmentVariable("SAKRASTADER_TEST_POSTGRES")
        ?? throw new InvalidOperationException("SAKRASTADER_TEST_DB=postgres men SAKRASTADER_TEST_POSTGRES saknas.");

    private static string SqlServerServer => Environment.GetEnvironmentVariable("SAKRASTADER_TEST_SQLSERVER")
        ?? throw new InvalidOperationException("SAKRASTADER_TEST_DB=sqlserver men SAKRASTADER_TEST_SQLSERVER saknas.");

    /// <summary>An app that migrates and seeds the one database the others are copied from.</summary>
    private sealed class SeedingApp : TestApp
    {
        protected override bool FromSeededCopy => false;

        public string ConnectionString => connectionString;
    }

    /// <summary>
    /// The migrated, seeded database every app is copied from: on SQLite an in-memory database kept open and copied with
    /// SQLite's backup; on PostgreSQL a database used as the template of <c>CREATE DATABASE</c> (nobody connected to it).
    /// </summary>
    private static class SeededCopy
    {
        private static readonly Lock Gate = new();
        private static SqliteConnection? sqlite;
        private static string? postgresTemplate;

        public static void CopyTo(string connectionString, SqliteConnection? target)
        {
            lock (Gate)
            {
                if (sqlite is null && postgresTemplate is null)
                {
                    Seed();
                }
                if (target is not null)
                {
                    sqlite!.BackupDatabase(target);
                }
                else
                {
                    var database = new NpgsqlConnectionStringBuilder(connectionString).Database!;
                    using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresServer) { Database = "postgres", Pooling = false }.ToString());
                    admin.Open();
                    using var create = admin.CreateCommand();
                    create.CommandText = $"CREATE DATABASE \"{database}\" TEMPLATE \"{postgresTemplate}\"";
                    create.ExecuteNonQuery();
                }
            }
        }

        private static void Seed()
        {
            var seeding = new SeedingApp();
            _ = seeding.Services; // starts the host: migrations, then the demo data
            if (IsPostgres)
            {
                postgresTemplate = new NpgsqlConnectionStringBuilder(seeding.ConnectionString).Database;
                seeding.ownsDatabaseOverride = false;
                seeding.Dispose();
                NpgsqlConnection.ClearAllPools();
            }
            else
            {
                sqlite = new SqliteConnection(seeding.ConnectionString);
                sqlite.Open();
                seeding.Dispose();
            }
        }
    }

    private bool? ownsDatabaseOverride;

    public static bool IsPostgres =>
        string.Equals(Environment.GetEnvironmentVariable("SAKRASTADER_TEST_DB"), "postgres", StringComparison.OrdinalIgnoreCase);

    public static bool IsSqlServer =>
        string.Equals(Environment.GetEnvironmentVariable("SAKRASTADER_TEST_DB"), "sqlserver", StringComparison.OrdinalIgnoreCase);

    /// <summary>The provider the apps run on: Sqlite, Postgres or SqlServer (the setting Database:Provider).</summary>
    public static string Provider => IsPostgres ? "Postgres" : IsSqlServer ? "SqlServer" : "Sqlite";

    public SqlCommandCounter Commands { get; } = new();

    /// <summary>The components each request's server render created (<see cref="ComponentCounter"/>).</summary>
    public ComponentCounter Components { get; } = new();

    /// <summary>The app's Serilog events (request lines and circuit events are logged at Information in Testing).</summary>
    public TestLog Log { get; } = new();

    /// <summary>While active, every connection and command fails as when the database server is unreachable.</summary>
    public SimulatedOutage Outage { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Outside Development the host does not read the static web assets manifest by itself (the compressed
        // variants live under obj/ until publish).
        builder.UseStaticWebAssets();
        builder.UseSetting("Database:Provider", Provider);
        builder.UseSetting("ConnectionStrings:" + Provider, connectionString);
        builder.UseSetting("Demo:Seed", "true");
        builder.UseSetting("https_port", "443");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<IInterceptor>(Commands);
            services.AddSingleton<Microsoft.AspNetCore.Components.IComponentActivator>(Components);
            services.AddSingleton<IInterceptor>(Outage);
            services.AddSingleton<TimeProvider>(TestClock.Instance);
            services.AddSingleton<Serilog.Core.ILogEventSink>(Log);
        });
    }

    /// <summary>A client that keeps cookies, does not follow redirects, and speaks https (cookies are Secure).</summary>
    public AppClient NewClient()
    {
        var jar = new System.Net.CookieContainer();
        return new AppClient(CreateDefaultClient(new Uri("https://localhost"), new CookieJarHandler(jar)), jar);
    }

    public async Task<AppClient> SignedInClientAsync(string email)
    {
        var client = NewClient();
        await client.SignInAsync(email);
        return client;
    }

    /// <summary>Runs <paramref name="work"/> against the database as if inside <paramref name="kommunSlug"/> (or no kommun).</summary>
    public async Task<T> WithDbAsync<T>(string? kommunSlug, Func<AppDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var tenant = scope.ServiceProvider.GetRequiredService<TenantContext>();
        if (kommunSlug is not null)
        {
            var k = await db.Kommuner.AsNoTracking().SingleAsync(k => k.Slug == kommunSlug);
            tenant.SetKommun(new KommunInfo(k.Id, k.Name, k.Slug, k.Kod), null);
        }
        return await work(db);
    }

    /// <summary>
    /// Runs <paramref name="work"/> as the interactive app would for <paramref name="email"/> in
    /// <paramref name="kommunSlug"/>: a scope like a circuit's, with that user's authentication state and tenant, and
    /// the command path (<see cref="Operations"/>) every component goes through. Without a kommun (null) it runs as on
    /// a page outside the kommuner (the platform administration, the user's own settings).
    /// </summary>
    public async Task<T> AsUserAsync<T>(string email, string? kommunSlug, Func<Operations, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var user = await services.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email)
            ?? throw new InvalidOperationException($"Ingen användare {email}.");
        var principal = await services.GetRequiredService<SignInManager<AppUser>>().CreateUserPrincipalAsync(user);
        ((IHostEnvironmentAuthenticationStateProvider)services.GetRequiredService<AuthenticationStateProvider>())
            .SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        var resolver = services.GetRequiredService<TenantResolver>();
        resolver.SetUser(principal);
        await resolver.LoadUserKommunerAsync(CancellationToken.None);
        if (kommunSlug is not null && !await resolver.EnterKommunAsync(kommunSlug, CancellationToken.None))
        {
            throw new InvalidOperationException($"Ingen kommun {kommunSlug}.");
        }
        return await work(services.GetRequiredService<Operations>());
    }

    public Task<Guid> KommunIdAsync(string slug) => WithDbAsync(null, db => db.Kommuner.Where(k => k.Slug == slug).Select(k => k.Id).SingleAsync());

    public override async ValueTask DisposeAsync()
    {
        if ((IsPostgres || IsSqlServer) && (ownsDatabaseOverride ?? ownsDatabase))
        {
            try
            {
                await using var scope = Services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.EnsureDeletedAsync();
            }
            catch (DbException)
            {
                // The server may already be gone at the end of the run; the cluster is thrown away anyway.
            }
        }
        await base.DisposeAsync();
        keepAlive?.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Keeps a client's cookies in a jar the test can read and copy to a client of another instance.</summary>
    private sealed class CookieJarHandler(System.Net.CookieContainer jar) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var uri = request.RequestUri!;
            if (jar.GetCookieHeader(uri) is { Length: > 0 } cookies)
            {
                request.Headers.Add("Cookie", cookies);
            }
            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var set))
            {
                foreach (var cookie in set)
                {
                    jar.SetCookies(uri, cookie);
                }
            }
            return response;
        }
    }

    public static string Email(string key, string slug) => DemoSeeder.EmailFor(key, slug);
}

/// <summary>A database outage on demand: connections and commands fail as when the server cannot be reached.</summary>
public sealed class SimulatedOutage : IDbConnectionInterceptor, IDbCommandInterceptor
{
    public bool Active { get; set; }

    private void ThrowIfActive()
    {
        if (Active)
        {
            throw new NpgsqlException("Failed to connect (simulated outage)", new System.Net.Sockets.SocketException(111));
        }
    }

    public ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result,
        CancellationToken cancellationToken = default)
    {
        ThrowIfActive();
        return ValueTask.FromResult(result);
    }

    public InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        ThrowIfActive();
        return result;
    }

    public ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        ThrowIfActive();
        return ValueTask.FromResult(result);
    }

    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        ThrowIfActive();
        return result;
    }
}

/// <summary>Counts SQL commands per request, keyed by the request's correlation id.</summary>
public sealed class SqlCommandCounter : DbCommandInterceptor
{
    private readonly ConcurrentDictionary<string, int> counts = new();

    // HttpContextAccessor keeps the current request in a static AsyncLocal, so a fresh instance sees it too.
    private readonly Microsoft.AspNetCore.Http.HttpContextAccessor accessor = new();

    public int CountFor(string correlationId) => counts.GetValueOrDefault(correlationId);

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Count();
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Count();
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Count();
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Count();
        return ValueTask.FromResult(result);
    }

    private void Count()
    {
        if (accessor.HttpContext?.TraceIdentifier is { } key)
        {
            counts.AddOrUpdate(key, 1, (_, n) => n + 1);
        }
    }
}
