using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using SakraStader.Domain;
using SakraStader.Infrastructure;

namespace SakraStader.Data;

/// <summary>
/// The one guard for text, where everything is saved: every string property of every entity in the model, on every
/// insert and on every change of that property. A new text property is guarded by being in the model; it is let
/// through only if it is named below with the reason.
/// - No control characters (NUL and the like, never typed: they come from broken files or pasted binary, and
///   PostgreSQL refuses NUL) and no half of a surrogate pair. Line breaks and tabs are text.
/// - No personnummer or samordningsnummer (<see cref="PersonalData"/>): the work describes places and patterns, not
///   people.
/// The model's methods check earlier where they know more (a length, a line number in pasted themes); this is the net
/// that no form, import or job can miss. A refusal is a <see cref="DomainException"/> for the property's name, thrown
/// before anything is written, so nothing is half-saved.
/// </summary>
public static class TextGuard
{
    public const string ControlMessage =
        "Texten innehåller osynliga styrtecken som inte kan sparas. Skriv texten på nytt i stället för att klistra in den.";

    private const string Framework = "ASP.NET Core Identity's own record: keys, stamps and tokens the framework writes, never typed as text";

    /// <summary>Whole entity types the app writes itself: nothing in them is typed by a person.</summary>
    private static readonly (Type Entity, string Reason)[] AppWrittenTypes =
    [
        (typeof(IdentityRole<Guid>), Framework),
        (typeof(IdentityRoleClaim<Guid>), Framework),
        (typeof(IdentityUserClaim<Guid>), Framework),
        (typeof(IdentityUserLogin<Guid>), Framework),
        (typeof(IdentityUserToken<Guid>), Framework),
        (typeof(AuditEntry), "The audit's record of a change is evidence and is kept as it was; the texts it quotes were checked where they were saved"),
        (typeof(DataProtectionKey), "ASP.NET Core's key ring (XML written by the framework)"),
        (typeof(OutboxMessage), "E-mail composed by the app from titles already checked where they were saved, and the mail server's answers"),
    ];

    /// <summary>Single properties the app writes itself (hashes, codes, tokens, frozen copies): neither check applies.</summary>
    private static readonly (Type Entity, string Property, string Reason)[] AppWritten =
    [
        (typeof(AppUser), nameof(AppUser.PasswordHash), Framework),
        (typeof(AppUser), nameof(AppUser.SecurityStamp), Framework),
        (typeof(AppUser), nameof(AppUser.ConcurrencyStamp), Framework),
        (typeof(AppUser), nameof(AppUser.NormalizedEmail), "Identity's copy of Email in capitals; Email itself is checked"),
        (typeof(AppUser), nameof(AppUser.NormalizedUserName), "Identity's copy of UserName in capitals; UserName itself is checked"),
        (typeof(AppUser), nameof(AppUser.CalendarToken), "A random token for the calendar feed's address"),
        (typeof(LofteVersion), nameof(LofteVersion.Hash), "A SHA-256 hash of the signed text"),
        (typeof(LofteVersion), nameof(LofteVersion.VerificationCode), "The verification code the app makes"),
        (typeof(LofteVersion), nameof(LofteVersion.Content), "The frozen copy (JSON) of a promise's texts, checked when they were written; its ids can look like numbers"),
        (typeof(LofteSignature), nameof(LofteSignature.Hash), "A SHA-256 hash of the signed text"),
        (typeof(LagesbildVersion), nameof(LagesbildVersion.Content), "The frozen copy (JSON) of a lägesbild, made from texts checked when they were written; its ids can look like numbers"),
        (typeof(MinutesVersion), nameof(MinutesVersion.Content), "The frozen copy (JSON) of minutes, made from texts checked when they were written; its ids can look like numbers"),
        (typeof(AnnualReport), nameof(AnnualReport.Snapshot), "The approved report's frozen figures and texts (JSON), checked when they were written"),
        (typeof(FordjupadLagesbild), nameof(FordjupadLagesbild.Snapshot), "The fixed figures (JSON) the app compiled"),
        (typeof(ImportBatch), nameof(ImportBatch.ContentHash), "A SHA-256 hash of the imported file"),
        (typeof(ImportBatch), nameof(ImportBatch.InspectionJson), "The app's reading of a file (JSON); the rows' texts are checked where they are saved"),
        (typeof(Area), nameof(Area.Boundary), "GeoJSON coordinates drawn on the map, not typed: their decimals can look like numbers"),
    ];

