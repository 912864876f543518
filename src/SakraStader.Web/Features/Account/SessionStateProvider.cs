using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;
using SakraStader.Data;
using SakraStader.Tenancy;

namespace SakraStader.Features.Account;

/// <summary>
/// For interactive (Blazor Server) pages: a circuit outlives the request that checked the cookie, so every
/// <see cref="SessionCheckOptions.CheckInterval"/> it checks again that the user's security stamp still holds (no new password,
/// sign-out or lockout since) and, when the circuit works in a kommun, that the user is still a member there. If not, the
/// circuit's user becomes anonymous and its pages show the sign-in prompt.
/// The kommun is the circuit's <see cref="TenantContext"/> (the provider's own scope); an interactive front end sets it
/// when the circuit starts. Static SSR pages are unaffected: each request already checks the cookie and the membership,
/// and the request's scope, with this provider's wait, ends with the response.
/// </summary>
public sealed class SessionStateProvider(ILoggerFactory loggerFactory, IServiceScopeFactory scopes, TenantContext circuit,
    IOptions<SessionCheckOptions> sessions, IHostApplicationLifetime stopping) : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    private readonly ILogger logger = loggerFactory.CreateLogger<SessionStateProvider>();

    protected override TimeSpan RevalidationInterval =>
        sessions.Value.CheckInterval > TimeSpan.Zero ? sessions.Value.CheckInterval : TimeSpan.FromSeconds(1);

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        CheckAsync(authenticationState.User, circuit.KommunId, cancellationToken);

    /// <summary>The check the circuit runs: <see cref="IsStillValidAsync"/>, or still valid while the database cannot answer.</summary>
    public async Task<bool> CheckAsync(ClaimsPrincipal user, Guid? kommunId, CancellationToken cancellationToken = default)
    {
        try
        {
            return await IsStillValidAsync(user, kommunId, cancellationToken);
        }
        catch (Exception e) when (Infrastructure.DatabaseUnavailableMiddleware.IsDatabaseUnavailable(e))
        {
            // The database cannot answer just now: that says nothing about the session. The user stays signed in and
            // the check runs again at the next interval (a failed check would sign out everyone on a database restart).
            logger.LogWarning(e, "Sessionskontrollen nådde inte databasen; försöker igen om {Interval}", RevalidationInterval);
            return true;
        }
        catch (ObjectDisposedException) when (cancellationToken.IsCancellationRequested || stopping.ApplicationStopping.IsCancellationRequested)
        {
            // The instance is stopping and its services are gone (its circuits are handed over): nothing to check, and
            // no error for the circuit (an exception here ended it, logged as an unhandled circuit error).
            return true;
        }
    }

    /// <summary>The check the circuit runs every interval, in a scope of its own (the circuit's may be busy rendering).</summary>
    public async Task<bool> IsStillValidAsync(ClaimsPrincipal user, Guid? kommunId, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        if (!await scope.ServiceProvider.GetRequiredService<SessionStamps>().IsCurrentAsync(user, ct))
        {
            return false;
        }
        if (kommunId is not { } kommun)
        {
            return true;
        }
        var userId = Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!);
        var kommuner = await scope.ServiceProvider.GetRequiredService<CrossTenant>().KommunerOfUserAsync(userId, ct);
        return kommuner.Any(k => k.KommunId == kommun);
    }
}
