using System.Text.Json;
using Microsoft.Playwright;

namespace SakraStader.BrowserTests;

/// <summary>What every visited page must pass: a screenshot for people to look at, and axe-core without serious findings.</summary>
public static class PageCheck
{
    private const string AxeRun = """
        async () => {
            const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
            return result.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => `${v.impact} ${v.id}: ${v.help} (${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')})`);
        }
        """;

    /// <summary>Saves artifacts/screenshots/NAME.png and fails on serious or critical axe violations.</summary>
    public static async Task CheckAsync(IPage page, string name)
    {
        // Animations run to their end first: a snackbar or chip caught mid-fade looked faint in the screenshots.
        var screenshot = new PageScreenshotOptions
        {
            Path = Path.Combine(BrowserApp.ScreenshotDir, name + ".png"), FullPage = true, Animations = ScreenshotAnimations.Disabled,
        };
        try
        {
            await page.ScreenshotAsync(screenshot);
        }
        catch (PlaywrightException e) when (e.Message.Contains("Unable to capture screenshot", StringComparison.Ordinal))
        {
            // Chromium refuses a capture now and then on a loaded machine (once in a CI run, on a page that passed in
            // every other); the screenshot is for people to look at, so it is taken again once.
            await page.WaitForTimeoutAsync(500);
            await page.ScreenshotAsync(screenshot);
        }
        // A snackbar fading in or out is measured by axe at part opacity (a false contrast finding): the page is
        // checked once the message has gone; the screenshot above shows it.
        await page.Locator(".mud-snackbar").First.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached, Timeout = 15_000 });
        // Likewise a popover or dialog still fading in: axe runs once the page's finite animations have ended.
        try
        {
            await page.WaitForFunctionAsync("() => document.getAnimations().every(a => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity)",
                null, new PageWaitForFunctionOptions { Timeout = 10_000 });
        }
        catch (TimeoutException)
        {
            // Once in a CI run an animation was still running after 10 s (on a page that passed in every other run):
            // the wait only spares axe a false contrast finding, so the page is checked anyway and the animation named.
            var running = await page.EvaluateAsync<string[]>(
                "() => document.getAnimations().filter(a => a.playState === 'running')"
                + ".map(a => `${a.animationName ?? a.transitionProperty ?? 'animation'} on ${a.effect?.target?.tagName ?? '?'}.${a.effect?.target?.className ?? ''}`)");
            Console.WriteLine($"{name}: animationer pågår fortfarande efter 10 s: {string.Join("; ", running)}");
        }
        var violations = await page.EvaluateAsync<string[]>(AxeRun);
        Assert.True(violations.Length == 0, $"axe på {page.Url}:\n" + string.Join("\n", violations));
        // A date is read as one unit: none is broken over two lines (a phone's narrow cells broke them at the hyphens).
        var broken = await page.EvaluateAsync<string[]>(BrokenDates);
        Assert.True(broken.Length == 0, $"datum delade över två rader på {page.Url} ({name}): " + string.Join(" | ", broken));
    }

    /// <summary>The dates (2026-12-31) on the page that are drawn on more than one line, with the text around them.</summary>
    private const string BrokenDates = """
        () => {
            const broken = [];
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            const date = /\d{4}-\d{2}-\d{2}/g;
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                const parent = node.parentElement;
                if (!parent || parent.closest('script, style, textarea, [hidden], .visually-hidden') || parent.getClientRects().length === 0) {
                    continue;
                }
                date.lastIndex = 0;
                for (let m = date.exec(node.data); m; m = date.exec(node.data)) {
                    const range = document.createRange();
                    range.setStart(node, m.index);
                    range.setEnd(node, m.index + m[0].length);
                    // Parts of one line can differ in height (a digit and a hyphen drawn from different fonts): a
                    // second line is a part that starts below the bottom of the first.
                    const parts = [...range.getClientRects()].filter(r => r.width > 0 && r.height > 0).sort((a, b) => a.top - b.top);
                    if (parts.length > 1 && parts.some(r => r.top >= parts[0].bottom - 1)) {
                        broken.push(`${m[0]} i <${parent.tagName.toLowerCase()} class="${parent.className}">`);
                    }
                }
            }
            return broken;
        }
        """;

    public static async Task SignInAsync(IPage page, string email, string password = Features.Demo.DemoSeeder.Password)
    {
        await page.GotoAsync("/konto/logga-in");
        await page.GetByLabel("E-postadress").FillAsync(email);
        await page.GetByLabel("Lösenord").FillAsync(password);
        await page.GetByLabel("Lösenord").PressAsync("Enter");
        await page.Locator("h1").Filter(new LocatorFilterOptions { HasNotText = "Logga in" }).WaitForAsync();
    }

    /// <summary>Waits until the page runs over its circuit: a click before that would be lost.</summary>
    public static Task WaitForCircuitAsync(IPage page) =>
        page.Locator("main[data-interactive=true]").WaitForAsync(new LocatorWaitForOptions { Timeout = 20_000 });

    /// <summary>
    /// Chooses a file in a Blazor InputFile once its script has wired the input (it does so after the component's first
    /// render): a file chosen before that raises a change nobody hears, as a person choosing within a split second would.
    /// </summary>
    public static async Task ChooseFileAsync(ILocator input, FilePayload file)
    {
        await input.Page.WaitForFunctionAsync("el => el._blazorInputFileNextFileId !== undefined", await input.ElementHandleAsync(),
            new PageWaitForFunctionOptions { Timeout = 20_000 });
        await input.SetInputFilesAsync(file);
    }

    public static string Json(object o) => JsonSerializer.Serialize(o);

    /// <summary>Focus on <paramref name="target"/> (where Tab would take the user) and press Enter: no mouse.</summary>
    public static async Task PressWithKeyboardAsync(IPage page, ILocator target)
    {
        await target.FocusAsync();
        await Assertions.Expect(target).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
    }

    /// <summary>Tab on to <paramref name="button"/> (at most <paramref name="tabs"/> presses) and press Enter.</summary>
    public static async Task TabToAndPressAsync(IPage page, ILocator button, int tabs = 8)
    {
        for (var i = 0; i < tabs && !await button.EvaluateAsync<bool>("e => e === document.activeElement"); i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }
        await Assertions.Expect(button).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
    }

    /// <summary>Tab through an open dialog to its yes button and press Enter; the dialog closes.</summary>
    public static async Task ConfirmWithKeyboardAsync(IPage page, ILocator dialog, string yesText)
    {
        await TabToAndPressAsync(page, dialog.GetByRole(AriaRole.Button, new() { Name = yesText, Exact = true }));
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
    }
}
