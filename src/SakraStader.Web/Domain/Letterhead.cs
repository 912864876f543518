using System.Buffers.Binary;
using System.Text.RegularExpressions;

namespace SakraStader.Domain;

/// <summary>
/// The kommun's letterhead on every document the product writes (issue 20): the kommun's full name and förvaltning,
/// the postal address, a logo, and the default handläggare with contact. One per kommun, kept by the samordnare.
/// </summary>
public sealed partial class Letterhead : TenantEntity
{
    public const int NameMax = 150;
    public const int AddressMax = 300;
    public const int PhoneMax = 40;
    public const int EmailMax = 254;

    /// <summary>The largest logo accepted: a letterhead logo is small; a photograph is not a logo.</summary>
    public const int LogoMaxBytes = 512 * 1024;

    public const int LogoMaxPixels = 4000;

    private Letterhead() { }

    public Letterhead(string organisationName) => OrganisationName = DomainText.Required(organisationName, NameMax, "Ange kommunens fullständiga namn.", nameof(OrganisationName));

    /// <summary>The sender as the kansli writes it, "Örebro kommun".</summary>
    public string OrganisationName { get; private set; } = "";

    /// <summary>"Kommunstyrelseförvaltningen"; optional.</summary>
    public string Forvaltning { get; private set; } = "";

    /// <summary>Postal address, one to four lines.</summary>
    public string Address { get; private set; } = "";

    public string HandlaggareName { get; private set; } = "";

    public string HandlaggareTitle { get; private set; } = "";

    public string HandlaggarePhone { get; private set; } = "";

    public string HandlaggareEmail { get; private set; } = "";

    /// <summary>The logo, a PNG or JPEG file as uploaded (checked: type, size, dimensions).</summary>
    public byte[]? Logo { get; private set; }

    /// <summary>image/png or image/jpeg.</summary>
    public string? LogoContentType { get; private set; }

    public int LogoWidth { get; private set; }

    public int LogoHeight { get; private set; }

    /// <summary>Checks every field first and changes nothing if one is wrong (the message names that field).</summary>
    public void Update(string organisationName, string forvaltning, string address, string handlaggareName, string handlaggareTitle,
        string handlaggarePhone, string handlaggareEmail)
    {
        var name = Line(DomainText.Required(organisationName, NameMax, "Ange kommunens fullständiga namn, till exempel Örebro kommun.", nameof(OrganisationName)), nameof(OrganisationName));
        var unit = Line(Short(forvaltning, NameMax, "Förvaltningens namn", nameof(Forvaltning)), nameof(Forvaltning));
        var lines = Line(Short(address, AddressMax, "Adressen", nameof(Address)), nameof(Address), lines: true)
            .Replace("\r\n", "\n").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        if (lines.Count > 4)
        {
            throw new DomainException("Adressen får vara högst fyra rader.", nameof(Address));
        }
        var person = Line(Short(handlaggareName, NameMax, "Handläggarens namn", nameof(HandlaggareName)), nameof(HandlaggareName));
        var title = Line(Short(handlaggareTitle, NameMax, "Handläggarens titel", nameof(HandlaggareTitle)), nameof(HandlaggareTitle));
        var phone = Line(Short(handlaggarePhone, PhoneMax, "Telefonnumret", nameof(HandlaggarePhone)), nameof(HandlaggarePhone));
        if (phone.Length > 0 && !PhonePattern().IsMatch(phone))
        {
            throw new DomainException("Skriv telefonnumret med siffror, till exempel 019-21 10 00.", nameof(HandlaggarePhone));
        }
        var email = Line(Short(handlaggareEmail, EmailMax, "E-postadressen", nameof(HandlaggareEmail)), nameof(HandlaggareEmail));
        if (email.Length > 0 && !EmailPattern().IsMatch(email))
        {
            throw new DomainException("Skriv en e-postadress, till exempel fornamn.efternamn@kommun.se.", nameof(HandlaggareEmail));
        }
        if (person.Length == 0 && (title.Length > 0 || phone.Length > 0 || email.Length > 0))
        {
            throw new DomainException("Ange handläggarens namn, eller ta bort titel, telefon och e-post.", nameof(HandlaggareName));
        }
        (OrganisationName, Forvaltning, Address) = (name, unit, string.Join("\n", lines));
        (HandlaggareName, HandlaggareTitle, HandlaggarePhone, HandlaggareEmail) = (person, title, phone, email);
    }

