namespace SakraStader.Domain;

/// <summary>A user's membership in one kommun: the role there, and the organisation and title they act for.</summary>
public sealed class Membership : TenantEntity
{
    private Membership() { }

    public Membership(Guid userId, Role role, OrganisationKind organisation, string organisationName, string title)
    {
        UserId = userId;
        Change(role, organisation, organisationName, title);
    }

    public Guid UserId { get; private set; }
    public Role Role { get; private set; }
    public OrganisationKind Organisation { get; private set; }

    /// <summary>The organisation's own name, e.g. "Lokalpolisområde Örebro" or "Bostadsbolaget AB".</summary>
    public string OrganisationName { get; private set; } = "";
    public string Title { get; private set; } = "";

    public void Change(Role role, OrganisationKind organisation, string organisationName, string title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            throw new DomainException("Ange titel, till exempel ”kommunpolis” eller ”säkerhetschef”.", nameof(Title));
        }
        Role = role;
        Organisation = organisation;
        OrganisationName = (organisationName ?? "").Trim();
        Title = title.Trim();
    }

    /// <summary>A kommun must keep at least one samordnare.</summary>
    public static void EnsureNotLastSamordnare(Membership changing, Role newRole, int samordnareCount)
    {
        if (changing.Role == Role.Samordnare && newRole != Role.Samordnare && samordnareCount <= 1)
        {
            throw new DomainException("Kommunen måste ha minst en samordnare. Utse en ny samordnare först.", nameof(Role));
        }
    }
}
