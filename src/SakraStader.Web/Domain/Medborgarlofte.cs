using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SakraStader.Domain;

public enum LofteStatus
{
    Utkast = 0,
    /// <summary>Sent to the parties' signatories; the content is frozen in a version until someone changes it.</summary>
    ForUnderskrift = 1,
    /// <summary>Signed by every party.</summary>
    Gallande = 2,
}

public enum PartyKind
{
    Kommunen = 0,
    Polisen = 1,
    Partner = 2,
}

public enum LinkKind
{
    Area = 0,
    Dialogue = 1,
    Problem = 2,
}

/// <summary>
/// A medborgarlöfte: what the kommun, Polisen and sometimes a partner promise the people of an area for a period,
/// grounded in citizen dialogues. It is sent for signing as a version whose exact content is hashed (SHA-256); each
/// party's signatory signs that hash. Any change to the content afterwards voids every signature visibly. Only a
/// promise signed by every party is Gällande and may be published.
/// </summary>
public sealed class Medborgarlofte : TenantEntity, IVersioned
{
    public const int TitleMax = 200;
    public const int TextMax = 8000;

    /// <summary>A promise is for a period people can follow: at most this many years (they are usually one or two).</summary>
    public const int MaxYears = 4;

    /// <summary>
    /// The period a new promise starts with: promises run by the calendar year, and are drafted in the autumn for the year
    /// to come. From October the next whole year; before that, the rest of this year.
    /// </summary>
    public static (DateOnly From, DateOnly To) SuggestedPeriod(DateOnly today) => today.Month >= 10
        ? (new DateOnly(today.Year + 1, 1, 1), new DateOnly(today.Year + 1, 12, 31))
        : (today, new DateOnly(today.Year, 12, 31));

    public const int FirstYear = PlausibleDate.FirstYear;
    public const int LastYear = PlausibleDate.LastYear;

    private readonly List<LofteParty> parties = [];
    private readonly List<Commitment> commitments = [];
    private readonly List<LofteLink> links = [];
    private readonly List<LofteVersion> versions = [];
    private readonly List<LofteSignature> signatures = [];

    private Medborgarlofte() { }

    public Medborgarlofte(string title, DateOnly validFrom, DateOnly validTo)
    {
        Describe(title, validFrom, validTo, "");
    }

    public string Title { get; private set; } = "";

    public DateOnly ValidFrom { get; private set; }

    public DateOnly ValidTo { get; private set; }

    /// <summary>Why these promises: what citizens said, what the lägesbild shows.</summary>
    public string Background { get; private set; } = "";

    public LofteStatus Status { get; private set; }

    /// <summary>When the promise was first published.</summary>
    public DateTimeOffset? PublishedAt { get; private set; }

    /// <summary>
    /// The signed version citizens read. It stays public while a changed version is drafted and signed again, and is
    /// replaced when the new version is published.
    /// </summary>
    public int? PublishedVersionNumber { get; private set; }

    /// <summary>Slutrapport: at the end of the period, what was kept.</summary>
    public string FinalReport { get; private set; } = "";

    public Guid Version { get; private set; } = Guid.NewGuid();

    public IReadOnlyList<LofteParty> Parties => parties;

    public IReadOnlyList<Commitment> Commitments => commitments;

    public IReadOnlyList<LofteLink> Links => links;

    public IReadOnlyList<LofteVersion> Versions => versions;

    public IReadOnlyList<LofteSignature> Signatures => signatures;

    /// <summary>Some signed version is on the public page.</summary>
    public bool IsPublic => PublishedVersionNumber is not null;

    /// <summary>The current, fully signed version is the one on the public page.</summary>
    public bool IsPublished => IsPublic && Status == LofteStatus.Gallande && CurrentVersion?.Number == PublishedVersionNumber;

    /// <summary>Public in an earlier signed version while a changed one is drafted or signed.</summary>
    public bool RevisionPending => IsPublic && !IsPublished;

