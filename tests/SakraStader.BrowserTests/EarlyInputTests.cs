using System.Collections.Concurrent;
using Microsoft.Playwright;
using SakraStader.Features.Demo;

namespace SakraStader.BrowserTests;

/// <summary>
/// A page is shown before it runs over its circuit (a second or two; longer after an instance died). A person who types
/// and presses "Spara" in that moment keeps their text and gets a word about why nothing happened yet, not the browser's
/// error page (the form posted to a page that answers only over the circuit: seen in the multi-instance test).
/// The circuit's connection is held back here until the test lets it through.
/// </summary>
public sealed class EarlyInputTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Text_typed_and_sent_before_the_circuit_runs_is_kept_and_the_page_stays()
    {
        var page = await app.NewPageAsync();
        await PageCheck.SignInAsync(page, DemoSeeder.EmailFor("inrapportor", "orebro"));

        var held = new TaskCompletionSource();
        var fromPage = new ConcurrentQueue<IWebSocketFrame>();
        await page.RouteWebSocketAsync("**/_blazor*", socket =>
        {
            // The page's messages wait until the test lets the connection through; then both ways are forwarded.
            IWebSocketRoute? server = null;
            socket.OnMessage(frame =>
            {
                if (server is null)
                {
                    fromPage.Enqueue(frame);
                }
                else
                {
                    Send(server, frame);
                }
            });
            _ = held.Task.ContinueWith(_ =>
            {
                server = socket.ConnectToServer();
                server.OnMessage(frame => Send(socket, frame));
                while (fromPage.TryDequeue(out var frame))
                {
                    Send(server, frame);
                }
            }, TaskScheduler.Default);
        });

        await page.GotoAsync("/orebro/handelser/ny");
        await Assertions.Expect(page.Locator("main[data-interactive=false]")).ToHaveCountAsync(1);
        var description = page.GetByLabel("Kort beskrivning");
        await description.FillAsync("Klotter på skolans gavel, skrivet innan sidan var ansluten");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara händelsen" }).ClickAsync();
        // The field's label has moved up out of the typed text, as it does once the page runs.
        await Assertions.Expect(description.Locator("xpath=ancestor::div[contains(concat(' ', normalize-space(@class), ' '), ' mud-input ')][1]"))
            .ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bmud-shrink\b"));

        // Held, with a word about why; the page is still the form (it used to post and show the browser's error page).
        await Assertions.Expect(page.Locator(".connecting-note")).ToContainTextAsync("Sidan ansluter");
        await PageCheck.CheckAsync(page, "95-ansluter");
        Assert.EndsWith("/orebro/handelser/ny", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("händelse", new() { IgnoreCase = true });

        // The circuit comes: its first render replaces the form, and the typed text is put back into the same field.
        held.SetResult();
        await PageCheck.WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByLabel("Kort beskrivning")).ToHaveValueAsync("Klotter på skolans gavel, skrivet innan sidan var ansluten");
        await Assertions.Expect(page.Locator(".connecting-note")).ToHaveCountAsync(0);
    }

    private static void Send(IWebSocketRoute to, IWebSocketFrame frame)
    {
        if (frame.Binary is { } bytes)
        {
            to.Send(bytes);
        }
        else
        {
            to.Send(frame.Text ?? "");
        }
    }
}
