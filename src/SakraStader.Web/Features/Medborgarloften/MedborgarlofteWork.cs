using Microsoft.EntityFrameworkCore;
using SakraStader.Data;
using SakraStader.Domain;
using SakraStader.Features.Commands;
using SakraStader.Features.Groups;
using SakraStader.Tenancy;

namespace SakraStader.Features.Medborgarloften;

/// <summary>
/// The interactive pages' reads and commands for the moment a party co-signs a medborgarlöfte ("Att underteckna",
/// the signing page) and the samordnare sends it for signing or publishes it. Reads return records; commands load the
/// promise through the tenant filter and apply the model's rules; <see cref="Operations"/> checks the kommun role and
/// saves, with the audit, in one transaction.
/// </summary>
public sealed class MedborgarlofteWork(AppDbContext db, MedborgarlofteHandler loften, CrossTenant crossTenant, TenantContext tenant,
    ISignatureService signatures, TimeProvider time)
{
    public const string ChangedMeanwhile = "Någon annan har ändrat löftet sedan du öppnade sidan. Läs igenom det som det ser ut nu och försök igen.";

    /// <summary>What waits for the user's signature, in every kommun where they are a member.</summary>
    public Task<List<ToSign>> ToSignAsync(CancellationToken ct = default) =>
        tenant.UserId is { } userId ? crossTenant.ToSignAsync(userId, ct) : Task.FromResult(new List<ToSign>());

    /// <summary>The signing page for one party: the exact version to sign, its hash, and whether this user signs for the party.</summary>
    public async Task<SigningModel?> ReadSigningAsync(Guid id, Guid partyId, CancellationToken ct = default)
    {
        var lofte = await loften.LoadAsync(id, tracked: false, ct);
        var party = lofte?.Parties.FirstOrDefault(p => p.Id == partyId);
        if (lofte is null || party is null)
        {
            return null;
        }
        var isSignatory = tenant.UserId is { } userId && party.SignatoryUserId == userId;
        var version = isSignatory ? lofte.CurrentVersion : null;
        var signature = lofte.ValidSignatures.FirstOrDefault(s => s.PartyId == partyId);
        var title = tenant.Membership?.Title is { Length: > 0 } t ? t : party.SignatoryTitle;
        return new SigningModel(lofte.Id, lofte.Title, tenant.Kommun?.Name ?? "", party.Id, party.Organisation, party.Kind.Display(), isSignatory,
            lofte.Status, lofte.Version, version?.Number, version?.Hash, version?.VerificationCode,
            version is null ? null : LofteContent.Read(version.Content), signature is not null, signature?.SignedAt,
            tenant.DisplayName, title, signatures.AsksForPassword, signatures.Method);
    }

    /// <summary>
    /// The signatory signs the version whose hash they were shown, confirmed by <see cref="ISignatureService"/> (the
    /// built-in one: the password again, through the sign-in page's own check). A refused confirmation is a
    /// <see cref="DomainException"/> on the field "Password"; the failed attempt itself is committed before the refusal,
    /// so that wrong passwords here count toward the sign-in lockout even though nothing of the signature is saved.
    /// Returns whether the promise became gällande (every party has signed).
    /// </summary>
    public async Task<bool> SignAsync(Guid id, Guid partyId, string hashShown, string? password, CancellationToken ct = default)
    {
        var userId = tenant.UserId ?? throw new DomainException("Logga in för att skriva under.");
        var lofte = await loften.LoadAsync(id, tracked: true, ct) ?? throw new DomainException("Löftet finns inte.");
        var party = lofte.Parties.FirstOrDefault(p => p.Id == partyId) ?? throw new DomainException("Parten finns inte.");
        if (party.SignatoryUserId != userId)
        {
            throw new ForbiddenException();
        }
        var outcome = await signatures.ConfirmAsync(new SignatureRequest(userId, hashShown, password), ct);
        if (!outcome.Confirmed)
        {
            // Nothing of the promise has changed; what the check wrote (the failed count, a lockout) must stay.
            if (db.Database.CurrentTransaction is { } transaction)
            {
                await transaction.CommitAsync(ct);
            }
            throw new DomainException(outcome.Error ?? "Underskriften kunde inte bekräftas.", "Password");
        }
        var title = tenant.Membership?.Title is { Length: > 0 } t ? t : party.SignatoryTitle;
        lofte.Sign(partyId, userId, tenant.DisplayName, title, tenant.Membership?.Role.Display() ?? "", hashShown, outcome.Method, time.GetUtcNow());
        return lofte.Status == LofteStatus.Gallande;
    }

    /// <summary>The samordnare sends the content as it stands for signing: a new version, with its hash, for every party.</summary>
    public async Task<int> SendForSigningAsync(Guid id, Guid seenVersion, CancellationToken ct = default)
    {
        var lofte = await LoadAsync(id, seenVersion, ct);
        return lofte.SendForSigning(await loften.ContentOfAsync(lofte, ct), time.GetUtcNow()).Number;
    }

    /// <summary>The samordnare publishes a promise every party has signed; the public page and the code page show it.</summary>
    public async Task PublishAsync(Guid id, Guid seenVersion, CancellationToken ct = default)
    {
        var lofte = await LoadAsync(id, seenVersion, ct);
        lofte.Publish(time.GetUtcNow());
    }

    private async Task<Medborgarlofte> LoadAsync(Guid id, Guid seenVersion, CancellationToken ct)
    {
        var lofte = await loften.LoadAsync(id, tracked: true, ct) ?? throw new DomainException("Löftet finns inte.");
        if (lofte.Version != seenVersion)
        {
            throw new ConflictException(ChangedMeanwhile, null, null);
        }
        return lofte;
    }
}

/// <summary>The signing page as shown to one user. No version (and no hash) unless the user signs for the party.</summary>
public sealed record SigningModel(Guid LofteId, string Title, string KommunName, Guid PartyId, string Organisation, string PartyKind,
    bool IsSignatory, LofteStatus Status, Guid Version, int? VersionNumber, string? Hash, string? VerificationCode, LofteContent? Content,
    bool HasSigned, DateTimeOffset? SignedAt, string SignerName, string SignerTitle, bool AsksForPassword, string Method)
{
    public bool CanSign => IsSignatory && Status == LofteStatus.ForUnderskrift && VersionNumber is not null && !HasSigned;
}

/// <summary>The signing form's input.</summary>
public sealed class SignInput
{
    public string Password { get; set; } = "";
}
