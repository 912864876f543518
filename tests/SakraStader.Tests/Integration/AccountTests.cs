using System.Net;
using Microsoft.EntityFrameworkCore;
using SakraStader.Features.Demo;
using SakraStader.Tests.Support;

namespace SakraStader.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class AccountTests(TestApp app) : IClassFixture<TestApp>
{
    [Fact]
    public async Task Anonymous_user_is_sent_to_sign_in_with_return_url()
    {
        using var client = app.NewClient();
        using var response = await client.GetAsync("/orebro/grupper");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/konto/logga-in?ReturnUrl=%2Forebro%2Fgrupper", response.LocationPath());
    }

    [Fact]
    public async Task Sign_in_sets_a_secure_httponly_samesite_cookie_and_returns_to_the_page()
    {
        using var client = app.NewClient();
        using var response = await client.SubmitAsync("/konto/logga-in?ReturnUrl=%2Forebro", "login", new Dictionary<string, string>
        {
            ["Input.Email"] = TestApp.Email("samordnare", "orebro"),
            ["Input.Password"] = DemoSeeder.Password,
        }, postUrl: "/konto/logga-in?ReturnUrl=%2Forebro");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/orebro", response.LocationPath());
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("sakrastader.auth=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Sign_in_refuses_a_foreign_return_url()
    {
        using var client = app.NewClient();
        using var response = await client.SubmitAsync("/konto/logga-in", "login", new Dictionary<string, string>
        {
            ["Input.Email"] = TestApp.Email("styrgrupp", "orebro"),
            ["Input.Password"] = DemoSeeder.Password,
        }, postUrl: "/konto/logga-in?ReturnUrl=%2F%2Fevil.example");

        Assert.Equal("/", response.LocationPath());
    }

    [Fact]
    public async Task Wrong_password_shows_a_swedish_message_and_keeps_the_email()
    {
        using var client = app.NewClient();
        using var response = await client.SubmitAsync("/konto/logga-in", "login", new Dictionary<string, string>
        {
            ["Input.Email"] = TestApp.Email("styrgrupp", "boras"),
            ["Input.Password"] = "fel-lösenord-helt-och-hållet",
        });
        var page = AppClient.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Fel e-postadress eller lösenord.", page.QuerySelector(".mud-alert-text-error .mud-alert-message")!.TextContent.Trim());
        Assert.Equal("alert", page.QuerySelector(".mud-alert-text-error")!.GetAttribute("role"));
        // MudBlazor's field, posted as a plain form field (no script on this page).
        Assert.Equal("Input.Email", page.QuerySelector("#email")!.GetAttribute("name"));
        Assert.Equal(TestApp.Email("styrgrupp", "boras"), page.QuerySelector("#email")!.GetAttribute("value"));
        Assert.Equal("", page.QuerySelector("#password")!.GetAttribute("value") ?? "");
    }

    [Fact]
    public async Task Empty_form_shows_messages_next_to_the_fields()
    {
        using var client = app.NewClient();
        using var response = await client.SubmitAsync("/konto/logga-in", "login", new Dictionary<string, string>
        {
            ["Input.Email"] = "",
            ["Input.Password"] = "",
        });
        var page = AppClient.Parse(await response.Content.ReadAsStringAsync());

        // Each message at its own field.
        string? At(string id) => page.QuerySelector(id)!.Closest(".mud-input-control")!.QuerySelector(".mud-input-helper-text.mud-input-error")?.TextContent.Trim();
        Assert.Equal(("Ange din e-postadress.", "Ange ditt lösenord."), (At("#email"), At("#password")));
        Assert.Equal("true", page.QuerySelector("#email")!.GetAttribute("aria-invalid"));
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_for_the_right_password()
    {
        var email = TestApp.Email("lasare", "kristianstad");
        using var client = app.NewClient();
        for (var i = 0; i < 5; i++)
        {
            using var _ = await client.SubmitAsync("/konto/logga-in", "login", new Dictionary<string, string>
            {
                ["Input.Email"] = email,
                ["Input.Password"] = "fel-lösenord-nummer-" + i,
            });
        }
        using var response = await client.SubmitAsync("/konto/logga-in", "login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = DemoSeeder.Password,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("spärrat", await response.Content.ReadAsStringAsync());
        var lockoutEnd = await app.WithDbAsync(null, db => db.Users.Where(u => u.Email == email).Select(u => u.LockoutEnd).SingleAsync());
        Assert.NotNull(lockoutEnd);
    }

    [Fact]
    public async Task Sign_in_attempts_from_one_address_are_limited_per_minute_and_showing_the_form_is_not()
    {
        await using var limited = app.SecondInstance("Security:SignInAttemptsPerMinute", "3");
        using var client = limited.NewClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await client.SubmitAsync("/konto/logga-in", "login", new Dictionary<string, string>
            {
                ["Input.Email"] = $"gissning{i}@example.se", ["Input.Password"] = "fel-losenord-123",
            });
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Equal("60", response.Headers.RetryAfter!.ToString());
                Assert.Contains("För många inloggningsförsök", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        using var form = await client.GetAsync("/konto/logga-in");
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
    }

    [Fact]
    public async Task Sign_out_requires_the_antiforgery_token()
    {
        using var client = await app.SignedInClientAsync(TestApp.Email("medlem", "orebro"));

        using var forged = await client.Http.PostAsync("/konto/logga-ut", new FormUrlEncodedContent([]));
        using var stillIn = await client.GetAsync("/orebro");
        using var real = await client.SubmitActionAsync("/konto/utloggning", "/konto/logga-ut");
        using var afterwards = await client.GetAsync("/orebro");

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, real.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, afterwards.StatusCode);
        Assert.StartsWith("/konto/logga-in", afterwards.LocationPath());
    }

    [Fact]
    public async Task A_form_post_without_antiforgery_token_is_refused_and_saves_nothing()
    {
        using var client = await app.SignedInClientAsync(TestApp.Email("samordnare", "karlstad"));
        using var response = await client.Http.PostAsync("/karlstad/grupper/ny", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "group",
            ["Input.Name"] = "Utan token",
            ["Input.Kind"] = "Annan",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(await app.WithDbAsync("karlstad", db => db.Groups.AnyAsync(g => g.Name == "Utan token")));
    }

    [Fact]
    public async Task Changing_password_checks_the_current_one_and_the_policy()
    {
        var email = TestApp.Email("raddningstjanst", "haninge");
        using var client = await app.SignedInClientAsync(email);

        using var wrong = await client.SubmitAsync("/konto/losenord", "change-password", new Dictionary<string, string>
        {
            ["Input.Current"] = "inte-mitt-lösenord",
            ["Input.New"] = "ett nytt långt lösenord",
        });
        using var tooShort = await client.SubmitAsync("/konto/losenord", "change-password", new Dictionary<string, string>
        {
            ["Input.Current"] = DemoSeeder.Password,
            ["Input.New"] = "kort",
        });
        using var ok = await client.SubmitAsync("/konto/losenord", "change-password", new Dictionary<string, string>
        {
            ["Input.Current"] = DemoSeeder.Password,
            ["Input.New"] = "ett nytt långt lösenord",
        });

        Assert.Contains("Fel lösenord.", await wrong.Content.ReadAsStringAsync());
        Assert.Contains("Lösenordet måste ha minst 12 tecken.", await tooShort.Content.ReadAsStringAsync());
        Assert.Contains("Lösenordet är bytt.", await ok.Content.ReadAsStringAsync());
        using var fresh = app.NewClient();
        await fresh.SignInAsync(email, "ett nytt långt lösenord");
    }
}
