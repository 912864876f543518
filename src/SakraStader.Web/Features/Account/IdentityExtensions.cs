using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SakraStader.Data;
using SakraStader.Domain;
using SakraStader.Tenancy;

namespace SakraStader.Features.Account;

public static class IdentityExtensions
{
    /// <summary>
    /// Cookies are Secure unless <c>Security:RequireHttps</c> is false (only the local demo over plain http sets that).
    /// </summary>
    public static CookieSecurePolicy SecureCookiePolicy(this IConfiguration configuration) =>
        configuration.GetValue("Security:RequireHttps", true) ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;

    public static IServiceCollection AddAppIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        var secure = configuration.SecureCookiePolicy();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "sakrastader.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = secure;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.LoginPath = "/konto/logga-in";
            o.LogoutPath = "/konto/logga-ut";
            o.AccessDeniedPath = "/konto/atkomst-nekad";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
        });
        services.AddIdentityCore<AppUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 12;
                o.Password.RequiredUniqueChars = 5;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddUserManager<AppUserManager>()
            .AddSignInManager()
            .AddErrorDescriber<SwedishIdentityErrors>()
            .AddClaimsPrincipalFactory<AppClaimsFactory>()
            .AddDefaultTokenProviders();

        // Password hashing: Identity's default (PBKDF2, 100 000 iterations) unless configured otherwise. Only the test
        // suites lower it (appsettings.Testing.json): every test class seeds some thirty demo accounts, and a stored hash
        // records its own iteration count, so a hash made here is still checked correctly anywhere.
        if (configuration.GetValue<int?>("Security:PasswordHashIterations") is { } iterations)
        {
            services.Configure<PasswordHasherOptions>(o => o.IterationCount = iterations);
        }

        // Sessions end when they should: a new password, a sign-out or a lockout changes the security stamp, and every
        // cookie is checked against it every few seconds (Sessions.cs); a removed membership stops counting as soon.
        var check = SessionCheckOptions.FromConfiguration(configuration);
        services.Configure<SessionCheckOptions>(o => o.CheckInterval = check);
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = check);
        services.AddScoped<SessionStamps>();
        services.AddScoped<ISecurityStampValidator, SessionValidator>();
        // For interactive pages to come; static SSR pages render as before (see SessionStateProvider).
        services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider, SessionStateProvider>();

        services.AddScoped<IAuthorizationHandler, KommunRoleHandler>();
        services.AddAuthorizationBuilder()
            .AddKommunPolicies()
            // Deny by default: an endpoint without [AllowAnonymous] or a policy of its own answers to nobody
            // (SecurityTests enumerates the endpoints and fails on any without one).
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAssertion(_ => false).Build());
        services.AddCascadingAuthenticationState();
        return services;
    }
}

/// <summary>Adds the platform-administrator claim at sign-in.</summary>
public sealed class AppClaimsFactory(UserManager<AppUser> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim("name", user.DisplayName));
        if (user.IsPlatformAdmin)
        {
            identity.AddClaim(new Claim(Policies.PlatformAdminClaim, "true"));
        }
        return identity;
    }
}

/// <summary>Identity's messages in Swedish, klarspråk.</summary>
public sealed class SwedishIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) =>
        new() { Code = nameof(PasswordTooShort), Description = $"Lösenordet måste ha minst {length} tecken." };

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        new() { Code = nameof(PasswordRequiresUniqueChars), Description = $"Lösenordet måste innehålla minst {uniqueChars} olika tecken." };

    public override IdentityError DuplicateEmail(string email) =>
        new() { Code = nameof(DuplicateEmail), Description = $"Det finns redan ett konto med e-postadressen {email}." };

    public override IdentityError DuplicateUserName(string userName) =>
        new() { Code = nameof(DuplicateUserName), Description = $"Det finns redan ett konto med e-postadressen {userName}." };

    public override IdentityError InvalidEmail(string? email) =>
        new() { Code = nameof(InvalidEmail), Description = "E-postadressen är inte giltig." };

    public override IdentityError PasswordMismatch() =>
        new() { Code = nameof(PasswordMismatch), Description = "Fel lösenord." };

    public override IdentityError DefaultError() =>
        new() { Code = nameof(DefaultError), Description = "Något gick fel. Försök igen." };
}
