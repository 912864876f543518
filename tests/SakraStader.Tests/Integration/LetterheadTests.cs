using System.Net;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.EntityFrameworkCore;
using SakraStader.Auditing;
using SakraStader.Domain;
using SakraStader.Features.Commands;
using SakraStader.Features.Letterheads;
using SakraStader.Tenancy;
using SakraStader.Tests.Support;
using SakraStader.Tests.Unit;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace SakraStader.Tests.Integration;

/// <summary>
/// The kommun's letterhead (issue 20 items 1–2): kept by the samordnare through the command path, audited, and on every
/// document; the annual report as the tjänsteskrivelse a kansli files, read back through the validator and as a PDF.
/// </summary>
[Trait("Category", "Integration")]
public sealed class LetterheadTests(TestApp app) : IClassFixture<TestApp>
{
    private static readonly KommunRoleRequirement Samordnare = new(Role.Samordnare);

    private static LetterheadInput Orebro() => new()
    {
        OrganisationName = "Örebro kommun",
        Forvaltning = "Kommunstyrelseförvaltningen",
        Address = "Box 300 00\n701 35 Örebro",
        HandlaggareName = "Anna Lindqvist",
        HandlaggareTitle = "säkerhetschef",
        HandlaggarePhone = "019-21 10 00",
        HandlaggareEmail = "anna.lindqvist@orebro.se",
    };

    /// <summary>Saves as the form does, over the letterhead as the user saw it (by default: as stored when the form opens).</summary>
    private Task<CommandResult> SaveAsync(string email, string kommun, LetterheadInput input, LetterheadInput? seen = null) =>
        app.AsUserAsync(email, kommun, async ops =>
        {
            seen ??= LetterheadInput.From(await ops.ReadAsync<LetterheadWork, LetterheadInfo>((w, ct) => w.ReadAsync(ct)));
            return await ops.SendAsync<LetterheadWork>(Samordnare, null, (w, ct) => w.SaveAsync(input, seen, ct), "Sparat.");
        });

    /// <summary>Two samordnare open the form; the second to save is refused, sees the first one's letterhead and keeps their own.</summary>
    [Fact]
    public async Task A_save_over_a_letterhead_changed_meanwhile_is_refused_with_both_shown()
    {
        var samordnare = TestApp.Email("samordnare", "kristianstad");
        var opened = LetterheadInput.From(await app.AsUserAsync(samordnare, "kristianstad", ops => ops.ReadAsync<LetterheadWork, LetterheadInfo>((w, ct) => w.ReadAsync(ct))));
        var first = Orebro();
        first.OrganisationName = "Kristianstads kommun";
        first.Forvaltning = "Kommunledningskontoret";
        var second = Orebro();
        second.OrganisationName = "Kristianstad kommun";
        Assert.True((await SaveAsync(samordnare, "kristianstad", first, opened)).Succeeded);

        var refused = await SaveAsync(samordnare, "kristianstad", second, opened);
        Assert.True(refused.Conflict);
        Assert.Equal(nameof(LetterheadInput.OrganisationName), refused.Field);
        Assert.Contains("Kommunledningskontoret", refused.Current, StringComparison.Ordinal);
        var stored = await app.AsUserAsync(samordnare, "kristianstad", ops => ops.ReadAsync<LetterheadWork, LetterheadInfo>((w, ct) => w.ReadAsync(ct)));
        Assert.Equal(("Kristianstads kommun", "Kommunledningskontoret"), (stored.OrganisationName, stored.Forvaltning));

        // Saving again over what is now shown is the user's choice, and it holds.
        Assert.True((await SaveAsync(samordnare, "kristianstad", second, LetterheadInput.From(stored))).Succeeded);
    }

    private Task<CommandResult> LogoAsync(string email, string kommun, byte[] file) =>
        app.AsUserAsync(email, kommun, ops => ops.SendAsync<LetterheadWork>(Samordnare, null, (w, ct) => w.SetLogoAsync(file, ct), "Sparat."));

