using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SakraStader.Data;
using SakraStader.Domain;
using SakraStader.Features.Demo;
using SakraStader.Tenancy;
using SakraStader.Tests.Support;

namespace SakraStader.BrowserTests;

/// <summary>An inrapportör logs an incident with the keyboard; the EST chair completes and fixes the month's lägesbild.</summary>
public sealed class LagesbildJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    /// <summary>EST meets: a meeting of Örebro's EST that has just been held, this month.</summary>
    private async Task EstMeetsAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var k = await db.Kommuner.AsNoTracking().SingleAsync(k => k.Slug == "orebro");
        scope.ServiceProvider.GetRequiredService<TenantContext>().SetKommun(new KommunInfo(k.Id, k.Name, k.Slug, k.Kod), null);
        var est = await db.Groups.Where(g => g.Kind == GroupKind.Est).OrderBy(g => g.Name).FirstAsync();
        var now = TestClock.Now;
        db.Meetings.Add(new Meeting(est.Id, now.AddMinutes(-20), now.AddMinutes(-5), "Stadshuset", null));
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task An_inrapportor_logs_an_incident_with_the_keyboard_only()
    {
        var page = await app.NewPageAsync();
        await PageCheck.SignInAsync(page, DemoSeeder.EmailFor("inrapportor", "orebro"));
        await page.GotoAsync("/orebro");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Rapportera en händelse");
        await PageCheck.WaitForCircuitAsync(page);

        // The category has focus on arrival; type to choose, Tab on through area and place; date, time and organisation
        // start as now and the user's own.
        await Assertions.Expect(page.GetByLabel("Vad hände?")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("Klotter");
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item").First).ToContainTextAsync("Klotter");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByLabel("Område", new() { Exact = true })).ToBeFocusedAsync();
        // The area starts as the one the user reported last; select it all and type over it.
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("Vivalla");
        // The list shows what matches; Tab takes the first and moves on.
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item").First).ToContainTextAsync("Vivalla");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByLabel("Plats (valfritt)")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("Vivalla torg");
        await page.GetByLabel("Kort beskrivning").FocusAsync();
        await page.Keyboard.TypeAsync("Nytt klotter på elskåpet vid torget.");
        await PageCheck.CheckAsync(page, "60-rapportera-handelse");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Spara händelsen" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Händelsen är sparad.");
        // The next report starts in the same area, with the category focused again.
        await Assertions.Expect(page.GetByLabel("Område", new() { Exact = true })).ToHaveValueAsync("Vivalla");
        await Assertions.Expect(page.GetByLabel("Kort beskrivning")).ToHaveValueAsync("");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Brödsmulor" }).GetByRole(AriaRole.Link, new() { Name = "Mina rapporter" }).ClickAsync();
        await Assertions.Expect(page.Locator("tbody tr").First).ToContainTextAsync("Nytt klotter på elskåpet vid torget.");
        await Assertions.Expect(page.Locator("tbody tr").First).ToContainTextAsync("Klotter");
        await Assertions.Expect(page.Locator("tbody tr").First).ToContainTextAsync("Vivalla, Vivalla torg");
        await PageCheck.CheckAsync(page, "61-mina-rapporter");
    }

    [Fact]
    public async Task The_chair_completes_and_fixes_the_months_lagesbild()
    {
        var page = await app.NewPageAsync();
        await PageCheck.SignInAsync(page, DemoSeeder.EmailFor("samordnare", "orebro"));
        await page.GotoAsync("/orebro/lagesbilder");
        await PageCheck.WaitForCircuitAsync(page);
        await PageCheck.CheckAsync(page, "62-lagesbilder");
        // The list sorts on the server with the view in the address.
        await page.Locator("thead").GetByRole(AriaRole.Button, new() { Name = "Grupp", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("sortera=grupp"));
        await Assertions.Expect(page.Locator("th[aria-sort=ascending]")).ToContainTextAsync("Grupp");
        // The usual case is one press: the user's first group (EST) and this month are chosen.
        await page.GetByRole(AriaRole.Button, new() { Name = "Öppna eller skapa lägesbilden" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Lägesbild EST");
        await PageCheck.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator(".chart .bars")).ToBeVisibleAsync();
        // This month has not ended: the lägesbild says it is preliminary.
        await Assertions.Expect(page.Locator(".page-head")).ToContainTextAsync("Preliminär");
        await PageCheck.CheckAsync(page, "63-lagesbild-utkast");
        var url = page.Url;

        // The organisation's report saves itself when the writer pauses; the part is in the address.
        await page.GetByRole(AriaRole.Tab, new() { Name = "Rapporter" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("del=rapporter"));
        const string report = "Lugnare i Vivalla efter saneringen; fortsatt samling vid centrumhuset fredagskvällar.";
        await page.GetByLabel("Rapport från").FillAsync(report);
        await Assertions.Expect(page.Locator(".autosave__status").First).ToContainTextAsync("Sparat");
        await PageCheck.CheckAsync(page, "63a-lagesbild-rapport-sparad");

        // A reload opens the same part with the text as saved.
        await page.ReloadAsync();
        await PageCheck.WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByLabel("Rapport från")).ToHaveValueAsync(report);

        // Text typed just before a reload is not lost: the page asks first, keeps it in the tab, and saves it on return.
        const string more = report + " Nytt: klotter vid skolan.";
        await page.GetByLabel("Rapport från").FillAsync(more);
        await Assertions.Expect(page.Locator(".autosave").First).ToHaveAttributeAsync("data-unsaved", "true");
        // The page asks before it is left (once its navigation lock has reached the browser, a moment after the typing);
        // the user goes on anyway.
        void Accept(object? sender, IDialog dialog) => _ = dialog.AcceptAsync();
        page.Dialog += Accept;
        await page.ReloadAsync();
        page.Dialog -= Accept;
        await PageCheck.WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByLabel("Rapport från")).ToHaveValueAsync(more);
        await Assertions.Expect(page.Locator(".autosave__status").First).ToContainTextAsync("Sparat");
        await page.ReloadAsync();
        await PageCheck.WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByLabel("Rapport från")).ToHaveValueAsync(more);

        // A part gets its fields when it is first opened (before that its texts are plain text, for print).
        await Assertions.Expect(page.Locator("#prognosis")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".lagesbild-tabs .mud-tabs-panels h3", new() { HasText = "Prognos" })).ToHaveCountAsync(1);

        // Leaving a field saves it too.
        await page.GetByRole(AriaRole.Tab, new() { Name = "Sammanfattning" }).ClickAsync();
        await page.GetByLabel("Prognos", new() { Exact = true }).FillAsync("Fler samlingar inomhus när kvällarna blir mörka.");
        await page.GetByLabel("Prognos", new() { Exact = true }).PressAsync("Tab");
        await Assertions.Expect(page.Locator("#prognosis").Locator("xpath=ancestor::div[contains(@class,'autosave')]").Locator(".autosave__status")).ToContainTextAsync("Sparat");

        // Fixing is confirmed in a dialog that says what happens; with the keyboard only (the part is in the address).
        // Before the month has ended it is fixed at EST's meeting, once the meeting has been held.
        await EstMeetsAsync();
        await page.GotoAsync(url.Split('?')[0] + "?del=faststallande");
        await PageCheck.WaitForCircuitAsync(page);
        await PageCheck.PressWithKeyboardAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Fastställ lägesbilden" }));
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToContainTextAsync("låses i version");
        await PageCheck.CheckAsync(page, "63b-lagesbild-faststall-dialog");
        await PageCheck.ConfirmWithKeyboardAsync(page, dialog, "Fastställ");
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Lägesbilden är fastställd.");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Fastställ lägesbilden" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".page-head")).ToContainTextAsync("presenterad vid gruppens möte");
        await Assertions.Expect(page.Locator(".page-head")).Not.ToContainTextAsync("Preliminär");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Rapporter" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(report);
        await PageCheck.CheckAsync(page, "64-lagesbild-faststalld");
        // The document to send on: Word, from the page.
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Lägesbild (Word)" })).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("/lagesbild\\.docx$"));

        // Printed from the browser: no app bar, menu or buttons; every part one after the other; legends in colour.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator(".mud-appbar")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator(".mud-tabs-tabbar")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Lägesbild (Word)" })).ToBeHiddenAsync();
        var panels = page.Locator(".mud-tabs-panels .mud-tab-panel:not(.mud-tab)");
        Assert.True(await panels.CountAsync() >= 4, "Alla delar av lägesbilden finns inte på sidan.");
        for (var i = 0; i < await panels.CountAsync(); i++)
        {
            await Assertions.Expect(panels.Nth(i)).ToBeVisibleAsync();
        }
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(report);
        Assert.Equal("exact", await page.Locator(".chart__swatch").First.EvaluateAsync<string>("e => getComputedStyle(e).printColorAdjust"));
        var swatch = page.Locator(".area-map__swatch").Last;
        Assert.NotEqual("rgba(0, 0, 0, 0)", await swatch.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));
        Assert.Equal("exact", await swatch.EvaluateAsync<string>("e => getComputedStyle(e).printColorAdjust"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ScreenshotDir, "64p-lagesbild-utskrift.png"), FullPage = true });
        var pdf = await page.PdfAsync(new() { Path = Path.Combine(BrowserApp.ScreenshotDir, "64p-lagesbild-utskrift.pdf"), Format = "A4" });
        Assert.True(pdf.Length > 10_000);
        await page.EmulateMediaAsync(new() { Media = Media.Screen });

        var phone = await app.NewPageAsync(390, 844);
        await PageCheck.SignInAsync(phone, DemoSeeder.EmailFor("samordnare", "orebro"));
        await phone.GotoAsync(url);
        await PageCheck.WaitForCircuitAsync(phone);
        await PageCheck.CheckAsync(phone, "64m-lagesbild-telefon");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Öppna menyn" }).ClickAsync();
        await Assertions.Expect(phone.GetByRole(AriaRole.Navigation, new() { Name = "Örebro: meny" }).GetByRole(AriaRole.Link, new() { Name = "Lägesbilder" })).ToBeVisibleAsync();
        await PageCheck.CheckAsync(phone, "64n-meny-telefon");
    }
}
