using Microsoft.AspNetCore.Components;
using SakraStader.Tenancy;

namespace SakraStader.Components.Ui;

/// <summary>
/// Base for pages under <c>/{KommunSlug}/...</c>. The kommun and the user's membership were resolved by
/// <see cref="TenantMiddleware"/> and checked by the page's policy before the page runs.
/// </summary>
public abstract class KommunPage : ComponentBase
{
    [Parameter] public string KommunSlug { get; set; } = "";

    [Inject] protected TenantContext Tenant { get; set; } = default!;

    [Inject] protected NavigationManager Navigation { get; set; } = default!;

    protected KommunInfo Kommun => Tenant.Kommun ?? throw new InvalidOperationException("Sidan kräver en kommun.");

    protected MembershipInfo Membership => Tenant.Membership ?? throw new InvalidOperationException("Sidan kräver medlemskap.");

    protected string Href(string path = "") => path.Length == 0 ? "/" + Kommun.Slug : $"/{Kommun.Slug}/{path}";
}
