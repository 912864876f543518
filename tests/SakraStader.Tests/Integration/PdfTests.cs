using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using SakraStader.Domain;
using SakraStader.Features.Documents;
using SakraStader.Tests.Support;

namespace SakraStader.Tests.Integration;

/// <summary>
/// PDF made on the server (issue 20 item 6): the tjänsteskrivelse, the protokoll and the lägesbild as tagged PDFs with
/// selectable text and the letterhead, read back with poppler; and a clear Swedish answer when the server cannot make one.
/// </summary>
[Trait("Category", "Integration")]
public sealed class PdfTests(TestApp app) : IClassFixture<TestApp>
{
    [Fact]
    public async Task The_documents_come_as_tagged_PDFs_with_their_text_and_the_letterhead()
    {
        using var client = await app.SignedInClientAsync(TestApp.Email("lasare", "orebro"));
        var (year, meeting, lagesbild, fordjupad) = await app.WithDbAsync("orebro", async db => (
            await db.AnnualReports.Select(r => r.Year).SingleAsync(),
            await db.Meetings.Where(m => m.MinutesApproved).Select(m => m.Id).FirstAsync(),
            await db.Lagesbilder.Where(l => l.Status == LagesbildStatus.Faststalld).Select(l => l.Id).FirstAsync(),
            await db.FordjupadeLagesbilder.Select(f => f.Id).FirstAsync()));

        foreach (var (url, expected) in new[]
        {
            ($"/orebro/arsrapporter/{year}/arsrapport-{year}.pdf", new[]
            {
                "Tjänsteskrivelse", "Förslag till beslut", "Sammanfattning", "Beskrivning av ärendet", "Ekonomiska konsekvenser",
                "Barnrättsperspektiv", "Beslutsunderlag", "Beslutet skickas till", $"Bilaga 1. Årsrapport {year}",
            }),
            ($"/orebro/moten/{meeting}/protokoll.pdf", ["Protokoll", "Närvarande", "Ledamöter", "Ersättare", "Övriga", "Justerare", "§ 1", "§ 2", "Justering", "Protokollet är justerat"]),
            ($"/orebro/lagesbilder/{lagesbild}/lagesbild.pdf", ["Lägesbild", "Fastställd", "Sammanfattning", "Händelser i siffror", "Karta: händelser per område",
                "Problem, bedömning och orsaker", "Organisationernas rapporter"]),
            ($"/orebro/fordjupad/{fordjupad}/fordjupad-lagesbild.pdf", ["Fördjupad lägesbild", "Sammanfattning", "Brottslighet och otrygghet",
                "Karta: händelser per område", "Problemen, deras orsaker och konsekvenser", "Slutsatser och prioriteringar"]),
        })
        {
            using var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
            Assert.True(response.Headers.CacheControl?.NoStore, $"{response.Headers.CacheControl}");
            var bytes = await response.Content.ReadAsByteArrayAsync();
            var (pages, tagged, text) = await LibreOffice.ReadPdfAsync(bytes);
            Assert.True(tagged, $"{url}: inte taggad");
            Assert.True(pages >= 1);
            // The letterhead and "Sida x av y" on every page; the parts in the order a kansli expects them.
            Assert.True(System.Text.RegularExpressions.Regex.Count(text, "Örebro kommun") >= pages, $"{url}: brevhuvudet står inte på varje sida");
            Assert.Contains($"Sida 1 av {pages}", text, StringComparison.Ordinal);
            Assert.Contains($"Sida {pages} av {pages}", text, StringComparison.Ordinal);
            var at = expected.Select(part => text.IndexOf(part, StringComparison.Ordinal)).ToList();
            Assert.True(at.All(i => i >= 0) && at.SequenceEqual(at.Order()), $"{url}: " + string.Join(", ", expected.Zip(at, (part, i) => $"{part}: {i}")));
            // No word in a table is broken over two lines: every word of every table cell of the Word document is
            // whole in the PDF's text.
            using (var word = await client.GetAsync(Path.ChangeExtension(url, ".docx")))
            {
                using var docx = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(await word.Content.ReadAsByteArrayAsync()), isEditable: false);
                var cellWords = docx.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.TableCell>()
                    .SelectMany(c => c.InnerText.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(w => w.Length >= 4 && w.All(char.IsLetter)).Distinct().ToList();
                var broken = cellWords.Where(w => !text.Contains(w, StringComparison.Ordinal)).ToList();
                Assert.True(broken.Count == 0, $"{url}: brutna ord i tabeller: {string.Join(", ", broken)}");
            }
            var name = "dokument-" + Path.GetFileNameWithoutExtension(new Uri("http://x" + url).AbsolutePath);
            var pictures = await LibreOffice.PdfPicturesAsync(bytes, name);
            // The lägesbild carries its area map as a picture (the charts are drawings, not pictures).
            if (url.EndsWith("/lagesbild.pdf", StringComparison.Ordinal))
            {
                Assert.True(pictures >= 1, $"{url}: kartan saknas i PDF:en");
            }
        }

        // Another kommun's reader gets no PDF of Örebro's lägesbild.
        using var other = await app.SignedInClientAsync(TestApp.Email("lasare", "karlstad"));
        using var refused = await other.GetAsync($"/orebro/lagesbilder/{lagesbild}/lagesbild.pdf");
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
    }

