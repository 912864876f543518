using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace SakraStader.Features.Atgarder;

/// <summary>How a column's cells are stored: text, a real date (a day number with a date format) or a number.</summary>
public enum XlsxKind
{
    Text,
    Date,
    Number,
}

/// <summary>One column of a written sheet: its header, width in characters, kind, and whether it is hidden.</summary>
public sealed record XlsxColumn(string Header, double Width, XlsxKind Kind = XlsxKind.Text, bool Hidden = false);

/// <summary>
/// Workbooks written and read with the Open XML SDK (DocumentFormat.OpenXml): one sheet with a bold, frozen header
/// row, column widths, dates as real dates (yyyy-mm-dd) and amounts as numbers. The reader gives the first sheet's
/// cells as text the way they show them (shared or inline strings, dates as yyyy-MM-dd).
/// </summary>
public static class Xlsx
{
    public const int MaxSheetName = 31;

    private const uint HeaderStyle = 1;
    private const uint DateStyle = 2;
    private const uint NumberStyle = 3;
    private const uint DateFormatId = 164;

    private static readonly char[] ForbiddenInSheetName = [':', '\\', '/', '?', '*', '[', ']'];

    /// <summary>
    /// A name Excel accepts for a sheet: without : \ / ? * [ ], not starting or ending with an apostrophe, not
    /// "History", 1–31 characters. "EST:s åtgärdsplan hösten" becomes "ESTs åtgärdsplan hösten".
    /// </summary>
    public static string SheetName(string name)
    {
        var cleaned = new string([.. name.Where(c => !ForbiddenInSheetName.Contains(c) && !char.IsControl(c))]).Trim().Trim('\'').Trim();
        if (cleaned.Length > MaxSheetName)
        {
            cleaned = cleaned[..MaxSheetName].TrimEnd().TrimEnd('\'');
        }
        return cleaned.Length == 0 || string.Equals(cleaned, "History", StringComparison.OrdinalIgnoreCase) ? "Blad1" : cleaned;
    }

    /// <summary>Text cells only, widths from the content (for sheets without a column description).</summary>
    public static byte[] Write(string sheetName, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var list = rows.ToList();
        var columns = header.Select((h, i) => new XlsxColumn(h, Math.Clamp(list.Select(r => i < r.Count ? r[i].Length : 0).Append(h.Length).Max() + 2, 8, 60))).ToList();
        return Write(sheetName, columns, list.Select(r => (IReadOnlyList<object?>)[.. r]));
    }

    /// <summary>
    /// One sheet: the header row, then a row per item. A cell's value is a string, a <see cref="DateOnly"/>, a decimal
    /// or an int, or null for an empty cell; the column's kind decides the style.
    /// </summary>
    public static byte[] Write(string sheetName, IReadOnlyList<XlsxColumn> columns, IEnumerable<IReadOnlyList<object?>> rows)
    {
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            var styles = workbookPart.AddNewPart<WorkbookStylesPart>("rId2");
            styles.Stylesheet = Stylesheet();

            var sheetPart = workbookPart.AddNewPart<WorksheetPart>("rId1");
            var data = new SheetData();
            var number = 1u;
            data.Append(new Row(columns.Select((c, i) => TextCell(i, number, c.Header, HeaderStyle))) { RowIndex = number });
            foreach (var values in rows)
            {
                number++;
                var row = new Row { RowIndex = number };
                for (var i = 0; i < columns.Count; i++)
                {
                    if (Cell(i, number, i < values.Count ? values[i] : null) is { } cell)
                    {
                        row.Append(cell);
                    }
                }
                data.Append(row);
            }
            sheetPart.Worksheet = new Worksheet(
                new SheetViews(new SheetView(new Pane
                {
                    VerticalSplit = 1,
                    TopLeftCell = "A2",
                    ActivePane = PaneValues.BottomLeft,
                    State = PaneStateValues.Frozen,
                })
                { WorkbookViewId = 0 }),
                new SheetFormatProperties { DefaultRowHeight = 15 },
                new Columns(columns.Select((c, i) => new Column
                {
                    Min = (uint)i + 1,
                    Max = (uint)i + 1,
                    Width = c.Width,
                    CustomWidth = true,
                    Hidden = c.Hidden ? true : null,
                })),
                data,
                new AutoFilter { Reference = $"A1:{Letters(columns.Count - 1)}{number}" });

            workbookPart.Workbook.Append(new Sheets(new Sheet { Name = SheetName(sheetName), SheetId = 1, Id = workbookPart.GetIdOfPart(sheetPart) }));
            workbookPart.Workbook.Append(new DefinedNames(new DefinedName($"'{SheetName(sheetName).Replace("'", "''", StringComparison.Ordinal)}'!$A$1:${Letters(columns.Count - 1)}${number}")
            {
                Name = "_xlnm._FilterDatabase",
                LocalSheetId = 0,
                Hidden = true,
            }));
        }
        return buffer.ToArray();
    }

