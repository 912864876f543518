using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using SakraStader.Data;
using SakraStader.Domain;
using SakraStader.Tenancy;

namespace SakraStader.Features.Account;

/// <summary>
/// Whether a signed-in principal's security stamp is still the user's. Identity changes the stamp on a new password;
/// we also change it on sign-out and on lockout (<see cref="AppUserManager"/>), so each of these ends every session of
/// the user. The stamp is read with one small query and kept per user for <see cref="SessionCheckOptions.CheckInterval"/>;
/// saving the user drops it at once on this instance (<see cref="MembershipCacheInvalidator"/>).
/// </summary>
public sealed class SessionStamps(AppDbContext db, IMemoryCache cache, IOptions<SessionCheckOptions> sessions, IOptions<IdentityOptions> identity)
{
    public async Task<bool> IsCurrentAsync(ClaimsPrincipal? principal, CancellationToken ct = default)
    {
        var claims = identity.Value.ClaimsIdentity;
        if (principal?.Identity?.IsAuthenticated != true
            || !Guid.TryParse(principal.FindFirstValue(claims.UserIdClaimType), out var userId)
            || principal.FindFirstValue(claims.SecurityStampClaimType) is not { Length: > 0 } stamp)
        {
            return false;
        }
        return string.Equals(await CurrentStampAsync(userId, ct), stamp, StringComparison.Ordinal);
    }

    private async Task<string> CurrentStampAsync(Guid userId, CancellationToken ct)
    {
        var key = MembershipCache.StampKey(userId);
        if (cache.TryGetValue(key, out string? kept) && kept is not null)
        {
            return kept;
        }
        // A deleted user has no stamp: "" matches no cookie.
        var stamp = await StampOf(db, userId, ct) ?? "";
        if (sessions.Value.CheckInterval > TimeSpan.Zero)
        {
            cache.Set(key, stamp, sessions.Value.CheckInterval);
        }
        return stamp;
    }

    private static readonly Func<AppDbContext, Guid, CancellationToken, Task<string?>> StampOf =
        EF.CompileAsyncQuery((AppDbContext db, Guid userId, CancellationToken ct) =>
            db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.SecurityStamp).FirstOrDefault());
}

/// <summary>
/// Checks the sign-in cookie against the user's security stamp when the cookie is older than
/// <see cref="SecurityStampValidatorOptions.ValidationInterval"/> (a few seconds) and re-issues it when the stamp
/// holds, so an active user costs at most one small query per interval. Identity's own validator would also rebuild
/// the principal from the database (the user and their claims) each time; our claims change only at sign-in.
/// A stale stamp rejects the cookie and deletes it: the next page asks for a sign-in.
/// </summary>
public sealed class SessionValidator(SessionStamps stamps, IOptions<SecurityStampValidatorOptions> options, TimeProvider time,
    ILogger<SessionValidator> logger) : ISecurityStampValidator
{
    public async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        // The cookie handler's clock wrote IssuedUtc; read the same one.
        var now = (context.Options.TimeProvider ?? time).GetUtcNow();
        if (context.Properties.IssuedUtc is { } issued && now - issued <= options.Value.ValidationInterval)
        {
            return;
        }
        if (await stamps.IsCurrentAsync(context.Principal, context.HttpContext.RequestAborted))
        {
            context.ShouldRenew = true;
            return;
        }
        logger.LogInformation("Inloggningen är inte längre giltig (lösenordsbyte, utloggning eller spärr); kakan avvisas.");
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}

/// <summary>
/// Identity's user manager, except that a lockout also changes the security stamp, so every open session of a
/// locked-out user ends (within <see cref="SessionCheckOptions.CheckInterval"/>), not only new sign-ins.
/// </summary>
public sealed class AppUserManager(
    IUserStore<AppUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<AppUser> passwordHasher,
    IEnumerable<IUserValidator<AppUser>> userValidators,
    IEnumerable<IPasswordValidator<AppUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<AppUser>> logger)
    : UserManager<AppUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    public override async Task<IdentityResult> AccessFailedAsync(AppUser user)
    {
        var result = await base.AccessFailedAsync(user);
        return result.Succeeded && await IsLockedOutAsync(user) ? await UpdateSecurityStampAsync(user) : result;
    }

    public override async Task<IdentityResult> SetLockoutEndDateAsync(AppUser user, DateTimeOffset? lockoutEnd)
    {
        var result = await base.SetLockoutEndDateAsync(user, lockoutEnd);
        return result.Succeeded && await IsLockedOutAsync(user) ? await UpdateSecurityStampAsync(user) : result;
    }
}
