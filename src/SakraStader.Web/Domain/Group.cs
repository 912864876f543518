namespace SakraStader.Domain;

public enum GroupKind
{
    Styrgrupp = 0,
    Est = 1,
    Sspf = 2,
    Annan = 3,
}

/// <summary>A cooperation group of a kommun (samverkansgrupp): styrgrupp, EST, SSPF or the kommun's own.</summary>
public sealed class Group : TenantEntity
{
    private Group() { }

    public Group(string name, GroupKind kind, string purpose, string cadence)
    {
        Kind = kind;
        Update(name, purpose, cadence);
    }

    public string Name { get; private set; } = "";
    public GroupKind Kind { get; private set; }

    /// <summary>Mandate and purpose, as the kommun's guideline words it.</summary>
    public string Purpose { get; private set; } = "";

    /// <summary>How often the group meets, in words: "Varje månad utom juli och december".</summary>
    public string Cadence { get; private set; } = "";

    public void Update(string name, string purpose, string cadence)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new DomainException("Ange gruppens namn.", nameof(Name));
        }
        Name = name.Trim();
        Purpose = (purpose ?? "").Trim();
        Cadence = (cadence ?? "").Trim();
    }
}

public static class GroupKindText
{
    /// <summary>Short label for lists and badges.</summary>
    public static string ShortName(this GroupKind kind) => kind switch
    {
        GroupKind.Styrgrupp => "Styrgrupp",
        GroupKind.Est => "EST",
        GroupKind.Sspf => "SSPF",
        _ => "Egen grupp",
    };

    public static string Display(this GroupKind kind) => kind switch
    {
        GroupKind.Styrgrupp => "Styrgrupp",
        GroupKind.Est => "EST – Effektiv samordning för trygghet",
        GroupKind.Sspf => "SSPF – skola, socialtjänst, polis, fritid",
        GroupKind.Annan => "Annan samverkansgrupp",
        _ => kind.ToString(),
    };
}
