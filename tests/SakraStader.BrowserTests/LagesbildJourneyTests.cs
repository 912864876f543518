using Microsoft.Playwright;
using SakraStader.Features.Demo;

namespace SakraStader.BrowserTests;

/// <summary>An inrapportör logs an incident with the keyboard; the EST chair completes and fixes the month's lägesbild.</summary>
public sealed class LagesbildJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task An_inrapportor_logs_an_incident_with_the_keyboard_only()
    {
        var page = await app.NewPageAsync();
        await PageCheck.SignInAsync(page, DemoSeeder.EmailFor("inrapportor", "orebro"));
        await page.GotoAsync("/orebro");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Rapportera en händelse");

        // The category has focus on arrival; type to choose, Tab on through area, place, date and time.
        await Assertions.Expect(page.GetByLabel("Vad hände?")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("Klotter");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("Vivalla");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("Vivalla torg");
        await page.GetByLabel("Kort beskrivning").FocusAsync();
        await page.Keyboard.TypeAsync("Nytt klotter på elskåpet vid torget.");
        await PageCheck.CheckAsync(page, "60-rapportera-handelse");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator(".alert--success")).ToContainTextAsync("Händelsen är sparad.");
        // The next report starts in the same area.
        await Assertions.Expect(page.Locator("#area option:checked")).ToHaveTextAsync("Vivalla");
        await page.GetByRole(AriaRole.Link, new() { Name = "Mina rapporter" }).ClickAsync();
        await Assertions.Expect(page.Locator("tbody tr").First).ToContainTextAsync("Nytt klotter på elskåpet vid torget.");
        await PageCheck.CheckAsync(page, "61-mina-rapporter");
    }

    [Fact]
    public async Task The_chair_completes_and_fixes_the_months_lagesbild()
    {
        var page = await app.NewPageAsync();
        await PageCheck.SignInAsync(page, DemoSeeder.EmailFor("samordnare", "orebro"));
        await page.GotoAsync("/orebro/lagesbilder");
        await PageCheck.CheckAsync(page, "62-lagesbilder");
        await page.GetByRole(AriaRole.Button, new() { Name = "Öppna eller skapa lägesbilden" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Lägesbild EST");
        await Assertions.Expect(page.Locator(".chart svg")).ToBeVisibleAsync();
        await PageCheck.CheckAsync(page, "63-lagesbild-utkast");

        await page.GetByLabel("Rapport från").FillAsync("Lugnare i Vivalla efter saneringen; fortsatt samling vid centrumhuset fredagskvällar.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara rapporten" }).ClickAsync();
        await Assertions.Expect(page.Locator(".alert--success")).ToHaveTextAsync("Rapporten är sparad.");
        await page.Locator("#prognosis").FillAsync("Fler samlingar inomhus när kvällarna blir mörka.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara texterna" }).ClickAsync();
        await Assertions.Expect(page.Locator(".alert--success")).ToHaveTextAsync("Sammanfattning och prognos är sparade.");

        await page.GetByRole(AriaRole.Button, new() { Name = "Fastställ lägesbilden" }).ClickAsync();
        await Assertions.Expect(page.Locator(".alert--success")).ToHaveTextAsync("Lägesbilden är fastställd.");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Spara rapporten" })).ToHaveCountAsync(0);
        await PageCheck.CheckAsync(page, "64-lagesbild-faststalld");
    }
}
