using Microsoft.Playwright;
using SakraStader.Features.Demo;

namespace SakraStader.BrowserTests;

/// <summary>
/// The police officer co-signs a medborgarlöfte with the keyboard, through a confirmation dialog; the samordnare
/// publishes it; a citizen reads it and checks the code.
/// </summary>
public sealed class MedborgarlofteJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task The_police_officer_cosigns_and_the_public_page_then_shows_the_promise()
    {
        var polis = await app.NewPageAsync();
        await PageCheck.SignInAsync(polis, DemoSeeder.PolisEmail);
        await polis.GotoAsync("/att-underteckna");
        await PageCheck.WaitForCircuitAsync(polis);
        await Assertions.Expect(polis.Locator(".card")).ToContainTextAsync("Tryggare Kronoparken");
        await PageCheck.CheckAsync(polis, "70-att-underteckna");

        await polis.GetByRole(AriaRole.Link, new() { Name = "Tryggare Kronoparken" }).ClickAsync();
        await Assertions.Expect(polis.Locator("h1")).ToContainTextAsync("Skriv under för Polisen");
        await PageCheck.WaitForCircuitAsync(polis);
        var url = polis.Url;
        var hash = await polis.Locator("code.hash").TextContentAsync();
        Assert.Matches("^[0-9a-f]{64}$", hash);

        // On a phone: the dialog says what is signed and what becomes public; Escape cancels and nothing is signed.
        var phone = await app.NewPageAsync(390, 844);
        await PageCheck.SignInAsync(phone, DemoSeeder.PolisEmail);
        await phone.GotoAsync(url);
        await PageCheck.WaitForCircuitAsync(phone);
        await PageCheck.CheckAsync(phone, "71m-underteckna-telefon");
        await phone.GetByLabel("Bekräfta med ditt lösenord").FillAsync(DemoSeeder.Password);
        await phone.GetByRole(AriaRole.Button, new() { Name = "Skriv under" }).ClickAsync();
        await Assertions.Expect(phone.GetByRole(AriaRole.Dialog)).ToContainTextAsync("blir synliga på den publika sidan");
        await PageCheck.CheckAsync(phone, "71n-underteckna-dialog-telefon");
        await phone.Keyboard.PressAsync("Escape");
        await Assertions.Expect(phone.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
        await Assertions.Expect(phone.Locator(".signed-alert")).ToHaveCountAsync(0);

        // With the keyboard only: the password, Tab to the button, Enter; Tab to the dialog's button, Enter.
        await polis.GetByLabel("Bekräfta med ditt lösenord").FocusAsync();
        await polis.Keyboard.TypeAsync("fel");
        await SignWithKeyboardAsync(polis);
        await Assertions.Expect(polis.Locator("main")).ToContainTextAsync("Lösenordet stämmer inte");
        await PageCheck.CheckAsync(polis, "71-underteckna-fel-losenord");

        await polis.GetByLabel("Bekräfta med ditt lösenord").FocusAsync();
        await polis.Keyboard.TypeAsync(DemoSeeder.Password);
        var dialog = await OpenDialogWithKeyboardAsync(polis);
        await Assertions.Expect(dialog).ToContainTextAsync("Du skriver under version 1 av ”Tryggare Kronoparken” för Polisen");
        await Assertions.Expect(dialog).ToContainTextAsync("Din underskrift, tid och metod (lösenord) blir synliga på den publika sidan");
        await PageCheck.CheckAsync(polis, "71a-underteckna-dialog");
        await ConfirmWithKeyboardAsync(polis, dialog);
        await Assertions.Expect(polis.Locator(".signed-alert")).ToContainTextAsync("Alla parter har skrivit under");
        await Assertions.Expect(polis.Locator(".mud-snackbar")).ToContainTextAsync("Du har skrivit under");
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
        await Assertions.Expect(citizen.Locator("main")).ToContainTextAsync("Mikael Strand");
        await Assertions.Expect(citizen.Locator("main")).ToContainTextAsync(hash!);
        await PageCheck.CheckAsync(citizen, "75-kontroll");
        var citizenPhone = await app.NewPageAsync(390, 844);
        await citizenPhone.GotoAsync(citizen.Url);
        await PageCheck.CheckAsync(citizenPhone, "75m-kontroll-telefon");
    }

    /// <summary>From the password field: Tab to "Skriv under", Enter; the dialog opens.</summary>
    private static async Task<ILocator> OpenDialogWithKeyboardAsync(IPage page)
    {
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Skriv under", Exact = true })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        return dialog;
    }

    /// <summary>Tab through the dialog to its "Skriv under" and press Enter.</summary>
    private static async Task ConfirmWithKeyboardAsync(IPage page, ILocator dialog)
    {
        var yes = dialog.GetByRole(AriaRole.Button, new() { Name = "Skriv under", Exact = true });
        for (var i = 0; i < 8 && !await yes.EvaluateAsync<bool>("e => e === document.activeElement"); i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }
        await Assertions.Expect(yes).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
    }

    private static async Task SignWithKeyboardAsync(IPage page) => await ConfirmWithKeyboardAsync(page, await OpenDialogWithKeyboardAsync(page));
}
