using System.Net;
using Microsoft.EntityFrameworkCore;
using SakraStader.Domain;
using SakraStader.Features.Demo;
using SakraStader.Infrastructure;
using SakraStader.Features.Platform;
using SakraStader.Tests.Support;

namespace SakraStader.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class PlatformAndOperationsTests(TestApp app) : IClassFixture<TestApp>
{
    [Fact]
    public async Task Platform_admin_creates_a_kommun_with_its_first_samordnare()
    {
        using var admin = await app.SignedInClientAsync(DemoSeeder.AdminEmail);
        var created = await CreateAsync(DemoSeeder.AdminEmail, new NewKommunInput
        {
            Name = "Upplands Väsby", Kod = "0114", Slug = "", Email = "samordnare@vasby.example", SamordnareName = "Vera Väsby", Title = "Trygghetssamordnare",
        });
        var password = created.Value!.TemporaryPassword!;
        var page = await admin.PageAsync("/admin/kommuner");

        Assert.True(created.Succeeded, created.Message);
        Assert.Equal("upplands-vasby", created.Value.Slug);
        Assert.Contains("/upplands-vasby", page.QuerySelector("table")!.TextContent);
        using var samordnare = app.NewClient();
        await samordnare.SignInAsync("samordnare@vasby.example", password);
        var overview = await samordnare.PageAsync("/upplands-vasby");
        Assert.Equal("Upplands Väsby", overview.QuerySelector("h1")!.TextContent);
        Assert.Contains("Medlemmar", overview.QuerySelector("#app-nav")!.TextContent);
        // The admin manages kommuner but sees none of their content.
        using var adminInKommun = await admin.GetAsync("/upplands-vasby");
        Assert.Equal(HttpStatusCode.Redirect, adminInKommun.StatusCode);
    }

    [Fact]
    public async Task Duplicate_kommunkod_is_refused_next_to_the_field_and_nothing_is_saved()
    {
        var before = await app.WithDbAsync(null, db => db.Kommuner.CountAsync());
        var input = new NewKommunInput { Name = "Ny Örebro", Kod = "1880", Email = "x@orebro.example", SamordnareName = "X", Title = "Samordnare" };
        var duplicate = await CreateAsync(DemoSeeder.AdminEmail, input);
        var badCode = await CreateAsync(DemoSeeder.AdminEmail, new NewKommunInput { Name = "Nyköping", Kod = "48", Email = "x@nykoping.example", Title = "Samordnare" });
        // Only the platform administrator may: a samordnare sending the same command is refused.
        var samordnare = await CreateAsync(TestApp.Email("samordnare", "orebro"), new NewKommunInput { Name = "Egen kommun", Kod = "0999", Email = "y@egen.example", Title = "Samordnare" });

        Assert.Equal(("Kommunkoden 1880 finns redan.", "Kod"), (duplicate.Message, duplicate.Field));
        Assert.Equal(("Kommunkoden ska vara fyra siffror, till exempel 1880.", "Kod"), (badCode.Message, badCode.Field));
        Assert.True(samordnare.Forbidden);
        Assert.Equal(before, await app.WithDbAsync(null, db => db.Kommuner.CountAsync()));
        Assert.False(await app.WithDbAsync(null, db => db.Users.AnyAsync(u => u.Email == "x@orebro.example")));
    }

    private Task<Features.Commands.CommandResult<CreatedKommun>> CreateAsync(string email, NewKommunInput input) =>
        app.AsUserAsync(email, null, ops => ops.SendAsync<PlatformWork, CreatedKommun>(
            new Microsoft.AspNetCore.Authorization.Infrastructure.ClaimsAuthorizationRequirement(Tenancy.Policies.PlatformAdminClaim, ["true"]), null,
            (w, ct) => w.CreateAsync(input, ct), "Kommunen är skapad."));

    [Fact]
    public async Task Only_platform_admins_reach_the_kommun_administration()
    {
        using var client = await app.SignedInClientAsync(TestApp.Email("samordnare", "orebro"));
        using var response = await client.GetAsync("/admin/kommuner");
        Assert.StartsWith("/konto/atkomst-nekad", response.LocationPath());
    }

