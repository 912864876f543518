using SakraStader.Domain;

namespace SakraStader.Tenancy;

/// <summary>The kommun a request works in, and the signed-in user's membership there. One per request (scoped).</summary>
public sealed class TenantContext
{
    /// <summary>No kommun and no user: what a pooled DbContext holds between leases.</summary>
    public static TenantContext None { get; } = new();

    public KommunInfo? Kommun { get; private set; }
    public MembershipInfo? Membership { get; private set; }
    public Guid? UserId { get; private set; }
    /// <summary>The sign-in name (e-mail), as the audit trail records it.</summary>
    public string UserName { get; private set; } = "system";

    /// <summary>The person's name as shown on what they write ("Anna Lindqvist"); the sign-in name when unknown.</summary>
    public string DisplayName { get; private set; } = "system";

    public Guid? KommunId => Kommun?.Id;

    /// <summary>Every kommun the signed-in user is a member of (for the switcher); empty when signed out.</summary>
    public IReadOnlyList<SakraStader.Data.UserKommun> UserKommuner { get; private set; } = [];

    public void SetUserKommuner(IReadOnlyList<SakraStader.Data.UserKommun> kommuner) => UserKommuner = kommuner;

    public bool IsMember => Membership is not null;

    public bool Has(Role atLeast) => Membership is { } m && m.Role >= atLeast;

    public void SetUser(Guid? userId, string userName, string? displayName = null)
    {
        UserId = userId;
        UserName = userName;
        DisplayName = string.IsNullOrWhiteSpace(displayName) ? userName : displayName;
    }

    public void SetKommun(KommunInfo kommun, MembershipInfo? membership)
    {
        Kommun = kommun;
        Membership = membership;
    }

    public void ClearKommun()
    {
        Kommun = null;
        Membership = null;
    }

    /// <summary>
    /// The same user and kommun as <paramref name="other"/>: an operation run in its own DI scope (its own DbContext)
    /// on behalf of an interactive circuit works as the circuit's user, in the circuit's kommun.
    /// </summary>
    public void CopyFrom(TenantContext other)
    {
        (UserId, UserName, DisplayName, UserKommuner, Kommun, Membership) =
            (other.UserId, other.UserName, other.DisplayName, other.UserKommuner, other.Kommun, other.Membership);
    }

    /// <summary>
    /// Work in a kommun outside a request (seeding, the platform administrator creating a kommun).
    /// Inside a request the tenant comes from the route, never from here.
    /// </summary>
    public IDisposable Enter(KommunInfo kommun, MembershipInfo? acting = null)
    {
        var previous = (Kommun, Membership);
        Kommun = kommun;
        Membership = acting;
        return new Restore(() => (Kommun, Membership) = previous);
    }

    private sealed class Restore(Action action) : IDisposable
    {
        public void Dispose() => action();
    }
}

public sealed record KommunInfo(Guid Id, string Name, string Slug, string Kod);

/// <summary>The user's membership in the request's kommun; OrganisationName is what they act for, e.g. "Polisen LPO Örebro".</summary>
public sealed record MembershipInfo(Guid Id, Role Role, OrganisationKind Organisation, string Title, string OrganisationName = "");
