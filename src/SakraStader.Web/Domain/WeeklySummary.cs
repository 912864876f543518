using System.Globalization;

namespace SakraStader.Domain;

/// <summary>
/// The one-page summary of an ISO week in Örebro's style: what happened, what is being done, what is expected. The
/// figures of the week are compiled on the page; these three texts are what the members write.
/// </summary>
public sealed class WeeklySummary : TenantEntity
{
    public const int TextMax = 4000;

    private WeeklySummary() { }

    public WeeklySummary(int year, int week)
    {
        if (year is < 2000 or > 2100 || week < 1 || week > ISOWeek.GetWeeksInYear(year))
        {
            throw new DomainException("Veckan finns inte.", nameof(Week));
        }
        Year = year;
        Week = week;
    }

    public int Year { get; private set; }

    public int Week { get; private set; }

    /// <summary>Vad har hänt?</summary>
    public string Happened { get; private set; } = "";

    /// <summary>Vad görs?</summary>
    public string Doing { get; private set; } = "";

    /// <summary>Vad förväntas?</summary>
    public string Expected { get; private set; } = "";

    public string UpdatedBy { get; private set; } = "";

    public DateTimeOffset? UpdatedAt { get; private set; }

    public DateOnly Monday => DateOnly.FromDateTime(ISOWeek.ToDateTime(Year, Week, DayOfWeek.Monday));

    public void Write(string happened, string doing, string expected, string author, DateTimeOffset at)
    {
        Happened = Text(happened, nameof(Happened));
        Doing = Text(doing, nameof(Doing));
        Expected = Text(expected, nameof(Expected));
        UpdatedBy = author;
        UpdatedAt = at;
    }

    private static string Text(string? text, string field) => DomainText.Free(text, TextMax, field);
}
