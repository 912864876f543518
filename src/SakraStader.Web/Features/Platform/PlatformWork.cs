using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SakraStader.Data;
using SakraStader.Domain;
using SakraStader.Features.Commands;

namespace SakraStader.Features.Platform;

/// <summary>
/// The platform administrator's page: the kommuner with their member counts, and a new kommun with its first
/// samordnare. The right (the platform administrator's claim) is checked by <see cref="Operations"/>, which saves the
/// kommun and the samordnare's membership in one transaction, or nothing.
/// </summary>
public sealed partial class PlatformWork(AppDbContext db, CrossTenant crossTenant, PlatformHandler platform)
{
    public async Task<IReadOnlyList<KommunRow>> ReadAsync(CancellationToken ct = default)
    {
        var kommuner = await db.Kommuner.AsNoTracking().OrderBy(k => k.Name).Select(k => new { k.Id, k.Name, k.Kod, k.Slug }).ToListAsync(ct);
        var counts = await crossTenant.MemberCountsAsync(ct);
        return [.. kommuner.Select(k => new KommunRow(k.Id, k.Name, k.Kod, k.Slug, counts.GetValueOrDefault(k.Id)))];
    }

    public async Task<CreatedKommun> CreateAsync(NewKommunInput input, CancellationToken ct = default)
    {
        input.Validate();
        try
        {
            var result = await platform.CreateKommunAsync(input.Name.Trim(), input.Kod.Trim(), input.Slug, input.Email.Trim(), input.SamordnareName, input.Title, ct);
            return new CreatedKommun(result.Kommun.Name, result.Kommun.Slug, result.TemporaryPassword);
        }
        catch (DomainException e) when (e.Field is "DisplayName")
        {
            throw new DomainException(e.Message, nameof(NewKommunInput.SamordnareName));
        }
    }

    [GeneratedRegex("^[0-9]{4}$")]
    internal static partial Regex KommunKod();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    internal static partial Regex SlugPattern();
}

public sealed record KommunRow(Guid Id, string Name, string Kod, string Slug, int Members);

public sealed record CreatedKommun(string Name, string Slug, string? TemporaryPassword);

/// <summary>A new kommun and its first samordnare: the input of the kommun form.</summary>
public sealed class NewKommunInput
{
    public string Name { get; set; } = "";
    public string Kod { get; set; } = "";
    public string? Slug { get; set; }
    public string Email { get; set; } = "";
    public string SamordnareName { get; set; } = "";
    public string Title { get; set; } = "";

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Name) || Name.Trim().Length > 100)
        {
            throw new DomainException(string.IsNullOrWhiteSpace(Name) ? "Ange kommunens namn." : "Namnet får vara högst 100 tecken.", nameof(Name));
        }
        if (!PlatformWork.KommunKod().IsMatch((Kod ?? "").Trim()))
        {
            throw new DomainException(string.IsNullOrWhiteSpace(Kod) ? "Ange kommunkoden." : "Kommunkoden ska vara fyra siffror, till exempel 1880.", nameof(Kod));
        }
        if (!string.IsNullOrWhiteSpace(Slug) && !PlatformWork.SlugPattern().IsMatch(Slug.Trim()))
        {
            throw new DomainException("Bara små bokstäver a–z, siffror och bindestreck.", nameof(Slug));
        }
        var email = (Email ?? "").Trim();
        if (email.Length == 0 || !email.Contains('@', StringComparison.Ordinal) || email.Length > 256)
        {
            throw new DomainException(email.Length == 0 ? "Ange samordnarens e-postadress." : "Ange en giltig e-postadress.", nameof(Email));
        }
        if ((SamordnareName ?? "").Length > 150)
        {
            throw new DomainException("Högst 150 tecken.", nameof(SamordnareName));
        }
        if (string.IsNullOrWhiteSpace(Title) || Title.Length > 150)
        {
            throw new DomainException(string.IsNullOrWhiteSpace(Title) ? "Ange samordnarens titel." : "Högst 150 tecken.", nameof(Title));
        }
    }
}
