using System.Globalization;
using SakraStader.Components.Ui;
using SakraStader.Domain;
using SakraStader.Features.Meetings;

namespace SakraStader.Features.Import;

/// <summary>One column of an import format, as documented on the import page and in docs/import.md.</summary>
public sealed record ImportColumn(string Header, string Description, string Example, bool Required = true);

/// <summary>A row read from the file: either an entity to insert (with the period it belongs to) or the reason it is bad.</summary>
public sealed record ParsedRow(int Line, TenantEntity? Entity, string? Period, string[] Preview, string? Error)
{
    public static ParsedRow Bad(int line, string error) => new(line, null, null, [], error);
}

/// <summary>What a row is checked against: the kommun's areas and categories, by name, and the time now.</summary>
public sealed class ImportLookups(IReadOnlyDictionary<string, Guid> areas, IReadOnlyDictionary<string, Guid> categories, string organisation,
    DateTimeOffset now)
{
    public IReadOnlyDictionary<string, Guid> Areas { get; } = areas;

    public IReadOnlyDictionary<string, Guid> Categories { get; } = categories;

    public string Organisation { get; } = organisation;

    public DateTimeOffset Now { get; } = now;
}

/// <summary>
/// The CSV formats the kommun can import. Each names its columns with Swedish headers (in any order, any letter case),
/// checks one row at a time and says in klarspråk what is wrong with it.
/// </summary>
public abstract class ImportFormat
{
    public static readonly IReadOnlyList<ImportFormat> All = [new CrimeStatisticsFormat(), new SurveyResultsFormat(), new IncidentsFormat()];

    public static ImportFormat For(ImportKind kind) => All.Single(f => f.Kind == kind);

    public abstract ImportKind Kind { get; }

    /// <summary>Used in URLs and file names: brott, trygghet, handelser.</summary>
    public abstract string Slug { get; }

    public abstract string Title { get; }

    public abstract string Description { get; }

    /// <summary>What a new import does to data already there.</summary>
    public abstract string ReplaceRule { get; }

    /// <summary>The least role that may import this kind.</summary>
    public abstract Role MinimumRole { get; }

    public abstract IReadOnlyList<ImportColumn> Columns { get; }

    /// <summary>The preview table's headings, matching <see cref="ParsedRow.Preview"/>.</summary>
    public virtual IReadOnlyList<string> PreviewHeaders => [.. Columns.Select(c => c.Header)];

    /// <summary>Checks one record. <paramref name="seen"/> holds the keys of earlier rows to find a row given twice.</summary>
    public abstract ParsedRow Parse(CsvRecord record, int[] index, ImportLookups lookups, Dictionary<string, int> seen);

