using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SakraStader.Infrastructure;
using SakraStader.Tests.Support;

namespace SakraStader.Tests.Integration;

/// <summary>
/// What running several instances needs from each one: the key ring in the shared database (a cookie or form token
/// from one instance works on another), deny-by-default authorization, and a quick 503 when the database is gone.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ScaleOutTests(TestApp app) : IClassFixture<TestApp>
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

        // A form rendered by the first instance, posted to the second.
        var form = AppClient.FindForm(await first.PageAsync("/orebro/omraden"), "area-add");
        var values = AppClient.CurrentValues(form);
        values["AreaName"] = "Nyby (andra instansen)";
        using var posted = await secondClient.Http.PostAsync("/orebro/omraden", new FormUrlEncodedContent(values));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.True(await app.WithDbAsync("orebro", db => db.Areas.AnyAsync(a => a.Name == "Nyby (andra instansen)")));
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
    }
}
