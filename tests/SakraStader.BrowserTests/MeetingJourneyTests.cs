using SakraStader.Tests.Support;
using SakraStader.Domain;
using Microsoft.Playwright;
using SakraStader.Features.Demo;

namespace SakraStader.BrowserTests;

/// <summary>The EST chair plans a meeting, records attendance and minutes, approves them; a screenshot of each step.</summary>
public sealed class MeetingJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Chair_plans_a_meeting_records_attendance_and_minutes_and_approves_them()
    {
        var page = await app.NewPageAsync();
        await PageCheck.SignInAsync(page, DemoSeeder.EmailFor("samordnare", "orebro"));

        await page.GotoAsync("/orebro/grupper");
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
        await page.GetByLabel("Datum").FillAsync(yesterday);
        await page.GetByLabel("Börjar").FillAsync("13:00");
        await page.GetByLabel("Slutar").FillAsync("12:00");
        await page.GetByLabel("Plats", new() { Exact = true }).FillAsync("Vivalla centrum, föreningslokalen");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara mötet" }).ClickAsync();
        await Assertions.Expect(page.Locator(".validation-message")).ToHaveTextAsync("Mötet måste sluta efter att det har börjat.");
        await Assertions.Expect(page.GetByLabel("Plats", new() { Exact = true })).ToHaveValueAsync("Vivalla centrum, föreningslokalen");
        await PageCheck.CheckAsync(page, "51-nytt-mote-fel");
        await page.GetByLabel("Slutar").FillAsync("15:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara mötet" }).ClickAsync();
        await Assertions.Expect(page.Locator(".alert--success")).ToHaveTextAsync("Mötet är sparat.");

        await page.GetByLabel("Ny punkt på dagordningen").FillAsync("Lägesbild: händelser sedan förra mötet");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lägg till punkt" }).ClickAsync();
        await page.GetByLabel("Ny punkt på dagordningen").FillAsync("Åtgärder till nästa möte");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lägg till punkt" }).ClickAsync();
        await Assertions.Expect(page.Locator(".agenda__item")).ToHaveCountAsync(2);

        await page.GetByLabel("Närvaro för Sara Nyholm").SelectOptionAsync("Present");
        await page.GetByLabel("Närvaro för Mikael Strand").SelectOptionAsync("Substitute");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara närvaro" }).ClickAsync();
        await Assertions.Expect(page.Locator(".alert--error")).ToContainTextAsync("Närvaron är inte sparad");
        await Assertions.Expect(page.Locator(".field-error")).ToHaveTextAsync("Ange vem som ersatte Mikael Strand.");
        await page.GetByLabel("Ersättare för Mikael Strand").FillAsync("Polisassistent Jonsson");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara närvaro" }).ClickAsync();
        await Assertions.Expect(page.Locator(".alert--success")).ToHaveTextAsync("Närvaron är sparad.");

        await page.GetByLabel("Protokoll för punkt 1").FillAsync("Skadegörelse vid centrumhuset och en bilbrand på parkeringen vid Vivallagatan.");
        await page.GetByLabel("Beslut").First.FillAsync("Bostadsbolaget ser över belysningen.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara punkt 1" }).ClickAsync();
        await Assertions.Expect(page.Locator(".alert--success")).ToHaveTextAsync("Protokollet är sparat.");
        await PageCheck.CheckAsync(page, "52-mote-protokoll");

        await page.GetByRole(AriaRole.Button, new() { Name = "Justera protokollet" }).ClickAsync();
        await Assertions.Expect(page.Locator(".alert--success")).ToHaveTextAsync("Protokollet är justerat.");
        await Assertions.Expect(page.Locator("textarea")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".decision")).ToContainTextAsync("Bostadsbolaget ser över belysningen.");
        await Assertions.Expect(page.Locator(".versions")).ToContainTextAsync("Version 1");
        await PageCheck.CheckAsync(page, "53-mote-justerat");

        await page.GotoAsync("/orebro/moten");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Möten");
        await PageCheck.CheckAsync(page, "54-moten-oversikt");

        await page.GotoAsync("/konto/kalender");
        await PageCheck.WaitForCircuitAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Skapa kalenderadress" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Din kalenderadress")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("/kalender/[0-9a-f]{48}\\.ics$"));
        await PageCheck.CheckAsync(page, "55-kalender");
    }
}
