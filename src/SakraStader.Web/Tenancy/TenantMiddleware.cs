using System.Security.Claims;
using Microsoft.AspNetCore.Components.Endpoints;
using SakraStader.Data;

namespace SakraStader.Tenancy;

/// <summary>
/// Resolves the request's kommun from the <c>{KommunSlug}</c> route value and the signed-in user's membership there.
/// Runs after routing and authentication, before authorization. An unknown kommun is a 404.
/// </summary>
public sealed class TenantMiddleware(RequestDelegate next)
{
    public const string RouteKey = "KommunSlug";

    public async Task InvokeAsync(HttpContext context, TenantContext tenant, KommunDirectory directory, CrossTenant crossTenant)
    {
        var user = context.User;
        Guid? userId = Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
        tenant.SetUser(userId, user.Identity?.Name ?? "anonym", user.FindFirst("name")?.Value);
        // Pages (layout, switcher) and kommun endpoints (membership) need the user's kommuner; static files and
        // health checks do not.
        var slug = context.GetRouteValue(RouteKey) as string;
        var isPage = context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is not null;
        if (userId is { } signedIn && (isPage || slug is not null))
        {
            tenant.SetUserKommuner(await crossTenant.KommunerOfUserAsync(signedIn, context.RequestAborted));
        }

        if (slug is not null)
        {
            var kommun = await directory.FindAsync(slug, context.RequestAborted);
            if (kommun is null)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            var membership = tenant.UserKommuner.FirstOrDefault(k => k.KommunId == kommun.Id);
            tenant.SetKommun(kommun, membership is null
                ? null
                : new MembershipInfo(membership.MembershipId, membership.Role, membership.Organisation, membership.Title, membership.OrganisationName));
        }

        await next(context);
    }
}
