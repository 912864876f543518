namespace SakraStader.Tenancy;

/// <summary>
/// How soon what ends a session takes effect on every instance (<c>Security:SessionCheckSeconds</c>, default 5): a
/// cookie is checked against the user's security stamp when it is older than this, the stamp and the user's
/// memberships are kept in memory no longer than this, and an interactive circuit re-checks both this often. The
/// instance where the change is saved drops its kept copies at once.
/// </summary>
public sealed class SessionCheckOptions
{
    public const string ConfigurationKey = "Security:SessionCheckSeconds";

    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(5);

    public static TimeSpan FromConfiguration(IConfiguration configuration) =>
        TimeSpan.FromSeconds(Math.Max(0, configuration.GetValue(ConfigurationKey, 5.0)));
}
