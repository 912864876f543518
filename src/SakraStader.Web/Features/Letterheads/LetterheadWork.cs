using Microsoft.EntityFrameworkCore;
using SakraStader.Data;
using SakraStader.Domain;
using SakraStader.Features.Commands;
using SakraStader.Tenancy;

namespace SakraStader.Features.Letterheads;

/// <summary>
/// The kommun's letterhead: read by every document the product writes (<see cref="LetterheadInfo"/>), kept by the
/// samordnare. A kommun that has not written one gets "{name} kommun" and nothing else, so documents never lack a
/// sender. Commands go through <see cref="Operations"/> (the samordnare's right, the audit, one transaction).
/// </summary>
public sealed class LetterheadWork(AppDbContext db, TenantContext tenant)
{
    public async Task<LetterheadInfo> ReadAsync(CancellationToken ct = default)
    {
        var stored = await db.Letterheads.AsNoTracking().Select(l => new LetterheadInfo(l.OrganisationName, l.Forvaltning, l.Address,
            l.HandlaggareName, l.HandlaggareTitle, l.HandlaggarePhone, l.HandlaggareEmail, l.Logo, l.LogoContentType, l.LogoWidth, l.LogoHeight))
            .FirstOrDefaultAsync(ct);
        return stored ?? LetterheadInfo.Default(tenant.Kommun!.Name);
    }

    public const string ChangedMeanwhile = "Någon annan har ändrat brevhuvudet sedan du öppnade sidan. Det du skrev finns kvar; läs deras uppgifter ovanför fälten och spara igen om dina ska gälla.";

    /// <summary>The letterhead's texts, over the ones the samordnare saw (<paramref name="seen"/>).</summary>
    public async Task SaveAsync(LetterheadInput input, LetterheadInput seen, CancellationToken ct = default)
    {
        var stored = LetterheadInput.From(await ReadAsync(ct));
        if (!stored.SameAs(seen))
        {
            throw new ConflictException(ChangedMeanwhile, nameof(LetterheadInput.OrganisationName), stored.Describe());
        }
        var letterhead = await LoadOrAddAsync(input.OrganisationName, ct);
        letterhead.Update(input.OrganisationName, input.Forvaltning, input.Address, input.HandlaggareName, input.HandlaggareTitle,
            input.HandlaggarePhone, input.HandlaggareEmail);
    }

    public async Task SetLogoAsync(byte[] file, CancellationToken ct = default) =>
        (await LoadOrAddAsync(null, ct)).SetLogo(file);

    public async Task RemoveLogoAsync(CancellationToken ct = default)
    {
        if (await db.Letterheads.FirstOrDefaultAsync(ct) is { } letterhead)
        {
            letterhead.RemoveLogo();
        }
    }

    private async Task<Letterhead> LoadOrAddAsync(string? name, CancellationToken ct)
    {
        if (await db.Letterheads.FirstOrDefaultAsync(ct) is { } existing)
        {
            return existing;
        }
        var letterhead = new Letterhead(string.IsNullOrWhiteSpace(name) ? LetterheadInfo.Default(tenant.Kommun!.Name).OrganisationName : name);
        db.Letterheads.Add(letterhead);
        return letterhead;
    }
}

/// <summary>What a document needs of the letterhead.</summary>
public sealed record LetterheadInfo(string OrganisationName, string Forvaltning, string Address, string HandlaggareName,
    string HandlaggareTitle, string HandlaggarePhone, string HandlaggareEmail, byte[]? Logo, string? LogoContentType, int LogoWidth, int LogoHeight)
{
    public static LetterheadInfo Default(string kommunName) => new($"{kommunName} kommun", "", "", "", "", "", "", null, null, 0, 0);

    /// <summary>The letterhead on a document's pages, with the document's own reference lines (kind, date, diarienummer).</summary>
    public AnnualReports.PageFrame Frame(params string[] reference) =>
        new(OrganisationName, Forvaltning, Address, reference, Logo, LogoContentType, LogoWidth, LogoHeight);

    /// <summary>"Anna Lindqvist, säkerhetschef, 019-21 10 00, anna.lindqvist@orebro.se"; empty when none is named.</summary>
    public string Handlaggare => HandlaggareName.Length == 0 ? ""
        : string.Join(", ", new[] { HandlaggareName, HandlaggareTitle, HandlaggarePhone, HandlaggareEmail }.Where(s => s.Length > 0));
}

/// <summary>The letterhead form's input.</summary>
public sealed class LetterheadInput
{
    public string OrganisationName { get; set; } = "";
    public string Forvaltning { get; set; } = "";
    public string Address { get; set; } = "";
    public string HandlaggareName { get; set; } = "";
    public string HandlaggareTitle { get; set; } = "";
    public string HandlaggarePhone { get; set; } = "";
    public string HandlaggareEmail { get; set; } = "";

    public static LetterheadInput From(LetterheadInfo l) => new()
    {
        OrganisationName = l.OrganisationName, Forvaltning = l.Forvaltning, Address = l.Address, HandlaggareName = l.HandlaggareName,
        HandlaggareTitle = l.HandlaggareTitle, HandlaggarePhone = l.HandlaggarePhone, HandlaggareEmail = l.HandlaggareEmail,
    };

    private string[] Fields => [OrganisationName, Forvaltning, Address, HandlaggareName, HandlaggareTitle, HandlaggarePhone, HandlaggareEmail];

    public bool SameAs(LetterheadInput other) =>
        Fields.Select(f => (f ?? "").Trim()).SequenceEqual(other.Fields.Select(f => (f ?? "").Trim()), StringComparer.Ordinal);

    /// <summary>The stored letterhead in one line, to show beside the user's own.</summary>
    public string Describe() => string.Join(", ", Fields.Where(f => !string.IsNullOrWhiteSpace(f)));
}
