using Microsoft.Playwright;
using SakraStader.Features.Demo;

namespace SakraStader.BrowserTests;

/// <summary>
/// axe-core on the states a page passes through, not only its first view: the menu open on a phone, the user menu
/// open, a form showing its errors, a confirmation dialog open; at 1366×768 and 390×844. Focus goes into the dialog
/// and back to the button that opened it.
/// </summary>
public sealed class AccessibilityStateTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Theory]
    [InlineData(1366, 768)]
    [InlineData(390, 844)]
    public async Task Menus_errors_and_dialogs_pass_axe_and_the_dialog_returns_focus(int width, int height)
    {
        var size = width < 600 ? "mobil" : "dator";
        var page = await app.NewPageAsync(width, height);
        await PageCheck.SignInAsync(page, DemoSeeder.EmailFor("samordnare", "orebro"));
        await page.GotoAsync("/orebro");
        await PageCheck.WaitForCircuitAsync(page);

        // The navigation: behind a menu button on a phone, beside the content on a wide screen.
        if (width < 600)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Öppna menyn" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Åtgärdsplaner" })).ToBeVisibleAsync();
            await PageCheck.CheckAsync(page, $"90-meny-oppen-{size}");
            await page.GotoAsync("/orebro");
            await PageCheck.WaitForCircuitAsync(page);
        }

        // The user menu in the app bar.
        await page.Locator(".mud-appbar").GetByRole(AriaRole.Button).Last.ClickAsync();
        await Assertions.Expect(page.Locator(".mud-popover-open")).ToBeVisibleAsync();
        await PageCheck.CheckAsync(page, $"91-anvandarmeny-{size}");
        await page.Keyboard.PressAsync("Escape");

        // A form with its errors shown at the fields.
        await page.GotoAsync("/orebro/handelser/ny");
        await PageCheck.WaitForCircuitAsync(page);
        await page.GetByLabel("Område", new() { Exact = true }).FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara händelsen" }).ClickAsync();
        await Assertions.Expect(page.Locator(".mud-input-error").First).ToBeVisibleAsync();
        await PageCheck.CheckAsync(page, $"92-formular-fel-{size}");

        // A confirmation dialog: focus moves into it, Escape closes it, and focus is back on the button.
        await page.GotoAsync("/orebro/lagesbilder");
        await PageCheck.WaitForCircuitAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Öppna eller skapa lägesbilden" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Lägesbild EST");
        await PageCheck.WaitForCircuitAsync(page);
        await page.GetByRole(AriaRole.Tab, new() { Name = "Fastställande" }).ClickAsync();
        var fix = page.GetByRole(AriaRole.Button, new() { Name = "Fastställ lägesbilden" });
        await fix.ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        // The dialog takes focus once it has rendered.
        await page.WaitForFunctionAsync("() => { const d = document.querySelector('[role=dialog]'); return !!d && d.contains(document.activeElement); }",
            null, new() { Timeout = 10_000 });
        await PageCheck.CheckAsync(page, $"93-bekraftelse-{size}");
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await Assertions.Expect(fix).ToBeFocusedAsync();
        await PageCheck.CheckAsync(page, $"94-efter-dialog-{size}");
    }
}
