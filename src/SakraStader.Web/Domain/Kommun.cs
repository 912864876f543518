using System.Text.RegularExpressions;

namespace SakraStader.Domain;

/// <summary>A municipality: the tenant. Every tenant-owned row carries its <see cref="Id"/> as KommunId.</summary>
public sealed partial class Kommun
{
    private Kommun() { }

    public Kommun(string name, string kod, string slug)
    {
        Rename(name);
        if (!KodPattern().IsMatch(kod ?? ""))
        {
            throw new DomainException("Kommunkoden ska vara fyra siffror (SCB).", nameof(Kod));
        }
        if (!SlugPattern().IsMatch(slug ?? ""))
        {
            throw new DomainException("Adressnamnet får bara innehålla små bokstäver a–z, siffror och bindestreck.", nameof(Slug));
        }
        Id = Guid.CreateVersion7();
        Kod = kod!;
        Slug = slug!;
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";

    /// <summary>SCB kommunkod, four digits, e.g. "1880" for Örebro.</summary>
    public string Kod { get; private set; } = "";

    /// <summary>Lower-case ASCII URL segment, e.g. "orebro".</summary>
    public string Slug { get; private set; } = "";

    public void Rename(string name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new DomainException("Ange kommunens namn.", nameof(Name));
        }
        Name = name.Trim();
    }

    /// <summary>Turns a Swedish name into a URL slug: "Örebro" → "orebro", "Upplands Väsby" → "upplands-vasby".</summary>
    public static string SlugFor(string name)
    {
        var s = name.Trim().ToLowerInvariant()
            .Replace('å', 'a').Replace('ä', 'a').Replace('ö', 'o').Replace('é', 'e').Replace('ü', 'u');
        s = NonSlugChars().Replace(s, "-").Trim('-');
        return MultiDash().Replace(s, "-");
    }

    public static bool IsValidSlug(string slug) => SlugPattern().IsMatch(slug);

    [GeneratedRegex("^[0-9]{4}$")]
    private static partial Regex KodPattern();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonSlugChars();

    [GeneratedRegex("-{2,}")]
    private static partial Regex MultiDash();
}