    /// <summary>The version out for signing or signed; null in a draft.</summary>
    public LofteVersion? CurrentVersion => Status == LofteStatus.Utkast ? null : versions.OrderBy(v => v.Number).LastOrDefault();

    public IEnumerable<LofteSignature> ValidSignatures => CurrentVersion is { } v ? signatures.Where(s => s.VersionId == v.Id && s.VoidedAt is null) : [];

    public void Describe(string title, DateOnly validFrom, DateOnly validTo, string background)
    {
        var t = DomainText.Required(title, TitleMax, "Ge löftet en rubrik, till exempel ”Tryggare Vivalla centrum”.", nameof(Title));
        PersonalData.EnsureNone(t, nameof(Title));
        EnsurePlausiblePeriod(validFrom, validTo);
        var text = DomainText.Free(background, TextMax, nameof(Background));
        Changed(() => (Title, ValidFrom, ValidTo, Background) = (t, validFrom, validTo, text));
    }

    /// <summary>
    /// The period must be one people can hold the parties to: it ends after it starts, lies in this century, and lasts
    /// at most <see cref="MaxYears"/> years.
    /// </summary>
    public static void EnsurePlausiblePeriod(DateOnly validFrom, DateOnly validTo)
    {
        if (validFrom.Year is < FirstYear or > LastYear)
        {
            throw new DomainException($"Ange ett startdatum mellan år {FirstYear} och {LastYear}, till exempel {FirstYear + 26}-01-01.", nameof(ValidFrom));
        }
        if (validTo.Year is < FirstYear or > LastYear)
        {
            throw new DomainException($"Ange ett slutdatum mellan år {FirstYear} och {LastYear}, till exempel {FirstYear + 26}-12-31.", nameof(ValidTo));
        }
        if (validTo < validFrom)
        {
            throw new DomainException("Perioden kan inte sluta innan den börjar.", nameof(ValidTo));
        }
        if (validTo >= validFrom.AddYears(MaxYears))
        {
            throw new DomainException($"Ett medborgarlöfte kan gälla i högst {MaxYears} år. De flesta gäller ett eller två år; välj ett tidigare slutdatum.", nameof(ValidTo));
        }
    }

    public LofteParty AddParty(PartyKind kind, string organisation, Guid? signatoryUserId, string signatoryName, string signatoryTitle)
    {
        var party = new LofteParty(Id, kind, organisation, signatoryUserId, signatoryName, signatoryTitle, parties.Count + 1);
        Changed(() => parties.Add(party));
        return party;
    }

    public void ReplaceSignatory(Guid partyId, Guid userId, string name, string title)
    {
        var party = parties.FirstOrDefault(p => p.Id == partyId) ?? throw new DomainException("Parten finns inte.");
        if (party.SignatoryUserId == userId)
        {
            return;
        }
        Changed(() => party.SetSignatory(userId, name, title));
    }

    public void RemoveParty(Guid partyId)
    {
        if (commitments.Any(c => c.PartyId == partyId))
        {
            throw new DomainException("Parten har löften. Ta bort eller flytta dem först.");
        }
        var party = parties.FirstOrDefault(p => p.Id == partyId) ?? throw new DomainException("Parten finns inte.");
        Changed(() => parties.Remove(party));
    }

    public Commitment AddCommitment(string what, Guid? partyId, string howShown, Guid? atgardId = null)
    {
        if (partyId is null || parties.All(p => p.Id != partyId))
        {
            throw new DomainException("Välj vilken part som ansvarar för löftet.", nameof(Commitment.PartyId));
        }
        var commitment = new Commitment(Id, commitments.Count == 0 ? 1 : commitments.Max(c => c.Order) + 1, what, partyId.Value, howShown, atgardId);
        Changed(() => commitments.Add(commitment));
        return commitment;
    }

    public void RemoveCommitment(Guid commitmentId)
    {
        var commitment = commitments.FirstOrDefault(c => c.Id == commitmentId) ?? throw new DomainException("Löftet finns inte.");
        Changed(() => commitments.Remove(commitment));
    }

