using SakraStader.Tests.Support;
using SakraStader.Domain;
using Microsoft.Playwright;
using SakraStader.Features.Demo;

namespace SakraStader.BrowserTests;

/// <summary>The EST chair plans a meeting, records attendance and minutes, approves them; a screenshot of each step.</summary>
public sealed class MeetingJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    /// <summary>A snackbar fading in or out is half transparent (axe reads its contrast as too low): wait until it has gone.</summary>
    private static Task NoSnackbarAsync(IPage page) =>
        Assertions.Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0, new() { Timeout = 20_000 });

    [Fact]
    public async Task Chair_plans_a_meeting_records_attendance_and_minutes_and_approves_them()
    {
        var page = await app.NewPageAsync();
        await PageCheck.SignInAsync(page, DemoSeeder.EmailFor("samordnare", "orebro"));

        await page.GotoAsync("/orebro/grupper");
        await PageCheck.WaitForCircuitAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "EST – Effektiv samordning för trygghet" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("EST – Effektiv samordning för trygghet");
        await PageCheck.WaitForCircuitAsync(page);
        await PageCheck.CheckAsync(page, "50-grupp-est");
        await page.GetByRole(AriaRole.Link, new() { Name = "Hantera medlemmar och ordförande" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Medlemmar i EST – Effektiv samordning för trygghet");
        await PageCheck.WaitForCircuitAsync(page);
        await PageCheck.CheckAsync(page, "50b-grupp-medlemmar");
        await page.GoBackAsync();

        // A meeting yesterday, as if it was entered after the fact; first with the end before the start.
        var yesterday = TestClock.Today.AddDays(-1).ToString("yyyy-MM-dd");
        await page.GetByRole(AriaRole.Link, new() { Name = "Nytt möte" }).ClickAsync();
        await PageCheck.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Nytt möte – EST – Effektiv samordning för trygghet");
        await page.GetByLabel("Datum").FillAsync(yesterday);
        await page.GetByLabel("Datum").BlurAsync();
        await page.GetByLabel("Börjar").FillAsync("13:00");
        await page.GetByLabel("Slutar").FillAsync("12:00");
        await page.GetByLabel("Plats", new() { Exact = true }).FillAsync("Vivalla centrum, föreningslokalen");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara mötet" }).ClickAsync();
        await Assertions.Expect(page.Locator(".mud-input-helper-text.mud-input-error").Filter(new() { HasText = "Mötet måste sluta efter att det har börjat." })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Plats", new() { Exact = true })).ToHaveValueAsync("Vivalla centrum, föreningslokalen");
        await PageCheck.CheckAsync(page, "51-nytt-mote-fel");
        await page.GetByLabel("Slutar").FillAsync("15:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara mötet" }).ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Mötet är sparat.");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("EST – Effektiv samordning för trygghet,");
        await PageCheck.WaitForCircuitAsync(page);

        await page.GetByLabel("Ny punkt på dagordningen").FillAsync("Lägesbild: händelser sedan förra mötet");
        await page.GetByLabel("Ny punkt på dagordningen").BlurAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Lägg till punkt" }).ClickAsync();
        await Assertions.Expect(page.Locator(".agenda__item")).ToHaveCountAsync(1);
        await page.GetByLabel("Ny punkt på dagordningen").FillAsync("Åtgärder till nästa möte");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lägg till punkt" }).ClickAsync();
        await Assertions.Expect(page.Locator(".agenda__item")).ToHaveCountAsync(2);

        // Attendance: a substitute needs a name; nothing is saved until it is given.
        await page.Locator("tr", new() { HasText = "Sara Nyholm" }).GetByText("Närvarande").ClickAsync();
        await page.Locator("tr", new() { HasText = "Mikael Strand" }).GetByText("Ersatt").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara närvaro" }).ClickAsync();
        await Assertions.Expect(page.Locator(".mud-input-helper-text.mud-input-error").Filter(new() { HasText = "Ange vem som ersatte Mikael Strand." })).ToBeVisibleAsync();
        await page.GetByLabel("Ersättare för Mikael Strand").FillAsync("Polisassistent Jonsson");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara närvaro" }).ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar").Filter(new() { HasText = "Närvaron är sparad." })).ToBeVisibleAsync();

        // The minutes save themselves: after a pause, and on leaving the field.
        await page.GetByLabel("Protokoll för punkt 1").FillAsync("Skadegörelse vid centrumhuset och en bilbrand på parkeringen vid Vivallagatan.");
        await page.GetByLabel("Beslut under punkt 1 (valfritt)").FillAsync("Bostadsbolaget ser över belysningen.");
        await page.GetByLabel("Protokoll för punkt 2").FocusAsync();
        await Assertions.Expect(page.Locator(".autosave__status").Nth(0)).ToContainTextAsync("Sparat");
        await Assertions.Expect(page.Locator(".autosave__status").Nth(1)).ToContainTextAsync("Sparat");
        await NoSnackbarAsync(page);
        await PageCheck.CheckAsync(page, "52-mote-protokoll");
        var phone = await app.NewPageAsync(390, 844);
        await PageCheck.SignInAsync(phone, DemoSeeder.EmailFor("samordnare", "orebro"));
        await phone.GotoAsync(page.Url);
        await PageCheck.WaitForCircuitAsync(phone);
        await Assertions.Expect(phone.GetByLabel("Protokoll för punkt 1")).ToHaveValueAsync("Skadegörelse vid centrumhuset och en bilbrand på parkeringen vid Vivallagatan.");
        await NoSnackbarAsync(phone);
        await PageCheck.CheckAsync(phone, "52m-mote-protokoll-telefon");

        // Justering is confirmed in a dialog that says what it means.
        await page.GetByRole(AriaRole.Button, new() { Name = "Justera protokollet" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToContainTextAsync("Att justera betyder");
        await NoSnackbarAsync(page);
        await PageCheck.CheckAsync(page, "52a-mote-justera-dialog");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Justera", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar").Filter(new() { HasText = "Protokollet är justerat." })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("textarea")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".decision")).ToContainTextAsync("Bostadsbolaget ser över belysningen.");
        await Assertions.Expect(page.Locator(".versions")).ToContainTextAsync("Version 1");
        await NoSnackbarAsync(page);
        await PageCheck.CheckAsync(page, "53-mote-justerat");

        // The list: searched and sorted on the server, the view in the address.
        await page.GotoAsync("/orebro/moten?visa=tidigare");
        await PageCheck.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Möten");
        await page.Locator("#moten-sok").FillAsync("föreningslokalen");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("sok=f%C3%B6reningslokalen|sok=föreningslokalen"));
        await Assertions.Expect(page.Locator("table.mud-table-root tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("table.mud-table-root tbody tr")).ToContainTextAsync("Protokoll justerat");
        await page.Locator("#moten-sok").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Plats" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("sortera=plats"));
        await PageCheck.CheckAsync(page, "54-moten-oversikt");
        await phone.GotoAsync("/orebro/moten?visa=tidigare");
        await PageCheck.WaitForCircuitAsync(phone);
        await PageCheck.CheckAsync(phone, "54m-moten-oversikt-telefon");

        await page.GotoAsync("/konto/kalender");
        await PageCheck.WaitForCircuitAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Skapa kalenderadress" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Din kalenderadress")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("/kalender/[0-9a-f]{48}\\.ics$"));
        await PageCheck.CheckAsync(page, "55-kalender");
    }
}
