using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SakraStader.Domain;
using SakraStader.Features.Account;
using SakraStader.Features.Commands;
using SakraStader.Features.Demo;
using SakraStader.Features.Medborgarloften;
using SakraStader.Tenancy;
using SakraStader.Features.Meetings;
using SakraStader.Tests.Support;

namespace SakraStader.Tests.Integration;

/// <summary>
/// The app with sessions checked every second instead of every five (<c>Security:SessionCheckSeconds</c>), so a test
/// sees a session end without waiting long; and no sign-in rate limit, since these tests sign in often.
/// </summary>
public sealed class QuickSessionsApp : TestApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Security:SessionCheckSeconds", "1");
        builder.UseSetting("Security:SignInAttemptsPerMinute", "1000");
    }
}

/// <summary>
/// Sessions end when they should: a new password, a sign-out, a lockout or a removed membership ends the user's open
/// sessions within seconds, also a cookie copied before; wrong passwords on the signing page count toward the
/// sign-in lockout; and nothing a signed-in user is shown, nor any download, is stored by a browser or proxy.
/// </summary>
[Trait("Category", "Integration")]
public sealed class SessionSecurityTests(QuickSessionsApp app) : IClassFixture<QuickSessionsApp>
{
    /// <summary>"Within seconds": the check interval here is one second.</summary>
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(4);

    [Fact]
    public async Task Signing_out_ends_every_session_of_the_user_within_seconds_also_a_copied_cookie()
    {
        var email = TestApp.Email("medlem", "orebro");
        using var laptop = await app.SignedInClientAsync(email);
        using var phone = await app.SignedInClientAsync(email);
        using var copied = app.NewClient();
        laptop.CopyCookiesTo(copied);
        using var before = await copied.GetAsync("/orebro/grupper");
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        using var signOut = await laptop.SubmitActionAsync("/konto/utloggning", "/konto/logga-ut");
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

        await AssertSentToSignInWithinAsync(copied, "/orebro/grupper");
        await AssertSentToSignInWithinAsync(phone, "/orebro/grupper");
    }

