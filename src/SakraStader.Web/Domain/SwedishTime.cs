using System.Globalization;

namespace SakraStader.Domain;

/// <summary>
/// The one place that turns instants into Swedish local dates, times, ISO weeks and year bounds. The current instant
/// comes only from an injected <see cref="TimeProvider"/> (see the extension methods): app code never reads the wall
/// clock, so tests run on any date with a fake clock (the banned-API analyzer refuses <c>DateTime.Now</c> and friends).
/// </summary>
public static class SwedishTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    /// <summary>The instant as Swedish local time (with its offset: +01:00 in winter, +02:00 in summer).</summary>
    public static DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone);

    /// <summary>The Swedish calendar date of an instant.</summary>
    public static DateOnly DateOf(DateTimeOffset at) => DateOnly.FromDateTime(Local(at).DateTime);

    /// <summary>
    /// The instant of a Swedish wall-clock time. A time skipped by the spring switch (02:00–03:00 on the last Sunday
    /// of March) is taken as the same time an hour later; a time that occurs twice in October as the first (summer time).
    /// </summary>
    public static DateTimeOffset At(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time);
        if (Zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }
        var offset = Zone.IsAmbiguousTime(local) ? Zone.GetAmbiguousTimeOffsets(local).Max() : Zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    /// <summary>The start of a Swedish calendar day as an instant.</summary>
    public static DateTimeOffset StartOf(DateOnly date) => At(date, TimeOnly.MinValue);

    /// <summary>The Swedish calendar year as an instant range [from, to).</summary>
    public static (DateTimeOffset From, DateTimeOffset To) YearBounds(int year) =>
        (StartOf(new DateOnly(year, 1, 1)), StartOf(new DateOnly(year + 1, 1, 1)));

    /// <summary>A Swedish calendar month as an instant range [from, to).</summary>
    public static (DateTimeOffset From, DateTimeOffset To) MonthBounds(int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        return (StartOf(first), StartOf(first.AddMonths(1)));
    }

    /// <summary>The ISO 8601 week (year and number) a date falls in: 2026-12-31 is week 53 of 2026, 2027-01-01 too.</summary>
    public static (int Year, int Week) IsoWeek(DateOnly date)
    {
        var d = date.ToDateTime(TimeOnly.MinValue);
        return (ISOWeek.GetYear(d), ISOWeek.GetWeekOfYear(d));
    }

    /// <summary>The Monday that starts an ISO week.</summary>
    public static DateOnly MondayOf(int isoYear, int week) => DateOnly.FromDateTime(ISOWeek.ToDateTime(isoYear, week, DayOfWeek.Monday));

    /// <summary>The current instant in Swedish local time.</summary>
    public static DateTimeOffset LocalNow(this TimeProvider time) => Local(time.GetUtcNow());

    /// <summary>Today's date in Sweden.</summary>
    public static DateOnly Today(this TimeProvider time) => DateOf(time.GetUtcNow());

    /// <summary>The first day of the current Swedish month.</summary>
    public static DateOnly ThisMonth(this TimeProvider time)
    {
        var today = time.Today();
        return new DateOnly(today.Year, today.Month, 1);
    }

    /// <summary>The current ISO week in Sweden.</summary>
    public static (int Year, int Week) ThisWeek(this TimeProvider time) => IsoWeek(time.Today());
}
