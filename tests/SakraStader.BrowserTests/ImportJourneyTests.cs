using System.Text;
using Microsoft.Playwright;
using SakraStader.Features.Demo;

namespace SakraStader.BrowserTests;

/// <summary>The samordnare imports the month's crime statistics from Excel; the week and the fördjupad lägesbild.</summary>
public sealed class ImportJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static FilePayload Csv(string name, params string[] lines) => new()
    {
        Name = name,
        MimeType = "text/csv",
        Buffer = [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n")],
    };

    [Fact]
    public async Task The_samordnare_fixes_a_bad_row_and_imports_the_months_statistics()
    {
        var page = await app.NewPageAsync();
        await PageCheck.SignInAsync(page, DemoSeeder.EmailFor("samordnare", "orebro"));
        await page.GotoAsync("/orebro");
        // A link followed before the page's circuit has started can be lost on a loaded machine.
        await PageCheck.WaitForCircuitAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Importera" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Importera från fil");
        await PageCheck.WaitForCircuitAsync(page);
        await page.Locator(".format .mud-expand-panel-header").First.ClickAsync();
        await PageCheck.CheckAsync(page, "65-import");

        await ChooseKindAsync(page, "Anmälda brott");
        await PageCheck.ChooseFileAsync(page.GetByLabel("CSV-fil"), Csv("brott-2020.csv",
            "År;Månad;Område;Brottskategori;Antal", "2020;1;Vivalla;Skadegörelse;12", "2020;1;Vivala;Misshandel;3", "2020;februari;Centrum;Skadegörelse;tio"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Kontrollera filen" }).ClickAsync();
        await Assertions.Expect(page.Locator(".error-list tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator(".error-list tbody tr").First).ToContainTextAsync("Området \"Vivala\" finns inte");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Importera 3 rader" })).ToHaveCountAsync(0);
        await PageCheck.CheckAsync(page, "66-import-fel");

        await page.GetByText("Ladda upp en annan fil").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Importera från fil");
        await PageCheck.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator(".import-form .mud-select").First).ToContainTextAsync("Anmälda brott");
        await PageCheck.ChooseFileAsync(page.GetByLabel("CSV-fil"), Csv("brott-2020.csv",
            "År;Månad;Område;Brottskategori;Antal", "2020;1;Vivalla;Skadegörelse;12", "2020;1;Vivalla;Misshandel;3", "2020;februari;Centrum;Skadegörelse;10"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Kontrollera filen" }).ClickAsync();
        await Assertions.Expect(page.Locator(".facts")).ToContainTextAsync("januari 2020, februari 2020");
        await PageCheck.WaitForCircuitAsync(page);
        await PageCheck.CheckAsync(page, "67-import-forhandsvisning");
        await page.GetByRole(AriaRole.Button, new() { Name = "Importera 3 rader" }).ClickAsync();
        // The confirmation says what happens before anything is saved.
        await Assertions.Expect(page.GetByRole(AriaRole.Dialog)).ToContainTextAsync("Det går inte att ångra.");
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Importera", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".import-done")).ToContainTextAsync("3 rader är importerade.");
        await Assertions.Expect(page.Locator(".page-head .status")).ToContainTextAsync("Importerad");
    }

    /// <summary>Opens the kind's select and picks an option, as a user does with the mouse.</summary>
    private static async Task ChooseKindAsync(IPage page, string kind)
    {
        await page.Locator(".import-form .mud-select").First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = kind }).First.ClickAsync();
        await Assertions.Expect(page.Locator(".import-form .mud-select").First).ToContainTextAsync(kind);
    }

    [Fact]
    public async Task A_member_reads_and_writes_the_week_and_the_styrgrupp_reads_the_fordjupad_lagesbild()
    {
        var page = await app.NewPageAsync();
        await PageCheck.SignInAsync(page, DemoSeeder.EmailFor("samordnare", "orebro"));
        await page.GotoAsync("/orebro");
        // A link followed before the page's circuit has started can be lost on a loaded machine.
        await PageCheck.WaitForCircuitAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Veckan" }).ClickAsync();
        await PageCheck.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Vecka");
        // The week's texts save themselves: on leaving the field (or after a pause in the typing).
        var expected = page.GetByRole(AriaRole.Textbox, new() { Name = "Vad förväntas?" });
        await expected.FillAsync("Helgen före jul: fler besökare i centrum, extra väktare på torget.");
        await expected.BlurAsync();
        await Assertions.Expect(page.Locator("section[aria-labelledby=expected-heading] .autosave__status")).ToContainTextAsync("Sparat");
        await page.ReloadAsync();
        await PageCheck.WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "Vad förväntas?" })).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("extra väktare"));
        await PageCheck.CheckAsync(page, "68-veckan");
        var phone = await app.NewPageAsync(390, 844);
        await PageCheck.SignInAsync(phone, DemoSeeder.EmailFor("lasare", "orebro"));
        await phone.GotoAsync(page.Url);
        await PageCheck.WaitForCircuitAsync(phone);
        await Assertions.Expect(phone.Locator("section[aria-labelledby=expected-heading] .prose")).ToContainTextAsync("extra väktare");
        await PageCheck.CheckAsync(phone, "68m-veckan-telefon");

        await page.GetByRole(AriaRole.Link, new() { Name = "Lägesbilder" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Fördjupad lägesbild") }).First.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Fördjupad lägesbild");
        await Assertions.Expect(page.Locator(".chart .bars")).ToBeVisibleAsync();
        await PageCheck.CheckAsync(page, "69-fordjupad-lagesbild");
    }
}
