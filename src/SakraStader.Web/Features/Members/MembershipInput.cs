using SakraStader.Domain;

namespace SakraStader.Features.Members;

/// <summary>Role, organisation and title: the fields of a membership, shared by the add and edit forms.</summary>
public class MembershipInput
{
    public const string TitleMissing = "Ange titel, till exempel ”kommunpolis” eller ”säkerhetschef”.";

    public Role Role { get; set; } = Role.Medlem;

    public OrganisationKind Organisation { get; set; } = OrganisationKind.Kommunen;

    public string OrganisationName { get; set; } = "";

    public string Title { get; set; } = "";

    /// <summary>The form's own checks (the model checks the title too): a title, and texts that fit their columns.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Title))
        {
            throw new DomainException(TitleMissing, nameof(Title));
        }
        if (Title.Length > 150)
        {
            throw new DomainException("Högst 150 tecken.", nameof(Title));
        }
        if ((OrganisationName ?? "").Length > 150)
        {
            throw new DomainException("Högst 150 tecken.", nameof(OrganisationName));
        }
    }

    public MembershipInput Copy() => new() { Role = Role, Organisation = Organisation, OrganisationName = OrganisationName, Title = Title };

    /// <summary>Whether these are the stored fields (texts compared as the model stores them: trimmed).</summary>
    public bool SameAs(Role role, OrganisationKind organisation, string organisationName, string title) =>
        Role == role && Organisation == organisation
        && string.Equals((OrganisationName ?? "").Trim(), organisationName, StringComparison.Ordinal)
        && string.Equals((Title ?? "").Trim(), title, StringComparison.Ordinal);
}
