using System.Data.Common;
using System.Net.Sockets;

namespace SakraStader.Infrastructure;

/// <summary>
/// When the database cannot be reached, answers at once with a friendly 503 and <c>Retry-After</c> instead of an error
/// page or a hang. The page is written here, without layout or database, so it works while the database is down.
/// Nothing is half-written: every save is one transaction, which the database rolls back when the connection is lost.
/// When the database is back, the connection pool opens new connections and pages work again without a restart.
/// </summary>
public sealed class DatabaseUnavailableMiddleware(RequestDelegate next, ILogger<DatabaseUnavailableMiddleware> logger)
{
    private const string Page = """
        <!DOCTYPE html>
        <html lang="sv"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="refresh" content="30">
        <title>Tillfälligt avbrott – Säkra städer</title></head>
        <body>
        <h1>Tjänsten är tillfälligt otillgänglig</h1>
        <p>Vi kommer inte åt databasen just nu. Det du redan har sparat finns kvar. Sidan försöker igen av sig själv om en halv minut.</p>
        <p>Om du höll på att fylla i ett formulär: gå tillbaka i webbläsaren, så finns texten oftast kvar, och skicka igen när sidan fungerar.</p>
        </body></html>
        """;

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (IsDatabaseUnavailable(e) && !context.Response.HasStarted)
        {
            logger.LogWarning(e, "Databasen svarar inte; {Path} fick 503", context.Request.Path);
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "30";
            context.Response.Headers.CacheControl = "no-store";
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(Page, context.RequestAborted);
        }
    }

    /// <summary>A failure to reach the database (refused, reset, timed out), not a bug in a query.</summary>
    public static bool IsDatabaseUnavailable(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            switch (x)
            {
                case SocketException or TimeoutException:
                    return true;
                case DbException { IsTransient: true }:
                    return true;
                case Npgsql.NpgsqlException { InnerException: IOException or SocketException }:
                    return true;
                case Npgsql.PostgresException { SqlState: "57P01" or "57P02" or "57P03" }: // admin shutdown, crash shutdown, cannot connect now
                    return true;
                // SQL Server: timeout, no server, connection reset or refused, database not available now.
                case Microsoft.Data.SqlClient.SqlException { Number: -2 or 2 or 53 or 233 or 4060 or 10053 or 10054 or 10060 or 10061 or 40613 }:
                    return true;
            }
        }
        return false;
    }
}