    /// <summary>A commitment's text, or how it is shown, rewritten (in a draft, like every change to the content).</summary>
    public void ReviseCommitment(Guid commitmentId, string what, string howShown)
    {
        var commitment = commitments.FirstOrDefault(c => c.Id == commitmentId) ?? throw new DomainException("Löftet finns inte.");
        if (commitment.What == (what ?? "").Trim() && commitment.HowShown == (howShown ?? "").Trim())
        {
            return;
        }
        commitment.Revise(what ?? "", howShown ?? "");
        Changed(() => { });
    }

    /// <summary>
    /// Opens a promise out for signing or signed for changes: every valid signature is voided (kept, visibly) and it
    /// must be sent for signing again; a published version stays public meanwhile. A draft is already open.
    /// </summary>
    public void Reopen()
    {
        if (Status == LofteStatus.Utkast)
        {
            return;
        }
        Changed(() => { });
    }

    public void Link(LinkKind kind, IEnumerable<Guid> targets)
    {
        var wanted = targets.Distinct().ToHashSet();
        var current = links.Where(l => l.Kind == kind).ToList();
        if (current.Select(l => l.TargetId).ToHashSet().SetEquals(wanted))
        {
            return;
        }
        Changed(() =>
        {
            foreach (var l in current.Where(l => !wanted.Contains(l.TargetId)))
            {
                links.Remove(l);
            }
            foreach (var t in wanted.Where(t => current.All(l => l.TargetId != t)))
            {
                links.Add(new LofteLink(Id, kind, t));
            }
        });
    }

    /// <summary>
    /// Freezes the content in a new version and asks every party's signatory to sign it. The content must be complete:
    /// the kommun and Polisen among the parties, each party with its signatory, and at least one commitment.
    /// </summary>
    public LofteVersion SendForSigning(LofteContent content, DateTimeOffset at)
    {
        if (Status != LofteStatus.Utkast)
        {
            throw new DomainException(Status == LofteStatus.Gallande ? "Löftet är redan undertecknat av alla parter." : "Löftet väntar redan på underskrifter.");
        }
        if (parties.All(p => p.Kind != PartyKind.Kommunen) || parties.All(p => p.Kind != PartyKind.Polisen))
        {
            throw new DomainException("Ett medborgarlöfte ges av kommunen och Polisen tillsammans. Lägg till båda som parter.");
        }
        if (parties.FirstOrDefault(p => p.SignatoryUserId is null) is { } unsigned)
        {
            throw new DomainException($"Välj vem som skriver under för {unsigned.Organisation}.");
        }
        if (commitments.Count == 0)
        {
            throw new DomainException("Skriv minst ett löfte innan det skickas för underskrift.");
        }
        var version = new LofteVersion(Id, versions.Count == 0 ? 1 : versions.Max(v => v.Number) + 1, content.ToJson(), at);
        versions.Add(version);
        Status = LofteStatus.ForUnderskrift;
        return version;
    }

    /// <summary>
    /// The party's signatory signs the version they were shown. <paramref name="hashShown"/> is the hash of the text on
    /// their screen: if the content changed in between, they are told instead of signing something they have not read.
    /// </summary>
    public LofteSignature Sign(Guid partyId, Guid userId, string name, string title, string roleText, string hashShown, string method,
        DateTimeOffset at)
    {
        var version = CurrentVersion;
        if (Status != LofteStatus.ForUnderskrift || version is null)
        {
            throw new DomainException(Status == LofteStatus.Gallande ? "Alla parter har redan skrivit under." : "Löftet är inte skickat för underskrift.");
        }
        var party = parties.FirstOrDefault(p => p.Id == partyId) ?? throw new DomainException("Parten finns inte.");
        if (party.SignatoryUserId != userId)
        {
            throw new DomainException($"Du är inte den som skriver under för {party.Organisation}.");
        }
        if (ValidSignatures.Any(s => s.PartyId == partyId))
        {
            throw new DomainException($"{party.Organisation} har redan skrivit under den här versionen.");
        }
        if (!string.Equals(hashShown, version.Hash, StringComparison.Ordinal))
        {
            throw new DomainException("Texten har ändrats sedan du öppnade den. Läs den nya texten innan du skriver under.");
        }
        var signature = new LofteSignature(Id, version.Id, partyId, userId, name, title, party.Organisation, roleText, version.Hash, method, at);
        signatures.Add(signature);
        if (parties.All(p => ValidSignatures.Any(s => s.PartyId == p.Id) || p.Id == partyId))
        {
            Status = LofteStatus.Gallande;
        }
        return signature;
    }