    /// <summary>Typed, and may hold ten digits that pass the personnummer checksum: control characters are still refused.</summary>
    private static readonly (Type Entity, string Property, string Reason)[] MayLookLikeANumber =
    [
        (typeof(AppUser), nameof(AppUser.PhoneNumber), "A telephone number: ten digits can pass the personnummer checksum"),
        (typeof(Letterhead), nameof(Letterhead.HandlaggarePhone), "A telephone number: ten digits can pass the personnummer checksum"),
        (typeof(Meeting), nameof(Meeting.Link), "The address of a digital meeting: meeting ids of ten or eleven digits can pass the checksum"),
        (typeof(AccessibilityReport), nameof(AccessibilityReport.Contact), "A citizen's own e-mail address or telephone number, read only by the web team"),
        (typeof(AccessibilityReport), nameof(AccessibilityReport.Description), "A citizen's own report on the site's accessibility, read only by the web team: what they write about themselves is theirs to decide"),
    ];

    /// <summary>The exemptions as the check looks them up: (entity, property) or (entity, null) for a whole type.</summary>
    private static readonly Dictionary<(Type Entity, string? Property), (bool AppWritten, string Reason)> Exemptions =
        AppWrittenTypes.Select(x => KeyValuePair.Create<(Type, string?), (bool, string)>((x.Entity, null), (true, x.Reason)))
            .Concat(AppWritten.Select(x => KeyValuePair.Create<(Type, string?), (bool, string)>((x.Entity, x.Property), (true, x.Reason))))
            .Concat(MayLookLikeANumber.Select(x => KeyValuePair.Create<(Type, string?), (bool, string)>((x.Entity, x.Property), (false, x.Reason))))
            .ToDictionary();

    /// <summary>Every exemption by name, to check that each names a text property of the model.</summary>
    public static IEnumerable<(Type Entity, string? Property)> ExemptNames => Exemptions.Keys;

    /// <summary>Refuses the first inserted or changed text that breaks a rule; see the class summary.</summary>
    public static void Check(ChangeTracker tracker)
    {
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified))
            {
                continue;
            }
            foreach (var property in entry.Properties)
            {
                if (property.Metadata.ClrType != typeof(string) || (entry.State == EntityState.Modified && !property.IsModified))
                {
                    continue;
                }
                if (Refusal(property.Metadata, property.CurrentValue as string) is { } message)
                {
                    throw new DomainException(message, property.Metadata.Name);
                }
            }
        }
    }

    /// <summary>The Swedish message for a text that <paramref name="property"/> must not hold, or null when it may.</summary>
    public static string? Refusal(IReadOnlyProperty property, string? text)
    {
        var exemption = Find(property);
        if (string.IsNullOrEmpty(text) || exemption is { AppWritten: true })
        {
            return null;
        }
        if (HasControlCharacter(text))
        {
            return ControlMessage;
        }
        if (exemption is null && PersonalData.ContainsIdentityNumber(text))
        {
            return PersonalData.Message;
        }
        return null;
    }

    /// <summary>The reason a property is let through, or null when it is guarded.</summary>
    public static string? Exemption(IReadOnlyProperty property) => Find(property)?.Reason;

    private static (bool AppWritten, string Reason)? Find(IReadOnlyProperty property) =>
        Exemptions.TryGetValue((property.DeclaringType.ClrType, property.Name), out var named) ? named
        : Exemptions.TryGetValue((property.DeclaringType.ClrType, null), out var type) ? type
        : null;

    private static bool HasControlCharacter(string text) => !ReferenceEquals(Storable(text), text);

    /// <summary>
    /// The text without control characters (line breaks and tabs are kept) and without halves of surrogate pairs: what
    /// every database can store and compare. The same instance when there is nothing to remove.
    /// </summary>
    public static string Storable(string text)
    {
        System.Text.StringBuilder? kept = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var pair = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            var bad = (char.IsControl(c) && c is not ('\n' or '\r' or '\t')) || (!pair && char.IsSurrogate(c));
            if (bad && kept is null)
            {
                kept = new System.Text.StringBuilder(text.Length).Append(text, 0, i);
            }
            if (!bad)
            {
                kept?.Append(c);
                if (pair)
                {
                    kept?.Append(text[i + 1]);
                    i++;
                }
            }
        }
        return kept?.ToString() ?? text;
    }
}
