using Microsoft.Playwright;
using SakraStader.Features.Demo;

namespace SakraStader.BrowserTests;

/// <summary>
/// The police officer co-signs a medborgarlöfte with the keyboard, through a confirmation dialog; the samordnare finds
/// it in the list and publishes it with the keyboard, through a dialog that says it becomes public; a citizen reads it
/// and checks the code.
/// </summary>
public sealed class MedborgarlofteJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task The_police_officer_cosigns_and_the_public_page_then_shows_the_promise()
    {
        var polis = await app.NewPageAsync();
        await PageCheck.SignInAsync(polis, DemoSeeder.PolisEmail);
        await polis.GotoAsync("/att-gora");
        await PageCheck.WaitForCircuitAsync(polis);
        await Assertions.Expect(polis.Locator(".inbox-item[data-kind=Sign]")).ToContainTextAsync("Tryggare Kronoparken");
        // The app bar counts what waits, once the page is interactive.
        await Assertions.Expect(polis.Locator(".inbox-badge")).ToHaveAttributeAsync("data-count", new System.Text.RegularExpressions.Regex("^[1-9][0-9]*$"));
        await PageCheck.CheckAsync(polis, "70-att-gora");

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

        // The samordnare has "Att göra" open while the police signs.
        var samordnare = await app.NewPageAsync();
        await PageCheck.SignInAsync(samordnare, DemoSeeder.EmailFor("samordnare", "karlstad"));
        await samordnare.GotoAsync("/att-gora");
        await PageCheck.WaitForCircuitAsync(samordnare);
        await Assertions.Expect(samordnare.Locator(".inbox-item[data-kind=Publish]")).ToHaveCountAsync(0);

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

        // The samordnare's "Att göra", open since before the signature, shows the promise to publish without a reload.
        await Assertions.Expect(samordnare.Locator(".inbox-item[data-kind=Publish]")).ToContainTextAsync("Tryggare Kronoparken");
        await PageCheck.CheckAsync(samordnare, "72a-att-gora-publicera");
        await samordnare.GotoAsync("/karlstad/loften");
        await PageCheck.WaitForCircuitAsync(samordnare);
        // The search goes into the address, and the list follows it.
        await samordnare.GetByRole(AriaRole.Textbox, new() { Name = "Sök" }).FillAsync("kronopark");
        await samordnare.WaitForURLAsync(new System.Text.RegularExpressions.Regex("sok=kronopark"));
        await Assertions.Expect(samordnare.Locator(".lofte-table tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(samordnare.Locator(".lofte-table")).ToContainTextAsync("Gällande");
        await PageCheck.CheckAsync(samordnare, "73a-loften-lista");
        await samordnare.GetByRole(AriaRole.Link, new() { Name = "Tryggare Kronoparken" }).ClickAsync();
        await Assertions.Expect(samordnare.Locator("h1")).ToHaveTextAsync("Tryggare Kronoparken");
        await PageCheck.WaitForCircuitAsync(samordnare);
        await Assertions.Expect(samordnare.Locator(".lofte-actions")).ToContainTextAsync("Alla parter har skrivit under");
        await PageCheck.CheckAsync(samordnare, "73b-loftet-gallande");

        // With the keyboard only: to "Publicera för invånarna", Enter; the dialog says it becomes public; Tab to "Publicera", Enter.
        var publish = samordnare.GetByRole(AriaRole.Button, new() { Name = "Publicera för invånarna" });
        await publish.FocusAsync();
        await Assertions.Expect(publish).ToBeFocusedAsync();
        await samordnare.Keyboard.PressAsync("Enter");
        var publishDialog = samordnare.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(publishDialog).ToContainTextAsync("”Tryggare Kronoparken” blir publikt för invånarna på kommunens sida för medborgarlöften");
        await PageCheck.CheckAsync(samordnare, "73c-publicera-dialog");
        await ConfirmWithKeyboardAsync(samordnare, publishDialog, "Publicera");
        await Assertions.Expect(samordnare.Locator(".mud-snackbar")).ToContainTextAsync("Löftet är publicerat");
        await Assertions.Expect(samordnare.Locator(".lofte-status")).ToHaveTextAsync("Gällande, publicerat");
        await Assertions.Expect(samordnare.GetByRole(AriaRole.Link, new() { Name = "Så ser invånarna det" })).ToBeVisibleAsync();
        await PageCheck.CheckAsync(samordnare, "73-loftet-publicerat");
        var samordnarePhone = await app.NewPageAsync(390, 844);
        await PageCheck.SignInAsync(samordnarePhone, DemoSeeder.EmailFor("samordnare", "karlstad"));
        await samordnarePhone.GotoAsync(samordnare.Url);
        await PageCheck.WaitForCircuitAsync(samordnarePhone);
        await PageCheck.CheckAsync(samordnarePhone, "73m-loftet-telefon");

        var citizen = await app.NewPageAsync();
        await citizen.GotoAsync("/karlstad/medborgarloften");
        await citizen.GetByRole(AriaRole.Link, new() { Name = "Tryggare Kronoparken" }).ClickAsync();
        await Assertions.Expect(citizen.Locator("main")).ToContainTextAsync("Mikael Strand");
        await PageCheck.CheckAsync(citizen, "74-medborgarlofte-publikt");
        await citizen.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^kontrollkod") }).ClickAsync();
        await Assertions.Expect(citizen.Locator(".mud-alert strong").First).ToHaveTextAsync("Texten stämmer.");
        await Assertions.Expect(citizen.Locator("main")).ToContainTextAsync("Mikael Strand");
        await Assertions.Expect(citizen.Locator("main")).ToContainTextAsync(hash!);
        await PageCheck.CheckAsync(citizen, "75-kontroll");
        var citizenPhone = await app.NewPageAsync(390, 844);
        await citizenPhone.GotoAsync(citizen.Url);
        await PageCheck.CheckAsync(citizenPhone, "75m-kontroll-telefon");
    }

    [Fact]
    public async Task The_samordnare_starts_a_draft_its_background_saves_itself_and_an_implausible_period_is_refused_at_the_field()
    {
        var page = await app.NewPageAsync();
        await PageCheck.SignInAsync(page, DemoSeeder.EmailFor("samordnare", "karlstad"));
        await page.GotoAsync("/karlstad/dialoger");
        await PageCheck.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Medborgardialoger");
        await PageCheck.CheckAsync(page, "76-dialoger");

        await page.GotoAsync("/karlstad/loften");
        await PageCheck.WaitForCircuitAsync(page);
        await page.Locator("#new-title").FillAsync("Tryggare Herrhagen");
        await page.GetByRole(AriaRole.Button, new() { Name = "Skapa utkast" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Tryggare Herrhagen");
        await Assertions.Expect(page.Locator(".lofte-status")).ToHaveTextAsync("Utkast");

        await page.Locator("#background").FillAsync("Boende vid Herrhagens torg säger att de undviker torget på kvällarna.");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.Locator(".autosave__status").First).ToContainTextAsync("Sparat");
        await PageCheck.CheckAsync(page, "77-loftet-utkast");

        // 0001–9999 is no period for a promise: refused at the field, in Swedish, and nothing is lost.
        await page.Locator(".period-from input").FillAsync("0001-01-01");
        await page.Locator(".period-from input").PressAsync("Tab");
        await page.Locator(".period-to input").FillAsync("9999-12-31");
        await page.Locator(".period-to input").PressAsync("Tab");
        await page.Locator("#lofte-title").FillAsync("Tryggare Herrhagens torg");
        await page.Locator(".describe-form").GetByRole(AriaRole.Button, new() { Name = "Spara", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".period-from")).ToContainTextAsync("Ange ett startdatum mellan år 2000 och 2100");
        await Assertions.Expect(page.Locator("#lofte-title")).ToHaveValueAsync("Tryggare Herrhagens torg");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Tryggare Herrhagen");
        await page.EvaluateAsync("window.scrollTo(0, 0)");
        await PageCheck.CheckAsync(page, "77a-orimlig-period");
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

    private static Task ConfirmWithKeyboardAsync(IPage page, ILocator dialog, string yesText = "Skriv under") =>
        PageCheck.ConfirmWithKeyboardAsync(page, dialog, yesText);

    private static async Task SignWithKeyboardAsync(IPage page) => await ConfirmWithKeyboardAsync(page, await OpenDialogWithKeyboardAsync(page));
}
