using System.Globalization;

namespace SakraStader.Features.Atgarder;

/// <summary>
/// A date as a form holds it: what the user typed or picked, and whether they asked to remove a stored date. An empty
/// field is not a removal, and text that is not a date is not an empty date: neither clears what is stored.
/// </summary>
public sealed class DateEntry
{
    public const string Unreadable = "Skriv datumet som år-månad-dag, till exempel 2027-03-31, eller välj det i kalendern.";

    public DateEntry(DateOnly? stored) => (Stored, Date, Text) = (stored, stored, Format(stored));

    /// <summary>The date as stored when the form was opened.</summary>
    public DateOnly? Stored { get; }

    public DateOnly? Date { get; private set; }

    public string Text { get; private set; }

    /// <summary>The user chose to remove the stored date.</summary>
    public bool Remove { get; set; }

    /// <summary>Something is typed that is not a date.</summary>
    public bool IsUnreadable => Text.Trim().Length > 0 && Date is null;

    /// <summary>The field is empty where a date is stored: the user must say whether to remove it.</summary>
    public bool IsCleared => Text.Trim().Length == 0 && Stored is not null;

    public void Type(string? text)
    {
        Text = text ?? "";
        Date = DateOnly.TryParseExact(Text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
    }

    /// <summary>A date picked, or the field cleared; a cleared pick keeps typed text that is not a date (it stays an error).</summary>
    public void Pick(DateOnly? date)
    {
        if (date is null && IsUnreadable)
        {
            return;
        }
        Date = date;
        Text = Format(date);
    }

    public static string Format(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
