using Microsoft.EntityFrameworkCore;
using SakraStader.Components.Lists;
using SakraStader.Components.Ui;
using SakraStader.Data;
using SakraStader.Domain;
using SakraStader.Features.Commands;
using SakraStader.Features.Groups;
using SakraStader.Tenancy;

namespace SakraStader.Features.Medborgarloften;

/// <summary>
/// The interactive pages' reads and commands for medborgarlöften: the list, the promise's own page (its content, parties,
/// commitments, follow-ups), "Att underteckna" and the signing page, sending for signing, publishing. Reads return
/// records; commands load the promise through the tenant filter, check the version or text the user saw and apply the
/// model's rules; <see cref="Operations"/> checks the kommun role and saves, with the audit, in one transaction.
/// The content can only change in a draft: a promise out for signing or signed is first reopened
/// (<see cref="ReopenAsync"/>), which voids its signatures after the user has said yes; a published version stays public
/// until the changed one is signed and published.
/// </summary>
public sealed class MedborgarlofteWork(AppDbContext db, MedborgarlofteHandler loften, TenantContext tenant,
    ISignatureService signatures, TimeProvider time)
{
    public const string ChangedMeanwhile = "Någon annan har ändrat löftet sedan du öppnade sidan. Läs igenom det som det ser ut nu och försök igen.";

    public const string TextChangedMeanwhile = "Någon annan har ändrat texten sedan du började skriva. Din text finns kvar i fältet; deras står under. Spara igen om din ska gälla.";

    public const string NotDraft = "Löftet är skickat för underskrift. Välj ”Ändra innehållet” först; då blir underskrifterna ogiltiga och löftet måste skrivas under igen.";

    private static readonly SortKey<Medborgarlofte>[] SortKeys =
    [
        new("rubrik", m => m.Title),
        new("period", m => m.ValidTo),
        new("status", m => m.Status),
    ];

    /// <summary>The kommun's promises: searched by title, sorted and paged in the database, filtered by status.</summary>
    public async Task<PageOf<LofteRow>> ListAsync(ListView view, LofteFilter filter = LofteFilter.Alla, CancellationToken ct = default)
    {
        var query = db.Medborgarloften.AsNoTracking().Matching(view, m => m.Title);
        query = filter switch
        {
            LofteFilter.Utkast => query.Where(m => m.Status == LofteStatus.Utkast),
            LofteFilter.ForUnderskrift => query.Where(m => m.Status == LofteStatus.ForUnderskrift),
            LofteFilter.Gallande => query.Where(m => m.Status == LofteStatus.Gallande && (m.PublishedVersionNumber == null || m.PublishedVersionNumber != m.Versions.Max(v => v.Number))),
            LofteFilter.Publicerade => query.Where(m => m.Status == LofteStatus.Gallande && m.PublishedVersionNumber == m.Versions.Max(v => (int?)v.Number)),
            _ => query,
        };
        return await query.SortedBy(view, SortKeys, "period", true, m => m.Id)
#pragma warning disable CA1826 // Count() over a navigation is translated to SQL; the property form is not.
            .Select(m => new LofteRow(m.Id, m.Title, m.ValidFrom, m.ValidTo, m.Status,
                m.Status == LofteStatus.Gallande && m.PublishedVersionNumber == m.Versions.Max(v => (int?)v.Number), m.Parties.Count(),
                m.Signatures.Count(s => s.VoidedAt == null)))
#pragma warning restore CA1826
            .PageAsync(view, ct: ct);
    }

    /// <summary>A new draft with the kommun and Polisen as parties; the samordnare fills in the rest on its page.</summary>
    public Task<Guid> CreateAsync(NewLofteInput input, CancellationToken ct = default)
    {
        var (from, to) = Period(input.ValidFrom, input.ValidTo);
        var kommun = tenant.Kommun?.Name ?? "";
        var lofte = new Medborgarlofte(input.Title, from, to);
        lofte.AddParty(PartyKind.Kommunen, $"{kommun} kommun", null, "", "");
        lofte.AddParty(PartyKind.Polisen, $"Polisen, lokalpolisområde {kommun}", null, "", "");
        db.Medborgarloften.Add(lofte);
        return Task.FromResult(lofte.Id);
    }

    /// <summary>The promise's page as shown to the user: what it says, who signs, what changed, and what they may do.</summary>
    public async Task<LoftePageModel?> ReadAsync(Guid id, CancellationToken ct = default)
    {
        var lofte = await loften.LoadAsync(id, tracked: false, ct);
        if (lofte is null)
        {
            return null;
        }
        var canEdit = tenant.Has(Role.Samordnare);
        List<Guid> Ids(LinkKind kind) => [.. lofte.Links.Where(l => l.Kind == kind).Select(l => l.TargetId)];
        var areaIds = Ids(LinkKind.Area);
        var dialogueIds = Ids(LinkKind.Dialogue);
        var problemIds = Ids(LinkKind.Problem);
        var areas = await db.Areas.AsNoTracking().Where(a => !a.Archived || areaIds.Contains(a.Id))
            .Select(a => new NamedOption(a.Id, a.Name)).ToListAsync(ct);
        var dialogues = (await db.CitizenDialogues.AsNoTracking().OrderByDescending(d => d.Date).Select(d => new { d.Id, d.Date, d.Method, d.Place }).ToListAsync(ct))
            .Select(d => new NamedOption(d.Id, MedborgarlofteHandler.DialogueName(d.Date, d.Method, d.Place))).ToList();
        var problems = await (from p in db.Problems.AsNoTracking()
                              join a in db.Areas on p.AreaId equals a.Id
                              where !p.Closed || problemIds.Contains(p.Id)
                              select new NamedOption(p.Id, p.Title + " (" + a.Name + ")")).ToListAsync(ct);
        var atgardIds = lofte.Commitments.Where(c => c.AtgardId != null).Select(c => c.AtgardId!.Value).ToList();
        var measures = await db.Atgarder.AsNoTracking().Where(a => a.Status != AtgardStatus.Installd || atgardIds.Contains(a.Id))
            .Select(a => new NamedOption(a.Id, a.Title)).ToListAsync(ct);
        List<PersonOption> people = canEdit
            ? await (from m in db.Memberships.AsNoTracking()
                     join u in db.Users on m.UserId equals u.Id
                     where m.Role >= Role.Medlem
                     select new PersonOption(u.Id, u.DisplayName, m.OrganisationName, m.Title)).ToListAsync(ct)
            : [];
        areas = [.. areas.OrderBy(a => a.Name, Sv.Comparer)];
        problems = [.. problems.OrderBy(p => p.Name, Sv.Comparer)];
        measures = [.. measures.OrderBy(m => m.Name, Sv.Comparer)];
        people = [.. people.OrderBy(p => p.Name, Sv.Comparer)];

        var lastVersion = lofte.Versions.OrderBy(v => v.Number).LastOrDefault();
        var changes = lofte.Status == LofteStatus.Utkast && lastVersion is not null && LofteContent.Read(lastVersion.Content) is { } signed
            ? MedborgarlofteHandler.ChangesSince(signed, await loften.ContentOfAsync(lofte, ct))
            : [];
        var valid = lofte.ValidSignatures.ToList();
        var parties = lofte.Parties.OrderBy(p => p.Order).Select(p =>
        {
            var signature = valid.FirstOrDefault(s => s.PartyId == p.Id);
            return new PartyView(p.Id, p.Kind, p.Organisation, p.SignatoryUserId, p.SignatoryName, p.SignatoryTitle, signature?.SignedAt,
                lofte.Commitments.Any(c => c.PartyId == p.Id));
        }).ToList();
        var commitments = lofte.Commitments.OrderBy(c => c.Order).Select(c => new CommitmentView(c.Id, c.Order, c.What, c.PartyId,
            parties.FirstOrDefault(p => p.Id == c.PartyId)?.Organisation ?? "", c.HowShown, c.AtgardId,
            c.AtgardId is { } a ? measures.FirstOrDefault(m => m.Id == a)?.Name : null,
            [.. c.FollowUps.OrderBy(f => f.Date).Select(f => new FollowUpView(f.Date, f.Text, f.Author, f.IsPublic))])).ToList();
        return new LoftePageModel(lofte.Id, lofte.Title, lofte.ValidFrom, lofte.ValidTo, lofte.Background, lofte.Status, lofte.PublishedAt, lofte.PublishedVersionNumber,
            lofte.FinalReport, lofte.Version,
            lofte.CurrentVersion is { } v ? new VersionView(v.Number, v.CreatedAt, v.VerificationCode) : null,
            lastVersion?.Number, parties, commitments,
            [.. lofte.Signatures.Where(s => s.VoidedAt is not null).OrderByDescending(s => s.SignedAt)
                .Select(s => new VoidedSignature(s.Name, s.Organisation, s.SignedAt, s.VoidedAt!.Value))],
            changes,
            [.. areas.Where(a => areaIds.Contains(a.Id))], [.. dialogues.Where(d => dialogueIds.Contains(d.Id))], [.. problems.Where(p => problemIds.Contains(p.Id))],
            canEdit ? [.. areas] : [], canEdit ? dialogues : [], canEdit ? problems : [], canEdit ? measures : [], people,
            canEdit, tenant.Has(Role.Medlem), tenant.UserId);
    }

    /// <summary>Title, period and links, from the version the user saw; only in a draft.</summary>
    public async Task<IVersioned> DescribeAsync(Guid id, Guid seenVersion, DescribeInput input, CancellationToken ct = default)
    {
        var lofte = await LoadDraftAsync(id, seenVersion, ct);
        var (from, to) = Period(input.ValidFrom, input.ValidTo);
        lofte.Describe(input.Title, from, to, lofte.Background);
        lofte.Link(LinkKind.Area, await db.Areas.Where(a => input.AreaIds.Contains(a.Id)).Select(a => a.Id).ToListAsync(ct));
        lofte.Link(LinkKind.Dialogue, await db.CitizenDialogues.Where(d => input.DialogueIds.Contains(d.Id)).Select(d => d.Id).ToListAsync(ct));
        lofte.Link(LinkKind.Problem, await db.Problems.Where(p => input.ProblemIds.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct));
        return lofte;
    }

    /// <summary>The background, written over the text the user started from; only in a draft.</summary>
    public async Task<IVersioned> WriteBackgroundAsync(Guid id, string text, string seen, CancellationToken ct = default)
    {
        var lofte = await LoadDraftAsync(id, null, ct);
        EnsureSeen(lofte.Background, seen, nameof(Medborgarlofte.Background));
        lofte.Describe(lofte.Title, lofte.ValidFrom, lofte.ValidTo, text);
        return lofte;
    }

    /// <summary>One commitment's "what" or "how it is shown", written over the text the user started from; only in a draft.</summary>
    public async Task<IVersioned> WriteCommitmentAsync(Guid id, Guid commitmentId, CommitmentField field, string text, string seen, CancellationToken ct = default)
    {
        var lofte = await LoadDraftAsync(id, null, ct);
        var c = lofte.Commitments.FirstOrDefault(x => x.Id == commitmentId) ?? throw new DomainException("Löftet finns inte.");
        EnsureSeen(field == CommitmentField.What ? c.What : c.HowShown, seen, field.ToString());
        lofte.ReviseCommitment(commitmentId, field == CommitmentField.What ? text : c.What, field == CommitmentField.HowShown ? text : c.HowShown);
        return lofte;
    }

    public async Task<IVersioned> AddCommitmentAsync(Guid id, Guid seenVersion, CommitmentInput input, CancellationToken ct = default)
    {
        var lofte = await LoadDraftAsync(id, seenVersion, ct);
        var atgard = input.AtgardId is { } a && await db.Atgarder.AnyAsync(x => x.Id == a, ct) ? input.AtgardId : null;
        lofte.AddCommitment(input.What, input.PartyId, input.HowShown, atgard);
        return lofte;
    }

    public async Task<IVersioned> RemoveCommitmentAsync(Guid id, Guid seenVersion, Guid commitmentId, CancellationToken ct = default)
    {
        var lofte = await LoadDraftAsync(id, seenVersion, ct);
        lofte.RemoveCommitment(commitmentId);
        return lofte;
    }

    /// <summary>A new partner, or another signatory for a party; the signatory is one of the kommun's members.</summary>
    public async Task<IVersioned> SavePartyAsync(Guid id, Guid seenVersion, PartyInput input, CancellationToken ct = default)
    {
        var lofte = await LoadDraftAsync(id, seenVersion, ct);
        var person = input.SignatoryUserId is { } userId
            ? await (from m in db.Memberships
                     join u in db.Users on m.UserId equals u.Id
                     where m.UserId == userId && m.Role >= Role.Medlem
                     select new PersonOption(u.Id, u.DisplayName, m.OrganisationName, m.Title)).FirstOrDefaultAsync(ct)
            : null;
        if (person is null)
        {
            throw new DomainException("Välj den som skriver under bland kommunens medlemmar.", nameof(PartyInput.SignatoryUserId));
        }
        if (input.PartyId is { } partyId)
        {
            lofte.ReplaceSignatory(partyId, person.UserId, person.Name, person.Title);
        }
        else
        {
            lofte.AddParty(PartyKind.Partner, input.PartnerName, person.UserId, person.Name, person.Title);
        }
        return lofte;
    }

    public async Task<IVersioned> RemovePartyAsync(Guid id, Guid seenVersion, Guid partyId, CancellationToken ct = default)
    {
        var lofte = await LoadDraftAsync(id, seenVersion, ct);
        lofte.RemoveParty(partyId);
        return lofte;
    }

    /// <summary>
    /// Opens a promise out for signing or signed for changes, after the user confirmed: its signatures become void and
    /// it leaves the public page until it is signed and published again.
    /// </summary>
    public async Task<IVersioned> ReopenAsync(Guid id, Guid seenVersion, CancellationToken ct = default)
    {
        var lofte = await LoadAsync(id, seenVersion, ct);
        if (lofte.Status == LofteStatus.Utkast)
        {
            throw new DomainException("Löftet är redan ett utkast som kan ändras.");
        }
        lofte.Reopen();
        return lofte;
    }

    /// <summary>A dated note on how a commitment goes; any member writes it once the promise is gällande.</summary>
    public async Task<IVersioned> FollowUpAsync(Guid id, FollowUpInput input, CancellationToken ct = default)
    {
        var lofte = await loften.LoadAsync(id, tracked: true, ct) ?? throw new DomainException("Löftet finns inte.");
        if (input.Date is not { } date)
        {
            throw new DomainException("Ange datum.", nameof(FollowUpInput.Date));
        }
        if (date.Year is < Medborgarlofte.FirstYear or > Medborgarlofte.LastYear)
        {
            throw new DomainException("Ange ett datum under löftets tid, till exempel i dag.", nameof(FollowUpInput.Date));
        }
        lofte.FollowUp(input.CommitmentId ?? Guid.Empty, DateOnly.FromDateTime(date), input.Text, input.IsPublic, tenant.DisplayName, time.GetUtcNow());
        return lofte;
    }

    public async Task<IVersioned> WriteFinalReportAsync(Guid id, string text, string seen, CancellationToken ct = default)
    {
        var lofte = await loften.LoadAsync(id, tracked: true, ct) ?? throw new DomainException("Löftet finns inte.");
        EnsureSeen(lofte.FinalReport, seen, nameof(Medborgarlofte.FinalReport));
        lofte.WriteFinalReport(text);
        return lofte;
    }

    /// <summary>The period from the form's two dates; a missing or implausible date is refused at its field.</summary>
    public static (DateOnly From, DateOnly To) Period(DateTime? from, DateTime? to)
    {
        if (from is null)
        {
            throw new DomainException("Ange periodens första dag, till exempel 2026-01-01.", nameof(Medborgarlofte.ValidFrom));
        }
        if (to is null)
        {
            throw new DomainException("Ange periodens sista dag, till exempel 2026-12-31.", nameof(Medborgarlofte.ValidTo));
        }
        var (f, t) = (DateOnly.FromDateTime(from.Value), DateOnly.FromDateTime(to.Value));
        Medborgarlofte.EnsurePlausiblePeriod(f, t);
        return (f, t);
    }

    /// <summary>What waits for the user's signature, in every kommun where they are a member.</summary>
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

    /// <summary>Takes the promise off the public page (its check code still answers).</summary>
    public async Task UnpublishAsync(Guid id, Guid seenVersion, CancellationToken ct = default)
    {
        var lofte = await LoadAsync(id, seenVersion, ct);
        if (!lofte.IsPublic)
        {
            throw new DomainException("Löftet är inte publicerat.");
        }
        lofte.Unpublish();
    }

    /// <summary>A draft, as the user saw it (a null version: the caller checks the text it changes instead).</summary>
    private async Task<Medborgarlofte> LoadDraftAsync(Guid id, Guid? seenVersion, CancellationToken ct)
    {
        var lofte = seenVersion is { } seen ? await LoadAsync(id, seen, ct)
            : await loften.LoadAsync(id, tracked: true, ct) ?? throw new DomainException("Löftet finns inte.");
        if (lofte.Status != LofteStatus.Utkast)
        {
            throw new ConflictException(NotDraft, null, null);
        }
        return lofte;
    }

    private static void EnsureSeen(string current, string seen, string field)
    {
        static string Normal(string s) => s.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (!string.Equals(Normal(current), Normal(seen), StringComparison.Ordinal))
        {
            throw new ConflictException(TextChangedMeanwhile, field, current);
        }
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
