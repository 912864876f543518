namespace SakraStader.Domain;

/// <summary>A user's role within one kommun. Order matters: a higher value includes what the lower ones may do.</summary>
public enum Role
{
    /// <summary>Logs incidents (housing company staff, guards, youth workers) and sees only their own reports.</summary>
    Inrapportor = -1,
    Lasare = 0,
    Medlem = 1,
    Styrgrupp = 2,
    Samordnare = 3,
}

/// <summary>The kind of organisation a member acts for in a kommun.</summary>
public enum OrganisationKind
{
    Kommunen = 0,
    Polisen = 1,
    Raddningstjanst = 2,
    Bostadsbolag = 3,
    Annan = 4,
}

public static class RoleText
{
    public static string Display(this Role role) => role switch
    {
        Role.Samordnare => "Samordnare",
        Role.Styrgrupp => "Styrgrupp",
        Role.Medlem => "Medlem",
        Role.Lasare => "Läsare",
        Role.Inrapportor => "Inrapportör",
        _ => role.ToString(),
    };

    public static string Describe(this Role role) => role switch
    {
        Role.Samordnare => "Leder kommunens arbete, hanterar medlemmar och grupper och ser loggen.",
        Role.Styrgrupp => "Följer upp arbetet och granskar rapporter.",
        Role.Medlem => "Arbetar i operativa grupper.",
        Role.Lasare => "Kan läsa kommunens material.",
        Role.Inrapportor => "Rapporterar händelser och ser sina egna rapporter.",
        _ => "",
    };

    public static string Display(this OrganisationKind kind) => kind switch
    {
        OrganisationKind.Kommunen => "Kommunen",
        OrganisationKind.Polisen => "Polisen",
        OrganisationKind.Raddningstjanst => "Räddningstjänst",
        OrganisationKind.Bostadsbolag => "Bostadsbolag",
        OrganisationKind.Annan => "Annan organisation",
        _ => kind.ToString(),
    };
}
