using System.Globalization;
using System.IO.Compression;
using static SakraStader.Infrastructure.OfficePackage;
using System.Xml.Linq;

namespace SakraStader.Features.AnnualReports;

/// <summary>
/// A small Word document writer (Office Open XML, no package needed): headings with Word's built-in heading styles,
/// paragraphs, real tables with a repeated header row, and bar charts as native Word charts whose figures travel in
/// the chart itself (so Word and LibreOffice draw them, and a reader can copy the numbers).
/// </summary>
public sealed class Docx
{
    private static readonly XNamespace W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static readonly XNamespace R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static readonly XNamespace Wp = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
    private static readonly XNamespace A = "http://schemas.openxmlformats.org/drawingml/2006/main";
    private static readonly XNamespace C = "http://schemas.openxmlformats.org/drawingml/2006/chart";

    private static readonly string[] BorderSides = ["top", "left", "bottom", "right", "insideH", "insideV"];
    private static readonly string[] SeriesColours = ["1F4E79", "5B9BD5", "A5A5A5", "ED7D31"];

    private readonly XElement body = new(W + "body");
    private readonly List<XDocument> charts = [];

    public Docx Heading(int level, string text)
    {
        body.Add(Para(text, style: level == 0 ? "Title" : $"Heading{level}"));
        return this;
    }

    /// <summary>One paragraph per line of <paramref name="text"/>; empty lines are skipped.</summary>
    public Docx Text(string text, string? style = null)
    {
        foreach (var line in text.Replace("\r\n", "\n").Split('\n').Where(l => l.Trim().Length > 0))
        {
            body.Add(Para(line.Trim(), style));
        }
        return this;
    }

    /// <summary>A paragraph with a bold lead-in, "Diarienummer: KS 2026/412".</summary>
    public Docx Labelled(string label, string value)
    {
        body.Add(new XElement(W + "p", Run(label + ": ", bold: true), Run(value)));
        return this;
    }

    public Docx Table(string caption, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows, int numericFrom = int.MaxValue)
    {
        body.Add(Para(caption, "Caption"));
        var border = new XElement(W + "tblBorders", BorderSides
            .Select(side => new XElement(W + side, new XAttribute(W + "val", "single"), new XAttribute(W + "sz", 4), new XAttribute(W + "color", "808080"))));
        var table = new XElement(W + "tbl",
            new XElement(W + "tblPr",
                new XElement(W + "tblW", new XAttribute(W + "w", 5000), new XAttribute(W + "type", "pct")),
                border,
                new XElement(W + "tblLook", new XAttribute(W + "firstRow", 1))),
            new XElement(W + "tblGrid", header.Select(_ => new XElement(W + "gridCol"))));
        table.Add(Row(header, isHeader: true, numericFrom));
        foreach (var row in rows)
        {
            table.Add(Row(row, isHeader: false, numericFrom));
        }
        body.Add(table);
        body.Add(Para(""));
        return this;
    }

    /// <summary>A horizontal bar chart: one bar per category and series, categories top to bottom as given.</summary>
    public Docx BarChart(string title, IReadOnlyList<string> categories, IReadOnlyList<(string Name, IReadOnlyList<int> Values)> series)
    {
        if (categories.Count == 0)
        {
            return this;
        }
        charts.Add(ChartPart(title, categories, series));
        var number = charts.Count;
        var height = 914400L * Math.Clamp(1 + categories.Count * series.Count / 4, 2, 7);
        body.Add(new XElement(W + "p", new XElement(W + "r", new XElement(W + "drawing",
            new XElement(Wp + "inline",
                new XElement(Wp + "extent", new XAttribute("cx", 5760000), new XAttribute("cy", height)),
                new XElement(Wp + "docPr", new XAttribute("id", number), new XAttribute("name", $"Diagram {number}"), new XAttribute("descr", title)),
                new XElement(A + "graphic",
                    new XElement(A + "graphicData", new XAttribute("uri", C.NamespaceName),
                        new XElement(C + "chart", new XAttribute(R + "id", $"rIdChart{number}")))))))));
        return this;
    }

