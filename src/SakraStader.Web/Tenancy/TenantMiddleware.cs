using Microsoft.AspNetCore.Components.Endpoints;

namespace SakraStader.Tenancy;

/// <summary>
/// Resolves the request's kommun from the <c>{KommunSlug}</c> route value and the signed-in user's membership there.
/// Runs after routing and authentication, before authorization. An unknown kommun is a 404.
/// </summary>
public sealed class TenantMiddleware(RequestDelegate next)
{
    public const string RouteKey = "KommunSlug";

    public async Task InvokeAsync(HttpContext context, TenantResolver resolver, TenantContext tenant)
    {
        resolver.SetUser(context.User);
        // Pages (layout, switcher) and kommun endpoints (membership) need the user's kommuner; static files and
        // health checks do not.
        var slug = context.GetRouteValue(RouteKey) as string;
        var isPage = context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is not null;
        if (tenant.UserId is not null && (isPage || slug is not null))
        {
            await resolver.LoadUserKommunerAsync(context.RequestAborted);
        }
        if (slug is not null && !await resolver.EnterKommunAsync(slug, context.RequestAborted))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        await next(context);
    }
}
