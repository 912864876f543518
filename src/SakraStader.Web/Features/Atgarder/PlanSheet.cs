using System.Globalization;
using SakraStader.Domain;
using SakraStader.Features.Import;

namespace SakraStader.Features.Atgarder;

/// <summary>One measure's changes from the sheet, in words: "Status: Pågår → Genomförd".</summary>
public sealed record MeasureChange(int Line, Guid Id, string Title, List<string> Changes);

public sealed record SheetError(int Line, string Message);

/// <summary>What a sheet does to a plan: the changes per measure, and every row that cannot be applied.</summary>
public sealed record SheetUpdate(List<MeasureChange> Changes, List<SheetError> Errors)
{
    public bool CanCommit => Errors.Count == 0 && Changes.Count > 0;
}

/// <summary>
/// Bulk update from the plan's exported sheet (<see cref="PlanExport"/>): owners change status, dates, costs and the
/// evaluation of many measures in Excel, write a new progress note in <c>Ny uppföljning</c>, and upload the file
/// back. Columns are found by their header in any order; only the columns present are read; the <c>Id</c> column
/// says which measure a row is. Every row goes through the measure's own rules, so the sheet can do nothing the
/// measure's page could not.
/// </summary>
public static class PlanSheet
{
    public const string NewProgressColumn = "Ny uppföljning";

