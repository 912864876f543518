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

    public Group(string name, GroupKind kind, string purpose, CadenceKind cadence, int timesPerYear = 0, string cadenceNote = "")
        : this(name, kind, purpose, cadenceNote) => SetCadence(cadence, timesPerYear);

    public string Name { get; private set; } = "";
    public GroupKind Kind { get; private set; }

    /// <summary>Mandate and purpose, as the kommun's guideline words it.</summary>
    public string Purpose { get; private set; } = "";

    /// <summary>A note on how the group meets beyond the rule, in words: "Inför storhelger", "Ibland digitalt".</summary>
    public string Cadence { get; private set; } = "";

    public CadenceKind CadenceKind { get; private set; }
    public int TimesPerYear { get; private set; }

    /// <summary>The weekday the meeting plan uses (Tuesday unless the group says otherwise).</summary>
    public DayOfWeek MeetingDay { get; private set; } = DayOfWeek.Tuesday;

    public Cadence Rule => new(CadenceKind, TimesPerYear);

    /// <summary>The rhythm in words, for lists: the rule, or the note when the group meets as needed.</summary>
    public string CadenceText => DescribeCadence(CadenceKind, TimesPerYear, Cadence);

    public static string DescribeCadence(CadenceKind kind, int timesPerYear, string note) => kind == CadenceKind.Other
        ? (note.Length > 0 ? note : "Efter behov")
        : new Cadence(kind, timesPerYear).Describe() + (note.Length > 0 ? $" ({note})" : "");

    public void SetCadence(CadenceKind kind, int timesPerYear, DayOfWeek meetingDay = DayOfWeek.Tuesday)
    {
        Domain.Cadence.Validate(kind, timesPerYear);
        if (meetingDay is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            throw new DomainException("Välj en vardag för gruppens möten.", nameof(MeetingDay));
        }
        CadenceKind = kind;
        TimesPerYear = kind == CadenceKind.TimesPerYear ? timesPerYear : 0;
        MeetingDay = meetingDay;
    }

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
