using System.Security.Claims;
using SakraStader.Data;

namespace SakraStader.Tenancy;

/// <summary>
/// Sets the <see cref="TenantContext"/> from a signed-in user and a kommun slug: the user's kommuner, the kommun, and
/// the user's membership there. One rule for both ways a page is reached: an HTTP request
/// (<see cref="TenantMiddleware"/>) and a navigation inside an interactive circuit (<see cref="TenantScope"/>).
/// </summary>
public sealed class TenantResolver(TenantContext tenant, KommunDirectory directory, CrossTenant crossTenant)
{
    public void SetUser(ClaimsPrincipal user)
    {
        Guid? userId = Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
        tenant.SetUser(userId, user.Identity?.Name ?? "anonym", user.FindFirst("name")?.Value);
    }

    public async Task LoadUserKommunerAsync(CancellationToken ct)
    {
        tenant.SetUserKommuner(tenant.UserId is { } userId ? await crossTenant.KommunerOfUserAsync(userId, ct) : []);
    }

    /// <summary>The kommun of the slug and the user's membership there; false when no kommun has that slug.</summary>
    public async Task<bool> EnterKommunAsync(string slug, CancellationToken ct)
    {
        var kommun = await directory.FindAsync(slug, ct);
        if (kommun is null)
        {
            return false;
        }
        var membership = tenant.UserKommuner.FirstOrDefault(k => k.KommunId == kommun.Id);
        tenant.SetKommun(kommun, membership is null
            ? null
            : new MembershipInfo(membership.MembershipId, membership.Role, membership.Organisation, membership.Title, membership.OrganisationName));
        return true;
    }

    /// <summary>Outside any kommun (the user's own pages, the platform administration).</summary>
    public void LeaveKommun() => tenant.ClearKommun();
}
