using Microsoft.EntityFrameworkCore;
using SakraStader.Components.Ui;
using SakraStader.Data;
using SakraStader.Domain;
using SakraStader.Tenancy;

namespace SakraStader.Features.Medborgarloften;

/// <summary>Loads medborgarlöften, builds the content that is signed, and runs sending, signing and publishing.</summary>
public sealed class MedborgarlofteHandler(AppDbContext db, TenantContext tenant, ISignatureService signatures, TimeProvider time)
{
    public Task<Medborgarlofte?> LoadAsync(Guid id, bool tracked, CancellationToken ct = default)
    {
        var query = db.Medborgarloften
            .Include(m => m.Parties).Include(m => m.Commitments).ThenInclude(c => c.FollowUps)
            .Include(m => m.Links).Include(m => m.Versions).Include(m => m.Signatures)
            .AsSplitQuery();
        return (tracked ? query : query.AsNoTracking()).FirstOrDefaultAsync(m => m.Id == id, ct);
    }

    /// <summary>The content as it stands now, in the canonical shape that is hashed and signed.</summary>
    public async Task<LofteContent> ContentOfAsync(Medborgarlofte lofte, CancellationToken ct = default)
    {
        List<Guid> Ids(LinkKind kind) => [.. lofte.Links.Where(l => l.Kind == kind).Select(l => l.TargetId)];
        var areaIds = Ids(LinkKind.Area);
        var dialogueIds = Ids(LinkKind.Dialogue);
        var problemIds = Ids(LinkKind.Problem);
        var areaNames = await db.Areas.AsNoTracking().Where(a => areaIds.Contains(a.Id)).Select(a => a.Name).ToListAsync(ct);
        var dialogues = await db.CitizenDialogues.AsNoTracking().Where(d => dialogueIds.Contains(d.Id)).Select(d => new { d.Date, d.Method, d.Place }).ToListAsync(ct);
        var problems = await db.Problems.AsNoTracking().Where(p => problemIds.Contains(p.Id)).Select(p => p.Title).ToListAsync(ct);
        var atgardIds = lofte.Commitments.Where(c => c.AtgardId != null).Select(c => c.AtgardId!.Value).ToList();
        var atgarder = await db.Atgarder.AsNoTracking().Where(a => atgardIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Title, ct);
        return ContentOf(tenant.Kommun?.Name ?? "", lofte, areaNames,
            dialogues.Select(d => DialogueName(d.Date, d.Method, d.Place)), problems, atgarder);
    }

    public static string DialogueName(DateOnly date, string method, string place) =>
        $"{method}, {place}, {date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}";

    public static LofteContent ContentOf(string kommunName, Medborgarlofte lofte, IEnumerable<string> areaNames,
        IEnumerable<string>? dialogues = null, IEnumerable<string>? problems = null, IReadOnlyDictionary<Guid, string>? atgarder = null)
    {
        var parties = lofte.Parties.OrderBy(p => p.Order).ToList();
        return new LofteContent(
            kommunName,
            lofte.Title,
            lofte.ValidFrom.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            lofte.ValidTo.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            [.. areaNames.Order(StringComparer.Ordinal)],
            lofte.Background,
            [.. (dialogues ?? []).Order(StringComparer.Ordinal)],
            [.. (problems ?? []).Order(StringComparer.Ordinal)],
            [.. parties.Select(p => new LofteContentParty(p.Kind.Display(), p.Organisation, p.SignatoryName, p.SignatoryTitle))],
            [.. lofte.Commitments.OrderBy(c => c.Order).Select(c => new LofteContentCommitment(c.What,
                parties.FirstOrDefault(p => p.Id == c.PartyId)?.Organisation ?? "", c.HowShown,
                c.AtgardId is { } a && atgarder?.GetValueOrDefault(a) is { } title ? title : ""))]);
    }

