using System.ComponentModel.DataAnnotations;
using SakraStader.Domain;

namespace SakraStader.Features.Members;

/// <summary>Role, organisation and title: the fields of a membership, shared by the add and edit forms.</summary>
public class MembershipInput
{
    public Role Role { get; set; } = Role.Medlem;

    public OrganisationKind Organisation { get; set; } = OrganisationKind.Kommunen;

    [StringLength(150, ErrorMessage = "Högst 150 tecken.")]
    public string OrganisationName { get; set; } = "";

    [Required(ErrorMessage = "Ange titel, till exempel ”kommunpolis” eller ”säkerhetschef”.")]
    [StringLength(150, ErrorMessage = "Högst 150 tecken.")]
    public string Title { get; set; } = "";
}
