using SakraStader.Domain;
using SakraStader.Features.Demo;
using SakraStader.Infrastructure;
using SakraStader.Tests.Support;

namespace SakraStader.Tests.Unit;

/// <summary>Swedish dates, weeks and year bounds from an injected clock, at the moments that break naive code.</summary>
public sealed class SwedishTimeTests
{
    private static FixedClock ClockAt(string utc) => new FixedClock(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    // 00:30 on New Year's Day in Sweden is still 31 December in UTC.
    [InlineData("2026-12-31T23:30:00Z", "2027-01-01")]
    // 23:30 on New Year's Eve in Sweden is 22:30 UTC.
    [InlineData("2026-12-31T22:30:00Z", "2026-12-31")]
    // Summer time: 23:30 UTC on 15 July is 01:30 on the 16th in Sweden.
    [InlineData("2026-07-15T23:30:00Z", "2026-07-16")]
    // The spring switch (last Sunday of March, 02:00 → 03:00) and the autumn switch (last Sunday of October).
    [InlineData("2026-03-29T00:59:00Z", "2026-03-29")]
    [InlineData("2026-10-24T22:30:00Z", "2026-10-25")]
    public void Today_is_the_Swedish_date(string utc, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), ClockAt(utc).Today());

    [Theory]
    [InlineData("2026-12-31", 2026, 53)]
    [InlineData("2027-01-01", 2026, 53)]
    [InlineData("2027-01-04", 2027, 1)]
    [InlineData("2024-12-30", 2025, 1)]
    public void Weeks_are_ISO_weeks(string date, int year, int week) =>
        Assert.Equal((year, week), SwedishTime.IsoWeek(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Year_bounds_are_Swedish_midnights()
    {
        var (from, to) = SwedishTime.YearBounds(2026);
        Assert.Equal(new DateTimeOffset(2025, 12, 31, 23, 0, 0, TimeSpan.Zero), from);
        Assert.Equal(new DateTimeOffset(2026, 12, 31, 23, 0, 0, TimeSpan.Zero), to);
    }

    [Fact]
    public void A_time_skipped_in_spring_and_a_time_repeated_in_autumn_still_give_one_instant()
    {
        // 02:30 does not exist on 29 March 2026: taken as 03:30 summer time (01:30 UTC).
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.Zero), SwedishTime.At(new DateOnly(2026, 3, 29), new TimeOnly(2, 30)));
        // 02:30 occurs twice on 25 October 2026: the first, in summer time (00:30 UTC).
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero), SwedishTime.At(new DateOnly(2026, 10, 25), new TimeOnly(2, 30)));
        // A meeting at 09:00 on both switch days is at 09:00 Swedish time.
        Assert.Equal(9, SwedishTime.Local(SwedishTime.At(new DateOnly(2026, 3, 29), new TimeOnly(9, 0))).Hour);
        Assert.Equal(9, SwedishTime.Local(SwedishTime.At(new DateOnly(2026, 10, 25), new TimeOnly(9, 0))).Hour);
    }

    [Theory]
    [InlineData("2026-12-02", "2026-11-01")]
    [InlineData("2027-01-01", "2027-01-01")]
    [InlineData("2026-07-15", "2026-06-01")]
    [InlineData("2026-03-29", "2026-03-01")]
    public void The_demo_always_has_a_month_EST_meets_in_to_work_on(string today, string working)
    {
        var date = DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(DateOnly.Parse(working, System.Globalization.CultureInfo.InvariantCulture),
            DemoLagesbilder.WorkingMonth(new DateOnly(date.Year, date.Month, 1)));
    }

    [Fact]
    public void The_tests_clock_reads_Swedish_local_time()
    {
        Assert.Equal(new DateTimeOffset(2026, 12, 31, 22, 30, 0, TimeSpan.Zero), TestClock.Parse("2026-12-31T23:30"));
        Assert.Equal(new DateTimeOffset(2026, 7, 14, 22, 30, 0, TimeSpan.Zero), TestClock.Parse("2026-07-15T00:30"));
    }
}
