using Microsoft.AspNetCore.Authorization;
using SakraStader.Domain;

namespace SakraStader.Tenancy;

/// <summary>Authorization policies. Tenant pages name one; the fallback policy requires a signed-in user.</summary>
public static class Policies
{
    public const string Inrapportor = "Kommun.Inrapportor";
    public const string Lasare = "Kommun.Lasare";
    public const string Medlem = "Kommun.Medlem";
    public const string Styrgrupp = "Kommun.Styrgrupp";
    public const string Samordnare = "Kommun.Samordnare";
    public const string PlatformAdmin = "PlatformAdmin";
    /// <summary>Any signed-in user, whatever their kommuner: their own account pages.</summary>
    public const string SignedIn = "SignedIn";

    public const string PlatformAdminClaim = "sakrastader:platform_admin";

    public static AuthorizationBuilder AddKommunPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(Inrapportor, p => p.RequireAuthenticatedUser().AddRequirements(new KommunRoleRequirement(Role.Inrapportor)))
        .AddPolicy(Lasare, p => p.RequireAuthenticatedUser().AddRequirements(new KommunRoleRequirement(Role.Lasare)))
        .AddPolicy(Medlem, p => p.RequireAuthenticatedUser().AddRequirements(new KommunRoleRequirement(Role.Medlem)))
        .AddPolicy(Styrgrupp, p => p.RequireAuthenticatedUser().AddRequirements(new KommunRoleRequirement(Role.Styrgrupp)))
        .AddPolicy(Samordnare, p => p.RequireAuthenticatedUser().AddRequirements(new KommunRoleRequirement(Role.Samordnare)))
        .AddPolicy(PlatformAdmin, p => p.RequireAuthenticatedUser().RequireClaim(PlatformAdminClaim, "true"))
        .AddPolicy(SignedIn, p => p.RequireAuthenticatedUser());
}

/// <summary>The user must be a member of the request's kommun with at least this role.</summary>
public sealed class KommunRoleRequirement(Role minimum) : IAuthorizationRequirement
{
    public Role Minimum { get; } = minimum;
}

public sealed class KommunRoleHandler(TenantContext tenant) : AuthorizationHandler<KommunRoleRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, KommunRoleRequirement requirement)
    {
        if (tenant.Kommun is not null && tenant.Has(requirement.Minimum))
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}