    /// <summary>The sheet's rows, header first, from an .xlsx workbook or a semicolon CSV file.</summary>
    public static async Task<List<string[]>> ReadAsync(string fileName, byte[] content)
    {
        if (content.Length == 0)
        {
            throw new DomainException("Filen är tom. Välj planens exporterade Excel- eller CSV-fil.", "Sheet");
        }
        try
        {
            if (fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
            {
                return Xlsx.Read(new MemoryStream(content));
            }
            var rows = new List<string[]>();
            await foreach (var record in CsvReader.ReadAsync(new MemoryStream(content)))
            {
                rows.Add(record.Fields);
            }
            return rows;
        }
        catch (CsvFormatException e)
        {
            throw new DomainException($"Rad {e.Line}: {e.Message}", "Sheet");
        }
        catch (Exception e) when (e is InvalidDataException or System.Xml.XmlException or KeyNotFoundException or ArgumentOutOfRangeException
            or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or FileFormatException or FormatException or InvalidCastException)
        {
            throw new DomainException("Filen gick inte att läsa. Ladda upp planens exporterade fil som .xlsx eller som CSV (semikolon, UTF-8).", "Sheet");
        }
    }

    /// <summary>
    /// Applies the rows to the plan's measures (tracked entities) and says what changed and what could not be applied.
    /// The caller saves only when there are no errors: all or nothing.
    /// </summary>
    public static SheetUpdate Apply(IReadOnlyList<string[]> rows, IReadOnlyList<Atgard> measures, string author, DateTimeOffset at, DateOnly today)
    {
        var changes = new List<MeasureChange>();
        var errors = new List<SheetError>();
        if (rows.Count == 0)
        {
            return new([], [new SheetError(1, "Filen har ingen rubrikrad.")]);
        }
        var columns = rows[0].Select((name, i) => (Name: name.Trim(), i)).Where(c => c.Name.Length > 0)
            .GroupBy(c => c.Name, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().i, StringComparer.OrdinalIgnoreCase);
        if (!columns.ContainsKey("Id"))
        {
            return new([], [new SheetError(1, "Kolumnen Id saknas. Utgå från planens exporterade fil; Id säger vilken åtgärd en rad gäller.")]);
        }
        var byId = measures.ToDictionary(m => m.Id);
        var seen = new Dictionary<Guid, int>();
        for (var r = 1; r < rows.Count; r++)
        {
            var line = r + 1;
            var row = rows[r];
            string? Cell(string column) => columns.TryGetValue(column, out var i) ? (i < row.Length ? row[i].Trim() : "") : null;
            if (row.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }
            if (!Guid.TryParse(Cell("Id"), out var id) || !byId.TryGetValue(id, out var measure))
            {
                errors.Add(new(line, "Åtgärden finns inte i den här planen. Låt Id-kolumnen vara som i den exporterade filen."));
                continue;
            }
            if (seen.TryGetValue(id, out var earlier))
            {
                errors.Add(new(line, $"Åtgärden finns redan på rad {earlier}."));
                continue;
            }
            seen[id] = line;
            try
            {
                var changed = ApplyRow(measure, Cell, author, at, today);
                if (changed.Count > 0)
                {
                    changes.Add(new(line, id, measure.Title, changed));
                }
            }
            catch (DomainException e)
            {
                errors.Add(new(line, e.Message));
            }
        }
        return new(changes, errors);
    }

    private static List<string> ApplyRow(Atgard measure, Func<string, string?> cell, string author, DateTimeOffset at, DateOnly today)
    {
        var changed = new List<string>();
        var start = cell("Start") is { } s ? Date(s, "Start") : measure.StartDate;
        var due = cell("Klart senast") is { } d ? Date(d, "Klart senast") : measure.DueDate;
        var planned = cell("Planerad kostnad") is { } pc ? Money(pc, "Planerad kostnad") : measure.PlannedCost;
        var status = cell("Status") is { Length: > 0 } st ? Status(st) : measure.Status;
        var outcome = cell("Utfall") is { } o ? OutcomeOf(o) : measure.Outcome;
        var actual = cell("Faktisk kostnad") is { } ac ? Money(ac, "Faktisk kostnad") : measure.ActualCost;
        var learned = cell("Lärdomar") ?? measure.Learned;

        if (start != measure.StartDate || due != measure.DueDate || planned != measure.PlannedCost)
        {
            Note(changed, "Start", D(measure.StartDate), D(start));
            Note(changed, "Klart senast", D(measure.DueDate), D(due));
            Note(changed, "Planerad kostnad", M(measure.PlannedCost), M(planned));
            measure.Schedule(start, due, planned);
        }
        var evaluationChanged = outcome != measure.Outcome || actual != measure.ActualCost || learned != measure.Learned;
        if (status == AtgardStatus.Genomford && (status != measure.Status || evaluationChanged))
        {
            Note(changed, "Status", measure.Status.Display(), status.Display());
            Note(changed, "Utfall", measure.Outcome?.Display() ?? "", outcome?.Display() ?? "");
            Note(changed, "Faktisk kostnad", M(measure.ActualCost), M(actual));
            Note(changed, "Lärdomar", measure.Learned, learned);
            measure.Complete(outcome, learned, actual);
        }
        else if (status != AtgardStatus.Genomford && evaluationChanged)
        {
            throw new DomainException("Utfall, faktisk kostnad och lärdomar fylls i när åtgärden är genomförd. Sätt status till Genomförd, eller töm fälten.");
        }
        else if (status != measure.Status)
        {
            Note(changed, "Status", measure.Status.Display(), status.Display());
            measure.SetStatus(status);
        }
        if (cell(NewProgressColumn) is { Length: > 0 } progress)
        {
            measure.AddProgress(today, progress, author, at);
            changed.Add($"Ny uppföljning: {progress}");
        }
        return changed;
    }

    private static void Note(List<string> changed, string field, string from, string to)
    {
        if (from != to)
        {
            changed.Add($"{field}: {(from.Length == 0 ? "–" : from)} → {(to.Length == 0 ? "–" : to)}");
        }
    }

    private static string D(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    private static string M(decimal? amount) => amount?.ToString("0.##", CultureInfo.InvariantCulture) ?? "";

    /// <summary>A date as the export writes it (2026-11-22), or as Excel stores a date typed into a cell (a day number).</summary>
    private static DateOnly? Date(string text, string column)
    {
        if (text.Length == 0)
        {
            return null;
        }
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 20_000 and < 80_000)
        {
            return DateOnly.FromDateTime(DateTime.FromOADate(Math.Floor(serial)));
        }
        throw new DomainException($"{column}: ”{text}” är inget datum. Skriv datumet som 2026-11-22.");
    }

    private static decimal? Money(string text, string column)
    {
        var cleaned = text.Replace(" ", "", StringComparison.Ordinal).Replace("\u00a0", "", StringComparison.Ordinal).Replace("kr", "", StringComparison.OrdinalIgnoreCase).Replace(',', '.');
        if (cleaned.Length == 0)
        {
            return null;
        }
        return decimal.TryParse(cleaned, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var amount)
            ? amount
            : throw new DomainException($"{column}: ”{text}” är inget belopp. Skriv kronor med siffror, till exempel 12500.");
    }

    private static AtgardStatus Status(string text) =>
        Named<AtgardStatus>(text, AtgardText.Display) ?? throw new DomainException($"Status: ”{text}” finns inte. Skriv Planerad, Pågår, Genomförd eller Inställd.");

    private static Outcome? OutcomeOf(string text) => text.Length == 0
        ? null
        : Named<Outcome>(text, AtgardText.Display) ?? throw new DomainException($"Utfall: ”{text}” finns inte. Skriv Uppnådd, Delvis uppnådd eller Ej uppnådd.");

    /// <summary>The value whose Swedish name is <paramref name="text"/>, in any case; null when there is none.</summary>
    private static T? Named<T>(string text, Func<T, string> display) where T : struct, Enum
    {
        foreach (var value in Enum.GetValues<T>())
        {
            if (string.Equals(display(value), text, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }
        return null;
    }
}