    [Fact]
    public async Task A_password_change_ends_the_users_other_sessions_within_seconds_and_keeps_the_one_that_changed_it()
    {
        var email = TestApp.Email("medlem", "boras");
        using var session = await app.SignedInClientAsync(email);
        using var elsewhere = await app.SignedInClientAsync(email);
        using var copied = app.NewClient();
        session.CopyCookiesTo(copied);

        using var changed = await session.SubmitAsync("/konto/losenord", "change-password", new Dictionary<string, string>
        {
            ["Input.Current"] = DemoSeeder.Password,
            ["Input.New"] = "ett nytt långt lösenord för sessionstestet",
        });
        Assert.Contains("Lösenordet är bytt.", await changed.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await AssertSentToSignInWithinAsync(copied, "/boras/grupper");
        await AssertSentToSignInWithinAsync(elsewhere, "/boras/grupper");
        // The session that changed the password got a cookie with the new stamp: still in, past the check interval.
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        using var still = await session.GetAsync("/boras/grupper");
        Assert.Equal(HttpStatusCode.OK, still.StatusCode);
    }

    [Fact]
    public async Task A_lockout_ends_the_users_open_sessions_within_seconds()
    {
        var email = TestApp.Email("lasare", "boras");
        using var session = await app.SignedInClientAsync(email);
        using var copied = app.NewClient();
        session.CopyCookiesTo(copied);

        using var guesser = app.NewClient();
        for (var i = 0; i < 5; i++)
        {
            using var _ = await guesser.SubmitAsync("/konto/logga-in", "login", new Dictionary<string, string>
            {
                ["Input.Email"] = email,
                ["Input.Password"] = "gissat-lösenord-nummer-" + i,
            });
        }
        Assert.NotNull(await app.WithDbAsync(null, db => db.Users.Where(u => u.Email == email).Select(u => u.LockoutEnd).SingleAsync()));

        await AssertSentToSignInWithinAsync(session, "/boras/grupper");
        await AssertSentToSignInWithinAsync(copied, "/boras/grupper");
    }

    [Fact]
    public async Task A_membership_removed_on_another_instance_stops_granting_the_kommun_within_seconds()
    {
        var email = TestApp.Email("medlem", "haninge");
        var userId = await app.WithDbAsync(null, db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        var membershipId = await app.WithDbAsync("haninge", db => db.Memberships.Where(m => m.UserId == userId).Select(m => m.Id).SingleAsync());
        using var session = await app.SignedInClientAsync(email);
        await using var other = app.SecondInstance();

        // This instance now keeps the membership in memory.
        using var before = await session.GetAsync("/haninge/grupper");
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        // The samordnare removes the membership on the other instance, through the command path.
        var removed = await other.AsUserAsync(TestApp.Email("samordnare", "haninge"), "haninge", ops =>
            ops.SendAsync<Features.Members.MemberWork>(new KommunRoleRequirement(Role.Samordnare), null, (w, ct) => w.RemoveAsync(membershipId, ct), ""));
        Assert.True(removed.Succeeded, removed.Message);
        Assert.False(await app.WithDbAsync("haninge", db => db.Memberships.AnyAsync(m => m.Id == membershipId)));

        var refused = await WithinAsync(session, "/haninge/grupper", r => r.StatusCode == HttpStatusCode.Redirect
            && r.LocationPath().StartsWith("/konto/atkomst-nekad", StringComparison.Ordinal));
        Assert.True(refused, "Den borttagna medlemmen kom fortfarande in i Haninge.");
    }

    /// <summary>The demo's promise in Karlstad, signed by the kommun and waiting for the police.</summary>
    private Task<(Guid Id, Guid PoliceParty)> KarlstadAwaitingAsync() => app.WithDbAsync("karlstad", async db =>
    {
        var lofte = await db.Medborgarloften.Include(m => m.Parties).SingleAsync(m => m.Title == "Tryggare Kronoparken");
        return (lofte.Id, lofte.Parties.Single(p => p.Kind == PartyKind.Polisen).Id);
    });

    private Task<int> UnlockAsync(string email) => app.WithDbAsync(null, async db =>
    {
        var user = await db.Users.SingleAsync(u => u.Email == email);
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        return await db.SaveChangesAsync();
    });

    /// <summary>A signature through the command path, as the interactive signing page sends it.</summary>
    private Task<CommandResult<bool>> SignAsync(Guid id, Guid party, string password) => app.AsUserAsync(DemoSeeder.PolisEmail, "karlstad", async ops =>
    {
        var model = (await ops.ReadAsync<MedborgarlofteWork, SigningModel?>((w, ct) => w.ReadSigningAsync(id, party, ct)))!;
        return await ops.SendAsync<MedborgarlofteWork, bool>(new KommunRoleRequirement(Role.Medlem), null,
            (w, ct) => w.SignAsync(id, party, model.Hash!, password, ct), "Du har skrivit under.");
    });

    [Fact]
    public async Task Wrong_passwords_on_the_signing_page_count_toward_the_sign_in_lockout_and_the_lockout_ends_the_session()
    {
        await UnlockAsync(DemoSeeder.PolisEmail);
        var (id, party) = await KarlstadAwaitingAsync();
        var url = $"/karlstad/loften/{id}/underteckna/{party}";
        using var polis = await app.SignedInClientAsync(DemoSeeder.PolisEmail);

        // Two wrong passwords at the sign-in page (someone guessing), then three on the signing page: one count.
        using var guesser = app.NewClient();
        for (var i = 0; i < 2; i++)
        {
            using var _ = await guesser.SubmitAsync("/konto/logga-in", "login", new Dictionary<string, string>
            {
                ["Input.Email"] = DemoSeeder.PolisEmail,
                ["Input.Password"] = "gissat-lösenord-nummer-" + i,
            });
        }
        var results = new List<CommandResult<bool>>();
        for (var i = 0; i < 3; i++)
        {
            results.Add(await SignAsync(id, party, "fel-lösenord-" + i));
        }

        Assert.All(results, r => Assert.Equal((false, "Password"), (r.Succeeded, r.Field)));
        Assert.Contains("Lösenordet stämmer inte", results[0].Message, StringComparison.Ordinal);
        Assert.Contains("Lösenordet stämmer inte", results[1].Message, StringComparison.Ordinal);
        Assert.Contains("Kontot är spärrat", results[2].Message, StringComparison.Ordinal);
        Assert.NotNull(await app.WithDbAsync(null, db => db.Users.Where(u => u.Email == DemoSeeder.PolisEmail).Select(u => u.LockoutEnd).SingleAsync()));
        Assert.Equal(0, await app.WithDbAsync("karlstad", db => db.LofteSignatures.CountAsync(s => s.PartyId == party)));
        await AssertSentToSignInWithinAsync(polis, url);
        using var fresh = app.NewClient();
        using var signInAgain = await fresh.SubmitAsync("/konto/logga-in", "login", new Dictionary<string, string>
        {
            ["Input.Email"] = DemoSeeder.PolisEmail,
            ["Input.Password"] = DemoSeeder.Password,
        });
        Assert.Contains("spärrat", await signInAgain.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await UnlockAsync(DemoSeeder.PolisEmail);
    }

    [Fact]
    public async Task A_locked_out_user_cannot_sign_even_with_the_right_password()
    {
        await UnlockAsync(DemoSeeder.PolisEmail);
        var (id, party) = await KarlstadAwaitingAsync();

        // Locked out while the signing page is open (the lockout's own stamp change would also end the session soon).
        await app.WithDbAsync(null, async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == DemoSeeder.PolisEmail);
            user.LockoutEnd = TestClock.Now.AddYears(50);
            return await db.SaveChangesAsync();
        });
        var result = await SignAsync(id, party, DemoSeeder.Password);

        Assert.False(result.Succeeded);
        Assert.Equal("Password", result.Field);
        Assert.Contains("Kontot är spärrat", result.Message, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync("karlstad", db => db.LofteSignatures.CountAsync(s => s.PartyId == party)));
        await UnlockAsync(DemoSeeder.PolisEmail);
    }

    [Fact]
    public async Task Downloads_and_signed_in_pages_are_never_stored_and_public_pages_keep_their_cache_headers()
    {
        var plan = await app.WithDbAsync("orebro", db => db.Atgardsplaner.Select(p => p.Id).FirstAsync());
        var meeting = await app.WithDbAsync("orebro", db => db.Meetings.Select(m => m.Id).FirstAsync());
        var group = await app.WithDbAsync("orebro", db => db.Groups.Select(g => g.Id).FirstAsync());
        var year = await app.WithDbAsync("orebro", db => db.AnnualReports.Select(r => r.Year).FirstAsync());
        var token = CalendarEndpoints.NewToken();
        await app.WithDbAsync(null, async db =>
        {
            (await db.Users.SingleAsync(u => u.Email == TestApp.Email("styrgrupp", "orebro"))).CalendarToken = token;
            return await db.SaveChangesAsync();
        });
        using var samordnare = await app.SignedInClientAsync(TestApp.Email("samordnare", "orebro"));
        using var anonymous = app.NewClient();

        string[] signedIn =
        [
            "/", "/orebro", "/orebro/grupper", $"/orebro/grupper/{group}", "/konto/losenord", "/att-underteckna",
            $"/orebro/atgardsplaner/{plan}/export.xlsx", $"/orebro/atgardsplaner/{plan}/export.csv",
            $"/orebro/arsrapporter/{year}/arsrapport-{year}.docx", "/orebro/export.json",
            $"/orebro/moten/{meeting}/kalender.ics", $"/orebro/grupper/{group}/kalender.ics",
        ];
        var stored = new List<string>();
        foreach (var url in signedIn)
        {
            using var response = await samordnare.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode}");
            if (response.Headers.CacheControl?.NoStore != true)
            {
                stored.Add($"{url}: {response.Headers.CacheControl}");
            }
        }
        // The personal calendar feed is fetched without a cookie; the token is the credential.
        using var feed = await anonymous.GetAsync($"/kalender/{token}.ics");
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        if (feed.Headers.CacheControl?.NoStore != true)
        {
            stored.Add($"/kalender/…ics: {feed.Headers.CacheControl}");
        }
        Assert.True(stored.Count == 0, "Utan no-store:\n" + string.Join("\n", stored));

        // Public pages as before: shared caches may keep the public promises for five minutes.
        using var publicList = await anonymous.GetAsync("/orebro/medborgarloften");
        Assert.Equal("public, max-age=300", publicList.Headers.CacheControl!.ToString());
        using var publicLofte = await anonymous.GetAsync("/verifiera/x");
        Assert.Equal("public, max-age=300", publicLofte.Headers.CacheControl!.ToString());
        // The stylesheets, fingerprinted (the theme's by a hash of its content), stay cacheable for a signed-in user.
        var page = await samordnare.PageAsync("/orebro");
        var hrefs = page.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!).ToList();
        Assert.Contains(hrefs, h => h.StartsWith("/theme.css?v=", StringComparison.Ordinal));
        foreach (var css in hrefs)
        {
            var stylesheet = await samordnare.GetAsync(css);
            if (stylesheet.Headers.Contains("Set-Cookie"))
            {
                // The sign-in cookie was renewed with this answer (the session check re-issues it every few seconds), and
                // ASP.NET's cookie handler marks an answer that sets it "no-cache, no-store": the next one is the file's own.
                stylesheet.Dispose();
                stylesheet = await samordnare.GetAsync(css);
            }
            using var _ = stylesheet;
            Assert.Equal(HttpStatusCode.OK, stylesheet.StatusCode);
            Assert.False(stylesheet.Headers.CacheControl?.NoStore == true,
                $"{css}: {stylesheet.Headers.CacheControl}; {stylesheet.Content.Headers.ContentType}; " +
                $"{string.Join(", ", stylesheet.Headers.Select(h => h.Key))}; " +
                $"{string.Concat((await stylesheet.Content.ReadAsStringAsync()).Take(200))}");
        }
    }

    [Fact]
    public async Task The_theme_is_one_stylesheet_that_browsers_keep_not_css_written_into_every_page()
    {
        using var samordnare = await app.SignedInClientAsync(TestApp.Email("samordnare", "orebro"));
        var page = await samordnare.PageAsync("/orebro");
        Assert.Empty(page.QuerySelectorAll("body style"));
        var href = page.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!).Single(h => h.StartsWith("/theme.css", StringComparison.Ordinal));
        using var anonymous = app.NewClient();
        using var theme = await anonymous.GetAsync(href);
        Assert.Equal(HttpStatusCode.OK, theme.StatusCode);
        Assert.Equal("text/css", theme.Content.Headers.ContentType!.MediaType);
        Assert.True(theme.Headers.CacheControl is { Public: true, NoStore: false } && theme.Headers.CacheControl.MaxAge >= TimeSpan.FromDays(365),
            theme.Headers.CacheControl?.ToString());
        var css = await theme.Content.ReadAsStringAsync();
        // The product's palette and font stack, not MudBlazor's defaults.
        Assert.Contains("--mud-palette-primary: rgba(26,75,140,1);", css, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("--mud-palette-error: rgba(163,34,42,1);", css, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("system-ui", css, StringComparison.Ordinal);
        Assert.DoesNotContain("<", css, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_interactive_circuit_stays_valid_until_the_users_stamp_or_membership_changes()
    {
        var email = TestApp.Email("styrgrupp", "haninge");
        var haninge = await app.KommunIdAsync("haninge");
        var orebro = await app.KommunIdAsync("orebro");
        await using var scope = app.Services.CreateAsyncScope();
        // Registered for the interactive pages to come; the static pages render with it as before.
        var provider = Assert.IsType<SessionStateProvider>(scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>());
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<AppUser>>();
        var user = (await signIn.UserManager.FindByEmailAsync(email))!;
        var principal = await signIn.CreateUserPrincipalAsync(user);

        Assert.True(await provider.IsStillValidAsync(principal, haninge));
        Assert.True(await provider.IsStillValidAsync(principal, null));
        Assert.False(await provider.IsStillValidAsync(principal, orebro));

        await app.WithDbAsync("haninge", async db =>
        {
            db.Memberships.Remove(await db.Memberships.SingleAsync(m => m.UserId == user.Id));
            return await db.SaveChangesAsync();
        });
        Assert.False(await provider.IsStillValidAsync(principal, haninge));
        Assert.True(await provider.IsStillValidAsync(principal, null));

        await signIn.UserManager.UpdateSecurityStampAsync(user);
        Assert.False(await provider.IsStillValidAsync(principal, null));
    }

    [Fact]
    public async Task A_circuit_stays_signed_in_while_the_database_cannot_answer_the_session_check()
    {
        var haninge = await app.KommunIdAsync("haninge");
        await using var scope = app.Services.CreateAsyncScope();
        var provider = Assert.IsType<SessionStateProvider>(scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>());
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<AppUser>>();
        var principal = await signIn.CreateUserPrincipalAsync((await signIn.UserManager.FindByEmailAsync(TestApp.Email("medlem", "haninge")))!);
        app.Outage.Active = true;
        try
        {
            // The check itself cannot run (the database is away) ...
            await Assert.ThrowsAnyAsync<Exception>(() => provider.IsStillValidAsync(principal, haninge));
            // ... and the circuit's check keeps the user signed in rather than signing out everyone on a restart.
            Assert.True(await provider.CheckAsync(principal, haninge));
        }
        finally
        {
            app.Outage.Active = false;
        }
        Assert.True(await provider.CheckAsync(principal, haninge));
    }

    private static async Task AssertSentToSignInWithinAsync(AppClient client, string url) =>
        Assert.True(await WithinAsync(client, url, r => r.StatusCode == HttpStatusCode.Redirect
            && r.LocationPath().StartsWith("/konto/logga-in", StringComparison.Ordinal)), $"GET {url} svarade fortfarande efter {Within.TotalSeconds} s.");

    /// <summary>Asks again every fifth of a second until <paramref name="refused"/> holds or <see cref="Within"/> has passed.</summary>
    private static async Task<bool> WithinAsync(AppClient client, string url, Func<HttpResponseMessage, bool> refused)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            using (var response = await client.GetAsync(url))
            {
                if (refused(response))
                {
                    return true;
                }
            }
            if (watch.Elapsed > Within)
            {
                return false;
            }
            await Task.Delay(200);
        }
    }
}