    public void Publish(DateTimeOffset at)
    {
        if (Status != LofteStatus.Gallande)
        {
            var missing = parties.OrderBy(p => p.Order).Where(p => ValidSignatures.All(s => s.PartyId != p.Id)).Select(p => p.Organisation).ToList();
            throw new DomainException(missing.Count > 0
                ? $"Löftet kan publiceras först när alla parter har skrivit under. Saknas: {string.Join(", ", missing)}."
                : "Löftet kan publiceras först när alla parter har skrivit under.");
        }
        PublishedAt ??= at;
        PublishedVersionNumber = CurrentVersion!.Number;
    }

    public void Unpublish()
    {
        PublishedAt = null;
        PublishedVersionNumber = null;
    }

    public void WriteFinalReport(string text)
    {
        FinalReport = DomainText.Free(text, TextMax, nameof(FinalReport));
    }

    public CommitmentFollowUp FollowUp(Guid commitmentId, DateOnly date, string text, bool isPublic, string author, DateTimeOffset at)
    {
        var commitment = commitments.FirstOrDefault(c => c.Id == commitmentId) ?? throw new DomainException("Löftet finns inte.");
        if (Status != LofteStatus.Gallande)
        {
            throw new DomainException("Uppföljning skrivs när löftet gäller, det vill säga när alla parter har skrivit under.");
        }
        return commitment.AddFollowUp(date, text, isPublic, author, at);
    }

    /// <summary>
    /// A change to the content. Once the promise is out for signing or signed, every signature is voided (kept, marked
    /// void) and the promise goes back to draft, to be sent for signing again. A published version stays public until
    /// the new one is signed and published.
    /// </summary>
    private void Changed(Action change)
    {
        change();
        if (Status != LofteStatus.Utkast)
        {
            Status = LofteStatus.Utkast;
            foreach (var s in signatures.Where(s => s.VoidedAt is null))
            {
                s.Void();
            }
        }
    }
}

/// <summary>A party to the promise and the person who signs for it.</summary>
public sealed class LofteParty : TenantEntity
{
    public const int NameMax = 150;

    private LofteParty() { }

    internal LofteParty(Guid lofteId, PartyKind kind, string organisation, Guid? signatoryUserId, string signatoryName, string signatoryTitle, int order)
    {
        MedborgarlofteId = lofteId;
        Kind = kind;
        Organisation = DomainText.Required(organisation, NameMax, "Skriv partens namn, till exempel ”Polisen, lokalpolisområde Örebro”.", nameof(Organisation));
        SignatoryUserId = signatoryUserId;
        SignatoryName = (signatoryName ?? "").Trim();
        SignatoryTitle = (signatoryTitle ?? "").Trim();
        Order = order;
    }

    public Guid MedborgarlofteId { get; private set; }

    public PartyKind Kind { get; private set; }

    public string Organisation { get; private set; } = "";

    public Guid? SignatoryUserId { get; private set; }

    public string SignatoryName { get; private set; } = "";

    public string SignatoryTitle { get; private set; } = "";

    public int Order { get; private set; }

    internal void SetSignatory(Guid userId, string name, string title) =>
        (SignatoryUserId, SignatoryName, SignatoryTitle) = (userId, (name ?? "").Trim(), (title ?? "").Trim());
}

