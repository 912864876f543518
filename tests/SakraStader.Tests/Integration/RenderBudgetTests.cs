using System.Net;
using SakraStader.Features.Demo;
using SakraStader.Tests.Support;
using Xunit;

namespace SakraStader.Tests.Integration;

/// <summary>
/// Each main page's server render creates at most <see cref="Budget"/> components. The first load of an app page is a
/// server render, and its cost follows the number of components (each MudBlazor component sets up its parameter state,
/// converters, classes and cascades): a list that makes a component per cell, or a field for each of forty rows, fails
/// here rather than in production. Speed itself is measured by bench/run.sh, never by a timed test.
/// </summary>
[Trait("Category", "Integration")]
public sealed class RenderBudgetTests(TestApp app) : IClassFixture<TestApp>
{
    private const int Budget = 250;

    [Theory]
    [MemberData(nameof(QueryBudgetTests.MainPages), MemberType = typeof(QueryBudgetTests))]
    public async Task Main_page_stays_within_the_render_budget(string who, string template)
    {
        var url = await QueryBudgetTests.UrlAsync(app, template);
        using var client = await app.SignedInClientAsync(who == "admin" ? DemoSeeder.AdminEmail : TestApp.Email(who, "orebro"));

        var id = "render-" + Guid.NewGuid().ToString("N");
        using var response = await client.GetAsync(url, correlationId: id);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var components = app.Components.For(id);
        var count = components.Values.Sum();
        var most = string.Join(", ", components.OrderByDescending(c => c.Value).Take(40).Select(c => $"{c.Key.Name} {c.Value}"));
        Console.WriteLine($"RENDER {who} {template}: {count} ({most})");
        // Counted at all (the page's own component among them), then within the budget.
        Assert.True(count > 10, $"{count} komponenter räknade: {most}");
        Assert.True(count <= Budget, $"{count} komponenter: {most}");
    }
}
