using SakraStader.Tests.Support;
using SakraStader.Domain;
using Microsoft.Playwright;
using SakraStader.Features.Demo;

namespace SakraStader.BrowserTests;

/// <summary>The annual report from draft to approved: the samordnare writes, the styrgrupp comments, answers, approval.</summary>
public sealed class AnnualReportJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task The_samordnare_writes_the_report_the_styrgrupp_reviews_and_approves_it()
    {
        var year = TestClock.Today.Year - 1;
        var samordnare = await app.NewPageAsync();
        await PageCheck.SignInAsync(samordnare, DemoSeeder.EmailFor("samordnare", "boras"));
        await samordnare.GotoAsync("/boras");
        await samordnare.GetByRole(AriaRole.Link, new() { Name = "Årsrapport", Exact = true }).ClickAsync();
        await samordnare.GetByLabel("Påbörja årsrapporten för").SelectOptionAsync($"{year}");
        await samordnare.GetByRole(AriaRole.Button, new() { Name = "Påbörja rapporten" }).ClickAsync();
        await Assertions.Expect(samordnare.Locator("h1")).ToContainTextAsync($"Årsrapport {year}");

        var summary = samordnare.Locator("form:has(#text-Sammanfattning)");
        await summary.GetByLabel("Sammanfattning").FillAsync("Ett lugnare år i Hässleholmen och Hulta. Bilbränderna minskade efter sommarens insatser.");
        await summary.GetByRole(AriaRole.Button, new() { Name = "Spara texten" }).ClickAsync();
        await Assertions.Expect(samordnare.Locator(".alert--success")).ToHaveTextAsync("Texten är sparad.");
        await PageCheck.CheckAsync(samordnare, "79-arsrapport-utkast");
        await samordnare.GetByRole(AriaRole.Button, new() { Name = "Skicka till styrgruppen för granskning" }).ClickAsync();
        await Assertions.Expect(samordnare.Locator(".page-head .status")).ToHaveTextAsync("Granskas av styrgruppen");
        var reportUrl = samordnare.Url;
        await samordnare.GotoAsync("/boras/overenskommelser");
        await Assertions.Expect(samordnare.Locator("article.card h2")).ToContainTextAsync("Samverkansöverenskommelse");
        await PageCheck.CheckAsync(samordnare, "79b-overenskommelser");
        await samordnare.GotoAsync(reportUrl);
        await Assertions.Expect(samordnare.Locator(".page-head .status")).ToHaveTextAsync("Granskas av styrgruppen");

        var styrgrupp = await app.NewPageAsync();
        await PageCheck.SignInAsync(styrgrupp, DemoSeeder.EmailFor("styrgrupp", "boras"));
        await styrgrupp.GotoAsync("/boras");
        await Assertions.Expect(styrgrupp.Locator(".alert")).ToContainTextAsync($"Årsrapporten för {year} väntar på styrgruppens granskning");
        await PageCheck.CheckAsync(styrgrupp, "80a-oversikt-granskning");
        await styrgrupp.GotoAsync("/boras/arsrapporter");
        await Assertions.Expect(styrgrupp.Locator(".glance")).ToContainTextAsync("Rapporten väntar på din granskning.");
        await PageCheck.CheckAsync(styrgrupp, "80-arsrapport-styrgruppens-vy");
        await styrgrupp.GetByRole(AriaRole.Link, new() { Name = "Läs och kommentera rapporten" }).ClickAsync();
        await styrgrupp.GetByLabel("Din kommentar till avsnittet ”Åtgärder”").FillAsync("Redovisa gärna vad de genomförda åtgärderna kostade.");
        await styrgrupp.Locator("form:has(#comment-Atgarder)").GetByRole(AriaRole.Button, new() { Name = "Kommentera" }).ClickAsync();
        await Assertions.Expect(styrgrupp.Locator(".alert--success")).ToContainTextAsync("Din kommentar är sparad.");

        await samordnare.GotoAsync(samordnare.Url); // a GET: reloading would post the last form again
        await Assertions.Expect(samordnare.Locator(".toc")).ToContainTextAsync("1 obesvarad");
        await samordnare.GetByLabel("Ditt svar: vad du ändrade, eller varför inte").FillAsync("Kostnaderna står nu i tabellen under Åtgärder.");
        await samordnare.GetByRole(AriaRole.Button, new() { Name = "Svara" }).ClickAsync();
        await Assertions.Expect(samordnare.Locator(".comment__answer")).ToContainTextAsync("Kostnaderna står nu i tabellen");
        await PageCheck.CheckAsync(samordnare, "81-arsrapport-granskning");

        await styrgrupp.GotoAsync(styrgrupp.Url);
        await styrgrupp.GetByRole(AriaRole.Button, new() { Name = "Godkänn årsrapporten" }).ClickAsync();
        await Assertions.Expect(styrgrupp.Locator(".alert--success")).ToContainTextAsync("Årsrapporten är godkänd");
        await Assertions.Expect(styrgrupp.Locator(".page-head .status")).ToHaveTextAsync("Godkänd");
        await Assertions.Expect(styrgrupp.Locator("textarea")).ToHaveCountAsync(0);
        await PageCheck.CheckAsync(styrgrupp, "82-arsrapport-godkand");

        // The print layout (what "Spara som PDF" gives): no menus, steps or forms.
        await styrgrupp.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(styrgrupp.Locator(".kommun-nav")).ToBeHiddenAsync();
        await Assertions.Expect(styrgrupp.Locator(".steps")).ToBeHiddenAsync();
        await styrgrupp.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ScreenshotDir, "83-arsrapport-utskrift.png"), FullPage = true });
    }
}