/// <summary>One commitment (löfte): what will be done, by which party, and how progress will be shown.</summary>
public sealed class Commitment : TenantEntity
{
    public const int TextMax = 2000;

    private readonly List<CommitmentFollowUp> followUps = [];

    private Commitment() { }

    internal Commitment(Guid lofteId, int order, string what, Guid partyId, string howShown, Guid? atgardId)
    {
        AtgardId = atgardId;
        MedborgarlofteId = lofteId;
        Order = order;
        What = DomainText.Required(what, TextMax, "Skriv vad som ska göras.", nameof(What));
        PersonalData.EnsureNone(What, nameof(What));
        PartyId = partyId;
        HowShown = DomainText.Free(howShown, TextMax, nameof(HowShown));
    }

    internal void Revise(string what, string howShown)
    {
        var w = DomainText.Required(what, TextMax, "Skriv vad som ska göras.", nameof(What));
        PersonalData.EnsureNone(w, nameof(What));
        var h = DomainText.Free(howShown, TextMax, nameof(HowShown));
        (What, HowShown) = (w, h);
    }

    public Guid MedborgarlofteId { get; private set; }

    public int Order { get; private set; }

    public string What { get; private set; } = "";

    public Guid PartyId { get; private set; }

    /// <summary>Hur visar vi att vi håller löftet?</summary>
    public string HowShown { get; private set; } = "";

    /// <summary>The åtgärd in an åtgärdsplan that carries the commitment out, where there is one.</summary>
    public Guid? AtgardId { get; private set; }

    public IReadOnlyList<CommitmentFollowUp> FollowUps => followUps;

    internal CommitmentFollowUp AddFollowUp(DateOnly date, string text, bool isPublic, string author, DateTimeOffset at)
    {
        var followUp = new CommitmentFollowUp(Id, date, text, isPublic, author, at);
        followUps.Add(followUp);
        return followUp;
    }
}

/// <summary>A dated progress note on a commitment; public ones are shown to citizens with the promise.</summary>
public sealed class CommitmentFollowUp : TenantEntity
{
    private CommitmentFollowUp() { }

    internal CommitmentFollowUp(Guid commitmentId, DateOnly date, string text, bool isPublic, string author, DateTimeOffset at)
    {
        CommitmentId = commitmentId;
        Date = date;
        Text = DomainText.Required(text, Commitment.TextMax, "Skriv vad som har gjorts.", nameof(Text));
        PersonalData.EnsureNone(Text, nameof(Text));
        IsPublic = isPublic;
        Author = author;
        CreatedAt = at;
    }

    public Guid CommitmentId { get; private set; }

    public DateOnly Date { get; private set; }

    public string Text { get; private set; } = "";

    public bool IsPublic { get; private set; }

    public string Author { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }
}

/// <summary>A link from the promise to an area, a citizen dialogue or a lägesbild problem.</summary>
public sealed class LofteLink : TenantEntity
{
    private LofteLink() { }

    internal LofteLink(Guid lofteId, LinkKind kind, Guid targetId)
    {
        MedborgarlofteId = lofteId;
        Kind = kind;
        TargetId = targetId;
    }

    public Guid MedborgarlofteId { get; private set; }

    public LinkKind Kind { get; private set; }

    public Guid TargetId { get; private set; }
}

/// <summary>The exact content sent for signing: its canonical JSON, SHA-256 and a short verification code.</summary>
public sealed class LofteVersion : TenantEntity
{
    private LofteVersion() { }

    internal LofteVersion(Guid lofteId, int number, string content, DateTimeOffset at)
    {
        MedborgarlofteId = lofteId;
        Number = number;
        Content = content;
        Hash = LofteContent.HashOf(content);
        VerificationCode = LofteContent.CodeOf(Hash);
        CreatedAt = at;
    }

    public Guid MedborgarlofteId { get; private set; }

    public int Number { get; private set; }

    public string Content { get; private set; } = "";

