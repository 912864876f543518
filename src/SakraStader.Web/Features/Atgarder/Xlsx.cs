using System.IO.Compression;
using static SakraStader.Infrastructure.OfficePackage;
using System.Text;
using System.Xml.Linq;

namespace SakraStader.Features.Atgarder;

/// <summary>
/// The smallest Office Open XML workbook that Excel and LibreOffice open: one sheet, text cells as inline strings, a
/// bold header row. And a reader for the first sheet of a workbook as Excel saves it (shared strings or inline).
/// </summary>
public static class Xlsx
{
    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static readonly XNamespace Rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    public static byte[] Write(string sheetName, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>""");
            Add(zip, "_rels/.rels", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Add(zip, "xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>""");
            Add(zip, "xl/styles.xml", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf fontId="0"/><xf fontId="1" applyFont="1"/></cellXfs></styleSheet>""");
            var workbook = new XDocument(new XElement(Main + "workbook", new XAttribute(XNamespace.Xmlns + "r", Rel),
                new XElement(Main + "sheets", new XElement(Main + "sheet", new XAttribute("name", sheetName.Length > 31 ? sheetName[..31] : sheetName),
                    new XAttribute("sheetId", 1), new XAttribute(Rel + "id", "rId1")))));
            Add(zip, "xl/workbook.xml", Declared(workbook));
            var data = new XElement(Main + "sheetData", Row(1, header, style: 1));
            var number = 1;
            foreach (var row in rows)
            {
                data.Add(Row(++number, row, style: 0));
            }
            Add(zip, "xl/worksheets/sheet1.xml", Declared(new XDocument(new XElement(Main + "worksheet", data))));
        }
        return buffer.ToArray();
    }

    /// <summary>The first sheet's rows as text, the way the cells show them; empty cells are empty strings.</summary>
    public static List<string[]> Read(Stream stream)
    {
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        var shared = zip.GetEntry("xl/sharedStrings.xml") is { } s
            ? XDocument.Load(s.Open()).Root!.Elements(Main + "si").Select(si => string.Concat(si.Descendants(Main + "t").Select(t => t.Value))).ToList()
            : [];
        var sheet = zip.GetEntry("xl/worksheets/sheet1.xml") ?? throw new InvalidDataException("Arbetsboken har inget blad.");
        var rows = new List<string[]>();
        foreach (var row in XDocument.Load(sheet.Open()).Descendants(Main + "row"))
        {
            var cells = new SortedDictionary<int, string>();
            foreach (var c in row.Elements(Main + "c"))
            {
                var column = Column((string?)c.Attribute("r") ?? "A");
                var type = (string?)c.Attribute("t");
                cells[column] = type switch
                {
                    "s" => shared[int.Parse(c.Element(Main + "v")!.Value, System.Globalization.CultureInfo.InvariantCulture)],
                    "inlineStr" => string.Concat(c.Descendants(Main + "t").Select(t => t.Value)),
                    _ => c.Element(Main + "v")?.Value ?? "",
                };
            }
            var width = cells.Count == 0 ? 0 : cells.Keys.Max() + 1;
            rows.Add([.. Enumerable.Range(0, width).Select(i => cells.GetValueOrDefault(i, ""))]);
        }
        return rows;
    }

    private static XElement Row(int number, IReadOnlyList<string> values, int style) =>
        new(Main + "row", new XAttribute("r", number), values.Select((v, i) =>
            new XElement(Main + "c", new XAttribute("r", Letters(i) + number), new XAttribute("t", "inlineStr"), style > 0 ? new XAttribute("s", style) : null,
                new XElement(Main + "is", new XElement(Main + "t", new XAttribute(XNamespace.Xml + "space", "preserve"), v)))));

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
