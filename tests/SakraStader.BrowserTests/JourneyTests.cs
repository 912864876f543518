using Microsoft.Playwright;
using SakraStader.Features.Demo;

namespace SakraStader.BrowserTests;

/// <summary>
/// Real Chromium against the app on Kestrel: people sign in, work and switch kommun. Every page visited is
/// screenshotted and checked with axe-core.
/// </summary>
public sealed class JourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Anonymous_pages_are_accessible()
    {
        var page = await app.NewPageAsync();
        var cspErrors = new List<string>();
        page.Console += (_, m) => { if (m.Text.Contains("Content Security Policy", StringComparison.Ordinal)) cspErrors.Add(m.Text); };

        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Samverkan för trygghet – på ett ställe");
        await PageCheck.CheckAsync(page, "01-start");

        await page.GotoAsync("/konto/logga-in");
        await PageCheck.CheckAsync(page, "02-logga-in");

        await page.GotoAsync("/tillganglighet");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Tillgänglighet för Säkra städer");
        await PageCheck.CheckAsync(page, "03-tillganglighet");

        var missing = await page.GotoAsync("/sidan-finns-inte/alls");
        Assert.Equal(404, missing!.Status);
        await PageCheck.CheckAsync(page, "04-hittades-inte");
        Assert.Empty(cspErrors);
    }

    [Fact]
    public async Task Skip_link_is_the_first_stop_for_keyboard_users_and_sign_in_works_with_keys_only()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/konto/logga-in");

        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.Locator(":focus")).ToHaveTextAsync("Hoppa till innehållet");
        await page.Locator("#email").FocusAsync();
        await page.Keyboard.TypeAsync(DemoSeeder.EmailFor("styrgrupp", "kristianstad"));
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(DemoSeeder.Password);
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Välkommen");
    }

    [Fact]
    public async Task Samordnare_signs_in_works_with_groups_members_and_the_audit_trail()
    {
        var page = await app.NewPageAsync();
        await PageCheck.SignInAsync(page, DemoSeeder.EmailFor("samordnare", "orebro"));
        await PageCheck.CheckAsync(page, "10-samordnare-hem");

        await page.GetByRole(AriaRole.Link, new() { Name = "Örebro", Exact = true }).First.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Örebro");
        await PageCheck.CheckAsync(page, "11-orebro-oversikt");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Örebro: meny" }).GetByRole(AriaRole.Link, new() { Name = "Grupper" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Samverkansgrupper");
        // An interactive page is checked once it runs (its styles are in by then).
        await PageCheck.WaitForCircuitAsync(page);
        await PageCheck.CheckAsync(page, "12-grupper");

        await page.GetByRole(AriaRole.Link, new() { Name = "ÖreBrå – Örebro brottsförebyggande råd" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("ÖreBrå – Örebro brottsförebyggande råd");
        await PageCheck.WaitForCircuitAsync(page);
        await PageCheck.CheckAsync(page, "13-grupp");

        // A new group: first without a name (message at the field, nothing lost), then complete.
        await page.GotoAsync("/orebro/grupper/ny");
        await PageCheck.WaitForCircuitAsync(page);
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Rytm" }).ClickAsync();
        await page.Locator(".mud-popover-open").GetByText("Ett antal gånger per år").ClickAsync();
        await page.GetByLabel("Gånger per år").FillAsync("6");
        await page.GetByLabel("Uppdrag och syfte").FillAsync("Samordnar trygghetsvandringar i Vivalla.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();
        await Assertions.Expect(FieldError(page, "name")).ToHaveTextAsync("Ange gruppens namn.");
        await Assertions.Expect(page.GetByLabel("Gånger per år")).ToHaveValueAsync("6");
        await Assertions.Expect(page.GetByLabel("Uppdrag och syfte")).ToHaveValueAsync("Samordnar trygghetsvandringar i Vivalla.");
        await PageCheck.CheckAsync(page, "14-ny-grupp-fel");
        await page.GetByLabel("Namn", new() { Exact = true }).FillAsync("Trygghetsvandringar Vivalla");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Trygghetsvandringar Vivalla");
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Gruppen är sparad.");
        await page.GetByRole(AriaRole.Link, new() { Name = "Redigera" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Redigera Trygghetsvandringar Vivalla");
        await PageCheck.WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "Uppdrag och syfte" })).ToHaveValueAsync("Samordnar trygghetsvandringar i Vivalla.");
        await PageCheck.CheckAsync(page, "14b-redigera-grupp");

        // The member list: the search goes into the address.
        await page.GotoAsync("/orebro/medlemmar");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Medlemmar");
        await PageCheck.WaitForCircuitAsync(page);
        await PageCheck.CheckAsync(page, "15-medlemmar");
        // On a phone the table stacks: each member a block of labelled values.
        await page.SetViewportSizeAsync(390, 844);
        await PageCheck.CheckAsync(page, "15c-medlemmar-mobil");
        await page.SetViewportSizeAsync(1280, 900);
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Sök" }).FillAsync("strand");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("sok=strand"));
        await Assertions.Expect(page.Locator("tbody tr")).ToHaveCountAsync(1);

        await page.GetByRole(AriaRole.Link, new() { Name = "Lägg till medlem" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Lägg till medlem");
        await PageCheck.WaitForCircuitAsync(page);
        await PageCheck.CheckAsync(page, "15b-ny-medlem");
        await page.GoBackAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Ändra Mikael Strand" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Mikael Strand");
        await PageCheck.WaitForCircuitAsync(page);
        await PageCheck.CheckAsync(page, "16-medlem");
        // Removing is confirmed first, in words saying what the person loses; cancelling keeps the membership.
        await page.GetByRole(AriaRole.Button, new() { Name = "Ta bort Mikael Strand" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToContainTextAsync("kan inte längre logga in i Örebro");
        await PageCheck.CheckAsync(page, "16b-ta-bort-medlem");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Avbryt" }).ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Mikael Strand");

        await page.GotoAsync("/orebro/omraden");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Områden och kategorier");
        await PageCheck.WaitForCircuitAsync(page);
        await PageCheck.CheckAsync(page, "16c-omraden");

        await page.GotoAsync("/orebro/logg");
        await PageCheck.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("tbody tr").First).ToContainTextAsync("Skapade grupp");
        await Assertions.Expect(page.Locator("tbody tr").First).ToContainTextAsync("Trygghetsvandringar Vivalla");
        await Assertions.Expect(page.Locator("tbody tr").First).Not.ToContainTextAsync("@");
        await PageCheck.CheckAsync(page, "17-logg");
        // One record's history: the address holds the view, and the export takes the same.
        await page.Locator("tbody tr").First.GetByRole(AriaRole.Link, new() { Name = "Postens alla ändringar" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("post=.*typ=Group|typ=Group.*post="));
        await Assertions.Expect(page.Locator(".mud-alert")).ToContainTextAsync("Visar bara ändringar av en post (grupp)");
        await Assertions.Expect(page.Locator("tbody tr")).ToHaveCountAsync(1);
        Assert.Contains("post=", await page.GetByRole(AriaRole.Link, new() { Name = "Ladda ned urvalet som CSV" }).GetAttributeAsync("href"), StringComparison.Ordinal);

        await page.GotoAsync("/konto/losenord");
        await PageCheck.CheckAsync(page, "18-byt-losenord");
    }

    /// <summary>The message a MudBlazor field shows under itself, found by the field's input id.</summary>
    private static ILocator FieldError(IPage page, string inputId) =>
        page.Locator(".mud-input-control").Filter(new() { Has = page.Locator($"#{inputId}") }).Locator(".mud-input-helper-text.mud-input-error");

    [Fact]
    public async Task Police_officer_switches_between_the_two_kommuner()
    {
        var page = await app.NewPageAsync();
        await PageCheck.SignInAsync(page, DemoSeeder.PolisEmail);
        await page.GotoAsync("/orebro");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Örebro");

        await PageCheck.WaitForCircuitAsync(page);
        // The kommun switcher sits in the app bar, as on the static pages.
        var switcher = page.Locator(".mud-appbar .kommun-switcher");
        await switcher.Locator("summary").ClickAsync();
        await PageCheck.CheckAsync(page, "20-polis-byt-kommun");
        await switcher.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Karlstad") }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Karlstad");
        await Assertions.Expect(page.Locator("#app-nav")).Not.ToContainTextAsync("Medlemmar");
        await PageCheck.CheckAsync(page, "21-polis-karlstad");
        Assert.EndsWith("/karlstad", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lasare_on_a_phone_sees_the_kommun_without_samordnare_tools()
    {
        var page = await app.NewPageAsync(width: 390, height: 844);
        await PageCheck.SignInAsync(page, DemoSeeder.EmailFor("lasare", "haninge"));
        await page.GotoAsync("/haninge");

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Haninge");
        await Assertions.Expect(page.GetByText("För samordnaren")).ToHaveCountAsync(0);
        await PageCheck.WaitForCircuitAsync(page);
        await PageCheck.CheckAsync(page, "30-lasare-mobil");
        // On a phone the menu is behind its button; opened, it offers a läsare no samordnare pages.
        await page.GetByRole(AriaRole.Button, new() { Name = "Öppna menyn" }).ClickAsync();
        await Assertions.Expect(page.Locator("#app-nav")).ToContainTextAsync("Lägesbilder");
        await Assertions.Expect(page.Locator("#app-nav")).Not.ToContainTextAsync("Medlemmar");

        // A page further in names the kommun on the first screen, in the app bar (the menu is closed on a phone).
        await page.GotoAsync("/haninge/lagesbilder");
        await PageCheck.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator(".mud-appbar .kommun-switcher__current")).ToHaveTextAsync("Haninge");
        await Assertions.Expect(page.Locator(".mud-appbar .kommun-switcher__current")).ToBeInViewportAsync();

        await page.GotoAsync("/haninge/medlemmar");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Du har inte behörighet till sidan");
        await PageCheck.CheckAsync(page, "31-ingen-behorighet");
    }

    [Fact]
    public async Task Platform_admin_sees_the_kommuner()
    {
        var page = await app.NewPageAsync();
        await PageCheck.SignInAsync(page, DemoSeeder.AdminEmail);
        await page.GetByRole(AriaRole.Link, new() { Name = "Hantera kommuner" }).ClickAsync();

        await Assertions.Expect(page.Locator("tbody tr")).ToHaveCountAsync(5);
        await PageCheck.WaitForCircuitAsync(page);
        await PageCheck.CheckAsync(page, "40-admin-kommuner");
    }
}
