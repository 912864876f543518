using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SakraStader.Data;
using SakraStader.Domain;
using SakraStader.Features.Demo;
using SakraStader.Tenancy;

namespace SakraStader.BrowserTests;

/// <summary>
/// A page whose instance stops (or dies) loads again from another one. The person was typing: they are put back on the
/// field they were in, where it stood on their screen, with the cursor in it. The browser's own restoring of the scroll
/// position counts pixels, and left a phone's field below the screen in the multi-instance test.
/// </summary>
public sealed class HandOverTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private Task<Guid> DraftLagesbildAsync(string slug) => app.InKommunAsync(slug, db => db.Lagesbilder.Where(l => l.Status == LagesbildStatus.Utkast)
        .OrderByDescending(l => l.Year).ThenByDescending(l => l.Month).Select(l => l.Id).FirstAsync());

    [Fact]
    public async Task A_page_that_moves_puts_the_field_being_typed_in_back_where_it_stood_with_the_cursor_in_it()
    {
        var page = await app.NewPageAsync(390, 700);
        await PageCheck.SignInAsync(page, DemoSeeder.EmailFor("samordnare", "boras"));
        await page.GotoAsync($"/boras/lagesbilder/{await DraftLagesbildAsync("boras")}?del=sammanfattning");
        await PageCheck.WaitForCircuitAsync(page);
        var field = page.Locator("#prognosis");
        await field.ClickAsync();
        await page.Keyboard.PressAsync("Control+End");
        // A long text: the field grows with it (the page the browser loads again has it at four lines at first).
        foreach (var line in new[] { "Fler samlingar vid torget.", "Belysningen är trasig.", "Skolan har lov.", "Helgkvällar.", "Centrumhuset.", "Fritidsgården stängd." })
        {
            await page.Keyboard.PressAsync("Enter");
            await page.Keyboard.TypeAsync(line);
        }
        await Assertions.Expect(page.Locator(".autosave__status").Last).ToContainTextAsync("Sparat", new() { Timeout = 10_000 });
        await page.Keyboard.TypeAsync(" Ej sparat");
        // Scrolled to the end of the page, as a person does while they write at the end of its last text: the page
        // that loads again is shorter until the field has grown to its text, so the browser alone cannot put it back.
        await page.EvaluateAsync("() => window.scrollTo(0, document.scrollingElement.scrollHeight)");
        var before = (await field.BoundingBoxAsync())!.Y;
        Assert.InRange(before, 0, 700 - 190);

        await page.EvaluateAsync("() => { window.leftPage = true; window.sakraStader.handOver(); }");
        await page.WaitForFunctionAsync("() => window.leftPage === undefined && document.querySelector('main[data-interactive=true]')");
        await page.WaitForFunctionAsync("() => document.activeElement && document.activeElement.id === 'prognosis'");
        var after = (await field.BoundingBoxAsync())!.Y;
        Assert.InRange(after, before - 10, before + 10);
        // The text typed goes on where the cursor was.
        await Assertions.Expect(field).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("Fritidsgården stängd. Ej sparat$"));
    }
}
