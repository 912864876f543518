using MudBlazor;
using MudBlazor.Services;
using SakraStader.Components.Mud;

namespace SakraStader.Infrastructure;

public static class FrontEndExtensions
{
    /// <summary>
    /// Razor components: the signed-in app in the interactive Server render mode with MudBlazor (Swedish texts, our
    /// theme); public pages, sign-in and files stay static (docs/adr/0005-interactive-server-mudblazor.md).
    /// </summary>
    public static IServiceCollection AddAppFrontEnd(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents(o =>
        {
            o.DetailedErrors = false;
            // A user who loses the connection (a train tunnel, a laptop lid) gets their circuit back for a while.
            o.DisconnectedCircuitRetentionPeriod = TimeSpan.FromMinutes(3);
        });
        services.AddCascadingAuthenticationState();
        services.AddMudServices(c =>
        {
            c.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomLeft;
            c.SnackbarConfiguration.VisibleStateDuration = 4000;
            c.SnackbarConfiguration.PreventDuplicates = false;
        });
        services.AddTransient<MudLocalizer, SwedishMudLocalizer>();
        // The framework would make an antiforgery token (a cookie and no-store) on every server-rendered page so that
        // interactive forms could post; ours never post (they run over the circuit). A token is made only where a
        // static form asks for one, so the public pages stay cacheable and cookie-free.
        services.AddHttpContextAccessor();
        services.AddScoped<Microsoft.AspNetCore.Components.Forms.AntiforgeryStateProvider, RequestAntiforgeryStateProvider>();
        return services;
    }

    /// <summary>
    /// The framework's own endpoints under the deny-by-default fallback policy: its redirect helper and the script
    /// start-up files carry no data of ours (anyone); the circuit hub carries the signed-in app (signed-in users only;
    /// each page's policy is checked again in the circuit by AuthorizeRouteView). Every page states its own policy.
    /// </summary>
    public static void FrameworkEndpointPolicies(EndpointBuilder endpoint)
    {
        if (endpoint is not RouteEndpointBuilder { RoutePattern.RawText: { } route })
        {
            return;
        }
        if (route.StartsWith("/_framework/", StringComparison.Ordinal) || route == "/_blazor/initializers")
        {
            endpoint.Metadata.Add(new Microsoft.AspNetCore.Authorization.AllowAnonymousAttribute());
        }
        else if (route.StartsWith("/_blazor", StringComparison.Ordinal))
        {
            endpoint.Metadata.Add(new Microsoft.AspNetCore.Authorization.AuthorizeAttribute(Tenancy.Policies.SignedIn));
        }
    }
}

/// <summary>An antiforgery token for the request's static form, made when the form asks for it; none in a circuit.</summary>
public sealed class RequestAntiforgeryStateProvider(IHttpContextAccessor accessor, Microsoft.AspNetCore.Antiforgery.IAntiforgery antiforgery)
    : Microsoft.AspNetCore.Components.Forms.AntiforgeryStateProvider
{
    public override Microsoft.AspNetCore.Components.Forms.AntiforgeryRequestToken? GetAntiforgeryToken()
    {
        if (accessor.HttpContext is not { } http || http.WebSockets.IsWebSocketRequest)
        {
            return null;
        }
        var tokens = antiforgery.GetAndStoreTokens(http);
        return tokens.RequestToken is null ? null : new(tokens.RequestToken, tokens.FormFieldName);
    }
}