    [Fact]
    public async Task The_samordnare_keeps_the_letterhead_audited_and_others_cannot()
    {
        var samordnare = TestApp.Email("samordnare", "karlstad");
        // The demo kommun's letterhead, with its samordnare as handläggare.
        var before = await app.AsUserAsync(samordnare, "karlstad", ops => ops.ReadAsync<LetterheadWork, LetterheadInfo>((w, ct) => w.ReadAsync(ct)));
        Assert.Equal(("Karlstads kommun", "651 84 Karlstad"), (before.OrganisationName, before.Address));
        Assert.EndsWith(samordnare, before.Handlaggare, StringComparison.Ordinal);

        var bad = Orebro();
        bad.OrganisationName = "Karlstads kommun, ändrat";
        bad.HandlaggareEmail = "anna på kommunen";
        var refused = await SaveAsync(samordnare, "karlstad", bad);
        Assert.False(refused.Succeeded);
        Assert.Equal(nameof(Letterhead.HandlaggareEmail), refused.Field);
        Assert.Equal("Karlstads kommun", (await app.WithDbAsync("karlstad", db => db.Letterheads.SingleAsync())).OrganisationName);

        var input = Orebro();
        input.OrganisationName = "Karlstads kommun";
        Assert.True((await SaveAsync(samordnare, "karlstad", input)).Succeeded);
        Assert.True((await LogoAsync(samordnare, "karlstad", LetterheadRuleTests.Png())).Succeeded);
        var gif = await LogoAsync(samordnare, "karlstad", [.. "GIF89a"u8, 1, 0, 1, 0]);
        Assert.False(gif.Succeeded);
        Assert.Equal(nameof(Letterhead.Logo), gif.Field);

        var stored = await app.WithDbAsync("karlstad", db => db.Letterheads.SingleAsync());
        Assert.Equal(("Karlstads kommun", "Box 300 00\n701 35 Örebro", "image/png"), (stored.OrganisationName, stored.Address, stored.LogoContentType));
        var audit = await app.WithDbAsync("karlstad", db => db.AuditEntries.Where(a => a.EntityId == stored.Id.ToString() && a.Action == AuditAction.Updated).ToListAsync());
        Assert.Equal(2, audit.Count); // the texts, then the logo; the refused ones left no trace

        // A member, and the samordnare of another kommun, change nothing here.
        Assert.True((await SaveAsync(TestApp.Email("medlem", "karlstad"), "karlstad", Orebro())).Forbidden);
        Assert.True((await SaveAsync(TestApp.Email("samordnare", "boras"), "boras", Orebro())).Succeeded);
        Assert.Equal("Karlstads kommun", (await app.WithDbAsync("karlstad", db => db.Letterheads.SingleAsync())).OrganisationName);
        Assert.Equal("Örebro kommun", (await app.WithDbAsync("boras", db => db.Letterheads.SingleAsync())).OrganisationName);
        // A kommun without a letterhead signs its documents "{name} kommun".
        Assert.Equal("Testby kommun", LetterheadInfo.Default("Testby").OrganisationName);
    }

