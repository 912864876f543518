using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SakraStader.Data;
using SakraStader.Domain;
using SakraStader.Tenancy;
using SakraStader.Tests.Support;
using SakraStader.Features.Demo;

namespace SakraStader.BrowserTests;

/// <summary>The annual report from draft to approved: the samordnare writes, the styrgrupp comments, answers, approval.</summary>
public sealed class AnnualReportJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task The_samordnare_records_the_letterhead_that_every_document_carries()
    {
        var page = await app.NewPageAsync();
        await PageCheck.SignInAsync(page, DemoSeeder.EmailFor("samordnare", "kristianstad"));
        await page.GotoAsync("/kristianstad");
        await PageCheck.WaitForCircuitAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Brevhuvud", Exact = true }).ClickAsync();
        await PageCheck.WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByLabel("Kommunens fullständiga namn")).ToHaveValueAsync("Kristianstads kommun");

        // A mistake is named at its field, and nothing typed is lost.
        await page.GetByLabel("Förvaltning (valfritt)").FillAsync("Kommunledningskontoret, säkerhetsenheten");
        await page.GetByLabel("Postadress (valfritt)").FillAsync("291 80 Kristianstad");
        await page.GetByLabel("Namn", new() { Exact = true }).FillAsync("Lena Berg");
        await page.GetByLabel("E-post").FillAsync("lena.berg på kommunen");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara brevhuvudet" }).ClickAsync();
        await Assertions.Expect(page.Locator(".mud-input-helper-text.mud-input-error")).ToContainTextAsync("Skriv en e-postadress");
        await Assertions.Expect(page.GetByLabel("Förvaltning (valfritt)")).ToHaveValueAsync("Kommunledningskontoret, säkerhetsenheten");
        await PageCheck.CheckAsync(page, "76a-brevhuvud-fel");
        await page.GetByLabel("E-post").FillAsync("lena.berg@kristianstad.se");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara brevhuvudet" }).ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Brevhuvudet är sparat.");

        // A file that is not an image is refused; a PNG logo is shown as it will stand in the documents.
        await PageCheck.ChooseFileAsync(page.Locator("#lh-logo"), new FilePayload { Name = "logga.png", MimeType = "image/png", Buffer = "inte en bild"u8.ToArray() });
        await Assertions.Expect(page.Locator("#lh-logo-error")).ToContainTextAsync("inte en PNG- eller JPEG-bild");
        var png = new QRCoder.PngByteQRCode(new QRCoder.QRCodeGenerator().CreateQrCode("Kristianstad", QRCoder.QRCodeGenerator.ECCLevel.L)).GetGraphic(4);
        await PageCheck.ChooseFileAsync(page.Locator("#lh-logo"), new FilePayload { Name = "logga.png", MimeType = "image/png", Buffer = png });
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Kommunens logotyp som den står i dokumenten" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#lh-logo-error")).ToHaveCountAsync(0);
        await PageCheck.CheckAsync(page, "76-brevhuvud");

        var phone = await app.NewPageAsync(390, 844);
        await PageCheck.SignInAsync(phone, DemoSeeder.EmailFor("samordnare", "kristianstad"));
        await phone.GotoAsync("/kristianstad/brevhuvud");
        await PageCheck.WaitForCircuitAsync(phone);
        await Assertions.Expect(phone.GetByLabel("Förvaltning (valfritt)")).ToHaveValueAsync("Kommunledningskontoret, säkerhetsenheten");
        await PageCheck.CheckAsync(phone, "76m-brevhuvud-telefon");
    }

    /// <summary>The kommun's styrgrupp in a meeting that started 20 minutes ago.</summary>
    private Task<int> StyrgruppMeetsAsync(string slug) => app.InKommunAsync(slug, async db =>
    {
        var styrgrupp = await db.Groups.SingleAsync(g => g.Kind == GroupKind.Styrgrupp);
        var now = TestClock.Now;
        db.Meetings.Add(new Meeting(styrgrupp.Id, now.AddMinutes(-20), now.AddMinutes(40), "Stadshuset", null));
        return await db.SaveChangesAsync();
    });

    [Fact]
    public async Task The_samordnare_writes_the_report_the_styrgrupp_reviews_and_approves_it()
    {
        var year = TestClock.Today.Year - 1;
        var samordnare = await app.NewPageAsync();
        await PageCheck.SignInAsync(samordnare, DemoSeeder.EmailFor("samordnare", "boras"));
        await samordnare.GotoAsync("/boras");
        await PageCheck.WaitForCircuitAsync(samordnare);
        await samordnare.GetByRole(AriaRole.Link, new() { Name = "Årsrapport", Exact = true }).ClickAsync();
        // The list page renders over the circuit; on a loaded machine that can take a while.
        await PageCheck.WaitForCircuitAsync(samordnare);
        // The year that has ended is chosen at first: one press starts it (the heading below checks the year).
        await samordnare.GetByRole(AriaRole.Button, new() { Name = "Påbörja rapporten" }).ClickAsync(new() { Timeout = 45_000 });
        await Assertions.Expect(samordnare.Locator("h1")).ToContainTextAsync($"Årsrapport {year}", new() { Timeout = 30_000 });

        await PageCheck.WaitForCircuitAsync(samordnare);

        // The samordnare opens the summary for writing; it saves itself when the samordnare pauses.
        await samordnare.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Skriv texten.*Sammanfattning$") }).ClickAsync();
        await Assertions.Expect(samordnare.GetByRole(AriaRole.Textbox, new() { Name = "Sammanfattning", Exact = true })).ToBeFocusedAsync();
        await samordnare.GetByRole(AriaRole.Textbox, new() { Name = "Sammanfattning", Exact = true }).FillAsync("Ett lugnare år i Hässleholmen och Hulta. Bilbränderna minskade efter sommarens insatser.");
        await Assertions.Expect(samordnare.Locator("#text-Sammanfattning").Locator("xpath=ancestor::div[contains(@class,'autosave')]").Locator(".autosave__status")).ToContainTextAsync("Sparat");
        await PageCheck.CheckAsync(samordnare, "79-arsrapport-utkast");
        // Sending for review is confirmed in a dialog that says what happens.
        await samordnare.GetByRole(AriaRole.Tab, new() { Name = "Granskning och beslut" }).ClickAsync();
        await Assertions.Expect(samordnare).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("del=beslut"));
        await samordnare.GetByRole(AriaRole.Button, new() { Name = "Skicka till styrgruppen för granskning" }).ClickAsync();
        var reviewDialog = samordnare.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(reviewDialog).ToContainTextAsync("kommentera avsnitten");
        await reviewDialog.GetByRole(AriaRole.Button, new() { Name = "Skicka" }).ClickAsync();
        await Assertions.Expect(samordnare.Locator(".mud-snackbar")).ToContainTextAsync("skickad till styrgruppen");
        await Assertions.Expect(samordnare.Locator(".report-status")).ToHaveTextAsync("Granskas av styrgruppen");
        var reportUrl = samordnare.Url.Split('?')[0];
        await samordnare.GotoAsync("/boras/overenskommelser");
        await Assertions.Expect(samordnare.Locator("main .mud-card h2").First).ToContainTextAsync("Samverkansöverenskommelse");
        await PageCheck.CheckAsync(samordnare, "79b-overenskommelser");

        var styrgrupp = await app.NewPageAsync();
        await PageCheck.SignInAsync(styrgrupp, DemoSeeder.EmailFor("styrgrupp", "boras"));
        await styrgrupp.GotoAsync("/boras");
        await Assertions.Expect(styrgrupp.Locator(".review-waiting")).ToContainTextAsync($"Årsrapporten för {year} väntar på styrgruppens granskning");
        await PageCheck.CheckAsync(styrgrupp, "80a-oversikt-granskning");
        await styrgrupp.GotoAsync("/boras/arsrapporter");
        await Assertions.Expect(styrgrupp.Locator(".glance")).ToContainTextAsync("Rapporten väntar på din granskning.");
        await PageCheck.CheckAsync(styrgrupp, "80-arsrapport-styrgruppens-vy");
        await styrgrupp.GetByRole(AriaRole.Link, new() { Name = "Läs och kommentera rapporten" }).ClickAsync();
        await PageCheck.WaitForCircuitAsync(styrgrupp);
        // The chair comments in the section's small form, with the keyboard only.
        await styrgrupp.GetByLabel("Din kommentar till avsnittet ”Åtgärder”").FocusAsync();
        await styrgrupp.Keyboard.TypeAsync("Redovisa gärna vad de genomförda åtgärderna kostade.");
        await PageCheck.TabToAndPressAsync(styrgrupp, styrgrupp.Locator("form:has(#comment-Atgarder)").GetByRole(AriaRole.Button, new() { Name = "Kommentera" }));
        await Assertions.Expect(styrgrupp.Locator(".mud-snackbar")).ToContainTextAsync("Din kommentar är sparad.");
        await Assertions.Expect(styrgrupp.Locator(".comment--open")).ToContainTextAsync("Redovisa gärna");

        // The samordnare's answer saves itself.
        await samordnare.GotoAsync(reportUrl);
        await PageCheck.WaitForCircuitAsync(samordnare);
        await Assertions.Expect(samordnare.Locator(".toc")).ToContainTextAsync("1 obesvarad");
        await samordnare.GetByLabel("Ditt svar: vad du ändrade, eller varför inte").FillAsync("Kostnaderna står nu i tabellen under Åtgärder.");
        await Assertions.Expect(samordnare.Locator(".comment .autosave__status")).ToContainTextAsync("Sparat");
        await Assertions.Expect(samordnare.Locator(".toc")).Not.ToContainTextAsync("obesvarad");
        await PageCheck.CheckAsync(samordnare, "81-arsrapport-granskning");
        // The contents link within the page; the Word document still comes from its file endpoint.
        await samordnare.Locator(".toc").GetByRole(AriaRole.Link, new() { Name = "Åtgärder" }).ClickAsync();
        await Assertions.Expect(samordnare).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/boras/arsrapporter/{year}.*#avsnitt-atgarder$"));
        var download = await samordnare.RunAndWaitForDownloadAsync(() => samordnare.GetByRole(AriaRole.Link, new() { Name = "Tjänsteskrivelse (Word)" }).ClickAsync());
        Assert.Equal($"arsrapport-{year}.docx", download.SuggestedFilename);
        // The PDF, made on the server.
        var pdf = await samordnare.RunAndWaitForDownloadAsync(() => samordnare.GetByRole(AriaRole.Link, new() { Name = "Tjänsteskrivelse (PDF)" }).ClickAsync(),
            new() { Timeout = 60_000 });
        Assert.Equal($"arsrapport-{year}.pdf", pdf.SuggestedFilename);
        await using (var file = await pdf.CreateReadStreamAsync())
        {
            var head = new byte[5];
            Assert.Equal(5, await file.ReadAsync(head));
            Assert.Equal("%PDF-"u8.ToArray(), head);
        }

        // The styrgrupp meets (now, after the report was sent to it): the chair approves at that meeting, confirmed in a
        // dialog that says what happens; desktop (keyboard only) and phone. Its earlier meetings are not offered.
        await StyrgruppMeetsAsync("boras");
        await styrgrupp.GotoAsync(reportUrl + "?del=beslut");
        await PageCheck.WaitForCircuitAsync(styrgrupp);
        await PageCheck.PressWithKeyboardAsync(styrgrupp, styrgrupp.GetByRole(AriaRole.Button, new() { Name = "Godkänn årsrapporten" }));
        var dialog = styrgrupp.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToContainTextAsync("Siffror och texter låses");
        await PageCheck.CheckAsync(styrgrupp, "81a-arsrapport-godkann-dialog");
        var phone = await app.NewPageAsync(390, 844);
        await PageCheck.SignInAsync(phone, DemoSeeder.EmailFor("styrgrupp", "boras"));
        await phone.GotoAsync(reportUrl + "?del=beslut");
        await PageCheck.WaitForCircuitAsync(phone);
        await phone.GetByRole(AriaRole.Button, new() { Name = "Godkänn årsrapporten" }).ClickAsync();
        await Assertions.Expect(phone.GetByRole(AriaRole.Dialog)).ToContainTextAsync("Siffror och texter låses");
        await PageCheck.CheckAsync(phone, "81m-arsrapport-godkann-dialog-telefon");
        await phone.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Avbryt" }).ClickAsync();
        await Assertions.Expect(phone.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);

        await PageCheck.ConfirmWithKeyboardAsync(styrgrupp, dialog, "Godkänn");
        await Assertions.Expect(styrgrupp.Locator(".mud-snackbar")).ToContainTextAsync("Årsrapporten är godkänd");
        await Assertions.Expect(styrgrupp.Locator(".report-status")).ToHaveTextAsync("Godkänd");
        await Assertions.Expect(styrgrupp.Locator("textarea")).ToHaveCountAsync(0);
        await PageCheck.CheckAsync(styrgrupp, "82-arsrapport-godkand");
        await phone.ReloadAsync();
        await PageCheck.WaitForCircuitAsync(phone);
        await Assertions.Expect(phone.Locator(".report-status")).ToHaveTextAsync("Godkänd");
        await PageCheck.CheckAsync(phone, "82m-arsrapport-godkand-telefon");

        // The print layout (what "Spara som PDF" gives): no menus, steps or forms.
        await styrgrupp.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(styrgrupp.Locator(".steps")).ToBeHiddenAsync();
        await styrgrupp.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ScreenshotDir, "83-arsrapport-utskrift.png"), FullPage = true });
    }
}
