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

/// <summary>
/// Confirms by the user's password, entered again on the signing page, with the sign-in page's own check
/// (<see cref="SignInManager{TUser}.CheckPasswordSignInAsync"/>): wrong passwords here and at sign-in count toward the
/// same lockout, a locked-out user cannot sign, and the lockout ends the user's sessions like any other.
/// </summary>
public sealed class PasswordSignatureService(SignInManager<AppUser> signIn) : ISignatureService
{
    public const string LockedOut = "Kontot är spärrat en stund efter för många felaktiga lösenord, och du loggas ut. Vänta 15 minuter och logga in igen.";

    public string Method => "Lösenord";

    public bool AsksForPassword => true;

    public async Task<SignatureOutcome> ConfirmAsync(SignatureRequest request, CancellationToken ct = default)
    {
        var user = await signIn.UserManager.FindByIdAsync(request.UserId.ToString());
        if (user is null)
        {
            return SignatureOutcome.Refused("Användaren finns inte.", Method);
        }
        var result = await signIn.CheckPasswordSignInAsync(user, request.Password ?? "", lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return new SignatureOutcome(true, null, Method);
        }
        return SignatureOutcome.Refused(result.IsLockedOut
            ? LockedOut
            : "Lösenordet stämmer inte. Skriv ditt lösenord för att bekräfta underskriften.", Method);
    }
}