    [Fact]
    public async Task The_annual_report_is_a_tjansteskrivelse_with_the_letterhead_on_every_page_and_the_report_as_bilaga()
    {
        var samordnare = TestApp.Email("samordnare", "orebro");
        Assert.True((await SaveAsync(samordnare, "orebro", Orebro())).Succeeded);
        Assert.True((await LogoAsync(samordnare, "orebro", LetterheadRuleTests.Png())).Succeeded);
        using var client = await app.SignedInClientAsync(samordnare);
        var year = await app.WithDbAsync("orebro", db => db.AnnualReports.Select(r => r.Year).SingleAsync());
        using var response = await client.GetAsync($"/orebro/arsrapporter/{year}/arsrapport-{year}.docx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();

        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), isEditable: false);
        var errors = new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2019).Validate(document).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(10).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")));
        var main = document.MainDocumentPart!;
        // The letterhead: logo, sender and förvaltning, the document's kind, date and diarienummer; the address and
        // page numbers at the foot.
        var header = Assert.Single(main.HeaderParts);
        Assert.Single(header.ImageParts);
        var headerText = string.Join("|", header.Header!.Descendants<W.Paragraph>().Select(p => p.InnerText));
        Assert.Contains("Örebro kommun|Kommunstyrelseförvaltningen", headerText, StringComparison.Ordinal);
        Assert.Contains("Tjänsteskrivelse", headerText, StringComparison.Ordinal);
        Assert.Contains("Dnr ", headerText, StringComparison.Ordinal);
        var footer = Assert.Single(main.FooterParts).Footer!;
        Assert.Contains("Box 300 00 · 701 35 Örebro", footer.InnerText, StringComparison.Ordinal);
        Assert.Equal([" PAGE ", " NUMPAGES "], footer.Descendants<W.SimpleField>().Select(f => f.Instruction!.Value));

        var paragraphs = main.Document!.Body!.Descendants<W.Paragraph>().Select(p => p.InnerText).ToList();
        Assert.Contains("Handläggare: Anna Lindqvist, säkerhetschef, 019-21 10 00, anna.lindqvist@orebro.se", paragraphs);
        Assert.DoesNotContain(paragraphs, p => p.StartsWith("Status:", StringComparison.Ordinal));
        string[] order =
        [
            "Förslag till beslut", "Sammanfattning", "Beskrivning av ärendet", "Ekonomiska konsekvenser", "Barnrättsperspektiv",
            "Jämställdhetsperspektiv", "Miljö och hållbarhet", "Juridiska konsekvenser", "Beslutsunderlag", "Beslutet skickas till",
            "Förvaltningschef", $"Bilaga 1. Årsrapport {year}", "Förslag inför nästa år",
        ];
        var at = order.Select(h => paragraphs.IndexOf(h)).ToList();
        Assert.True(at.All(i => i >= 0) && at.SequenceEqual(at.Order()), string.Join(", ", order.Zip(at, (h, i) => $"{h}: {i}")));
        Assert.Contains("Anna Lindqvist, säkerhetschef", paragraphs);
        Assert.Single(main.Document.Body.Descendants<W.Break>(), b => b.Type?.Value == W.BreakValues.Page);

        // As the kansli's office suite prints it: the letterhead and "Sida x av y" on each page, and no word in a
        // table broken over two lines ("Genomf-örda").
        var (pages, text) = await LibreOffice.PdfAsync(bytes, "docx", "arsrapport-tjansteskrivelse.pdf");
        Assert.True(pages >= 3, $"{pages} sidor");
        Assert.Contains($"Sida 1 av {pages}", text, StringComparison.Ordinal);
        Assert.Contains($"Sida {pages} av {pages}", text, StringComparison.Ordinal);
        Assert.True(Regex.Count(text, "Kommunstyrelseförvaltningen") >= pages, "Brevhuvudet står inte på varje sida.");
        foreach (var word in new[] { "Genomförda", "Kvartalsanalysmöte", "Medlemmar", "Planerade", "Försenade" })
        {
            Assert.Contains(word, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Removing_the_logo_leaves_the_letterhead_without_one_and_is_audited()
    {
        var samordnare = TestApp.Email("samordnare", "haninge");
        Assert.True((await LogoAsync(samordnare, "haninge", LetterheadRuleTests.Png())).Succeeded);
        Assert.NotNull((await app.WithDbAsync("haninge", db => db.Letterheads.SingleAsync())).Logo);

        var removed = await app.AsUserAsync(samordnare, "haninge", ops =>
            ops.SendAsync<LetterheadWork>(Samordnare, null, (w, ct) => w.RemoveLogoAsync(ct), "Logotypen är borttagen."));
        Assert.True(removed.Succeeded, removed.Message);
        var stored = await app.WithDbAsync("haninge", db => db.Letterheads.SingleAsync());
        Assert.Null(stored.Logo);
        Assert.Null(stored.LogoContentType);
        Assert.Equal((0, 0, "Haninge kommun"), (stored.LogoWidth, stored.LogoHeight, stored.OrganisationName)); // the texts stay
        var audit = await app.WithDbAsync("haninge", db => db.AuditEntries.Where(a => a.EntityId == stored.Id.ToString() && a.Action == AuditAction.Updated)
            .OrderBy(a => a.Id).Select(a => a.Changes).ToListAsync());
        Assert.Equal(2, audit.Count); // the logo set, then removed
        Assert.Equal(new AuditChange("image/png", null), AuditJson.Parse(audit[1])["LogoContentType"]);
        Assert.Null(AuditJson.Parse(audit[1])["Logo"].To);
    }
}
