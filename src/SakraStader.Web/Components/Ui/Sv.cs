using System.Globalization;

namespace SakraStader.Components.Ui;

/// <summary>Swedish formatting: ISO dates (2026-11-22), 24-hour time, ISO week numbers.</summary>
public static class Sv
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("sv-SE");

    /// <summary>Swedish alphabetical order (å, ä, ö after z) for lists sorted in memory.</summary>
    public static readonly StringComparer Comparer = StringComparer.Create(Culture, ignoreCase: true);

    private static DateTimeOffset Local(DateTimeOffset at) => Domain.SwedishTime.Local(at);

    public static string Date(DateTimeOffset at) => Local(at).ToString("yyyy-MM-dd", Culture);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", Culture);

    public static string DateTime(DateTimeOffset at) => Local(at).ToString("yyyy-MM-dd HH:mm", Culture);

    public static string Time(DateTimeOffset at) => Local(at).ToString("HH:mm", Culture);

    /// <summary>"tis" for a Tuesday: the short weekday, as in Swedish calendars.</summary>
    public static string Weekday(DateTimeOffset at) => Local(at).ToString("ddd", Culture);

    public static string Week(DateTimeOffset at) => $"v. {ISOWeek.GetWeekOfYear(Local(at).DateTime)}";

    public static string LongDate(DateTimeOffset at) => Local(at).ToString("d MMMM yyyy", Culture);

    public static string Number(int n) => n.ToString("N0", Culture);

    /// <summary>A count, or "–" where there are no figures at all (a year before the first import): never a made-up 0.</summary>
    public static string Number(int? n) => n is { } value ? Number(value) : "–";

    /// <summary>Names joined as Swedish writes them: "A, B och C".</summary>
    public static string List(IEnumerable<string> names)
    {
        var all = names.ToList();
        return all.Count <= 1 ? string.Concat(all) : $"{string.Join(", ", all.Take(all.Count - 1))} och {all[^1]}";
    }

    /// <summary>The word for one or for more: "1 åtgärd", "2 åtgärder" (and "0 åtgärder").</summary>
    public static string Plural(int count, string one, string many) => count == 1 ? one : many;

    /// <summary>A tab's or a heading's name with how many it holds, "Rapporter (3)"; the name alone when it holds none.</summary>
    public static string Counted(string name, int count) => count > 0 ? $"{name} ({Number(count)})" : name;

    /// <summary>A text a person was to write, or a plain "not yet" where there is none.</summary>
    public static string OrNotWritten(string? text) => string.IsNullOrWhiteSpace(text) ? "Inget skrivet ännu." : text;

    /// <summary>A short value in a list of facts, or a dash where there is none.</summary>
    public static string OrDash(string? text) => string.IsNullOrEmpty(text) ? "–" : text;

    /// <summary>"mars 2026".</summary>
    public static string MonthName(int year, int month) => new System.DateTime(year, month, 1).ToString("MMMM yyyy", Culture);
}
