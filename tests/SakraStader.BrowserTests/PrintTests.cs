using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SakraStader.Data;
using SakraStader.Domain;
using SakraStader.Features.Demo;
using SakraStader.Tenancy;

namespace SakraStader.BrowserTests;

/// <summary>
/// Every document page prints as a kansli files it (issue 20 item 7): the protokoll of a justerat meeting, the
/// fördjupad lägesbild and the check page of a signed medborgarlöfte, printed from the browser, have no app bar, menu or
/// buttons, and keep the colours of their legends. (The monthly lägesbild and the annual report are printed in their
/// journeys.) Each is saved as a screenshot and as the PDF the browser makes.
/// </summary>
public sealed class PrintTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private Task<T> ReadAsync<T>(string slug, Func<AppDbContext, Task<T>> read) => app.InKommunAsync(slug, read);

    private static async Task PrintAsync(IPage page, string name)
    {
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();
        foreach (var chrome in new[] { ".mud-appbar", ".mud-drawer", ".static-nav", ".no-print" })
        {
            var found = page.Locator(chrome);
            for (var i = 0; i < await found.CountAsync(); i++)
            {
                await Assertions.Expect(found.Nth(i)).ToBeHiddenAsync();
            }
        }
        await Assertions.Expect(page.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ScreenshotDir, name + ".png"), FullPage = true });
        var pdf = await page.PdfAsync(new() { Path = Path.Combine(BrowserApp.ScreenshotDir, name + ".pdf"), Format = "A4" });
        Assert.True(pdf.Length > 5_000);
        await page.EmulateMediaAsync(new() { Media = Media.Screen });
    }

    [Fact]
    public async Task The_protokoll_the_fordjupad_lagesbild_and_the_signed_promise_print_without_the_app_and_with_their_colours()
    {
        var (meeting, decision) = await ReadAsync("orebro", async db =>
        {
            var m = await db.Meetings.Where(m => m.MinutesApproved && db.AgendaItems.Any(a => a.MeetingId == m.Id && a.Decision != ""))
                .OrderByDescending(m => m.StartsAt).Select(m => m.Id).FirstAsync();
            return (m, await db.AgendaItems.Where(a => a.MeetingId == m && a.Decision != "").OrderBy(a => a.Order).Select(a => a.Decision).FirstAsync());
        });
        var fordjupad = await ReadAsync("orebro", db => db.FordjupadeLagesbilder.Select(f => f.Id).FirstAsync());
        var code = await ReadAsync("orebro", db => db.Medborgarloften.Where(l => l.Status == LofteStatus.Gallande)
            .SelectMany(l => l.Versions).OrderByDescending(v => v.Number).Select(v => v.VerificationCode).FirstAsync());

        var page = await app.NewPageAsync(1366, 768);
        await PageCheck.SignInAsync(page, DemoSeeder.EmailFor("samordnare", "orebro"));
        await page.GotoAsync($"/orebro/moten/{meeting}");
        await PageCheck.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(decision);
        await PrintAsync(page, "95-protokoll-utskrift");

        await page.GotoAsync($"/orebro/fordjupad/{fordjupad}");
        await PageCheck.WaitForCircuitAsync(page);
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        // The map and the chart keep their shades on paper, and every part of the page is printed, one after another.
        await Assertions.Expect(page.Locator(".area-map")).ToBeVisibleAsync();
        foreach (var swatch in new[] { page.Locator(".area-map__swatch").Last, page.Locator(".chart__swatch").First })
        {
            Assert.NotEqual("rgba(0, 0, 0, 0)", await swatch.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));
            Assert.Equal("exact", await swatch.EvaluateAsync<string>("e => getComputedStyle(e).printColorAdjust"));
        }
        // Each part after the summary from a new page.
        var parts = page.Locator("main section.print-part");
        Assert.Equal(3, await parts.CountAsync());
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal("page", await parts.Nth(i).EvaluateAsync<string>("e => getComputedStyle(e).breakBefore"));
        }
        await PrintAsync(page, "96-fordjupad-utskrift");

        var citizen = await app.NewPageAsync(1366, 768);
        await citizen.GotoAsync($"/verifiera/{Uri.EscapeDataString(code)}");
        await Assertions.Expect(citizen.Locator("main")).ToContainTextAsync("Texten stämmer");
        await PrintAsync(citizen, "97-kontroll-utskrift");
    }
}
