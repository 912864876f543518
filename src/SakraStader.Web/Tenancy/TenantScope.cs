using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Rendering;

namespace SakraStader.Tenancy;

/// <summary>
/// Inside an interactive circuit there is no request per page: on every navigation this component sets the circuit's
/// <see cref="TenantContext"/> from the route's <c>{KommunSlug}</c> and the signed-in user, before the route's
/// authorization (the kommun-role policies read the tenant) and the page run. Nothing of the page renders until the
/// tenant is the route's, so a page never runs in the previous page's kommun. On a plain HTTP request (static pages
/// and the prerender) <see cref="TenantMiddleware"/> has already done the same and this only renders its content.
/// </summary>
public sealed class TenantScope : ComponentBase
{
    [Parameter, EditorRequired] public Microsoft.AspNetCore.Components.RouteData RouteData { get; set; } = default!;

    [Parameter] public RenderFragment? ChildContent { get; set; }

    [CascadingParameter] private HttpContext? HttpContext { get; set; }

    [CascadingParameter] private Task<AuthenticationState>? AuthenticationState { get; set; }

    [Inject] private TenantResolver Resolver { get; set; } = default!;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    private bool ready;
    private string? resolvedFor;

    protected override async Task OnParametersSetAsync()
    {
        if (HttpContext is not null)
        {
            ready = true;
            return;
        }
        var slug = RouteData.RouteValues.TryGetValue(TenantMiddleware.RouteKey, out var value) ? value as string : null;
        var key = slug ?? "";
        if (resolvedFor == key && ready)
        {
            return;
        }
        ready = false;
        var user = AuthenticationState is null ? null : (await AuthenticationState).User;
        if (user is not null)
        {
            Resolver.SetUser(user);
        }
        // The user's kommuner are read again on each navigation: a membership removed a moment ago stops here too.
        await Resolver.LoadUserKommunerAsync(CancellationToken.None);
        if (slug is null)
        {
            Resolver.LeaveKommun();
        }
        else if (!await Resolver.EnterKommunAsync(slug, CancellationToken.None))
        {
            Navigation.NotFound();
            return;
        }
        resolvedFor = key;
        ready = true;
    }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        if (ready)
        {
            builder.AddContent(0, ChildContent);
        }
    }
}