    /// <summary>Maps the header line to column positions; null entries are optional columns that are missing.</summary>
    public (int[] Index, string? Error) MapHeader(string[] header)
    {
        var names = header.Select(h => h.Trim().TrimStart('\uFEFF')).ToArray();
        var index = new int[Columns.Count];
        var missing = new List<string>();
        for (var i = 0; i < Columns.Count; i++)
        {
            index[i] = Array.FindIndex(names, n => string.Equals(n, Columns[i].Header, StringComparison.OrdinalIgnoreCase));
            if (index[i] < 0 && Columns[i].Required)
            {
                missing.Add(Columns[i].Header);
            }
        }
        if (missing.Count > 0)
        {
            var separator = names.Length == 1 && names[0].Contains(',', StringComparison.Ordinal)
                ? " Filen verkar vara kommaseparerad; spara den med semikolon som avgränsare (Excel på svenska gör det)."
                : "";
            return (index, $"Rubrikraden saknar {string.Join(", ", missing.Select(m => $"\"{m}\""))}. Första raden ska vara {string.Join(";", Columns.Select(c => c.Header))}.{separator}");
        }
        return (index, null);
    }

    /// <summary>
    /// The template's rows under the header: the examples, with the kommun's own areas in "Område" and its incident
    /// categories in "Kategori", one row for each (cycling through the shorter list), so every name in it is valid.
    /// </summary>
    public List<string[]> TemplateRows(IReadOnlyList<string> areas, IReadOnlyList<string> categories)
    {
        var hasCategory = Columns.Any(c => c.Header == "Kategori");
        var count = Math.Max(1, Math.Max(areas.Count, hasCategory ? categories.Count : 0));
        return [.. Enumerable.Range(0, count).Select(i => Columns.Select(c => c.Header switch
        {
            "Område" when areas.Count > 0 => areas[i % areas.Count],
            "Kategori" when categories.Count > 0 => categories[i % categories.Count],
            _ => c.Example,
        }).ToArray())];
    }

    protected static string Field(CsvRecord record, int[] index, int column) =>
        index[column] >= 0 && index[column] < record.Fields.Length ? record.Fields[index[column]].Trim() : "";

    protected static bool TryArea(string name, ImportLookups lookups, out Guid id, out string? error)
    {
        error = null;
        if (name.Length == 0)
        {
            error = "Området saknas.";
        }
        else if (!lookups.Areas.TryGetValue(name, out id))
        {
            error = $"Området \"{name}\" finns inte i kommunen. Lägg till det under Områden eller rätta stavningen.";
        }
        else
        {
            return true;
        }
        id = Guid.Empty;
        return false;
    }

    /// <summary>The year in the first column, or the bad row saying why it is not one.</summary>
    protected static ParsedRow? YearError(CsvRecord record, int[] index, ImportLookups lookups, out int year)
    {
        var text = Field(record, index, 0);
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out year) && year >= 1990 && year <= lookups.Now.Year
            ? null
            : ParsedRow.Bad(record.Line, $"År \"{text}\" är inte ett år mellan 1990 och {lookups.Now.Year}.");
    }

    /// <summary>A whole number as Excel writes it in Swedish: "1 234" with a (no-break) space is fine.</summary>
    protected static bool TryCount(string text, out int count) =>
        int.TryParse(text.Replace(" ", "", StringComparison.Ordinal).Replace("\u00a0", "", StringComparison.Ordinal), NumberStyles.None,
            CultureInfo.InvariantCulture, out count);

    protected static string? Duplicate(Dictionary<string, int> seen, string key, int line)
    {
        if (seen.TryGetValue(key, out var first))
        {
            return $"Raden upprepar rad {first} (samma {{0}}).";
        }
        seen[key] = line;
        return null;
    }
}

/// <summary>Anmälda brott per månad, brottskategori och område, from the police's open statistics.</summary>
public sealed class CrimeStatisticsFormat : ImportFormat
{
    private static readonly string[] MonthNames =
        ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"];

    public override ImportKind Kind => ImportKind.CrimeStatistics;

    public override string Slug => "brott";

    public override string Title => "Anmälda brott";

    public override string Description => "Antal anmälda brott per månad, brottskategori och område, till exempel från Polisens öppna statistik.";

    public override string ReplaceRule => "En import ersätter kommunens statistik för de månader som filen innehåller. Andra månader lämnas orörda.";

    public override Role MinimumRole => Role.Samordnare;

    public override IReadOnlyList<ImportColumn> Columns { get; } =
    [
        new("År", "Fyra siffror.", "2026"),
        new("Månad", "1–12 eller månadens namn.", "3"),
        new("Område", "Ett av kommunens områden, stavat som under Områden.", "Vivalla"),
        new("Brottskategori", $"Statistikens egen benämning, högst {CrimeStatistic.CategoryMax} tecken.", "Skadegörelse"),
        new("Antal", "Ett heltal, 0 eller mer.", "14"),
    ];

