using System.Globalization;
using System.Text;
using System.Xml.Linq;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using Dw = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using Pic = DocumentFormat.OpenXml.Drawing.Pictures;

namespace SakraStader.Features.AnnualReports;

/// <summary>
/// A Word document written with the Open XML SDK (DocumentFormat.OpenXml): headings with Word's built-in heading
/// styles, paragraphs, real tables with a repeated header row, and bar charts as native Word charts whose figures
/// travel in the chart itself (so Word and LibreOffice draw them, and a reader can copy the numbers). The SDK writes
/// the package, its parts and relationships; <c>OpenXmlValidator</c> finds no error in what this writes (a test checks).
/// </summary>
public sealed class Docx
{
    private static readonly XNamespace C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
    private static readonly XNamespace Ax = "http://schemas.openxmlformats.org/drawingml/2006/main";
    private static readonly XNamespace R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private static readonly string[] SeriesColours = ["1F4E79", "5B9BD5", "A5A5A5", "ED7D31"];

    private readonly List<OpenXmlElement> body = [];
    private readonly List<(string Title, XDocument Xml, long Height)> charts = [];

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

    /// <summary>What follows starts on a new page (a bilaga).</summary>
    public Docx PageBreak()
    {
        body.Add(new Paragraph(new Run(new Break { Type = BreakValues.Page })));
        return this;
    }

    /// <summary>An empty line, to set a block apart (the signatures from the list above them).</summary>
    public Docx Spacer()
    {
        body.Add(new Paragraph(new ParagraphProperties(new SpacingBetweenLines { Before = "240", After = "0" })));
        return this;
    }

