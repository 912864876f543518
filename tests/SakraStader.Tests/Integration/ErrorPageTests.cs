using System.Net;
using Microsoft.AspNetCore.Hosting;
using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using SakraStader.Tests.Support;

namespace SakraStader.Tests.Integration;

/// <summary>An app whose clock breaks after start-up, so that saving anything throws deep inside a request.</summary>
public sealed class BrokenClockApp : TestApp
{
    public const string Secret = "hemlig-detalj-som-inte-far-synas";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(new BrokenClock()));
    }

    public static bool Broken { get; set; }

    private sealed class BrokenClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => Broken ? throw new InvalidOperationException(Secret) : base.GetUtcNow();
    }
}

[Trait("Category", "Integration")]
public sealed class ErrorPageTests(BrokenClockApp app) : IClassFixture<BrokenClockApp>
{
    [Fact]
    public async Task An_unexpected_error_shows_a_friendly_page_with_the_correlation_id_and_no_details()
    {
        using var client = app.NewClient();
        var page = await client.PageAsync("/tillganglighet");
        var form = AppClient.FindForm(page, "a11y-report");
        var values = form.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>().ToDictionary(i => i.Name!, i => i.Value);
        values["Input.Description"] = "Något är fel.";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/tillganglighet") { Content = new FormUrlEncodedContent(values) };
        request.Headers.Add("X-Correlation-Id", "fel-123");

        BrokenClockApp.Broken = true;
        HttpResponseMessage response;
        try
        {
            response = await client.Http.SendAsync(request);
        }
        finally
        {
            BrokenClockApp.Broken = false;
        }
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("Något gick fel", body);
        Assert.Contains("fel-123", body);
        Assert.DoesNotContain(BrokenClockApp.Secret, body);
        Assert.DoesNotContain("at SakraStader", body);
        response.Dispose();
    }
}