    [Fact]
    public async Task Health_endpoints_answer_without_signing_in()
    {
        using var client = app.NewClient();
        using var live = await client.GetAsync("/health/live");
        using var ready = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Every_page_carries_the_security_headers_and_a_csp_without_unsafe_inline()
    {
        using var client = await app.SignedInClientAsync(TestApp.Email("samordnare", "orebro"));
        foreach (var url in new[] { "/", "/konto/losenord", "/konto/logga-in", "/tillganglighet", "/finns-inte" })
        {
            using var response = await client.GetAsync(url);
            var csp = response.Headers.GetValues("Content-Security-Policy").Single();
            Assert.Equal(SecurityHeadersMiddleware.ContentSecurityPolicy, csp);
            Assert.Contains("script-src 'self'", csp);
            Assert.DoesNotContain("unsafe-inline", csp);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        }

        // The interactive app allows inline style (MudBlazor positions with style attributes), never inline script.
        var lagesbild = await app.WithDbAsync("orebro", db => db.Lagesbilder.Select(l => l.Id).FirstAsync());
        foreach (var url in new[] { "/orebro", $"/orebro/lagesbilder/{lagesbild}", "/orebro/grupper" })
        {
            using var interactive = await client.GetAsync(url);
            var appCsp = interactive.Headers.GetValues("Content-Security-Policy").Single();
            Assert.Equal(SecurityHeadersMiddleware.InteractiveContentSecurityPolicy, appCsp);
            Assert.Contains("script-src 'self';", appCsp);
            Assert.DoesNotContain("script-src 'self' 'unsafe", appCsp);
        }
    }

    [Fact]
    public async Task Outside_development_hsts_is_sent_and_http_is_redirected_to_https()
    {
        // HSTS is never sent to localhost, so ask as the real host name would.
        using var https = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://sakrastader.test") });
        using var secure = await https.GetAsync("/tillganglighet");
        using var plain = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var redirected = await plain.GetAsync("/tillganglighet");

        Assert.StartsWith("max-age=", secure.Headers.GetValues("Strict-Transport-Security").Single());
        Assert.Equal(HttpStatusCode.TemporaryRedirect, redirected.StatusCode);
        Assert.Equal("https", redirected.Headers.Location!.Scheme);
    }

    [Fact]
    public async Task The_correlation_id_is_echoed()
    {
        using var client = app.NewClient();
        using var given = await client.GetAsync("/health/live", correlationId: "abc-123");
        using var made = await client.GetAsync("/health/live");

        Assert.Equal("abc-123", given.Headers.GetValues("X-Correlation-Id").Single());
        Assert.False(string.IsNullOrEmpty(made.Headers.GetValues("X-Correlation-Id").Single()));
    }

    [Fact]
    public async Task Serilogs_request_logging_writes_one_line_per_request_with_the_correlation_id_user_and_kommun()
    {
        using var client = await app.SignedInClientAsync(TestApp.Email("samordnare", "orebro"));
        using var response = await client.GetAsync("/orebro/grupper", correlationId: "logg-4711");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        // The line is written when the response has been sent: wait for it a moment.
        static bool IsLine(Serilog.Events.LogEvent e) => TestLog.Text(e, "CorrelationId") == "logg-4711"
            && e.MessageTemplate.Text.StartsWith("HTTP {RequestMethod}", StringComparison.Ordinal);
        for (var i = 0; i < 50 && !app.Log.Events.Any(IsLine); i++)
        {
            await Task.Delay(100);
        }
        var line = Assert.Single(app.Log.Events, IsLine);
        Assert.Equal("Serilog.AspNetCore.RequestLoggingMiddleware", TestLog.Text(line, "SourceContext"));
        Assert.Equal(("GET", "/orebro/grupper", "200"), (TestLog.Text(line, "RequestMethod"), TestLog.Text(line, "RequestPath"), TestLog.Text(line, "StatusCode")));
        Assert.Equal("orebro", TestLog.Text(line, "Kommun"));
        Assert.False(string.IsNullOrEmpty(TestLog.Text(line, "UserId")));
    }

    [Fact]
    public async Task Anyone_can_report_an_accessibility_problem()
    {
        using var client = app.NewClient();
        using var response = await client.SubmitAsync("/tillganglighet", "a11y-report", new Dictionary<string, string>
        {
            ["Input.Page"] = "/orebro/grupper",
            ["Input.Description"] = "Tabellen går inte att läsa med förstoring.",
            ["Input.Contact"] = "",
        });

        Assert.Contains("Tack för din rapport!", await response.Content.ReadAsStringAsync());
        var report = await app.WithDbAsync(null, db => db.AccessibilityReports.SingleAsync());
        Assert.Equal("Tabellen går inte att läsa med förstoring.", report.Description);
        Assert.Null(report.Contact);
    }

    [Fact]
    public async Task The_schema_matches_the_model_on_this_provider()
    {
        var pending = await app.WithDbAsync(null, db => Task.FromResult(db.Database.HasPendingModelChanges()));
        var applied = await app.WithDbAsync(null, db => db.Database.GetAppliedMigrationsAsync());

        Assert.False(pending, "Modellen har ändringar utan migrering: lägg till en (docs/migrations.md).");
        Assert.NotEmpty(applied);
        Assert.Equal(TestApp.Provider + "AppDbContext",
            await app.WithDbAsync(null, db => Task.FromResult(db.GetType().Name)));
    }

    [Fact]
    public async Task Demo_data_holds_five_kommuner_with_users_for_every_role()
    {
        var kommuner = await app.WithDbAsync(null, db => db.Kommuner.OrderBy(k => k.Kod).Select(k => k.Kod + " " + k.Slug).ToListAsync());
        var orebroRoles = await app.WithDbAsync("orebro", db => db.Memberships.Select(m => m.Role).Distinct().ToListAsync());

        Assert.Superset(new HashSet<string> { "0136 haninge", "1290 kristianstad", "1490 boras", "1780 karlstad", "1880 orebro" }, kommuner.ToHashSet());
        Assert.Equal(Enum.GetValues<Role>().Order(), orebroRoles.Order());
    }
}
