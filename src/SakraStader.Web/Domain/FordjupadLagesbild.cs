namespace SakraStader.Domain;

public enum FordjupadStatus
{
    Utkast = 0,
    Godkand = 1,
}

/// <summary>The analysis texts of a fördjupad lägesbild, each written on its own.</summary>
public enum FordjupadText
{
    Summary,
    Development,
    Causes,
    Consequences,
    Priorities,
}

/// <summary>
/// The styrgrupp's fördjupad lägesbild, at least every two years: trends over one or more years from statistics,
/// incidents and surveys, the problems with their causes and consequences built from the monthly lägesbilder, and the
/// analysis. The styrgrupp approves it at a meeting; approval freezes figures and texts in <see cref="Snapshot"/>.
/// </summary>
public sealed class FordjupadLagesbild : TenantEntity, IVersioned
{
    public const int TextMax = 12000;
    public const int MaxYears = 5;

    private FordjupadLagesbild() { }

    public FordjupadLagesbild(Guid groupId, int fromYear, int toYear, int currentYear)
    {
        if (fromYear > toYear)
        {
            throw new DomainException("Första året kan inte komma efter det sista.", nameof(FromYear));
        }
        if (toYear > currentYear || fromYear < 2000)
        {
            throw new DomainException($"Välj år mellan 2000 och {currentYear}.", nameof(ToYear));
        }
        if (toYear - fromYear + 1 > MaxYears)
        {
            throw new DomainException($"En fördjupad lägesbild omfattar högst {MaxYears} år.", nameof(ToYear));
        }
        GroupId = groupId;
        FromYear = fromYear;
        ToYear = toYear;
    }

    public Guid GroupId { get; private set; }

    public int FromYear { get; private set; }

    public int ToYear { get; private set; }

    public FordjupadStatus Status { get; private set; }

    /// <summary>Sammanfattning.</summary>
    public string Summary { get; private set; } = "";

    /// <summary>Brottslighet och otrygghet: what the figures show.</summary>
    public string Development { get; private set; } = "";

    /// <summary>Orsaker.</summary>
    public string Causes { get; private set; } = "";

    /// <summary>Konsekvenser.</summary>
    public string Consequences { get; private set; } = "";

    /// <summary>Slutsatser och prioriteringar för åtgärdsplanen.</summary>
    public string Priorities { get; private set; } = "";

    public DateTimeOffset? ApprovedAt { get; private set; }

    public string? ApprovedBy { get; private set; }

    /// <summary>The styrgrupp's meeting where it was approved.</summary>
    public Guid? MeetingId { get; private set; }

    /// <summary>Figures and texts as approved (JSON); empty until then.</summary>
    public string Snapshot { get; private set; } = "";

    public Guid Version { get; private set; } = Guid.NewGuid();

    public string Period => FromYear == ToYear ? $"{FromYear}" : $"{FromYear}–{ToYear}";

    public void WriteTexts(string summary, string development, string causes, string consequences, string priorities)
    {
        EnsureDraft();
        Summary = DomainText.Free(summary, TextMax, nameof(Summary));
        Development = DomainText.Free(development, TextMax, nameof(Development));
        Causes = DomainText.Free(causes, TextMax, nameof(Causes));
        Consequences = DomainText.Free(consequences, TextMax, nameof(Consequences));
        Priorities = DomainText.Free(priorities, TextMax, nameof(Priorities));
    }

    /// <summary>One of the analysis texts (the others stay as they are).</summary>
    public void WriteText(FordjupadText field, string text)
    {
        EnsureDraft();
        var name = field.ToString();
        var value = DomainText.Free(text, TextMax, name);
        switch (field)
        {
            case FordjupadText.Summary: Summary = value; break;
            case FordjupadText.Development: Development = value; break;
            case FordjupadText.Causes: Causes = value; break;
            case FordjupadText.Consequences: Consequences = value; break;
            default: Priorities = value; break;
        }
    }

    public string Text(FordjupadText field) => field switch
    {
        FordjupadText.Summary => Summary,
        FordjupadText.Development => Development,
        FordjupadText.Causes => Causes,
        FordjupadText.Consequences => Consequences,
        _ => Priorities,
    };

    /// <summary>Approved by the styrgrupp at one of its meetings that has taken place.</summary>
    public void Approve(Meeting meeting, string approvedBy, DateTimeOffset at, string snapshot)
    {
        EnsureDraft();
        meeting.EnsureDecisionBy(GroupId, "styrgruppens", at, nameof(MeetingId));
        if (Summary.Length == 0)
        {
            throw new DomainException("Skriv en sammanfattning innan styrgruppen godkänner lägesbilden.", nameof(Summary));
        }
        Status = FordjupadStatus.Godkand;
        MeetingId = meeting.Id;
        ApprovedBy = approvedBy;
        ApprovedAt = at;
        Snapshot = snapshot;
    }

    private void EnsureDraft()
    {
        if (Status == FordjupadStatus.Godkand)
        {
            throw new DomainException("Den fördjupade lägesbilden är godkänd och kan inte ändras. Gör en ny för nästa period.");
        }
    }
}