    /// <summary>SHA-256 of <see cref="Content"/> (UTF-8), lower-case hex.</summary>
    public string Hash { get; private set; } = "";

    /// <summary>Ten characters from the hash, e.g. "7K3Q9-XPD2M": the public page /verifiera/{code} shows this version.</summary>
    public string VerificationCode { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }
}

/// <summary>Who signed, in what role and organisation, when, and the hash of exactly what they signed.</summary>
public sealed class LofteSignature : TenantEntity, IStampedOnSave
{
    private LofteSignature() { }

    internal LofteSignature(Guid lofteId, Guid versionId, Guid partyId, Guid userId, string name, string title, string organisation, string roleText,
        string hash, string method, DateTimeOffset at)
    {
        MedborgarlofteId = lofteId;
        VersionId = versionId;
        PartyId = partyId;
        UserId = userId;
        Name = name;
        Title = title;
        Organisation = organisation;
        RoleText = roleText;
        Hash = hash;
        Method = method;
        SignedAt = at;
    }

    public Guid MedborgarlofteId { get; private set; }

    public Guid VersionId { get; private set; }

    public Guid PartyId { get; private set; }

    public Guid UserId { get; private set; }

    public string Name { get; private set; } = "";

    public string Title { get; private set; } = "";

    public string Organisation { get; private set; } = "";

    /// <summary>The signer's role in the app when signing ("Medlem", "Samordnare").</summary>
    public string RoleText { get; private set; } = "";

    public string Hash { get; private set; } = "";

    /// <summary>How the signature was confirmed: "Lösenord" for the built-in service, or an e-signature service's name.</summary>
    public string Method { get; private set; } = "";

    public DateTimeOffset SignedAt { get; private set; }

    /// <summary>When a change to the content voided this signature; it stays visible.</summary>
    public DateTimeOffset? VoidedAt { get; private set; }

    /// <summary>Voided now; the save path stamps the instant from the injected clock (<see cref="IStampedOnSave"/>).</summary>
    internal void Void() => VoidedAt = DateTimeOffset.MinValue;

    public void StampSaved(DateTimeOffset now)
    {
        if (VoidedAt == DateTimeOffset.MinValue)
        {
            VoidedAt = now;
        }
    }
}

/// <summary>
/// The content that is signed, in a fixed order and shape, so that the same content always gives the same bytes and
/// the same hash, and any change in any field gives another.
/// </summary>
public sealed record LofteContent(
    string Kommun,
    string Title,
    string ValidFrom,
    string ValidTo,
    List<string> Areas,
    string Background,
    List<string> Dialogues,
    List<string> Problems,
    List<LofteContentParty> Parties,
    List<LofteContentCommitment> Commitments)
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"; // Crockford base 32: no I, L, O, U

    public string ToJson() => JsonSerializer.Serialize(this, LofteJson.Default.LofteContent);

    public static LofteContent? Read(string json) => JsonSerializer.Deserialize(json, LofteJson.Default.LofteContent);

    public static string HashOf(string json) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));

    public static string CodeOf(string hash)
    {
        var bytes = Convert.FromHexString(hash);
        var code = new StringBuilder();
        ulong bits = 0;
        for (var i = 0; i < 7; i++)
        {
            bits = (bits << 8) | bytes[i];
        }
        for (var i = 0; i < 10; i++)
        {
            code.Append(Alphabet[(int)((bits >> (51 - 5 * i)) & 31)]);
        }
        return code.ToString(0, 5) + "-" + code.ToString(5, 5);
    }
}

public sealed record LofteContentParty(string Kind, string Organisation, string Signatory, string Title);

/// <summary>One commitment as signed; <paramref name="Atgard"/> is the linked åtgärd's title, or empty.</summary>
public sealed record LofteContentCommitment(string What, string Party, string HowShown, string Atgard = "");

[JsonSerializable(typeof(LofteContent))]
public sealed partial class LofteJson : JsonSerializerContext;
