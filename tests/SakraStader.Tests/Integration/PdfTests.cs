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
            ($"/orebro/arsrapporter/{year}/arsrapport-{year}.pdf", new[] { "Tjänsteskrivelse", "Förslag till beslut", "Beslutet skickas till", $"Bilaga 1. Årsrapport {year}" }),
            ($"/orebro/moten/{meeting}/protokoll.pdf", ["Protokoll", "Närvarande", "§ 1", "Justering"]),
            ($"/orebro/lagesbilder/{lagesbild}/lagesbild.pdf", ["Lägesbild", "Händelser i siffror", "Problem, bedömning och orsaker"]),
            ($"/orebro/fordjupad/{fordjupad}/fordjupad-lagesbild.pdf", ["Fördjupad lägesbild", "Brottslighet och otrygghet", "Slutsatser och prioriteringar"]),
        })
        {
            using var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
            Assert.True(response.Headers.CacheControl?.NoStore, $"{response.Headers.CacheControl}");
            var (pages, tagged, text) = await LibreOffice.ReadPdfAsync(await response.Content.ReadAsByteArrayAsync());
            Assert.True(tagged, $"{url}: inte taggad");
            Assert.True(pages >= 1);
            Assert.Contains("Örebro kommun", text, StringComparison.Ordinal);
            Assert.Contains($"Sida 1 av {pages}", text, StringComparison.Ordinal);
            foreach (var part in expected)
            {
                Assert.Contains(part, text, StringComparison.Ordinal);
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
