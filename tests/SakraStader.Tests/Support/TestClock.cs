using System.Diagnostics;
using System.Globalization;
using SakraStader.Domain;

namespace SakraStader.Tests.Support;

/// <summary>
/// The tests' clock: the app and the tests see the same fake "now", which starts at a fixed Swedish time and runs on
/// from there (so a save after another is later, and a session's cookie ages as it would). The start is
/// <c>SAKRASTADER_TEST_CLOCK</c> (Swedish local time, e.g. <c>2026-12-31T23:30</c>; the test script runs the suites at
/// several such dates), else <see cref="DefaultStart"/>. Nothing in the tests reads the wall clock: the banned-API
/// analyzer refuses <c>DateTime.Now</c> and <c>TimeProvider.System</c> here as in the app.
/// </summary>
public sealed class TestClock : TimeProvider
{
    /// <summary>A Wednesday in December: EST does not meet in December, the case that once broke the suite.</summary>
    public const string DefaultStart = "2026-12-02T10:00";

    public static TestClock Instance { get; } = new(StartFromEnvironment());

    private readonly DateTimeOffset start;
    private readonly long startedAt = Stopwatch.GetTimestamp();

    public TestClock(DateTimeOffset start) => this.start = start;

    /// <summary>The instant the clock started at.</summary>
    public DateTimeOffset Start => start;

    public override DateTimeOffset GetUtcNow() => start + Stopwatch.GetElapsedTime(startedAt);

    public override TimeZoneInfo LocalTimeZone => SwedishTime.Zone;

    /// <summary>Now, on the tests' clock.</summary>
    public static DateTimeOffset Now => Instance.GetUtcNow();

    /// <summary>Today's Swedish date on the tests' clock.</summary>
    public static DateOnly Today => Instance.Today();

    /// <summary>The instant of a Swedish local time written as <c>yyyy-MM-ddTHH:mm</c>.</summary>
    public static DateTimeOffset Parse(string local)
    {
        var at = DateTime.ParseExact(local, "yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
        return SwedishTime.At(DateOnly.FromDateTime(at), TimeOnly.FromDateTime(at));
    }

    private static DateTimeOffset StartFromEnvironment() =>
        Parse(Environment.GetEnvironmentVariable("SAKRASTADER_TEST_CLOCK") is { Length: > 0 } value ? value : DefaultStart);
}
