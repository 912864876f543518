namespace SakraStader.Infrastructure;

/// <summary>
/// Security headers on every response. The CSP allows no inline script and nothing from other origins.
/// What a signed-in user is shown, and every download marked <see cref="NoStore.Metadata"/>, is never stored by a
/// browser or a proxy (<c>Cache-Control: no-store</c>): after signing out on a shared computer, the back button and
/// the browser cache show nothing. A response that states its own cache policy keeps it: the public pages
/// (<c>PublicPage.Cache</c>) and the fingerprinted static files.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    /// <summary>
    /// Static pages (public pages, sign-in): no inline script, and no inline style but one: MudBlazor's text field
    /// carries a hidden element (<c>style="display:none"</c>), allowed by its hash alone.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-hashes' 'sha256-aqNNdDLnnrDOnTNdkJpYlAxKVJtLt9CtFLklmInuUAE='; " +
        "img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    /// <summary>
    /// The interactive app: MudBlazor positions popovers, drawers and inputs with inline style attributes, so styles
    /// may be inline there; script stays 'self' only, and the circuit's WebSocket is same-origin ('self').
    /// </summary>
    public const string InteractiveContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = context.GetEndpoint() is not null && Microsoft.AspNetCore.Components.Routing.RazorComponentsEndpointHttpContextExtensions.AcceptsInteractiveRouting(context)
                ? InteractiveContentSecurityPolicy
                : ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            if (!headers.ContainsKey(Microsoft.Net.Http.Headers.HeaderNames.CacheControl)
                && (context.User.Identity?.IsAuthenticated == true || context.GetEndpoint()?.Metadata.GetMetadata<NoStore>() is not null))
            {
                headers.CacheControl = NoStore.Value;
            }
            return Task.CompletedTask;
        });
        return next(context);
    }
}

/// <summary>Endpoint metadata: the answer (an export, a document, a calendar) is never stored, whoever asks.</summary>
public sealed class NoStore
{
    public const string Value = "no-store";

    public static NoStore Metadata { get; } = new();

    private NoStore()
    {
    }
}

public static class NoStoreExtensions
{
    /// <summary>Marks an endpoint's answers <c>Cache-Control: no-store</c> (see <see cref="SecurityHeadersMiddleware"/>).</summary>
    public static TBuilder NeverStored<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(NoStore.Metadata);
}
