using Microsoft.Playwright;
using SakraStader.Features.Demo;

namespace SakraStader.BrowserTests;

/// <summary>A coordinator creates a measure from a problem, follows it up, and completes it with an evaluation.</summary>
public sealed class AtgardJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task The_samordnare_creates_a_measure_from_a_problem_follows_it_up_and_evaluates_it()
    {
        var page = await app.NewPageAsync();
        await PageCheck.SignInAsync(page, DemoSeeder.EmailFor("samordnare", "orebro"));
        await page.GotoAsync("/orebro");
        // A link followed before the page's circuit has started can be lost on a loaded machine.
        await PageCheck.WaitForCircuitAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Åtgärdsplaner" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "EST:s åtgärdsplan hösten" }).ClickAsync();
        await PageCheck.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator(".stats")).ToContainTextAsync("försenade");
        // The plan's measures are searched on the server; the search goes into the address.
        await page.Locator("#plan-atgarder-sok").FillAsync("gångtunneln");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("sok=g(%C3%A5|å)ngtunneln"));
        await Assertions.Expect(page.Locator(".measure-table tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".measure-table tbody tr")).ToContainTextAsync("Byt belysning i gångtunneln");
        await PageCheck.CheckAsync(page, "76-atgardsplan");

        // Updating many measures from the sheet: a file with a bad row gets the preview with the row's line and reason.
        var planUrl = page.Url;
        await page.GetByRole(AriaRole.Link, new() { Name = "Uppdatera många åtgärder från Excel" }).ClickAsync();
        await PageCheck.WaitForCircuitAsync(page);
        await PageCheck.ChooseFileAsync(page.GetByLabel("Planens fil (.xlsx eller .csv)"), new FilePayload
        {
            Name = "plan.csv", MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes($"Id;Status\r\n{Guid.NewGuid()};Klar\r\n"),
        });
        await page.GetByLabel("Planen är beslutad: vad ändras och varför?").FillAsync("Uppföljning i oktober");
        await page.GetByRole(AriaRole.Button, new() { Name = "Förhandsgranska" }).ClickAsync();
        await Assertions.Expect(page.Locator(".error-list tbody tr")).ToContainTextAsync("finns inte i den här planen");
        await PageCheck.CheckAsync(page, "76b-atgardsplan-uppdatera");
        await page.GotoAsync(planUrl);
        await PageCheck.WaitForCircuitAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Lägesbilder" }).ClickAsync();
        await page.WaitForURLAsync("**/orebro/lagesbilder");
        await page.Locator("main a[href*='/lagesbilder/']").First.ClickAsync();
        await PageCheck.WaitForCircuitAsync(page);
        await page.GetByRole(AriaRole.Tab, new() { Name = "Problem och orsaker" }).ClickAsync();
        await page.Locator("a[href*='/problem/']").First.ClickAsync();
        await page.GetByLabel("Ny åtgärd mot problemet").FillAsync("Trygghetsvandring med boende");
        await page.GetByLabel("Om planen är beslutad: varför?").FillAsync("De boende bad om en vandring.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lägg till åtgärden" }).ClickAsync();
        // The user stays on the problem's page; the new measure is listed there.
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Åtgärden är tillagd");
        await page.Locator("section[aria-labelledby=measures-heading]").GetByRole(AriaRole.Link, new() { Name = "Trygghetsvandring med boende" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Trygghetsvandring med boende");
        await PageCheck.WaitForCircuitAsync(page);

        // A part is rendered when first opened (memory per circuit), and what is typed in it stays while another is open.
        await Assertions.Expect(page.Locator("#e-title")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Tab, new() { Name = "Ändra åtgärden" }).ClickAsync();
        await page.Locator("#e-title").FillAsync("Trygghetsvandring med boende och polis");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Uppföljning" }).ClickAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Ändra åtgärden" }).ClickAsync();
        await Assertions.Expect(page.Locator("#e-title")).ToHaveValueAsync("Trygghetsvandring med boende och polis");
        await page.Locator("#e-title").FillAsync("Trygghetsvandring med boende");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Uppföljning" }).ClickAsync();

        // Text typed in a part other than the one the page opens on, not yet saved when the page moves (an instance
        // stopping asks its pages to move: app.js keeps the text in the tab and loads the page again), is taken back
        // and saved at once, without the user opening that part again. The user came here through the app's own
        // links: the text is kept under this page's address, not the first page's.
        await page.GetByRole(AriaRole.Tab, new() { Name = "Beskrivning" }).ClickAsync();
        const string description = "Vandring med boende längs torget och genom tunneln.";
        await page.Locator("#text-Description").FillAsync(description);
        await Assertions.Expect(page.Locator("#text-Description").Locator("xpath=ancestor::div[contains(@class,'autosave')]"))
            .ToHaveAttributeAsync("data-unsaved", "true");
        await page.EvaluateAsync("() => window.sakraStader.handOver()");
        await page.WaitForFunctionAsync("() => !document.querySelector('main[data-interactive=true]')");
        await PageCheck.WaitForCircuitAsync(page);
        await page.WaitForFunctionAsync("() => sessionStorage.getItem('sakrastader-utkast:' + location.pathname) === null");
        await page.WaitForFunctionAsync("() => (document.getElementById('text-Description')?.closest('.autosave')?.querySelector('.autosave__status')?.textContent || '').startsWith('Sparat')");
        await Assertions.Expect(page.GetByRole(AriaRole.Tab, new() { Name = "Uppföljning" })).ToHaveAttributeAsync("aria-selected", "true");
        await page.ReloadAsync();
        await PageCheck.WaitForCircuitAsync(page);
        await page.GetByRole(AriaRole.Tab, new() { Name = "Beskrivning" }).ClickAsync();
        await Assertions.Expect(page.Locator("#text-Description")).ToHaveValueAsync(description); // stored
        await page.GetByRole(AriaRole.Tab, new() { Name = "Uppföljning" }).ClickAsync();

        await page.GetByLabel("Vad har hänt?").FillAsync("Inbjudan skickad till alla hushåll kring torget.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara anteckningen" }).ClickAsync();
        await Assertions.Expect(page.Locator(".followups")).ToContainTextAsync("Inbjudan skickad");
        await Assertions.Expect(page.Locator(".mud-snackbar", new() { HasText = "Anteckningen är sparad." })).ToBeVisibleAsync();
        await PageCheck.CheckAsync(page, "77-atgard-uppfoljning");

        // The walk also covers the tunnel: a second problem, and a cause from the first one's analysis.
        await page.GetByRole(AriaRole.Tab, new() { Name = "Problem och orsaker" }).ClickAsync();
        var targets = page.Locator("section[aria-labelledby=targets-heading]");
        await targets.GetByLabel("Otrygg gångtunnel utan belysning").CheckAsync();
        await targets.GetByLabel("Få meningsfulla fritidsaktiviteter").CheckAsync();
        await targets.GetByLabel("Planen är beslutad: vad ändras och varför?").FillAsync("Vandringen går också genom tunneln.");
        await targets.GetByRole(AriaRole.Button, new() { Name = "Spara problem och orsaker" }).ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar", new() { HasText = "Problem och orsaker är sparade." })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".targets")).ToContainTextAsync("Otrygg gångtunnel utan belysning");
        await Assertions.Expect(page.Locator(".targets")).ToContainTextAsync("Orsak: Få meningsfulla fritidsaktiviteter");
        await Assertions.Expect(targets.GetByLabel("Få meningsfulla fritidsaktiviteter")).ToBeCheckedAsync();
        await PageCheck.CheckAsync(page, "77a-atgard-problem-och-orsaker");

        // Completing is confirmed in a dialog that says what happens.
        await page.GetByRole(AriaRole.Tab, new() { Name = "Uppföljning" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Utvärdera och avsluta åtgärden" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Genomförd: utvärdera" })).ToBeFocusedAsync();
        await page.GetByLabel("Uppnådd", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Vad lärde ni er?").FillAsync("Trettio boende kom; tre mörka platser rapporterade till tekniska.");
        await page.GetByLabel("Faktisk kostnad (kr)").FillAsync("4500");
        await page.GetByRole(AriaRole.Button, new() { Name = "Markera som genomförd" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToContainTextAsync("räknas som genomförd i planen");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Markera som genomförd" }).ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar", new() { HasText = "Åtgärden är genomförd och utvärderad." })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".page-head .atgard-status")).ToHaveTextAsync("Genomförd");
        await PageCheck.CheckAsync(page, "78-atgard-utvarderad");
    }
}
