using Microsoft.Playwright;
using SakraStader.Features.Demo;

namespace SakraStader.BrowserTests;

/// <summary>The police officer co-signs a medborgarlöfte; the samordnare publishes it; a citizen reads it and checks the code.</summary>
public sealed class MedborgarlofteJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task The_police_officer_cosigns_and_the_public_page_then_shows_the_promise()
    {
        var polis = await app.NewPageAsync();
        await PageCheck.SignInAsync(polis, DemoSeeder.PolisEmail);
        await polis.GetByRole(AriaRole.Link, new() { Name = "Att underteckna" }).ClickAsync();
        await Assertions.Expect(polis.Locator(".card")).ToContainTextAsync("Tryggare Kronoparken");
        await PageCheck.CheckAsync(polis, "70-att-underteckna");

        await polis.GetByRole(AriaRole.Link, new() { Name = "Tryggare Kronoparken" }).ClickAsync();
        await Assertions.Expect(polis.Locator("h1")).ToContainTextAsync("Skriv under för Polisen");
        await polis.GetByLabel("Bekräfta med ditt lösenord").FillAsync("fel");
        await polis.GetByRole(AriaRole.Button, new() { Name = "Skriv under" }).ClickAsync();
        await Assertions.Expect(polis.Locator("#password-error")).ToContainTextAsync("Lösenordet stämmer inte");
        await PageCheck.CheckAsync(polis, "71-underteckna");
        await polis.GetByLabel("Bekräfta med ditt lösenord").FillAsync(DemoSeeder.Password);
        await polis.GetByRole(AriaRole.Button, new() { Name = "Skriv under" }).ClickAsync();
        await Assertions.Expect(polis.Locator(".alert--success")).ToContainTextAsync("Alla parter har skrivit under");
        await PageCheck.CheckAsync(polis, "72-underskrivet");

        var samordnare = await app.NewPageAsync();
        await PageCheck.SignInAsync(samordnare, DemoSeeder.EmailFor("samordnare", "karlstad"));
        await samordnare.GotoAsync("/karlstad/loften");
        await samordnare.GetByRole(AriaRole.Link, new() { Name = "Tryggare Kronoparken" }).ClickAsync();
        await samordnare.GetByRole(AriaRole.Button, new() { Name = "Publicera för invånarna" }).ClickAsync();
        await Assertions.Expect(samordnare.Locator(".alert--success")).ToContainTextAsync("Löftet är publicerat");
        await PageCheck.CheckAsync(samordnare, "73-loftet-publicerat");

        var citizen = await app.NewPageAsync();
        await citizen.GotoAsync("/karlstad/medborgarloften");
        await citizen.GetByRole(AriaRole.Link, new() { Name = "Tryggare Kronoparken" }).ClickAsync();
        await Assertions.Expect(citizen.Locator("main")).ToContainTextAsync("Mikael Strand");
        await PageCheck.CheckAsync(citizen, "74-medborgarlofte-publikt");
        await citizen.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^kontrollkod") }).ClickAsync();
        await Assertions.Expect(citizen.Locator(".alert__title")).ToHaveTextAsync("Texten stämmer");
        await PageCheck.CheckAsync(citizen, "75-kontroll");
    }
}
