using SakraStader.Domain;

namespace SakraStader.Infrastructure;

/// <summary>A clock that stays at one instant: generated data (the demo, the benchmark set) is written as of one moment.</summary>
public sealed class FixedClock(DateTimeOffset at) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => at;

    public override TimeZoneInfo LocalTimeZone => SwedishTime.Zone;
}