    /// <summary>A line to sign on, with the name (and title) under it.</summary>
    public Docx SignatureLine(string name)
    {
        body.Add(new Paragraph(new ParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "600", After = "0" }), Run("_______________________________________")));
        body.Add(new Paragraph(Run(name)));
        return this;
    }

    /// <summary>A paragraph with a bold lead-in, "Diarienummer: KS 2026/412".</summary>
    public Docx Labelled(string label, string value)
    {
        body.Add(new Paragraph(Run(label + ": ", bold: true), Run(value)));
        return this;
    }

    /// <summary>The text width of an A4 page with 2.5 cm margins, in twentieths of a point.</summary>
    private const int TextWidth = 9070;

    /// <summary>
    /// A table with a repeated header row. Each column is at least as wide as its longest word (so that Word and
    /// LibreOffice never break a word inside a cell, "Genomf-örda"), the rest of the page shared by how much text
    /// the columns hold; a table too wide for the page at 11 pt is set in 9 pt.
    /// </summary>
    public Docx Table(string caption, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows, int numericFrom = int.MaxValue)
    {
        body.Add(Para(caption, "Caption"));
        var list = rows.ToList();
        var (widths, small) = ColumnWidths(header, list);
        BorderType Side<TBorder>() where TBorder : BorderType, new() => new TBorder { Val = BorderValues.Single, Size = 4, Color = "808080" };
        var table = new Table(
            new TableProperties(
                new TableWidth { Width = widths.Sum().ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
                new TableBorders(Side<TopBorder>(), Side<LeftBorder>(), Side<BottomBorder>(), Side<RightBorder>(),
                    Side<InsideHorizontalBorder>(), Side<InsideVerticalBorder>()),
                new TableLayout { Type = TableLayoutValues.Fixed },
                new TableLook { FirstRow = true }),
            new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));
        table.Append(Row(header, isHeader: true, numericFrom, widths, small));
        foreach (var row in list)
        {
            table.Append(Row(row, isHeader: false, numericFrom, widths, small));
        }
        body.Add(table);
        body.Add(new Paragraph());
        return this;
    }

    private static (int[] Widths, bool Small) ColumnWidths(IReadOnlyList<string> header, List<IReadOnlyList<string>> rows)
    {
        var columns = Math.Max(1, header.Count);
        if (header.Count == 0)
        {
            return ([TextWidth], false);
        }
        static int Longest(IEnumerable<string> cells) =>
            cells.SelectMany(t => t.Split([' ', '\n', '/'], StringSplitOptions.RemoveEmptyEntries)).Select(w => w.Length).DefaultIfEmpty(1).Max();
        var headerWord = Enumerable.Range(0, columns).Select(c => Longest([header[c]])).ToArray();
        var bodyWord = Enumerable.Range(0, columns).Select(c => Longest(rows.Select(r => c < r.Count ? r[c] : ""))).ToArray();
        var text = Enumerable.Range(0, columns).Select(c => rows.Select(r => c < r.Count ? Math.Min(r[c].Length, 80) : 0).Prepend(header[c].Length).Max() + 1).ToArray();
        // Widths in twentieths of a point: about 0.65 em per character of bold Calibri (the header) and 0.57 em of
        // regular, with room for the cell's margins (2 × 108) and a little to spare.
        int[] Minimum(double size) => [.. Enumerable.Range(0, columns).Select(c => (int)(Math.Max(headerWord[c] * 0.65, bodyWord[c] * 0.57) * size * 20) + 260)];
        var small = Minimum(11).Sum() > TextWidth;
        var minimum = Minimum(small ? 9 : 11);
        if (minimum.Sum() > TextWidth)
        {
            // Even at 9 pt a word is wider than the page allows (an address, a long compound): the columns share the
            // page in proportion, so the table stays on the page and only such a word may break.
            var scale = (double)TextWidth / minimum.Sum();
            minimum = [.. minimum.Select(m => (int)(m * scale))];
        }
        var rest = Math.Max(0, TextWidth - minimum.Sum());
        var share = (double)text.Sum();
        return ([.. minimum.Select((m, c) => m + (int)(rest * (text[c] / share)))], small);
    }

    /// <summary>A horizontal bar chart: one bar per category and series, categories top to bottom as given.</summary>
    public Docx BarChart(string title, IReadOnlyList<string> categories, IReadOnlyList<(string Name, IReadOnlyList<int> Values)> series)
    {
        if (categories.Count == 0)
        {
            return this;
        }
        var height = 914400L * Math.Clamp(1 + categories.Count * series.Count / 4, 2, 7);
        charts.Add((title, ChartPart(title, categories, series), height));
        // The drawing is written in Build, once the chart part (and its relationship id) exists.
        body.Add(new Paragraph());
        chartParagraphs.Add(body.Count - 1);
        return this;
    }

    private readonly List<int> chartParagraphs = [];
    private readonly List<(byte[] Png, string Description, long Width, long Height, int Paragraph)> images = [];

    /// <summary>A PNG picture of <paramref name="widthCm"/> × <paramref name="heightCm"/> cm, with its text alternative.</summary>
    public Docx Image(byte[] png, string description, double widthCm, double heightCm)
    {
        body.Add(new Paragraph());
        images.Add((png, description, (long)(widthCm * 360000), (long)(heightCm * 360000), body.Count - 1));
        return this;
    }

    private PageFrame? frame;

    /// <summary>
    /// The letterhead on every page: the logo and the sender (kommun, förvaltning) at the top with the document's
    /// reference (date, diarienummer) on the right; the address and "Sida x av y" at the foot.
    /// </summary>
    public Docx Frame(PageFrame pageFrame)
    {
        frame = pageFrame;
        return this;
    }

    public byte[] Build(string title)
    {
        using var buffer = new MemoryStream();
        using (var document = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
        {
            document.PackageProperties.Title = title;
            document.PackageProperties.Language = "sv-SE";
            var main = document.AddMainDocumentPart();
            var styles = main.AddNewPart<StyleDefinitionsPart>("rIdStyles");
            using (var xml = new MemoryStream(Encoding.UTF8.GetBytes(Styles)))
            {
                styles.FeedData(xml);
            }
            for (var i = 0; i < charts.Count; i++)
            {
                // Fixed relationship ids: the same report gives the same document.xml (the SDK would draw random ones).
                var part = main.AddNewPart<ChartPart>($"rIdChart{i + 1}");
                using (var xml = new MemoryStream(Encoding.UTF8.GetBytes(charts[i].Xml.Declaration + charts[i].Xml.ToString(SaveOptions.DisableFormatting))))
                {
                    part.FeedData(xml);
                }
                var number = (uint)i + 1;
                ((Paragraph)body[chartParagraphs[i]]).Append(new Run(new Drawing(new Dw.Inline(
                    new Dw.Extent { Cx = 5760000, Cy = charts[i].Height },
                    new Dw.DocProperties { Id = number, Name = $"Diagram {number}", Description = charts[i].Title },
                    new A.Graphic(new A.GraphicData(new DocumentFormat.OpenXml.Drawing.Charts.ChartReference { Id = main.GetIdOfPart(part) })
                    {
                        Uri = C.NamespaceName,
                    })))));
            }
            for (var i = 0; i < images.Count; i++)
            {
                var (png, description, width, height, paragraph) = images[i];
                var part = main.AddImagePart(ImagePartType.Png, $"rIdImage{i + 1}");
                using (var data = new MemoryStream(png))
                {
                    part.FeedData(data);
                }
                ((Paragraph)body[paragraph]).Append(Picture(main.GetIdOfPart(part), 100U + (uint)i, $"Bild {i + 1}", description, width, height));
            }
            var section = new SectionProperties();
            if (frame is not null)
            {
                WriteFrame(main, frame);
                section.Append(new HeaderReference { Type = HeaderFooterValues.Default, Id = "rIdHeader" },
                    new FooterReference { Type = HeaderFooterValues.Default, Id = "rIdFooter" });
            }
            section.Append(new PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = 1418, Right = 1418, Bottom = 1418, Left = 1418, Header = 709, Footer = 709, Gutter = 0 });
            main.Document = new Document(new Body(body.Select(e => e.CloneNode(true)).Append(section)));
        }
        return buffer.ToArray();
    }

    private static Run Picture(string relationshipId, uint number, string name, string description, long width, long height) =>
        new(new Drawing(new Dw.Inline(
            new Dw.Extent { Cx = width, Cy = height },
            new Dw.DocProperties { Id = number, Name = name, Description = description },
            new A.Graphic(new A.GraphicData(new Pic.Picture(
                new Pic.NonVisualPictureProperties(
                    new Pic.NonVisualDrawingProperties { Id = number, Name = name, Description = description },
                    new Pic.NonVisualPictureDrawingProperties()),
                new Pic.BlipFill(new A.Blip { Embed = relationshipId }, new A.Stretch(new A.FillRectangle())),
                new Pic.ShapeProperties(
                    new A.Transform2D(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = width, Cy = height }),
                    new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
            {
                Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture",
            }))));

    private static void WriteFrame(MainDocumentPart main, PageFrame f)
    {
        var header = main.AddNewPart<HeaderPart>("rIdHeader");
        var left = new TableCell(new TableCellProperties(new TableCellWidth { Width = "3000", Type = TableWidthUnitValues.Pct }));
        if (f.Logo is { } logo && f.LogoWidth > 0 && f.LogoHeight > 0)
        {
            var part = header.AddImagePart(f.LogoContentType == "image/jpeg" ? ImagePartType.Jpeg : ImagePartType.Png, "rIdLogo");
            using (var data = new MemoryStream(logo))
            {
                part.FeedData(data);
            }
            // 1.5 cm high, at most 6 cm wide, in the logo's proportions.
            long height = 540000, width = height * f.LogoWidth / f.LogoHeight;
            if (width > 2160000)
            {
                (width, height) = (2160000, 2160000L * f.LogoHeight / f.LogoWidth);
            }
            left.Append(new Paragraph(new ParagraphProperties(new SpacingBetweenLines { After = "60" }),
                Picture(header.GetIdOfPart(part), 900U, "Logotyp", $"{f.Sender}s logotyp", width, height)));
        }
        left.Append(new Paragraph(new ParagraphProperties(new SpacingBetweenLines { After = "0" }), Run(f.Sender, bold: true)));
        if (f.Unit.Length > 0)
        {
            left.Append(new Paragraph(new ParagraphProperties(new SpacingBetweenLines { After = "0" }), Run(f.Unit)));
        }
        var right = new TableCell(new TableCellProperties(new TableCellWidth { Width = "2000", Type = TableWidthUnitValues.Pct }));
        var references = f.Reference.Where(r => r.Length > 0).ToList();
        foreach (var line in references.Count > 0 ? references : [""])
        {
            right.Append(new Paragraph(new ParagraphProperties(new SpacingBetweenLines { After = "0" }, new Justification { Val = JustificationValues.Right }), Run(line)));
        }
        BorderType None<TBorder>() where TBorder : BorderType, new() => new TBorder { Val = BorderValues.None };
        header.Header = new Header(
            new Table(
                new TableProperties(new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
                    new TableBorders(None<TopBorder>(), None<LeftBorder>(), None<BottomBorder>(), None<RightBorder>(), None<InsideHorizontalBorder>(), None<InsideVerticalBorder>())),
                new TableGrid(new GridColumn(), new GridColumn()),
                new TableRow(left, right)),
            new Paragraph(new ParagraphProperties(new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 4, Color = "808080", Space = 1 }))));

        var footer = main.AddNewPart<FooterPart>("rIdFooter");
        var small = new RunProperties(new FontSize { Val = "18" });
        Run Small(string text) => new(small.CloneNode(true), new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        SimpleField Field(string instruction) => new(Small("1")) { Instruction = instruction };
        footer.Footer = new Footer(
            new Paragraph(new ParagraphProperties(new ParagraphBorders(new TopBorder { Val = BorderValues.Single, Size = 4, Color = "808080", Space = 1 }),
                new SpacingBetweenLines { After = "0" }), Small(string.Join(" · ", f.Address.Split('\n').Prepend(f.Sender).Where(s => s.Length > 0)))),
            new Paragraph(new ParagraphProperties(new SpacingBetweenLines { After = "0" }, new Justification { Val = JustificationValues.Right }),
                Small("Sida "), Field(" PAGE "), Small(" av "), Field(" NUMPAGES ")));
    }

    private static Paragraph Para(string text, string? style = null)
    {
        var paragraph = new Paragraph();
        if (style is not null)
        {
            paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        }
        if (text.Length > 0)
        {
            paragraph.Append(Run(text));
        }
        return paragraph;
    }

    private static Run Run(string text, bool bold = false)
    {
        var run = new Run();
        if (bold)
        {
            run.Append(new RunProperties(new Bold()));
        }
        run.Append(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }

    private static TableRow Row(IReadOnlyList<string> cells, bool isHeader, int numericFrom, int[] widths, bool small)
    {
        var row = new TableRow();
        if (isHeader)
        {
            row.Append(new TableRowProperties(new TableHeader()));
        }
        row.Append(cells.Select((text, i) =>
        {
            var run = Run(text, bold: isHeader);
            if (small)
            {
                run.RunProperties ??= new RunProperties();
                run.RunProperties.Append(new FontSize { Val = "18" });
            }
            return new TableCell(
                new TableCellProperties(new TableCellWidth { Width = widths[Math.Min(i, widths.Length - 1)].ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }),
                new Paragraph(
                    i >= numericFrom
                        ? new ParagraphProperties(new SpacingBetweenLines { After = "0" }, new Justification { Val = JustificationValues.Right })
                        : new ParagraphProperties(new SpacingBetweenLines { After = "0" }),
                    run));
        }));
        return row;
    }

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
                new XElement(C + "spPr", new XElement(Ax + "solidFill", new XElement(Ax + "srgbClr", new XAttribute("val", SeriesColours[i % SeriesColours.Length])))),
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
            new XAttribute(XNamespace.Xmlns + "c", C), new XAttribute(XNamespace.Xmlns + "a", Ax), new XAttribute(XNamespace.Xmlns + "r", R),
            new XElement(C + "roundedCorners", new XAttribute("val", 0)),
            new XElement(C + "chart",
                new XElement(C + "title",
                    new XElement(C + "tx", new XElement(C + "rich", new XElement(Ax + "bodyPr"), new XElement(Ax + "p",
                        new XElement(Ax + "pPr", new XElement(Ax + "defRPr", new XAttribute("sz", 1200), new XAttribute("b", 1))),
                        new XElement(Ax + "r", new XElement(Ax + "t", title))))),
                    new XElement(C + "overlay", new XAttribute("val", 0))),
                new XElement(C + "autoTitleDeleted", new XAttribute("val", 0)),
                new XElement(C + "plotArea", new XElement(C + "layout"), bars, categoryAxis, valueAxis),
                new XElement(C + "legend", new XElement(C + "legendPos", new XAttribute("val", "b")), new XElement(C + "overlay", new XAttribute("val", 0))),
                new XElement(C + "plotVisOnly", new XAttribute("val", 1)))));
    }

    private const string Styles = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:cs="Calibri"/><w:sz w:val="22"/><w:lang w:val="sv-SE"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="240"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="40"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="360" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="32"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="80"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:sz w:val="26"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="200" w:after="60"/><w:outlineLvl w:val="2"/></w:pPr><w:rPr><w:b/><w:sz w:val="22"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Caption"><w:name w:val="caption"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="120" w:after="60"/></w:pPr><w:rPr><w:i/><w:sz w:val="20"/></w:rPr></w:style></w:styles>""";
}

/// <summary>What stands on every page of a document: the sender and its logo, the reference on the right, the address.</summary>
public sealed record PageFrame(string Sender, string Unit, string Address, IReadOnlyList<string> Reference, byte[]? Logo, string? LogoContentType, int LogoWidth, int LogoHeight);