    public async Task SendForSigningAsync(Medborgarlofte lofte, CancellationToken ct = default)
    {
        lofte.SendForSigning(await ContentOfAsync(lofte, ct), time.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The signatory signs the version whose hash they were shown, after <see cref="ISignatureService"/> confirmed it.
    /// Every refusal is a <see cref="DomainException"/> with the reason; nothing is saved then.
    /// </summary>
    public async Task SignAsync(Medborgarlofte lofte, Guid partyId, string hashShown, string? password, CancellationToken ct = default)
    {
        var userId = tenant.UserId ?? throw new DomainException("Logga in för att skriva under.");
        var party = lofte.Parties.FirstOrDefault(p => p.Id == partyId) ?? throw new DomainException("Parten finns inte.");
        if (party.SignatoryUserId != userId)
        {
            throw new DomainException($"Du är inte den som skriver under för {party.Organisation}.");
        }
        var outcome = await signatures.ConfirmAsync(new SignatureRequest(userId, hashShown, password), ct);
        if (!outcome.Confirmed)
        {
            throw new DomainException(outcome.Error ?? "Underskriften kunde inte bekräftas.", "Password");
        }
        var title = tenant.Membership?.Title is { Length: > 0 } t ? t : party.SignatoryTitle;
        lofte.Sign(partyId, userId, tenant.DisplayName, title, tenant.Membership?.Role.Display() ?? "", hashShown, outcome.Method, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Drops unsaved changes after a refusal, so that nothing half-done is saved later in the request.</summary>
    public void Discard() => db.ChangeTracker.Clear();

    /// <summary>What changed since the last version sent for signing, in words, for the page that asks for new signatures.</summary>
    public static IReadOnlyList<string> ChangesSince(LofteContent sent, LofteContent now)
    {
        var changes = new List<string>();
        if (sent.Title != now.Title)
        {
            changes.Add($"Rubriken: ”{sent.Title}” blev ”{now.Title}”.");
        }
        if (sent.ValidFrom != now.ValidFrom || sent.ValidTo != now.ValidTo)
        {
            changes.Add($"Perioden: {sent.ValidFrom}–{sent.ValidTo} blev {now.ValidFrom}–{now.ValidTo}.");
        }
        Lists("Område", sent.Areas, now.Areas, changes);
        if (sent.Background != now.Background)
        {
            changes.Add("Bakgrunden är ändrad.");
        }
        Lists("Dialog", sent.Dialogues, now.Dialogues, changes);
        Lists("Problem", sent.Problems, now.Problems, changes);
        Lists("Part", sent.Parties.Select(p => $"{p.Organisation} ({p.Signatory})"), now.Parties.Select(p => $"{p.Organisation} ({p.Signatory})"), changes);
        Lists("Löfte", sent.Commitments.Select(Describe), now.Commitments.Select(Describe), changes);
        return changes;
    }

    private static string Describe(LofteContentCommitment c) => $"{c.What} ({c.Party}; {c.HowShown}{(c.Atgard.Length > 0 ? $"; åtgärd: {c.Atgard}" : "")})";

    private static void Lists(string what, IEnumerable<string> before, IEnumerable<string> after, List<string> changes)
    {
        var b = before.ToList();
        var a = after.ToList();
        changes.AddRange(a.Except(b).Select(x => $"{what} tillagt: {x}"));
        changes.AddRange(b.Except(a).Select(x => $"{what} borttaget: {x}"));
    }
}

public static class LofteDisplay
{
    public static string Display(this PartyKind kind) => kind switch
    {
        PartyKind.Kommunen => "Kommunen",
        PartyKind.Polisen => "Polisen",
        _ => "Partner",
    };

    public static string Display(this LofteStatus status, bool published) => status switch
    {
        LofteStatus.Utkast => "Utkast",
        LofteStatus.ForUnderskrift => "Väntar på underskrifter",
        _ => published ? "Gällande, publicerat" : "Gällande",
    };
}