    /// <summary>Checks the file (PNG or JPEG by its content, not its name; at most 512 kB and 4 000 pixels) and keeps it.</summary>
    public void SetLogo(byte[] file)
    {
        if (file.Length == 0)
        {
            throw new DomainException("Filen är tom. Välj en PNG- eller JPEG-bild.", nameof(Logo));
        }
        if (file.Length > LogoMaxBytes)
        {
            throw new DomainException("Logotypen får vara högst 512 kB. Spara den i en mindre storlek och försök igen.", nameof(Logo));
        }
        var (type, width, height) = ImageHeader.Read(file)
            ?? throw new DomainException("Filen är inte en PNG- eller JPEG-bild. Spara logotypen som PNG och försök igen.", nameof(Logo));
        if (width < 1 || height < 1 || width > LogoMaxPixels || height > LogoMaxPixels)
        {
            throw new DomainException($"Bilden ska vara mellan 1 och {LogoMaxPixels} bildpunkter bred och hög.", nameof(Logo));
        }
        (Logo, LogoContentType, LogoWidth, LogoHeight) = (file, type, width, height);
    }

    public void RemoveLogo() => (Logo, LogoContentType, LogoWidth, LogoHeight) = (null, null, 0, 0);

    private static string Short(string? text, int max, string what, string field)
    {
        text = (text ?? "").Trim();
        return text.Length > max ? throw new DomainException($"{what} får vara högst {max} tecken.", field) : text;
    }

    /// <summary>No control characters; line breaks only where <paramref name="lines"/> allows them (the address).</summary>
    private static string Line(string text, string field, bool lines = false) =>
        text.Any(c => char.IsControl(c) && !(lines && c is '\n' or '\r')) ? throw new DomainException("Texten innehåller osynliga styrtecken. Skriv den på nytt.", field) : text;

    [GeneratedRegex(@"^\+?[0-9][0-9 \-]{3,38}$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();
}

/// <summary>The type and size of a PNG or JPEG image, read from its header; null for anything else.</summary>
public static class ImageHeader
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static (string ContentType, int Width, int Height)? Read(ReadOnlySpan<byte> file)
    {
        // PNG: the signature, then the IHDR chunk with width and height (big-endian).
        if (file.Length >= 24 && file[..8].SequenceEqual(PngSignature) && file.Slice(12, 4).SequenceEqual("IHDR"u8))
        {
            return ("image/png", (int)BinaryPrimitives.ReadUInt32BigEndian(file.Slice(16, 4)), (int)BinaryPrimitives.ReadUInt32BigEndian(file.Slice(20, 4)));
        }
        // JPEG: SOI, then segments until a start-of-frame marker (SOF0–SOF15 except DHT, JPG and DAC) gives the size.
        if (file.Length >= 4 && file[0] == 0xFF && file[1] == 0xD8)
        {
            var i = 2;
            while (i + 9 < file.Length)
            {
                if (file[i] != 0xFF)
                {
                    return null;
                }
                var marker = file[i + 1];
                if (marker == 0xFF)
                {
                    i++;
                    continue;
                }
                var length = BinaryPrimitives.ReadUInt16BigEndian(file.Slice(i + 2, 2));
                if (marker is >= 0xC0 and <= 0xCF && marker is not (0xC4 or 0xC8 or 0xCC))
                {
                    return ("image/jpeg", BinaryPrimitives.ReadUInt16BigEndian(file.Slice(i + 7, 2)), BinaryPrimitives.ReadUInt16BigEndian(file.Slice(i + 5, 2)));
                }
                if (length < 2)
                {
                    return null;
                }
                i += 2 + length;
            }
        }
        return null;
    }
}
