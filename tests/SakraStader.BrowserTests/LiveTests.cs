using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SakraStader.Features.Demo;

namespace SakraStader.BrowserTests;

/// <summary>
/// What others do reaches an open page without a reload: the police officer's "Att göra" leads to the lägesbild
/// section that waits for him; while he writes it, the samordnare, who has the same lägesbild open and is typing its
/// summary, sees the police's report arrive, with who and when, and keeps her own text; minutes written during a
/// meeting reach a member's open page (issue 17 item 7, issue 18).
/// </summary>
public sealed class LiveTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_section_saved_by_the_police_shows_on_the_samordnares_open_lagesbild_and_leaves_his_inbox()
    {
        var polis = await app.NewPageAsync();
        await PageCheck.SignInAsync(polis, DemoSeeder.PolisEmail);
        await polis.GotoAsync("/att-gora");
        await PageCheck.WaitForCircuitAsync(polis);
        var waiting = polis.Locator(".inbox-item[data-kind=WriteSection]").Filter(new() { HasText = "Örebro" });
        await Assertions.Expect(waiting).ToHaveCountAsync(1);
        await Assertions.Expect(waiting).ToContainTextAsync("Du är med i EST");
        await PageCheck.CheckAsync(polis, "80-att-gora-polis");
        await waiting.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(polis.Locator("h1")).ToContainTextAsync("Lägesbild EST");
        await PageCheck.WaitForCircuitAsync(polis);
        var lagesbild = new Uri(polis.Url).AbsolutePath;

        var samordnare = await app.NewPageAsync();
        await PageCheck.SignInAsync(samordnare, DemoSeeder.EmailFor("samordnare", "orebro"));
        await samordnare.GotoAsync(lagesbild + "?del=sammanfattning");
        await PageCheck.WaitForCircuitAsync(samordnare);
        var summary = samordnare.GetByRole(AriaRole.Textbox, new() { Name = "Sammanfattning", Exact = true });
        await summary.ClickAsync();
        await samordnare.Keyboard.PressAsync("Control+End");
        await samordnare.Keyboard.TypeAsync(" Samordnaren skriver medan polisen rapporterar.");
        var mine = await summary.InputValueAsync();

        await polis.GetByRole(AriaRole.Tab, new() { Name = "Rapporter" }).ClickAsync();
        var section = polis.GetByLabel(new Regex("^Rapport från"));
        await section.FillAsync("Polisen ser fler samlingar vid Vivalla centrum sena fredagar.");
        await section.BlurAsync();
        await Assertions.Expect(polis.Locator(".autosave__status").First).ToContainTextAsync("Sparat");

        // The samordnare's page reads again by itself and says who saved; her own text stays as she typed it.
        await Assertions.Expect(samordnare.Locator(".live-note")).ToContainTextAsync("Mikael Strand sparade i lägesbilden");
        await Assertions.Expect(summary).ToHaveValueAsync(mine);
        await PageCheck.CheckAsync(samordnare, "81-lagesbild-andra-sparade");
        await samordnare.GetByRole(AriaRole.Tab, new() { Name = "Rapporter" }).ClickAsync();
        await Assertions.Expect(samordnare.Locator("main")).ToContainTextAsync("Polisen ser fler samlingar vid Vivalla centrum sena fredagar.");

        // Done: the item has left the police officer's "Att göra".
        await polis.GotoAsync("/att-gora");
        await PageCheck.WaitForCircuitAsync(polis);
        await Assertions.Expect(polis.Locator(".inbox-item[data-kind=WriteSection]").Filter(new() { HasText = "Örebro" })).ToHaveCountAsync(0);
        var phone = await app.NewPageAsync(390, 844);
        await PageCheck.SignInAsync(phone, DemoSeeder.PolisEmail);
        await phone.GotoAsync("/att-gora");
        await PageCheck.WaitForCircuitAsync(phone);
        await Assertions.Expect(phone.Locator(".inbox-badge")).ToHaveAttributeAsync("data-count", new Regex("^[1-9][0-9]*$"));
        await PageCheck.CheckAsync(phone, "80m-att-gora-telefon");
    }
    [Fact]
    public async Task Minutes_written_during_the_meeting_show_on_a_members_open_page()
    {
        var samordnare = await app.NewPageAsync();
        await PageCheck.SignInAsync(samordnare, DemoSeeder.EmailFor("samordnare", "orebro"));
        await samordnare.GotoAsync("/att-gora");
        await PageCheck.WaitForCircuitAsync(samordnare);
        await samordnare.Locator(".inbox-item[data-kind=Justera]").Filter(new() { HasText = "EST" }).GetByRole(AriaRole.Link).ClickAsync();
        var minutes = samordnare.GetByLabel("Protokoll för punkt 1");
        await Assertions.Expect(minutes).ToBeVisibleAsync();
        var meeting = new Uri(samordnare.Url).AbsolutePath;

        // A member follows the meeting on a phone.
        var polis = await app.NewPageAsync(390, 844);
        await PageCheck.SignInAsync(polis, DemoSeeder.PolisEmail);
        await polis.GotoAsync(meeting);
        await PageCheck.WaitForCircuitAsync(polis);

        await minutes.FillAsync("Polisen och bostadsbolaget går en trygghetsvandring i Vivalla i januari.");
        await minutes.BlurAsync();
        await Assertions.Expect(polis.Locator(".live-note")).ToContainTextAsync("sparade i mötet");
        await Assertions.Expect(polis.Locator("main")).ToContainTextAsync("trygghetsvandring i Vivalla i januari");
        await PageCheck.CheckAsync(polis, "82m-mote-live-telefon");
    }
}