    /// <summary>The first sheet's rows as text, the way the cells show them; empty cells are empty strings.</summary>
    public static List<string[]> Read(Stream stream)
    {
        using var document = SpreadsheetDocument.Open(stream, isEditable: false);
        var workbookPart = document.WorkbookPart ?? throw new InvalidDataException("Arbetsboken har inget blad.");
        var first = workbookPart.Workbook?.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new InvalidDataException("Arbetsboken har inget blad.");
        var sheetPart = (WorksheetPart)workbookPart.GetPartById(first.Id!.Value!);
        var shared = workbookPart.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var dateStyles = DateStyles(workbookPart.WorkbookStylesPart?.Stylesheet);
        var rows = new List<string[]>();
        foreach (var row in sheetPart.Worksheet!.Descendants<Row>())
        {
            var cells = new SortedDictionary<int, string>();
            var next = 0;
            foreach (var c in row.Elements<Cell>())
            {
                var column = c.CellReference?.Value is { } reference ? Column(reference) : next;
                next = column + 1;
                var raw = c.CellValue?.Text ?? "";
                cells[column] = c.DataType?.Value switch
                {
                    var t when t == CellValues.SharedString => shared[int.Parse(raw, CultureInfo.InvariantCulture)],
                    var t when t == CellValues.InlineString => c.InlineString?.InnerText ?? "",
                    var t when t == CellValues.Boolean => raw == "1" ? "TRUE" : "FALSE",
                    var t when t == CellValues.String || t == CellValues.Error => raw,
                    _ when c.StyleIndex?.Value is { } s && dateStyles.Contains(s)
                        && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 0 and < 2_958_466 =>
                        DateOnly.FromDateTime(DateTime.FromOADate(Math.Floor(serial))).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    _ => raw,
                };
            }
            var width = cells.Count == 0 ? 0 : cells.Keys.Max() + 1;
            rows.Add([.. Enumerable.Range(0, width).Select(i => cells.GetValueOrDefault(i, ""))]);
        }
        return rows;
    }

    /// <summary>The cell formats (indexes into cellXfs) that show a number as a date.</summary>
    private static HashSet<uint> DateStyles(Stylesheet? stylesheet)
    {
        var custom = stylesheet?.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null && IsDateFormat(f.FormatCode?.Value ?? ""))
            .Select(f => f.NumberFormatId!.Value).ToHashSet() ?? [];
        var result = new HashSet<uint>();
        var index = 0u;
        foreach (var xf in stylesheet?.CellFormats?.Elements<CellFormat>() ?? [])
        {
            var id = xf.NumberFormatId?.Value ?? 0;
            if (id is >= 14 and <= 22 or >= 45 and <= 47 || custom.Contains(id))
            {
                result.Add(index);
            }
            index++;
        }
        return result;
    }

    private static bool IsDateFormat(string code)
    {
        // Ignore quoted text and [colours]; a format with a year, day or month letter is a date.
        var plain = System.Text.RegularExpressions.Regex.Replace(code, "\"[^\"]*\"|\\[[^\\]]*\\]", "");
        return plain.IndexOfAny(['y', 'Y', 'd', 'D']) >= 0;
    }

    private static Cell? Cell(int column, uint row, object? value) => value switch
    {
        null => null,
        string { Length: 0 } => null,
        string s => TextCell(column, row, s, 0),
        DateOnly d => new Cell
        {
            CellReference = Letters(column) + row,
            StyleIndex = DateStyle,
            CellValue = new CellValue(d.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture)),
        },
        decimal m => new Cell { CellReference = Letters(column) + row, StyleIndex = NumberStyle, CellValue = new CellValue(m.ToString("0.##", CultureInfo.InvariantCulture)) },
        int n => new Cell { CellReference = Letters(column) + row, StyleIndex = NumberStyle, CellValue = new CellValue(n.ToString(CultureInfo.InvariantCulture)) },
        _ => TextCell(column, row, Convert.ToString(value, CultureInfo.InvariantCulture) ?? "", 0),
    };

    private static Cell TextCell(int column, uint row, string text, uint style) => new(new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }))
    {
        CellReference = Letters(column) + row,
        DataType = CellValues.InlineString,
        StyleIndex = style == 0 ? null : style,
    };

    private static Stylesheet Stylesheet() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = DateFormatId, FormatCode = "yyyy-mm-dd" }) { Count = 1 },
        new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" })) { Count = 2 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
            new CellFormat { NumberFormatId = 0, FontId = 1, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true },
            new CellFormat { NumberFormatId = DateFormatId, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 3, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true }) { Count = 4 },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });

    private static string Letters(int index)
    {
        var s = "";
        for (index++; index > 0; index = (index - 1) / 26)
        {
            s = (char)('A' + (index - 1) % 26) + s;
        }
        return s;
    }

    private static int Column(string reference)
    {
        var n = 0;
        foreach (var ch in reference.TakeWhile(char.IsLetter))
        {
            n = n * 26 + (char.ToUpperInvariant(ch) - 'A' + 1);
        }
        return n - 1;
    }
}
