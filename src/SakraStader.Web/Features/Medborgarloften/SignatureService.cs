using Microsoft.AspNetCore.Identity;
using SakraStader.Domain;

namespace SakraStader.Features.Medborgarloften;

/// <summary>What is to be signed: by whom, and the SHA-256 of the exact content (all an external service receives).</summary>
public sealed record SignatureRequest(Guid UserId, string ContentHash, string? Password);

/// <summary>The outcome: confirmed, or why not; the method is recorded on the signature.</summary>
public sealed record SignatureOutcome(bool Confirmed, string? Error, string Method)
{
    public static SignatureOutcome Refused(string error, string method) => new(false, error, method);
}

/// <summary>
/// The one seam for confirming a signature (docs/signing.md). The workflow asks this service whether the signatory
/// confirms the hash and records the outcome; it does not know how the confirmation happens. The built-in
/// <see cref="PasswordSignatureService"/> asks for the user's password again; a public body's e-signature service,
/// which receives only the checksum of what is signed, is another implementation registered in its place.
/// </summary>
public interface ISignatureService
{
    /// <summary>Shown on the signature ("Lösenord", or the e-signature service's name).</summary>
    string Method { get; }

    /// <summary>Whether the signing page asks for the password (the built-in service) or hands over to the service.</summary>
    bool AsksForPassword { get; }

    Task<SignatureOutcome> ConfirmAsync(SignatureRequest request, CancellationToken ct = default);
}

/// <summary>Confirms by the user's password, entered again on the signing page. Wrong passwords count toward lockout.</summary>
public sealed class PasswordSignatureService(UserManager<AppUser> users) : ISignatureService
{
    public string Method => "Lösenord";

    public bool AsksForPassword => true;

    public async Task<SignatureOutcome> ConfirmAsync(SignatureRequest request, CancellationToken ct = default)
    {
        var user = await users.FindByIdAsync(request.UserId.ToString());
        if (user is null)
        {
            return SignatureOutcome.Refused("Användaren finns inte.", Method);
        }
        if (await users.IsLockedOutAsync(user))
        {
            return SignatureOutcome.Refused("Kontot är tillfälligt låst efter för många felaktiga lösenord. Försök igen om en stund.", Method);
        }
        if (string.IsNullOrEmpty(request.Password) || !await users.CheckPasswordAsync(user, request.Password))
        {
            await users.AccessFailedAsync(user);
            return SignatureOutcome.Refused("Lösenordet stämmer inte. Skriv ditt lösenord för att bekräfta underskriften.", Method);
        }
        await users.ResetAccessFailedCountAsync(user);
        return new SignatureOutcome(true, null, Method);
    }
}