    [Fact]
    public async Task A_signed_promise_comes_as_a_tagged_PDF_to_anyone_with_its_code_and_is_made_once()
    {
        var (title, hash) = await app.WithDbAsync("karlstad", async db =>
        {
            var lofte = await db.Medborgarloften.SingleAsync(l => l.Title == "Tryggare Kronoparken");
            var version = await db.LofteVersions.Where(v => v.MedborgarlofteId == lofte.Id).OrderByDescending(v => v.Number).FirstAsync();
            return (lofte.Title, version.Hash);
        });
        var code = LofteContent.CodeOf(hash);
        using var anonymous = app.NewClient();

        using var response = await anonymous.GetAsync($"/verifiera/{code}/medborgarlofte.pdf");

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var (pages, tagged, text) = await LibreOffice.ReadPdfAsync(bytes);
        Assert.True(tagged, "inte taggad");
        Assert.True(pages >= 1);
        foreach (var part in new[] { $"Medborgarlöfte: {title}", $"Kontrollkod: {code}", hash, "Karlstads kommun" })
        {
            Assert.Contains(part, text, StringComparison.Ordinal);
        }
        // Its parts in order: the text, the parties, the signatures, and how to check it (with the QR code's address).
        string[] order = ["Kontrollkod", "Vi lovar", "Parter", "Underskrifter", "Kontrollera", $"/verifiera/{code}"];
        var at = order.Select(part => text.IndexOf(part, StringComparison.Ordinal)).ToList();
        Assert.True(at.All(i => i >= 0) && at.SequenceEqual(at.Order()), string.Join(", ", order.Zip(at, (part, i) => $"{part}: {i}")));
        Assert.True(await LibreOffice.PdfPicturesAsync(bytes, "dokument-medborgarlofte") >= 1, "QR-koden saknas i PDF:en");
        // Kept: the second request gets the same file without another conversion.
        using var again = await anonymous.GetAsync($"/verifiera/{code}/medborgarlofte.pdf");
        Assert.Equal(bytes, await again.Content.ReadAsByteArrayAsync());
        // The check page offers it; an unknown code has none.
        using var page = await anonymous.GetAsync($"/verifiera/{code}");
        Assert.Contains($"/verifiera/{code}/medborgarlofte.pdf", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var unknown = await anonymous.GetAsync("/verifiera/XXXXX-XXXXX/medborgarlofte.pdf");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task One_kept_LibreOffice_makes_each_PDF_and_is_started_again_when_it_has_died()
    {
        using var converter = new PdfConverter(Microsoft.Extensions.Options.Options.Create(new DocumentOptions()), NullLogger<PdfConverter>.Instance);
        var docx = new Features.AnnualReports.Docx().Heading(0, "Provdokument").Text("Ett stycke att läsa.").Build("Provdokument");

        var (_, tagged, text) = await LibreOffice.ReadPdfAsync(await converter.ToPdfAsync(docx));
        Assert.True(tagged);
        Assert.Contains("Provdokument", text, StringComparison.Ordinal);
        var kept = converter.KeptProcessId;
        Assert.NotNull(kept);
        // The next PDF is made by the same LibreOffice: nothing new is started.
        Assert.Contains("Ett stycke att läsa.", (await LibreOffice.ReadPdfAsync(await converter.ToPdfAsync(docx))).Text, StringComparison.Ordinal);
        Assert.Equal(kept, converter.KeptProcessId);

        // It dies: the next PDF is still made, by a LibreOffice started again.
        using (var process = System.Diagnostics.Process.GetProcessById(kept.Value))
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        Assert.Contains("Provdokument", (await LibreOffice.ReadPdfAsync(await converter.ToPdfAsync(docx))).Text, StringComparison.Ordinal);
        Assert.NotNull(converter.KeptProcessId);
        Assert.NotEqual(kept, converter.KeptProcessId);

        // Without Python's UNO bridge each PDF is made by a LibreOffice of its own, and none is kept.
        using var alone = new PdfConverter(Microsoft.Extensions.Options.Options.Create(new DocumentOptions { Python = "/bin/false" }), NullLogger<PdfConverter>.Instance);
        Assert.Contains("Provdokument", (await LibreOffice.ReadPdfAsync(await alone.ToPdfAsync(docx))).Text, StringComparison.Ordinal);
        Assert.Null(alone.KeptProcessId);
    }

    [Fact]
    public async Task Without_LibreOffice_the_answer_says_so_in_Swedish_and_points_to_the_Word_document()
    {
        var converter = new PdfConverter(Microsoft.Extensions.Options.Options.Create(new DocumentOptions { LibreOffice = "/finns/inte/soffice" }),
            NullLogger<PdfConverter>.Instance);

        var refused = await Assert.ThrowsAsync<PdfUnavailableException>(() => converter.ToPdfAsync([1, 2, 3]));
        Assert.Contains("Word-dokumentet", refused.Message, StringComparison.Ordinal);
        var result = Assert.IsAssignableFrom<Microsoft.AspNetCore.Http.IStatusCodeHttpResult>(await converter.FileAsync([1, 2, 3], "x.pdf", default));
        Assert.Equal(503, result.StatusCode);
    }
}
