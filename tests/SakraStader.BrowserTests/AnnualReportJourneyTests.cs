using SakraStader.Tests.Support;
using SakraStader.Domain;
using Microsoft.Playwright;
using SakraStader.Features.Demo;

namespace SakraStader.BrowserTests;

/// <summary>The annual report from draft to approved: the samordnare writes, the styrgrupp comments, answers, approval.</summary>
public sealed class AnnualReportJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
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

        // The summary saves itself when the samordnare pauses.
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
        var download = await samordnare.RunAndWaitForDownloadAsync(() => samordnare.GetByRole(AriaRole.Link, new() { Name = "Ladda ner som Word-dokument" }).ClickAsync());
        Assert.Equal($"arsrapport-{year}.docx", download.SuggestedFilename);

        // The chair approves at the held meeting, confirmed in a dialog that says what happens; desktop (keyboard only)
        // and phone.
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