    public override ParsedRow Parse(CsvRecord record, int[] index, ImportLookups lookups, Dictionary<string, int> seen)
    {
        if (YearError(record, index, lookups, out var year) is { } badYear)
        {
            return badYear;
        }
        var monthText = Field(record, index, 1);
        if (!TryMonth(monthText, out var month))
        {
            return ParsedRow.Bad(record.Line, $"Månad \"{monthText}\" är inte en månad. Skriv 1–12 eller till exempel \"mars\".");
        }
        if (new DateOnly(year, month, 1) > DateOnly.FromDateTime(SwedishTime.Local(lookups.Now).DateTime))
        {
            return ParsedRow.Bad(record.Line, $"{Sv.MonthName(year, month)} har inte börjat än.");
        }
        if (!TryArea(Field(record, index, 2), lookups, out var areaId, out var areaError))
        {
            return ParsedRow.Bad(record.Line, areaError!);
        }
        var category = Field(record, index, 3);
        if (category.Length == 0 || category.Length > CrimeStatistic.CategoryMax)
        {
            return ParsedRow.Bad(record.Line, category.Length == 0 ? "Brottskategorin saknas." : $"Brottskategorin får vara högst {CrimeStatistic.CategoryMax} tecken.");
        }
        var countText = Field(record, index, 4);
        if (!TryCount(countText, out var count))
        {
            return ParsedRow.Bad(record.Line, $"Antal \"{countText}\" är inte ett heltal som är 0 eller mer.");
        }
        var duplicate = Duplicate(seen, $"{year}-{month}|{areaId}|{category.ToUpperInvariant()}", record.Line);
        if (duplicate is not null)
        {
            return ParsedRow.Bad(record.Line, string.Format(CultureInfo.InvariantCulture, duplicate, "månad, område och brottskategori"));
        }
        var period = $"{year:D4}-{month:D2}";
        return new ParsedRow(record.Line, new CrimeStatistic(areaId, year, month, category, count), period,
            [year.ToString(CultureInfo.InvariantCulture), month.ToString(CultureInfo.InvariantCulture), Field(record, index, 2), category, count.ToString("N0", Sv.Culture)], null);
    }

    private static bool TryMonth(string text, out int month)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out month))
        {
            return month is >= 1 and <= 12;
        }
        var lower = text.ToLower(Sv.Culture).TrimEnd('.');
        month = lower.Length >= 3 ? Array.FindIndex(MonthNames, m => m.StartsWith(lower, StringComparison.Ordinal)) + 1 : 0;
        return month > 0;
    }
}

/// <summary>Trygghetsundersökningens resultat per område och år (andel i procent eller ett index).</summary>
public sealed class SurveyResultsFormat : ImportFormat
{
    public override ImportKind Kind => ImportKind.SurveyResults;

    public override string Slug => "trygghet";

    public override string Title => "Trygghetsundersökning";

    public override string Description => "Resultat per område, år och fråga, till exempel andelen som känner sig otrygga ute sent på kvällen.";

    public override string ReplaceRule => "En import ersätter kommunens resultat för de år som filen innehåller. Andra år lämnas orörda.";

    public override Role MinimumRole => Role.Samordnare;

    public override IReadOnlyList<ImportColumn> Columns { get; } =
    [
        new("År", "Året då undersökningen gjordes.", "2025"),
        new("Område", "Ett av kommunens områden, stavat som under Områden.", "Vivalla"),
        new("Fråga", $"Frågan eller indikatorn, högst {SurveyResult.QuestionMax} tecken.", "Otrygg ute sent på kvällen"),
        new("Värde", "Procent eller index, med decimalkomma: 31,5.", "31,5"),
    ];

    public override ParsedRow Parse(CsvRecord record, int[] index, ImportLookups lookups, Dictionary<string, int> seen)
    {
        if (YearError(record, index, lookups, out var year) is { } badYear)
        {
            return badYear;
        }
        if (!TryArea(Field(record, index, 1), lookups, out var areaId, out var areaError))
        {
            return ParsedRow.Bad(record.Line, areaError!);
        }
        var question = Field(record, index, 2);
        if (question.Length == 0 || question.Length > SurveyResult.QuestionMax)
        {
            return ParsedRow.Bad(record.Line, question.Length == 0 ? "Frågan saknas." : $"Frågan får vara högst {SurveyResult.QuestionMax} tecken.");
        }
        var valueText = Field(record, index, 3);
        var normalised = valueText.Replace(" ", "", StringComparison.Ordinal).Replace("\u00a0", "", StringComparison.Ordinal).TrimEnd('%').Replace('.', ',');
        if (!decimal.TryParse(normalised, NumberStyles.AllowDecimalPoint, Sv.Culture, out var value) || value > 9_999_999m)
        {
            return ParsedRow.Bad(record.Line, $"Värde \"{valueText}\" är inte ett tal. Skriv till exempel 31,5.");
        }
        var duplicate = Duplicate(seen, $"{year}|{areaId}|{question.ToUpperInvariant()}", record.Line);
        if (duplicate is not null)
        {
            return ParsedRow.Bad(record.Line, string.Format(CultureInfo.InvariantCulture, duplicate, "år, område och fråga"));
        }
        return new ParsedRow(record.Line, new SurveyResult(areaId, year, question, Math.Round(value, 2)), year.ToString(CultureInfo.InvariantCulture),
            [year.ToString(CultureInfo.InvariantCulture), Field(record, index, 1), question, value.ToString("0.##", Sv.Culture)], null);
    }
}

