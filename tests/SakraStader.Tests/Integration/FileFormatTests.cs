using System.Net;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Microsoft.EntityFrameworkCore;
using SakraStader.Domain;
using SakraStader.Features.Atgarder;
using SakraStader.Features.Import;
using SakraStader.Tests.Support;

namespace SakraStader.Tests.Integration;

/// <summary>
/// The files we write and read, through the kept libraries (docs/adr/0004): workbooks and Word documents that the
/// Open XML SDK's validator accepts, CSV without live formulas, a calendar feed that Ical.Net reads back, and imports
/// that take what Excel writes and say in Swedish what they cannot take.
/// </summary>
[Trait("Category", "Integration")]
public sealed class FileFormatTests(TestApp app) : IClassFixture<TestApp>
{
    private const string PlanTitle = "EST:s åtgärdsplan hösten";

    private Task<Guid> PlanAsync(string slug) =>
        app.WithDbAsync(slug, db => db.Atgardsplaner.Where(p => p.Title == PlanTitle).Select(p => p.Id).SingleAsync());

    private static List<ValidationErrorInfo> Validate(OpenXmlPackage package) =>
        [.. new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2019).Validate(package)];

    private static string Describe(IEnumerable<ValidationErrorInfo> errors) =>
        string.Join("\n", errors.Take(10).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}"));

    [Fact]
    public async Task A_meetings_protokoll_is_a_valid_Word_document_in_the_Swedish_form_with_numbered_paragraphs_and_justering()
    {
        // A held EST meeting with minutes and a decision, attendance, a second justerare; not yet justerat.
        var (meeting, chair, justerare) = await app.WithDbAsync("orebro", async db =>
        {
            var group = await db.Groups.FirstAsync(g => g.Kind == GroupKind.Est);
            var members = await db.GroupMembers.Where(m => m.GroupId == group.Id).ToListAsync();
            var chairMember = members.Single(m => m.IsChair);
            var second = members.First(m => !m.IsChair && m.UserId != null);
            var start = SwedishTime.At(SwedishTime.DateOf(TestClock.Now).AddDays(-4), new TimeOnly(9, 0));
            var m = new Meeting(group.Id, start, start.AddHours(2), "Stadshuset, protokollrummet", null);
            var opening = m.AddAgendaItem("Mötet öppnas");
            var situation = m.AddAgendaItem("Lägesbild");
            m.RecordMinutes(situation.Id, "Skadegörelsen vid torget minskar.", "Belysningen vid torget byts före mars.");
            foreach (var (x, i) in members.Select((x, i) => (x, i)))
            {
                m.RecordAttendance(x.Id, x.Name, x.IsChair || i % 3 != 1 ? AttendanceStatus.Present : AttendanceStatus.Absent, null);
            }
            m.ChooseJusterare(second);
            db.Meetings.Add(m);
            await db.SaveChangesAsync();
            return (m.Id, chairMember.Name, second.Name);
        });
        using var client = await app.SignedInClientAsync(TestApp.Email("lasare", "orebro"));
        using var response = await client.GetAsync($"/orebro/moten/{meeting}/protokoll.docx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, $"{response.Headers.CacheControl}");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(bytes), isEditable: false);
        var errors = Validate(document);
        Assert.True(errors.Count == 0, Describe(errors));
        var paragraphs = document.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText).ToList();
        Assert.Contains(paragraphs, p => p.StartsWith("Protokoll EST", StringComparison.Ordinal));
        Assert.Contains("§ 1 Mötet öppnas", paragraphs);
        Assert.Contains("§ 2 Lägesbild", paragraphs);
        Assert.Contains("Beslut: Belysningen vid torget byts före mars.", paragraphs);
        Assert.Contains(paragraphs, p => p.StartsWith("Ledamöter: ", StringComparison.Ordinal) && p.Contains($"{chair}, ", StringComparison.Ordinal) && p.Contains("(ordförande)", StringComparison.Ordinal));
        Assert.Contains(paragraphs, p => p.StartsWith("Frånvarande: ", StringComparison.Ordinal) && p != "Frånvarande: –");
        Assert.Contains($"Justerare: {chair} och {justerare}", paragraphs);
        Assert.Contains("Protokollet är inte justerat.", paragraphs);
        Assert.Contains(paragraphs, p => p.StartsWith("Justeras: ", StringComparison.Ordinal) && p.EndsWith(justerare, StringComparison.Ordinal));
        // As a kansli's office suite opens it.
        var text = await LibreOffice.ConvertAsync(bytes, "docx", "txt");
        Assert.Contains("§ 2 Lägesbild", text, StringComparison.Ordinal);
        Assert.Contains("Beslut: Belysningen vid torget byts före mars.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fixed_lagesbild_is_a_valid_Word_document_with_its_version_figures_problems_and_sections_in_order()
    {
        var (id, year, month) = await app.WithDbAsync("orebro", async db =>
        {
            var l = await db.Lagesbilder.Where(l => l.Status == LagesbildStatus.Faststalld && db.LagesbildSections.Any(s => s.LagesbildId == l.Id))
                .OrderByDescending(l => l.Year).ThenByDescending(l => l.Month).FirstAsync();
            return (l.Id, l.Year, l.Month);
        });
        using var client = await app.SignedInClientAsync(TestApp.Email("lasare", "orebro"));
        using var response = await client.GetAsync($"/orebro/lagesbilder/{id}/lagesbild.docx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, $"{response.Headers.CacheControl}");
        Assert.Equal($"lagesbild-{year}-{month:00}.docx", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var bytes = await response.Content.ReadAsByteArrayAsync();

        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), isEditable: false);
        var errors = Validate(document);
        Assert.True(errors.Count == 0, Describe(errors));
        var paragraphs = document.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText).ToList();
        // The letterhead (without one written: the kommun's name) on every page, with the group and month.
        var header = Assert.Single(document.MainDocumentPart.HeaderParts).Header!.InnerText;
        Assert.Contains("Örebro kommun", header, StringComparison.Ordinal);
        Assert.Contains("Lägesbild", header, StringComparison.Ordinal);
        Assert.StartsWith("Lägesbild EST", paragraphs[0], StringComparison.Ordinal);
        Assert.Contains(paragraphs, p => p.StartsWith("Fastställd: ", StringComparison.Ordinal) && p.Contains("(version ", StringComparison.Ordinal));
        int At(string heading) => paragraphs.IndexOf(heading) is var i && i >= 0 ? i : throw new Xunit.Sdk.XunitException($"Rubriken \"{heading}\" saknas.");
        Assert.True(At("Sammanfattning") < At("Prognos") && At("Prognos") < At("Händelser i siffror")
            && At("Händelser i siffror") < At("Problem, bedömning och orsaker") && At("Problem, bedömning och orsaker") < At("Organisationernas rapporter"));
        // The priority in words, as the page says it ("Prioritet hög, trend minskande."), not as a number.
        Assert.Contains(paragraphs, p => System.Text.RegularExpressions.Regex.IsMatch(p, "^Prioritet (hög|medel|låg), trend (minskande|oförändrad|ökande|okänd)\\."));
        // The chart is a native Word chart with its figures, and the same figures follow as tables.
        Assert.Single(document.MainDocumentPart.ChartParts);
        Assert.Contains(paragraphs, p => p.StartsWith("Händelser per område i ", StringComparison.Ordinal));
        // The area map is a picture in the page's shades, with every area and its count in its text alternative, just
        // before the table with the same figures.
        var picture = Assert.Single(document.MainDocumentPart.ImageParts);
        Assert.Equal("image/png", picture.ContentType);
        var described = document.MainDocumentPart.Document.Body.Descendants<DocumentFormat.OpenXml.Drawing.Wordprocessing.DocProperties>()
            .Select(d => d.Description?.Value ?? "").Single(d => d.StartsWith("Karta: händelser per område i ", StringComparison.Ordinal));
        var mapped = await app.WithDbAsync("orebro", db => db.Areas.Where(a => a.Boundary != null).Select(a => a.Name).ToListAsync());
        Assert.NotEmpty(mapped);
        foreach (var area in mapped)
        {
            Assert.Matches($@"{System.Text.RegularExpressions.Regex.Escape(area)} \d+[,.]", described);
        }
        Assert.True(At(paragraphs.First(p => p.StartsWith("Karta: händelser per område i ", StringComparison.Ordinal)))
            < At(paragraphs.First(p => p.StartsWith("Händelser per område i ", StringComparison.Ordinal))));
        using (var bitmap = SkiaSharp.SKBitmap.Decode(picture.GetStream()))
        {
            Assert.Equal(1280, bitmap.Width);
            var shades = bitmap.Pixels.Select(c => c.ToString()).ToHashSet();
            Assert.True(Features.Lagesbilder.AreaMapDrawing.Colours.Skip(1).Count(c => shades.Contains(SkiaSharp.SKColor.Parse(c).ToString())) >= 2,
                "Kartan ska visa områden i minst två nyanser.");
        }
        // As a partner's office suite opens it.
        var text = await LibreOffice.ConvertAsync(bytes, "docx", "txt");
        Assert.Contains("Organisationernas rapporter", text, StringComparison.Ordinal);

        // Someone who cannot read the lägesbild gets no document: another kommun's member, an incident reporter.
        using var other = await app.SignedInClientAsync(TestApp.Email("lasare", "karlstad"));
        using var elsewhere = await other.GetAsync($"/orebro/lagesbilder/{id}/lagesbild.docx");
        Assert.NotEqual(HttpStatusCode.OK, elsewhere.StatusCode);
        using var reporter = await app.SignedInClientAsync(TestApp.Email("inrapportor", "orebro"));
        using var refused = await reporter.GetAsync($"/orebro/lagesbilder/{id}/lagesbild.docx");
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        using var unknown = await client.GetAsync($"/orebro/lagesbilder/{Guid.NewGuid()}/lagesbild.docx");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task A_fordjupad_lagesbild_is_a_valid_Word_document_with_its_period_figures_and_conclusions_in_order()
    {
        var id = await app.WithDbAsync("orebro", db => db.FordjupadeLagesbilder.Select(f => f.Id).FirstAsync());
        using var client = await app.SignedInClientAsync(TestApp.Email("lasare", "orebro"));
        using var response = await client.GetAsync($"/orebro/fordjupad/{id}/fordjupad-lagesbild.docx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, $"{response.Headers.CacheControl}");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), isEditable: false);
        var errors = Validate(document);
        Assert.True(errors.Count == 0, Describe(errors));
        Assert.Contains("Fördjupad lägesbild", Assert.Single(document.MainDocumentPart!.HeaderParts).Header!.InnerText, StringComparison.Ordinal);
        Assert.Single(document.MainDocumentPart.ChartParts);
        var paragraphs = document.MainDocumentPart.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText).ToList();
        Assert.StartsWith("Fördjupad lägesbild ", paragraphs[0], StringComparison.Ordinal);
        string[] order = ["Sammanfattning", "Brottslighet och otrygghet", "Problemen, deras orsaker och konsekvenser", "Orsaker", "Konsekvenser", "Slutsatser och prioriteringar"];
        var at = order.Select(h => paragraphs.IndexOf(h)).ToList();
        Assert.True(at.All(i => i >= 0) && at.SequenceEqual(at.Order()), string.Join(", ", order.Zip(at, (h, i) => $"{h}: {i}")));
        Assert.Contains(paragraphs, p => p.StartsWith("Händelser per kategori och år", StringComparison.Ordinal));
        Assert.Contains(paragraphs, p => System.Text.RegularExpressions.Regex.IsMatch(p, "^Prioritet (hög|medel|låg), trend (minskande|oförändrad|ökande|okänd), bedömt i "));
        // The period's map: each area with its reports over all the period's years, as the page shows it.
        Assert.Single(document.MainDocumentPart.ImageParts);
        var described = document.MainDocumentPart.Document.Body.Descendants<DocumentFormat.OpenXml.Drawing.Wordprocessing.DocProperties>()
            .Select(d => d.Description?.Value ?? "").Single(d => d.StartsWith("Karta: händelser per område ", StringComparison.Ordinal));
        var model = await app.AsUserAsync(TestApp.Email("lasare", "orebro"), "orebro",
            ops => ops.ReadAsync<Features.Lagesbilder.FordjupadWork, Features.Lagesbilder.FordjupadPageModel?>((w, ct) => w.ReadAsync(id, ct)));
        Assert.NotNull(model);
        Assert.NotEmpty(model.Map);
        foreach (var row in model.Figures.IncidentsByArea)
        {
            Assert.Contains($"{row.Label} {row.Values.Sum(v => v ?? 0)}", described, StringComparison.Ordinal);
        }

        using var other = await app.SignedInClientAsync(TestApp.Email("lasare", "karlstad"));
        using var refused = await other.GetAsync($"/orebro/fordjupad/{id}/fordjupad-lagesbild.docx");
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
    }

    [Fact]
    public async Task A_signed_promise_is_a_valid_Word_document_with_its_text_signatures_hash_code_and_a_QR_code_to_the_check()
    {
        var (title, hash, signer) = await app.WithDbAsync("karlstad", async db =>
        {
            var lofte = await db.Medborgarloften.SingleAsync(l => l.Title == "Tryggare Kronoparken");
            var version = await db.LofteVersions.Where(v => v.MedborgarlofteId == lofte.Id).OrderByDescending(v => v.Number).FirstAsync();
            var signature = await db.LofteSignatures.FirstAsync(s => s.VersionId == version.Id);
            return (lofte.Title, version.Hash, signature.Name);
        });
        var code = LofteContent.CodeOf(hash);
        using var anonymous = app.NewClient();
        using var response = await anonymous.GetAsync($"/verifiera/{code}/medborgarlofte.docx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();

        using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(bytes), isEditable: false);
        var errors = Validate(document);
        Assert.True(errors.Count == 0, Describe(errors));
        var body = document.MainDocumentPart!.Document!.Body!;
        var paragraphs = body.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText).ToList();
        Assert.Contains($"Medborgarlöfte: {title}", paragraphs);
        Assert.Contains($"Kontrollkod: {code}", paragraphs);
        Assert.Contains($"Kontrollsumma (SHA-256): {hash}", paragraphs);
        Assert.Contains("Vi lovar", paragraphs);
        var row = Assert.Single(body.Descendants<DocumentFormat.OpenXml.Wordprocessing.TableRow>(), r => r.InnerText.Contains(signer, StringComparison.Ordinal));
        Assert.Equal("Ja", row.Elements<DocumentFormat.OpenXml.Wordprocessing.TableCell>().Last().InnerText);
        // The QR code: a PNG picture whose text alternative is the check page's address.
        var image = Assert.Single(document.MainDocumentPart.ImageParts);
        using (var png = image.GetStream())
        {
            var head = new byte[8];
            Assert.Equal(8, await png.ReadAsync(head));
            Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, head);
        }
        var picture = Assert.Single(body.Descendants<DocumentFormat.OpenXml.Drawing.Wordprocessing.DocProperties>(), d => d.Name!.Value!.StartsWith("Bild", StringComparison.Ordinal));
        Assert.EndsWith($"/verifiera/{code}", picture.Description!.Value, StringComparison.Ordinal);

        using var unknown = await anonymous.GetAsync("/verifiera/XXXXX-XXXXX/medborgarlofte.docx");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task The_plan_sheet_passes_the_OpenXml_validator_with_a_valid_sheet_name_real_dates_and_the_id_last_and_hidden()
    {
        var plan = await PlanAsync("orebro");
        using var client = await app.SignedInClientAsync(TestApp.Email("lasare", "orebro"));
        var bytes = await client.Http.GetByteArrayAsync($"/orebro/atgardsplaner/{plan}/export.xlsx");

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), isEditable: false);
        var errors = Validate(document);
        Assert.True(errors.Count == 0, Describe(errors));

        var sheet = Assert.Single(document.WorkbookPart!.Workbook!.Sheets!.Elements<Sheet>());
        Assert.Equal("ESTs åtgärdsplan hösten", sheet.Name!.Value);
        var worksheet = ((WorksheetPart)document.WorkbookPart.GetPartById(sheet.Id!.Value!)).Worksheet!;
        var columns = worksheet.GetFirstChild<Columns>()!.Elements<Column>().ToList();
        Assert.Equal(PlanExport.Header.Count, columns.Count);
        Assert.All(columns, c => Assert.True(c.Width!.Value >= 8, $"column {c.Min}: {c.Width}"));
        Assert.True(columns[^1].Hidden?.Value, "the Id column is hidden");
        Assert.Null(columns[0].Hidden);

        var rows = Xlsx.Read(new MemoryStream(bytes));
        Assert.Equal("Åtgärd", rows[0][0]);
        Assert.Equal("Id", rows[0][^1]);
        Assert.All(rows.Skip(1), r => Assert.True(Guid.TryParse(r[^1], out _)));

        // "Klart senast" holds real dates: day numbers in a cell style with a date format.
        var due = PlanExport.Header.ToList().IndexOf("Klart senast");
        var dueCells = worksheet.Descendants<Row>().Skip(1).Select(r => r.Elements<Cell>().FirstOrDefault(c => c.CellReference!.Value!.StartsWith(((char)('A' + due)).ToString(), StringComparison.Ordinal)))
            .Where(c => c is not null).ToList();
        Assert.NotEmpty(dueCells);
        var stylesheet = document.WorkbookPart.WorkbookStylesPart!.Stylesheet!;
        foreach (var cell in dueCells)
        {
            Assert.Null(cell!.DataType);
            Assert.True(double.TryParse(cell.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture, out var serial) && serial > 40_000);
            var format = stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)cell.StyleIndex!.Value);
            var code = stylesheet.NumberingFormats!.Elements<NumberingFormat>().Single(f => f.NumberFormatId!.Value == format.NumberFormatId!.Value).FormatCode!.Value;
            Assert.Equal("yyyy-mm-dd", code);
        }
        var expected = await app.WithDbAsync("orebro", db => db.Atgarder.Where(a => a.PlanId == plan && a.DueDate != null).Select(a => a.DueDate!.Value).ToListAsync());
        Assert.Equal(expected.Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).Order(),
            rows.Skip(1).Select(r => r[due]).Where(d => d.Length > 0).Order());
    }

    [Theory]
    [InlineData("EST:s åtgärdsplan hösten", "ESTs åtgärdsplan hösten")]
    [InlineData("Plan [2026] a/b\\c?d*e", "Plan 2026 abcde")]
    [InlineData("'Citerad'", "Citerad")]
    [InlineData("Styrgruppens långsiktiga åtgärdsplan 2026–2028", "Styrgruppens långsiktiga åtgärd")]
    [InlineData("::", "Blad1")]
    [InlineData("History", "Blad1")]
    public void Sheet_names_drop_the_characters_Excel_forbids_and_keep_to_31_characters(string title, string expected)
    {
        var name = Xlsx.SheetName(title);
        Assert.Equal(expected, name);
        Assert.InRange(name.Length, 1, Xlsx.MaxSheetName);
    }

    [Fact]
    public async Task The_annual_report_document_passes_the_OpenXml_validator_and_keeps_its_charts()
    {
        using var samordnare = await app.SignedInClientAsync(TestApp.Email("samordnare", "orebro"));
        var year = await app.WithDbAsync("orebro", db => db.AnnualReports.Select(r => r.Year).SingleAsync());
        var bytes = await samordnare.Http.GetByteArrayAsync($"/orebro/arsrapporter/{year}/arsrapport-{year}.docx");

        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), isEditable: false);
        var errors = Validate(document);
        Assert.True(errors.Count == 0, Describe(errors));
        Assert.NotEmpty(document.MainDocumentPart!.ChartParts);
        Assert.Equal($"Årsrapport {year}: trygghetsskapande och brottsförebyggande arbete", document.PackageProperties.Title);
        var body = document.MainDocumentPart.Document!.Body!;
        Assert.Contains(body.Descendants<DocumentFormat.OpenXml.Wordprocessing.ParagraphStyleId>(), s => s.Val == "Heading1");
        Assert.NotEmpty(body.Descendants<DocumentFormat.OpenXml.Wordprocessing.TableHeader>());
    }

    [Fact]
    public void Csv_cells_that_start_like_a_formula_get_an_apostrophe()
    {
        var bytes = Csv.Write(["Åtgärd", "Kostnad"],
            [["=HYPERLINK(\"http://x.example\";\"klicka\")", "1200"], ["+46 19 21 10 00", "-"], ["@SUM(A1)", "\tTab"], ["\rCR", "Vanlig; text"]]);

        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var records = CsvReader.Read(bytes).Select(r => r.Fields).ToList();
        Assert.Equal(["Åtgärd", "Kostnad"], records[0]);
        Assert.Equal("'=HYPERLINK(\"http://x.example\";\"klicka\")", records[1][0]);
        Assert.Equal("1200", records[1][1]);
        Assert.Equal(["'+46 19 21 10 00", "'-"], records[2]);
        Assert.Equal(["'@SUM(A1)", "'\tTab"], records[3]);
        Assert.Equal(["'\rCR", "Vanlig; text"], records[4]);
    }

    [Fact]
    public async Task A_measure_titled_like_a_formula_is_exported_to_csv_as_text()
    {
        var plan = await PlanAsync("haninge");
        await app.WithDbAsync("haninge", async db =>
        {
            db.Atgarder.Add(new Atgard(plan, "=1+1 lampor", null));
            return await db.SaveChangesAsync();
        });
        using var client = await app.SignedInClientAsync(TestApp.Email("lasare", "haninge"));
        var csv = await client.Http.GetByteArrayAsync($"/haninge/atgardsplaner/{plan}/export.csv");

        var text = Encoding.UTF8.GetString(csv);
        Assert.DoesNotContain("\n=1+1", text, StringComparison.Ordinal);
        var rows = CsvReader.Read(csv).Select(r => r.Fields).ToList();
        Assert.Equal(PlanExport.Header, rows[0]);
        Assert.Contains(rows, r => r[0] == "'=1+1 lampor");
    }

    [Fact]
    public async Task The_calendar_of_a_group_reads_back_with_IcalNet_at_the_meetings_times()
    {
        var (groupId, meetings) = await app.WithDbAsync("orebro", async db =>
        {
            var group = await db.Groups.Where(g => g.Name.StartsWith("EST")).Select(g => g.Id).FirstAsync();
            var list = await db.Meetings.Where(m => m.GroupId == group).Select(m => new { m.Id, m.StartsAt, m.EndsAt, m.Cancelled }).ToListAsync();
            return (group, list);
        });
        using var client = await app.SignedInClientAsync(TestApp.Email("lasare", "orebro"));
        using var response = await client.GetAsync($"/orebro/grupper/{groupId}/kalender.ics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/calendar", response.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);

        var calendar = Ical.Net.Calendar.Load(await response.Content.ReadAsStringAsync())!;
        var from = TestClock.Now.AddYears(-1);
        var expected = meetings.Where(m => m.StartsAt >= from).ToList();
        Assert.Equal(expected.Count, calendar.Events.Count);
        foreach (var m in expected)
        {
            var e = calendar.Events.Single(x => x.Uid == $"{m.Id:N}@sakrastader");
            Assert.Equal(m.StartsAt.UtcDateTime, e.DtStart!.AsUtc);
            Assert.Equal(m.EndsAt.UtcDateTime, e.DtEnd!.AsUtc);
            Assert.Equal(m.Cancelled ? "CANCELLED" : "CONFIRMED", e.Status);
            Assert.EndsWith($"/orebro/moten/{m.Id}", e.Url!.ToString(), StringComparison.Ordinal);
        }
    }

    private Task<Features.Commands.CommandResult<Guid>> UploadAsync(string email, string slug, ImportKind kind, byte[] content, string fileName = "fil.csv") =>
        app.AsUserAsync(email, slug, ops => ops.SendAsync<ImportWork, Guid>(new Tenancy.KommunRoleRequirement(Role.Medlem), null,
            (w, ct) => w.UploadAsync(kind, fileName, new MemoryStream(content), ct), "Filen är kontrollerad."));

    [Fact]
    public async Task An_import_accepts_Excels_sep_line_and_counts_lines_as_the_file_does()
    {
        using var client = await app.SignedInClientAsync(TestApp.Email("samordnare", "karlstad"));
        var area = await app.WithDbAsync("karlstad", db => db.Areas.Select(a => a.Name).FirstAsync());
        var file = Encoding.UTF8.GetBytes($"sep=;\r\nÅr;Område;Fråga;Värde\r\n2019;{area};Otrygg ute sent;30,5\r\n2019;Finns inte;Otrygg ute sent;31\r\n");

        var response = await UploadAsync(TestApp.Email("samordnare", "karlstad"), "karlstad", ImportKind.SurveyResults, file);
        Assert.True(response.Succeeded, response.Message);
        var page = await client.PageAsync($"/karlstad/import/{response.Value}");
        var errors = page.QuerySelectorAll(".error-list tbody tr").Select(tr => (Line: tr.Children[0].TextContent, Text: tr.Children[1].TextContent)).ToList();
        var error = Assert.Single(errors);
        Assert.Equal("4", error.Line);
        Assert.Contains("\"Finns inte\" finns inte", error.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Windows_1252_file_is_refused_with_how_to_save_it_as_UTF8()
    {
        using var client = await app.SignedInClientAsync(TestApp.Email("samordnare", "karlstad"));
        var latin1 = Encoding.Latin1.GetBytes("År;Område;Fråga;Värde\r\n2019;Våxnäs;Otrygg;30\r\n");

        var response = await UploadAsync(TestApp.Email("samordnare", "karlstad"), "karlstad", ImportKind.SurveyResults, latin1);
        var page = await client.PageAsync($"/karlstad/import/{response.Value}");
        var message = page.QuerySelector(".error-list")!.TextContent;
        Assert.Contains("inte sparad som UTF-8", message, StringComparison.Ordinal);
        Assert.Contains("CSV UTF-8 (kommaavgränsad)", message, StringComparison.Ordinal);
        Assert.Contains("Spara som", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_oversized_upload_is_refused_with_a_Swedish_message_and_nothing_is_stored()
    {
        // The form refuses a file over the limit before reading it (see the component tests); the check refuses it too.
        var refused = await UploadAsync(TestApp.Email("samordnare", "karlstad"), "karlstad", ImportKind.SurveyResults, new byte[ImportHandler.MaxBytes + 1], "stor.csv");
        Assert.Equal((false, ImportHandler.TooLargeMessage, "File"), (refused.Succeeded, refused.Message, refused.Field));
        Assert.Equal(0, await app.WithDbAsync("karlstad", db => db.ImportBatches.CountAsync(b => b.FileName == "stor.csv")));

        // A plain form post too large for the server comes back to the page, which says why at the file.
        using var client = await app.SignedInClientAsync(TestApp.Email("samordnare", "karlstad"));
        using var body = new MultipartFormDataContent();
        body.Add(new ByteArrayContent(new byte[(int)UploadLimitMiddleware.MaxRequestBytes + 1024]), "File", "stor.csv");
        using var response = await client.Http.PostAsync("/karlstad/import", body);
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var page = await client.PageAsync(response.LocationPath());
        Assert.Equal(ImportHandler.TooLargeMessage, page.QuerySelector("#file-error")!.TextContent);
    }

    [Fact]
    public async Task The_templates_list_the_kommuns_own_areas_and_incident_categories()
    {
        var (areas, categories) = await app.WithDbAsync("boras", async db =>
            (await db.Areas.Select(a => a.Name).ToListAsync(), await db.IncidentCategories.Select(c => c.Name).ToListAsync()));
        using var client = await app.SignedInClientAsync(TestApp.Email("medlem", "boras"));

        var incidents = CsvReader.Read(await client.Http.GetByteArrayAsync("/boras/import/mall/handelser.csv")).Select(r => r.Fields).ToList();
        var header = incidents[0].ToList();
        Assert.Equal(categories.Order(), incidents.Skip(1).Select(r => r[header.IndexOf("Kategori")]).Distinct().Order());
        Assert.Equal(areas.Order(), incidents.Skip(1).Select(r => r[header.IndexOf("Område")]).Distinct().Order());
        Assert.DoesNotContain(incidents.Skip(1), r => r[header.IndexOf("Område")] == "Vivalla"); // Örebro's area, not Borås's

        var survey = CsvReader.Read(await client.Http.GetByteArrayAsync("/boras/import/mall/trygghet.csv")).Select(r => r.Fields).ToList();
        Assert.Equal(areas.Order(), survey.Skip(1).Select(r => r[survey[0].ToList().IndexOf("Område")]).Order());
    }
}
