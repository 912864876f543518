namespace SakraStader.Domain;

/// <summary>
/// A medborgardialog, trygghetsvandring or survey behind one or more medborgarlöften: when, where, how, how many took
/// part, and the themes raised, in the words citizens used, with how often each came up.
/// </summary>
public sealed class CitizenDialogue : TenantEntity
{
    public const int TextMax = 300;
    public const int ThemesMax = 40;

    private readonly List<DialogueTheme> themes = [];

    private CitizenDialogue() { }

    public CitizenDialogue(DateOnly date, string place, string method, int participants)
    {
        PlausibleDate.Ensure(date, nameof(Date));
        Date = date;
        Place = DomainText.Required(place, TextMax, "Skriv var dialogen hölls.", nameof(Place));
        Method = DomainText.Required(method, TextMax, "Skriv hur dialogen gick till, till exempel ”Trygghetsvandring”.", nameof(Method));
        if (participants < 0)
        {
            throw new DomainException("Antalet deltagare kan inte vara negativt.", nameof(Participants));
        }
        Participants = participants;
    }

    public DateOnly Date { get; private set; }

    public string Place { get; private set; } = "";

    /// <summary>Medborgardialog, trygghetsvandring, enkät, ...</summary>
    public string Method { get; private set; } = "";

    public int Participants { get; private set; }

    public IReadOnlyList<DialogueTheme> Themes => themes;

    /// <summary>
    /// Themes from lines such as "Mörk gångtunnel vid skolan; 34": the citizens' words, then how many raised it.
    /// A line without a number counts once.
    /// </summary>
    public void SetThemes(string lines)
    {
        var parsed = new List<(string Text, int Count)>();
        var lineNumber = 0;
        foreach (var raw in (lines ?? "").Split('\n'))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }
            var cut = line.LastIndexOf(';');
            var text = cut < 0 ? line : line[..cut].Trim();
            var count = 1;
            if (cut >= 0 && !int.TryParse(line[(cut + 1)..].Trim(), out count))
            {
                throw new DomainException($"Rad {lineNumber}: skriv antalet som en siffra efter semikolonet, till exempel ”Mörk gångtunnel; 34”.", nameof(Themes));
            }
            if (text.Length == 0 || text.Length > TextMax || count < 1)
            {
                throw new DomainException($"Rad {lineNumber}: skriv temat (högst {TextMax} tecken) och ett antal som är 1 eller mer.", nameof(Themes));
            }
            PersonalData.EnsureNone(text, nameof(Themes));
            parsed.Add((text, count));
        }
        if (parsed.Count > ThemesMax)
        {
            throw new DomainException($"Högst {ThemesMax} teman per dialog.", nameof(Themes));
        }
        themes.Clear();
        themes.AddRange(parsed.Select((p, i) => new DialogueTheme(Id, i + 1, p.Text, p.Count)));
    }
}

public sealed class DialogueTheme : TenantEntity
{
    private DialogueTheme() { }

    internal DialogueTheme(Guid dialogueId, int order, string text, int mentions)
    {
        DialogueId = dialogueId;
        Order = order;
        Text = text;
        Mentions = mentions;
    }

    public Guid DialogueId { get; private set; }

    public int Order { get; private set; }

    public string Text { get; private set; } = "";

    /// <summary>How many raised it.</summary>
    public int Mentions { get; private set; }
}
