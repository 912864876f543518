using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MimeKit;
using SakraStader.Data;
using SakraStader.Domain;
using SakraStader.Features.Demo;
using SakraStader.Tenancy;

namespace SakraStader.BrowserTests;

/// <summary>
/// A promise goes from the samordnare to the police officer and back, each told twice: the count in the app bar of
/// the page they have open, and an e-mail (delivered by the outbox worker to a real SMTP server) whose link opens the
/// work. The stop link in the mail works without signing in; the e-mail choices page is looked at on both sizes.
/// </summary>
public sealed class MailJourneyTests(MailBrowserApp app) : IClassFixture<MailBrowserApp>
{
    private const string Title = "Trygg gångväg vid Tingvallaskolan";

    /// <summary>The draft, made without a person (no mail): the kommun's and the police's signatories, one commitment.</summary>
    private async Task<Guid> DraftAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var k = await db.Kommuner.AsNoTracking().SingleAsync(k => k.Slug == "karlstad");
        scope.ServiceProvider.GetRequiredService<TenantContext>().SetKommun(new KommunInfo(k.Id, k.Name, k.Slug, k.Kod), null);
        var samordnare = await db.Users.SingleAsync(u => u.Email == DemoSeeder.EmailFor("samordnare", "karlstad"));
        var polis = await db.Users.SingleAsync(u => u.Email == DemoSeeder.PolisEmail);
        var today = SakraStader.Tests.Support.TestClock.Today;
        var lofte = new Medborgarlofte(Title, today, today.AddYears(1));
        lofte.AddParty(PartyKind.Kommunen, "Karlstads kommun", samordnare.Id, samordnare.DisplayName, "Säkerhetschef");
        var police = lofte.AddParty(PartyKind.Polisen, "Polisen, LPO Karlstad", polis.Id, polis.DisplayName, "Kommunpolis");
        lofte.AddCommitment("Polisen går gångvägen till fots två morgnar i veckan.", police.Id, "Antal morgnar per månad.");
        db.Medborgarloften.Add(lofte);
        await db.SaveChangesAsync();
        return lofte.Id;
    }

    private async Task<MimeMessage> MailAsync(string to, string subject)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(20))
        {
            if ((await app.Mail!.ToAsync(to)).FirstOrDefault(m => m.Subject == subject) is { } found)
            {
                return found;
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"Inget meddelande ”{subject}” till {to}.");
    }

    /// <summary>The link a message points at (its text part), as a path in the app under test.</summary>
    private static string LinkIn(MimeMessage message, string startsWith)
    {
        var line = (message.TextBody ?? "").Split('\n').Select(l => l.Trim()).First(l => l.Contains("://", StringComparison.Ordinal) && l.Contains(startsWith, StringComparison.Ordinal));
        return new Uri(line[line.IndexOf("http", StringComparison.Ordinal)..]).PathAndQuery;
    }

    private static async Task<int> CountAsync(IPage page)
    {
        var badge = page.Locator(".inbox-badge");
        await Assertions.Expect(badge).ToHaveAttributeAsync("data-count", new System.Text.RegularExpressions.Regex("^[0-9]+$"));
        return int.Parse((await badge.GetAttributeAsync("data-count"))!, System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task The_samordnare_sends_the_police_officer_is_told_and_signs_the_samordnare_is_told_back()
    {
        var id = await DraftAsync();
        var samordnareEmail = DemoSeeder.EmailFor("samordnare", "karlstad");

        // The police officer has "Att göra" open.
        var polis = await app.NewPageAsync();
        await PageCheck.SignInAsync(polis, DemoSeeder.PolisEmail);
        await polis.GotoAsync("/att-gora");
        await PageCheck.WaitForCircuitAsync(polis);
        var policeBefore = await CountAsync(polis);

        // The samordnare sends the promise for signing, through the dialog.
        var samordnare = await app.NewPageAsync();
        await PageCheck.SignInAsync(samordnare, samordnareEmail);
        await samordnare.GotoAsync($"/karlstad/loften/{id}");
        await PageCheck.WaitForCircuitAsync(samordnare);
        await samordnare.GetByRole(AriaRole.Button, new() { Name = "Skicka för underskrift" }).ClickAsync();
        await PageCheck.ConfirmWithKeyboardAsync(samordnare, samordnare.GetByRole(AriaRole.Dialog), "Skicka");
        await Assertions.Expect(samordnare.Locator(".lofte-status")).ToHaveTextAsync("Väntar på underskrifter");

        // The police officer's count goes up without a reload, and the mail says what and where, with a link.
        await Assertions.Expect(polis.Locator(".inbox-badge")).ToHaveAttributeAsync("data-count", (policeBefore + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(polis.Locator(".inbox-item[data-kind=Sign]").Filter(new() { HasText = Title })).ToHaveCountAsync(1);
        var toSign = await MailAsync(DemoSeeder.PolisEmail, $"Medborgarlöfte att skriva under: {Title}");
        Assert.DoesNotContain("två morgnar", (toSign.TextBody ?? "") + toSign.HtmlBody, StringComparison.Ordinal);

        // The samordnare signs for the kommun from "Att göra".
        await samordnare.GotoAsync("/att-gora");
        await PageCheck.WaitForCircuitAsync(samordnare);
        await samordnare.Locator(".inbox-item[data-kind=Sign]").Filter(new() { HasText = Title }).GetByRole(AriaRole.Link).First.ClickAsync();
        await SignAsync(samordnare);
        await samordnare.GotoAsync("/att-gora");
        await PageCheck.WaitForCircuitAsync(samordnare);
        var samordnareBefore = await CountAsync(samordnare);

        // The police officer follows the mail's link and signs.
        await polis.GotoAsync(LinkIn(toSign, "/underteckna/"));
        await Assertions.Expect(polis.Locator("h1")).ToContainTextAsync("Skriv under för Polisen");
        await PageCheck.WaitForCircuitAsync(polis);
        await SignAsync(polis);
        await Assertions.Expect(polis.Locator(".signed-alert")).ToContainTextAsync("Alla parter har skrivit under");

        // Back to the samordnare: the count and the list, live, and the mail with the link to publish.
        await Assertions.Expect(samordnare.Locator(".inbox-badge")).ToHaveAttributeAsync("data-count", (samordnareBefore + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(samordnare.Locator(".inbox-item[data-kind=Publish]").Filter(new() { HasText = Title })).ToHaveCountAsync(1);
        var signed = await MailAsync(samordnareEmail, $"Medborgarlöftet är undertecknat: {Title}");
        Assert.Equal($"/karlstad/loften/{id}", LinkIn(signed, "/loften/"));
        // Nobody is mailed about what they did themselves.
        Assert.DoesNotContain(await app.Mail!.ToAsync(samordnareEmail), m => m.Subject == $"Medborgarlöfte att skriva under: {Title}");

        // The stop link works in a browser that is not signed in: it asks first, then says it is done.
        var stranger = await app.NewPageAsync(390, 844);
        await stranger.GotoAsync(LinkIn(signed, "/e-post/sluta"));
        await Assertions.Expect(stranger.Locator("h1")).ToHaveTextAsync("Sluta få e-post?");
        await PageCheck.CheckAsync(stranger, "79m-sluta-fa-e-post-telefon");
        await stranger.GetByRole(AriaRole.Button, new() { Name = "Ja, sluta skicka e-post om detta" }).ClickAsync();
        await Assertions.Expect(stranger.Locator("h1")).ToHaveTextAsync("Klart");
        await PageCheck.CheckAsync(stranger, "79n-e-post-stoppad-telefon");

        // The samordnare's choices show it, on both sizes.
        await samordnare.GotoAsync("/konto/e-post");
        await PageCheck.WaitForCircuitAsync(samordnare);
        await Assertions.Expect(samordnare.Locator(".mail-choice[data-kind=ReadyToPublish] input[type=radio]").Nth(2)).ToBeCheckedAsync();
        await PageCheck.CheckAsync(samordnare, "79-e-post-val");
        await samordnare.Locator(".mail-choice[data-kind=ReadyToPublish]").GetByText("Direkt").ClickAsync();
        await Assertions.Expect(samordnare.Locator(".mud-snackbar")).ToContainTextAsync("Du får e-post direkt");
        var phone = await app.NewPageAsync(390, 844);
        await PageCheck.SignInAsync(phone, samordnareEmail);
        await phone.GotoAsync("/konto/e-post");
        await PageCheck.WaitForCircuitAsync(phone);
        await PageCheck.CheckAsync(phone, "79a-e-post-val-telefon");
    }

    /// <summary>On the signing page: the password, "Skriv under", and the dialog's "Skriv under".</summary>
    private static async Task SignAsync(IPage page)
    {
        await page.GetByLabel("Bekräfta med ditt lösenord").FillAsync(DemoSeeder.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Skriv under", Exact = true }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Skriv under", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Du har skrivit under");
    }
}
