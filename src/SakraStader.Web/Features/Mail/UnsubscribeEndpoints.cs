using SakraStader.Data;
using SakraStader.Domain;
using SakraStader.Infrastructure;

namespace SakraStader.Features.Mail;

/// <summary>
/// Stopping a kind of mail without signing in. The message's link opens a page that asks first (so that a mail
/// scanner following links stops nothing); its button, and a mail program's one-click unsubscribe (RFC 8058, the
/// List-Unsubscribe header), post here. The signed token names the person and the kind (or the weekly digest); nothing
/// else is accepted.
/// </summary>
public static class UnsubscribeEndpoints
{
    public const string Path = "/e-post/sluta/bekrafta";

    public static IEndpointRouteBuilder MapUnsubscribe(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, async (HttpContext http, UnsubscribeTokens tokens, AppDbContext db, ILoggerFactory logs) =>
        {
            var token = http.Request.Query["t"].ToString();
            if (tokens.Read(token) is not { } who)
            {
                return Results.Text("Länken är inte giltig. Logga in och ändra dina val under Konto → E-post.", "text/plain; charset=utf-8", statusCode: 400);
            }
            if (!await MailPreferencesWork.StopAsync(db, who.UserId, who.Kind, http.RequestAborted))
            {
                return Results.Text("Kontot finns inte längre.", "text/plain; charset=utf-8", statusCode: 404);
            }
            await db.SaveChangesAsync(http.RequestAborted);
            logs.CreateLogger("SakraStader.Mail").LogInformation("E-post om {Kind} avslutad via länk", who.Kind?.ToString() ?? "veckosammanfattningen");
            // From the page: back to it, saying it is done. From a mail program (one click): done.
            return http.Request.HasFormContentType && http.Request.Form["fran"] == "sida"
                ? Results.Redirect($"/e-post/sluta?t={Uri.EscapeDataString(token)}&klart=1", permanent: false, preserveMethod: false)
                : Results.Text($"Klart: du får inte längre {MailMessages.Stream(who.Kind)}.", "text/plain; charset=utf-8");
        }).AllowAnonymous().DisableAntiforgery().NeverStored();
        // The header's address opened in a browser: the page that asks first.
        app.MapGet(Path, (HttpContext http) => Results.Redirect($"/e-post/sluta?t={Uri.EscapeDataString(http.Request.Query["t"].ToString())}"))
            .AllowAnonymous().NeverStored();
        return app;
    }
}
