using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SakraStader.Domain;
using SakraStader.Features.AnnualReports;
using SakraStader.Features.Meetings;
using SakraStader.Infrastructure;
using SakraStader.Tests.Support;

namespace SakraStader.Tests.Integration;

/// <summary>
/// What running several instances needs from each one: the key ring in the shared database (a cookie or form token
/// from one instance works on another), deny-by-default authorization, and a quick 503 when the database is gone.
/// And user text shown escaped: markup and script stored in names, titles and descriptions come out as text on every
/// page that shows them.
/// </summary>
[Trait("Category", "Integration")]
public sealed class SecurityAndScaleOutTests(TestApp app) : IClassFixture<TestApp>
{
    [Fact]
    public void Every_endpoint_has_an_explicit_policy_or_is_marked_anonymous()
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        Assert.True(endpoints.Count > 50, $"{endpoints.Count} endpoints");
        var unmarked = endpoints
            // The static-asset fallback the framework adds when it serves files from the build output (as the test
            // host does); a published app has none.
            .Where(e => e.DisplayName != "Fallback {**path:file}")
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null
                && !e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy is not null))
            .Select(e => $"{e.RoutePattern.RawText} ({e.DisplayName})")
            .ToList();
        Assert.Empty(unmarked);
    }

    [Fact]
    public async Task The_fallback_policy_refuses_even_a_signed_in_user()
    {
        using var scope = app.Services.CreateScope();
        var policy = await scope.ServiceProvider.GetRequiredService<IAuthorizationPolicyProvider>().GetFallbackPolicyAsync();
        var user = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity([new System.Security.Claims.Claim("sub", "x")], "test"));
        Assert.True(user.Identity!.IsAuthenticated);
        var result = await scope.ServiceProvider.GetRequiredService<IAuthorizationService>().AuthorizeAsync(user, null, policy!);
        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task A_second_instance_on_the_same_database_accepts_the_first_ones_cookie_and_form_token()
    {
        using var first = await app.SignedInClientAsync(TestApp.Email("samordnare", "orebro"));
        // The key ring lives in the database.
        Assert.True(await app.WithDbAsync(null, db => db.DataProtectionKeys.AnyAsync()));

        await using var second = app.SecondInstance();
        using var secondClient = second.NewClient();
        first.CopyCookiesTo(secondClient);
        var page = await secondClient.PageAsync("/orebro/omraden");
        Assert.Equal("Områden och kategorier", page.QuerySelector("h1")!.TextContent);

        // A (static) form rendered by the first instance, posted to the second: its antiforgery token is accepted and
        // the form handled (a wrong current password is answered at the field, not refused as a forged post).
        var form = AppClient.FindForm(await first.PageAsync("/konto/losenord"), "change-password");
        var values = AppClient.CurrentValues(form);
        values["Input.Current"] = "inte-mitt-losenord";
        values["Input.New"] = "Ett-nytt-langt-losenord-2026";
        using var posted = await secondClient.Http.PostAsync("/konto/losenord", new FormUrlEncodedContent(values));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.NotNull(AppClient.Parse(await posted.Content.ReadAsStringAsync()).QuerySelector("#current")!.Closest(".mud-input-control")!
            .QuerySelector(".mud-input-helper-text.mud-input-error"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Connection_failures_count_as_an_outage_and_query_bugs_do_not(bool outage)
    {
        Exception e = outage
            ? new InvalidOperationException("An exception has been raised that is likely due to a transient failure.",
                new Npgsql.NpgsqlException("Failed to connect to 127.0.0.1:5432", new System.Net.Sockets.SocketException(111)))
            : new InvalidOperationException("The LINQ expression could not be translated.");
        Assert.Equal(outage, DatabaseUnavailableMiddleware.IsDatabaseUnavailable(e));
    }

    [Fact]
    public async Task A_page_answers_a_quick_friendly_503_while_the_database_is_unreachable_and_recovers_after()
    {
        using var client = await app.SignedInClientAsync(TestApp.Email("samordnare", "orebro"));
        app.Outage.Active = true;
        try
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            using var response = await client.GetAsync("/orebro/omraden");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"{watch.Elapsed}");
            Assert.Equal("30", response.Headers.RetryAfter!.ToString());
            Assert.Contains("Tjänsten är tillfälligt otillgänglig", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            using var ready = await client.GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        }
        finally
        {
            app.Outage.Active = false;
        }
        // Back without a restart.
        Assert.Equal("Områden och kategorier", (await client.PageAsync("/orebro/omraden")).QuerySelector("h1")!.TextContent);
        using var readyAgain = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, readyAgain.StatusCode);
        // Readiness also says whether the instance is stopping (StoppingHealthCheckTests).
        var checks = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckServiceOptions>>().Value.Registrations;
        Assert.Contains(checks, c => c.Name == "stopping" && c.Tags.Contains("ready"));
    }

    /// <summary>The minimum role of each kommun policy, as Policies declares them.</summary>
    private static readonly Dictionary<string, Role> PolicyRoles = new()
    {
        [Tenancy.Policies.Inrapportor] = Role.Inrapportor,
        [Tenancy.Policies.Lasare] = Role.Lasare,
        [Tenancy.Policies.Medlem] = Role.Medlem,
        [Tenancy.Policies.Styrgrupp] = Role.Styrgrupp,
        [Tenancy.Policies.Samordnare] = Role.Samordnare,
    };

    [Fact]
    public async Task Every_route_answers_each_role_and_other_kommuners_members_as_its_policy_says_with_the_csp_and_safe_cookies()
    {
        // Every GET route of the app, with its parameters filled in (ids that do not exist: the check is who gets in).
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>() is not { } m || m.HttpMethods.Contains("GET"))
            .Where(e => !e.RoutePattern.RawText!.Contains('*', StringComparison.Ordinal) && !e.RoutePattern.RawText.StartsWith("/_", StringComparison.Ordinal))
            .Select(e => (Url: RouteUrls.Fill(e.RoutePattern.RawText!), Policy: e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).LastOrDefault(p => p is not null),
                Anonymous: e.Metadata.GetMetadata<IAllowAnonymous>() is not null))
            .DistinctBy(r => r.Url)
            .ToList();
        Assert.True(routes.Count > 40, $"{routes.Count} routes");

        var users = new Dictionary<string, (AppClient? Client, Role? Role)> { ["anonym"] = (app.NewClient(), null) };
        foreach (var key in new[] { "inrapportor", "lasare", "medlem", "styrgrupp", "samordnare" })
        {
            users[key] = (await app.SignedInClientAsync(TestApp.Email(key, "orebro")), Enum.Parse<Role>(key, ignoreCase: true));
        }
        users["annan kommun"] = (await app.SignedInClientAsync(TestApp.Email("samordnare", "boras")), null);

        var wrong = new List<string>();
        var cookiesSeen = new HashSet<string>();
        foreach (var (url, policy, anonymous) in routes)
        {
            foreach (var (who, (client, role)) in users)
            {
                using var response = await client!.GetAsync(url);
                var status = (int)response.StatusCode;
                var location = response.Headers.Location?.OriginalString ?? "";
                var kommunRoute = url.StartsWith("/orebro", StringComparison.Ordinal);
                string? expected = null;
                if (status >= 500)
                {
                    expected = "inget 5xx";
                }
                else if (anonymous)
                {
                    expected = null; // open to all; only no 5xx
                }
                else if (who == "anonym")
                {
                    expected = status == 302 && location.Contains("/konto/logga-in", StringComparison.Ordinal) ? null : "till inloggningen";
                }
                else if (kommunRoute && policy is not null && PolicyRoles.TryGetValue(policy, out var minimum) && (role is null || role < minimum))
                {
                    // Another kommun's member, or too low a role: never the page.
                    expected = status is 302 or 403 or 404 && !location.StartsWith("/orebro", StringComparison.Ordinal) ? null : "nekad";
                }
                else if (policy == Tenancy.Policies.PlatformAdmin)
                {
                    expected = status is 302 or 403 ? null : "nekad (plattformsadministratör)";
                }
                if (expected is not null)
                {
                    wrong.Add($"{who} GET {url}: {status} {location} (väntat: {expected})");
                }
                // What a signed-in user is shown is never stored by the browser or a proxy.
                if (who != "anonym" && !anonymous && status == 200 && response.Headers.CacheControl?.NoStore != true)
                {
                    wrong.Add($"{who} GET {url}: 200 utan Cache-Control: no-store ({response.Headers.CacheControl})");
                }
                // Whatever the answer, the CSP holds and every cookie set is Secure, HttpOnly and SameSite.
                if (!response.Headers.TryGetValues("Content-Security-Policy", out var csp) || csp.Single() is not (SecurityHeadersMiddleware.ContentSecurityPolicy or SecurityHeadersMiddleware.InteractiveContentSecurityPolicy))
                {
                    wrong.Add($"{who} GET {url}: {status} utan CSP");
                }
                foreach (var cookie in response.Headers.TryGetValues("Set-Cookie", out var set) ? set : [])
                {
                    if (!(cookie.Contains("; secure", StringComparison.OrdinalIgnoreCase) && cookie.Contains("; httponly", StringComparison.OrdinalIgnoreCase)
                        && System.Text.RegularExpressions.Regex.IsMatch(cookie, "; samesite=(strict|lax)", System.Text.RegularExpressions.RegexOptions.IgnoreCase)))
                    {
                        wrong.Add($"{who} GET {url}: kakan {cookie.Split('=')[0]} saknar Secure, HttpOnly eller SameSite");
                    }
                    cookiesSeen.Add(cookie.Split('=')[0]);
                }
            }
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        // The first page with a form sets each client's antiforgery cookie, so the check above had a cookie to look at
        // (the sign-in cookie is checked where it is set, in AccountTests).
        Assert.Contains("sakrastader.af", cookiesSeen);

        // A verification code that does not exist gets the page's own explanation (it was once a 500).
        using var unknown = await users["anonym"].Client!.GetAsync("/verifiera/x");
        Assert.Equal(System.Net.HttpStatusCode.OK, unknown.StatusCode);
        Assert.Contains("Det finns inget medborgarlöfte med kontrollkoden", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private const string Payload = "<script>window.pwned=1</script><img src=x onerror=\"window.pwned=2\"><b>fet</b>";

    [Fact]
    public async Task Stored_markup_and_script_are_rendered_escaped_on_every_page_that_shows_user_text()
    {
        var ids = await app.WithDbAsync("kristianstad", async db =>
        {
            var area = db.Areas.Add(new Area("Område " + Payload)).Entity;
            var category = await db.IncidentCategories.FirstAsync();
            var group = db.Groups.Add(new Group("Grupp " + Payload, GroupKind.Annan, "Syfte " + Payload, CadenceKind.Monthly)).Entity;
            var now = TestClock.Now;
            db.Incidents.Add(new Incident(category.Id, area.Id, "Plats " + Payload, now.AddHours(-1), "Org " + Payload, "Beskrivning " + Payload, null, now));
            var meeting = db.Meetings.Add(new Meeting(group.Id, now.AddDays(-1), now.AddDays(-1).AddHours(1), "Lokal " + Payload, null)).Entity;
            meeting.AddAgendaItem("Punkt " + Payload);
            var problem = db.Problems.Add(new Problem(area.Id, "Problem " + Payload, now)).Entity;
            var plan = db.Atgardsplaner.Add(new Atgardsplan(group.Id, PlanKind.Kortsiktig, "Plan " + Payload, null, null, null)).Entity;
            var measure = db.Atgarder.Add(new Atgard(plan.Id, "Åtgärd " + Payload, problem.Id)).Entity;
            var lofte = db.Medborgarloften.Add(new Medborgarlofte("Löfte " + Payload, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31))).Entity;
            lofte.Describe("Löfte " + Payload, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), "Bakgrund " + Payload);
            var styrgrupp = await db.Groups.FirstAsync(g => g.Kind == GroupKind.Styrgrupp);
            var report = db.AnnualReports.Add(new AnnualReport(styrgrupp.Id, 2025, 2026)).Entity;
            report.WriteText(ReportSection.Sammanfattning, "Sammanfattning " + Payload);
            db.CooperationAgreements.Add(new CooperationAgreement("Avtal " + Payload, "Parter " + Payload, new DateOnly(2025, 1, 1), new DateOnly(2026, 12, 31), [area.Id], "Inriktning " + Payload));
            await db.SaveChangesAsync();
            return new { Group = group.Id, Meeting = meeting.Id, Problem = problem.Id, Plan = plan.Id, Measure = measure.Id, Lofte = lofte.Id };
        });

        using var client = await app.SignedInClientAsync(TestApp.Email("samordnare", "kristianstad"));
        string[] pages =
        [
            "/kristianstad/grupper", $"/kristianstad/grupper/{ids.Group}", $"/kristianstad/moten/{ids.Meeting}", "/kristianstad/moten",
            "/kristianstad/handelser", "/kristianstad/omraden", $"/kristianstad/problem/{ids.Problem}",
            "/kristianstad/atgardsplaner", $"/kristianstad/atgardsplaner/{ids.Plan}", $"/kristianstad/atgarder/{ids.Measure}", "/kristianstad/atgarder?vy=alla",
            "/kristianstad/loften", $"/kristianstad/loften/{ids.Lofte}", "/kristianstad/arsrapporter/2025", "/kristianstad/overenskommelser",
            "/kristianstad/logg",
        ];
        foreach (var url in pages)
        {
            using var response = await client.GetAsync(url);
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode}");
            var page = AppClient.Parse(html);
            // The text is there, as text ...
            Assert.Contains("window.pwned=1", page.Body!.TextContent, StringComparison.Ordinal);
            // ... and none of it became markup.
            Assert.DoesNotContain(page.QuerySelectorAll("script"), s => s.TextContent.Contains("pwned", StringComparison.Ordinal));
            Assert.Empty(page.QuerySelectorAll("img[onerror], [onerror]"));
            Assert.DoesNotContain("<script>window.pwned", html, StringComparison.Ordinal);
        }
    }
}