    public byte[] Build(string title)
    {
        var document = new XDocument(new XElement(W + "document",
            new XAttribute(XNamespace.Xmlns + "w", W), new XAttribute(XNamespace.Xmlns + "r", R), new XAttribute(XNamespace.Xmlns + "wp", Wp),
            new XAttribute(XNamespace.Xmlns + "a", A), new XAttribute(XNamespace.Xmlns + "c", C),
            new XElement(body.Name, body.Elements(), new XElement(W + "sectPr",
                new XElement(W + "pgSz", new XAttribute(W + "w", 11906), new XAttribute(W + "h", 16838)),
                new XElement(W + "pgMar", new XAttribute(W + "top", 1418), new XAttribute(W + "right", 1418), new XAttribute(W + "bottom", 1418),
                    new XAttribute(W + "left", 1418), new XAttribute(W + "header", 709), new XAttribute(W + "footer", 709), new XAttribute(W + "gutter", 0))))));

        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            var overrides = string.Concat(Enumerable.Range(1, charts.Count).Select(i =>
                $"""<Override PartName="/word/charts/chart{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>"""));
            Add(zip, "[Content_Types].xml", $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>{overrides}</Types>""");
            Add(zip, "_rels/.rels", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>""");
            var chartRels = string.Concat(Enumerable.Range(1, charts.Count).Select(i =>
                $"""<Relationship Id="rIdChart{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="charts/chart{i}.xml"/>"""));
            Add(zip, "word/_rels/document.xml.rels", $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>{chartRels}</Relationships>""");
            Add(zip, "word/styles.xml", Styles);
            var core = new XDocument(new XElement(XName.Get("coreProperties", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"),
                new XAttribute(XNamespace.Xmlns + "dc", "http://purl.org/dc/elements/1.1/"),
                new XElement(XName.Get("title", "http://purl.org/dc/elements/1.1/"), title),
                new XElement(XName.Get("language", "http://purl.org/dc/elements/1.1/"), "sv-SE")));
            Add(zip, "docProps/core.xml", Declared(core));
            Add(zip, "word/document.xml", Declared(document));
            for (var i = 0; i < charts.Count; i++)
            {
                Add(zip, $"word/charts/chart{i + 1}.xml", Declared(charts[i]));
            }
        }
        return buffer.ToArray();
    }

    private static XElement Para(string text, string? style = null) => new(W + "p",
        style is null ? null : new XElement(W + "pPr", new XElement(W + "pStyle", new XAttribute(W + "val", style))),
        text.Length == 0 ? null : Run(text));

    private static XElement Run(string text, bool bold = false) => new(W + "r",
        bold ? new XElement(W + "rPr", new XElement(W + "b")) : null,
        new XElement(W + "t", new XAttribute(XNamespace.Xml + "space", "preserve"), text));

    private static XElement Row(IReadOnlyList<string> cells, bool isHeader, int numericFrom) => new(W + "tr",
        isHeader ? new XElement(W + "trPr", new XElement(W + "tblHeader")) : null,
        cells.Select((text, i) => new XElement(W + "tc",
            new XElement(W + "p",
                i >= numericFrom ? new XElement(W + "pPr", new XElement(W + "spacing", new XAttribute(W + "after", 0)), new XElement(W + "jc", new XAttribute(W + "val", "right")))
                    : new XElement(W + "pPr", new XElement(W + "spacing", new XAttribute(W + "after", 0))),
                Run(text, bold: isHeader)))));

    private static XDocument ChartPart(string title, IReadOnlyList<string> categories, IReadOnlyList<(string Name, IReadOnlyList<int> Values)> series)
    {
        // Word draws a horizontal bar chart's first category at the bottom; give it the categories reversed so the
        // chart reads top to bottom in the order of the table next to it.
        var order = Enumerable.Range(0, categories.Count).Reverse().ToList();
        XElement Literal(string name, IEnumerable<string> values) => new(C + name,
            name == "numLit" ? new XElement(C + "formatCode", "General") : null,
            new XElement(C + "ptCount", new XAttribute("val", categories.Count)),
            values.Select((v, i) => new XElement(C + "pt", new XAttribute("idx", i), new XElement(C + "v", v))));
        var bars = new XElement(C + "barChart",
            new XElement(C + "barDir", new XAttribute("val", "bar")),
            new XElement(C + "grouping", new XAttribute("val", "clustered")),
            new XElement(C + "varyColors", new XAttribute("val", 0)),
            series.Select((s, i) => new XElement(C + "ser",
                new XElement(C + "idx", new XAttribute("val", i)),
                new XElement(C + "order", new XAttribute("val", i)),
                new XElement(C + "tx", new XElement(C + "v", s.Name)),
                new XElement(C + "spPr", new XElement(A + "solidFill", new XElement(A + "srgbClr", new XAttribute("val", SeriesColours[i % SeriesColours.Length])))),
                new XElement(C + "invertIfNegative", new XAttribute("val", 0)),
                new XElement(C + "cat", Literal("strLit", order.Select(o => categories[o]))),
                new XElement(C + "val", Literal("numLit", order.Select(o => s.Values[o].ToString(CultureInfo.InvariantCulture)))))),
            new XElement(C + "gapWidth", new XAttribute("val", 60)),
            new XElement(C + "axId", new XAttribute("val", 1001)),
            new XElement(C + "axId", new XAttribute("val", 1002)));
        var categoryAxis = new XElement(C + "catAx",
            new XElement(C + "axId", new XAttribute("val", 1001)),
            new XElement(C + "scaling", new XElement(C + "orientation", new XAttribute("val", "minMax"))),
            new XElement(C + "delete", new XAttribute("val", 0)),
            new XElement(C + "axPos", new XAttribute("val", "l")),
            new XElement(C + "numFmt", new XAttribute("formatCode", "General"), new XAttribute("sourceLinked", 0)),
            new XElement(C + "tickLblPos", new XAttribute("val", "nextTo")),
            new XElement(C + "crossAx", new XAttribute("val", 1002)),
            new XElement(C + "crosses", new XAttribute("val", "autoZero")),
            new XElement(C + "auto", new XAttribute("val", 1)),
            new XElement(C + "lblAlgn", new XAttribute("val", "ctr")),
            new XElement(C + "lblOffset", new XAttribute("val", 100)));
        var valueAxis = new XElement(C + "valAx",
            new XElement(C + "axId", new XAttribute("val", 1002)),
            new XElement(C + "scaling", new XElement(C + "orientation", new XAttribute("val", "minMax"))),
            new XElement(C + "delete", new XAttribute("val", 0)),
            new XElement(C + "axPos", new XAttribute("val", "b")),
            new XElement(C + "majorGridlines"),
            new XElement(C + "numFmt", new XAttribute("formatCode", "General"), new XAttribute("sourceLinked", 0)),
            new XElement(C + "tickLblPos", new XAttribute("val", "nextTo")),
            new XElement(C + "crossAx", new XAttribute("val", 1001)),
            new XElement(C + "crosses", new XAttribute("val", "autoZero")),
            new XElement(C + "crossBetween", new XAttribute("val", "between")));
        return new XDocument(new XElement(C + "chartSpace",
            new XAttribute(XNamespace.Xmlns + "c", C), new XAttribute(XNamespace.Xmlns + "a", A), new XAttribute(XNamespace.Xmlns + "r", R),
            new XElement(C + "roundedCorners", new XAttribute("val", 0)),
            new XElement(C + "chart",
                new XElement(C + "title",
                    new XElement(C + "tx", new XElement(C + "rich", new XElement(A + "bodyPr"), new XElement(A + "p",
                        new XElement(A + "pPr", new XElement(A + "defRPr", new XAttribute("sz", 1200), new XAttribute("b", 1))),
                        new XElement(A + "r", new XElement(A + "t", title))))),
                    new XElement(C + "overlay", new XAttribute("val", 0))),
                new XElement(C + "autoTitleDeleted", new XAttribute("val", 0)),
                new XElement(C + "plotArea", new XElement(C + "layout"), bars, categoryAxis, valueAxis),
                new XElement(C + "legend", new XElement(C + "legendPos", new XAttribute("val", "b")), new XElement(C + "overlay", new XAttribute("val", 0))),
                new XElement(C + "plotVisOnly", new XAttribute("val", 1)))));
    }

    private const string Styles = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:cs="Calibri"/><w:sz w:val="22"/><w:lang w:val="sv-SE"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="240"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="40"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="360" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="32"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="80"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:sz w:val="26"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="200" w:after="60"/><w:outlineLvl w:val="2"/></w:pPr><w:rPr><w:b/><w:sz w:val="22"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Caption"><w:name w:val="caption"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="120" w:after="60"/></w:pPr><w:rPr><w:i/><w:sz w:val="20"/></w:rPr></w:style></w:styles>""";
}
