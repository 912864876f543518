using System.Text.RegularExpressions;

namespace SakraStader.Domain;

/// <summary>
/// The guard that keeps personal identity numbers out of free text. Lägesbilder and incident notes describe places and
/// patterns, not people (see docs/glossary.md). Finds Swedish personnummer and samordningsnummer with a valid
/// checksum, with or without century and separator (YYMMDD-NNNC, YYYYMMDDNNNC, YYMMDD+NNNC, ...).
/// </summary>
public static partial class PersonalData
{
    public const string Message =
        "Texten ser ut att innehålla ett personnummer eller samordningsnummer. Ta bort det: beskriv platser och händelser, inte enskilda personer.";

    /// <summary>Throws a <see cref="DomainException"/> for <paramref name="field"/> when the text holds an identity number.</summary>
    public static void EnsureNone(string? text, string field)
    {
        if (ContainsIdentityNumber(text))
        {
            throw new DomainException(Message, field);
        }
    }

    public static bool ContainsIdentityNumber(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }
        foreach (Match match in Candidate().Matches(text))
        {
            if (IsIdentityNumber(match.Groups["date"].Value, match.Groups["rest"].Value))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// date: YYMMDD or YYYYMMDD; rest: NNNC. A valid month, a day of 1–31 (or 61–91 for a samordningsnummer) and the
    /// Luhn checksum over the ten digits YYMMDDNNN C.
    /// </summary>
    private static bool IsIdentityNumber(string date, string rest)
    {
        var ten = date[^6..] + rest;
        var month = int.Parse(ten.AsSpan(2, 2), System.Globalization.CultureInfo.InvariantCulture);
        var day = int.Parse(ten.AsSpan(4, 2), System.Globalization.CultureInfo.InvariantCulture);
        if (month is < 1 or > 12 || !(day is >= 1 and <= 31 || day is >= 61 and <= 91))
        {
            return false;
        }
        if (date.Length == 8 && date[..2] is not ("18" or "19" or "20"))
        {
            return false;
        }
        var sum = 0;
        for (var i = 0; i < 10; i++)
        {
            var d = (ten[i] - '0') * (i % 2 == 0 ? 2 : 1);
            sum += d > 9 ? d - 9 : d;
        }
        return sum % 10 == 0;
    }

    // Not part of a longer number: no digit right before or after.
    [GeneratedRegex(@"(?<!\d)(?<date>(?:\d{2})?\d{6})[-+ ]?(?<rest>\d{4})(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex Candidate();
}