/// <summary>Händelser in bulk, e.g. a housing company's or a guard company's log for a month.</summary>
public sealed class IncidentsFormat : ImportFormat
{
    public override ImportKind Kind => ImportKind.Incidents;

    public override string Slug => "handelser";

    public override string Title => "Händelser";

    public override string Description => "Många händelser på en gång, till exempel bostadsbolagets eller väktarbolagets logg för en månad.";

    public override string ReplaceRule => "Händelserna läggs till bland de som redan finns. Samma fil kan inte importeras två gånger.";

    public override Role MinimumRole => Role.Medlem;

    public override IReadOnlyList<ImportColumn> Columns { get; } =
    [
        new("Datum", "ÅÅÅÅ-MM-DD.", "2026-03-14"),
        new("Klockslag", "TT:MM. Tomt betyder okänt (00:00).", "21:30", Required: false),
        new("Kategori", "En av kommunens kategorier för händelser.", "Klotter"),
        new("Område", "Ett av kommunens områden, stavat som under Områden.", "Vivalla"),
        new("Plats", $"Gata, torg eller byggnad, högst {Incident.PlaceMax} tecken.", "Vivalla centrum", Required: false),
        new("Organisation", "Den som rapporterar. Tomt betyder din organisation.", "Örebrobostäder", Required: false),
        new("Beskrivning", "Vad som hände, inte vem. Inga namn eller personnummer.", "Klotter på gaveln mot torget."),
    ];

    public override ParsedRow Parse(CsvRecord record, int[] index, ImportLookups lookups, Dictionary<string, int> seen)
    {
        var dateText = Field(record, index, 0);
        if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return ParsedRow.Bad(record.Line, $"Datum \"{dateText}\" ska skrivas ÅÅÅÅ-MM-DD, till exempel 2026-03-14.");
        }
        var timeText = Field(record, index, 1);
        var time = TimeOnly.MinValue;
        if (timeText.Length > 0 && !TimeOnly.TryParseExact(timeText, ["H:mm", "HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time))
        {
            return ParsedRow.Bad(record.Line, $"Klockslag \"{timeText}\" ska skrivas TT:MM, till exempel 21:30.");
        }
        var categoryName = Field(record, index, 2);
        if (!lookups.Categories.TryGetValue(categoryName, out var categoryId))
        {
            return ParsedRow.Bad(record.Line, categoryName.Length == 0 ? "Kategorin saknas." : $"Kategorin \"{categoryName}\" finns inte i kommunens lista.");
        }
        if (!TryArea(Field(record, index, 3), lookups, out var areaId, out var areaError))
        {
            return ParsedRow.Bad(record.Line, areaError!);
        }
        var description = Field(record, index, 6);
        if (description.Length == 0)
        {
            return ParsedRow.Bad(record.Line, "Beskrivningen saknas.");
        }
        var organisation = Field(record, index, 5);
        try
        {
            var incident = new Incident(categoryId, areaId, Field(record, index, 4), SwedishTime.At(date, time),
                organisation.Length == 0 ? lookups.Organisation : organisation, description, reportedBy: null, lookups.Now);
            return new ParsedRow(record.Line, incident, null,
                [date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), time.ToString("HH:mm", CultureInfo.InvariantCulture), categoryName,
                    Field(record, index, 3), incident.Place, incident.Organisation, incident.Description], null);
        }
        catch (DomainException e)
        {
            return ParsedRow.Bad(record.Line, e.Message);
        }
    }
}
