using System.Reflection;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SakraStader.Tests.Support;

namespace SakraStader.Tests.Integration;

/// <summary>
/// No address gives a 500: every page's query parameters (found by reflection on the app's pages, so a new one is
/// covered by itself) and every route's parameters, with boundary, malformed and random values. A page answers with
/// its own message, a 404 or a 400, never a server error.
/// </summary>
[Trait("Category", "Integration")]
public sealed class AddressInputTests(TestApp app) : IClassFixture<TestApp>
{
    private static readonly string[] Values =
    [
        "", " ", "0", "-1", "2147483648", "99999999999999999999", "0001-01", "9999-12", "2026-13", "2026-02-30", "2026-W54",
        "1e309", "abc", "%00", "%C3%28", "' OR 1=1 --", "<script>", new('x', 3000),
    ];

    /// <summary>Each routable page's template and the names of its query parameters.</summary>
    private static List<(string Template, List<string> Query)> PagesWithQuery() =>
        [.. typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t) && t.GetCustomAttributes<RouteAttribute>().Any())
            .Select(t => (Type: t, Query: t.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
                .Select(p => (Property: p, Attribute: p.GetCustomAttribute<SupplyParameterFromQueryAttribute>()))
                .Where(x => x.Attribute is not null)
                .Select(x => x.Attribute!.Name ?? x.Property.Name).Distinct().ToList()))
            .Where(x => x.Query.Count > 0)
            .SelectMany(x => x.Type.GetCustomAttributes<RouteAttribute>().Select(r => (r.Template, x.Query)))];

    [Fact]
    public async Task Every_pages_query_parameters_with_boundary_and_malformed_values_never_give_a_5xx()
    {
        var ids = await app.WithDbAsync("orebro", async db => new Dictionary<string, string>
        {
            ["lagesbilder"] = (await db.Lagesbilder.Select(l => l.Id).FirstAsync()).ToString(),
            ["atgardsplaner"] = (await db.Atgardsplaner.Select(p => p.Id).FirstAsync()).ToString(),
            ["grupper"] = (await db.Groups.Select(g => g.Id).FirstAsync()).ToString(),
            ["moten"] = (await db.Meetings.Select(m => m.Id).FirstAsync()).ToString(),
        });
        var pages = PagesWithQuery();
        Assert.True(pages.Count >= 12, $"{pages.Count} sidor med frågeparametrar");
        Assert.Contains(pages, p => p.Template == "/{KommunSlug}/handelser" && p.Query.Contains("manad"));

        using var client = await app.SignedInClientAsync(TestApp.Email("samordnare", "orebro"));
        var wrong = new List<string>();
        var sent = 0;
        foreach (var (template, query) in pages)
        {
            var path = Fill(template, ids);
            foreach (var name in query)
            {
                foreach (var value in Values)
                {
                    var url = $"{path}?{Uri.EscapeDataString(name)}={(value.Contains('%', StringComparison.Ordinal) ? value : Uri.EscapeDataString(value))}";
                    using var response = await client.GetAsync(url);
                    sent++;
                    if ((int)response.StatusCode >= 500)
                    {
                        wrong.Add($"GET {url[..Math.Min(url.Length, 160)]}: {(int)response.StatusCode}");
                    }
                }
            }
        }
        Assert.True(wrong.Count == 0, $"{wrong.Count} av {sent} svar var serverfel:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public async Task Every_routes_parameters_with_boundary_and_malformed_values_never_give_a_5xx()
    {
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>() is not { } m || m.HttpMethods.Contains("GET"))
            .Select(e => e.RoutePattern.RawText!)
            .Where(t => t.Contains('{', StringComparison.Ordinal) && !t.Contains('*', StringComparison.Ordinal) && !t.StartsWith("/_", StringComparison.Ordinal))
            .Distinct()
            .ToList();
        Assert.True(routes.Count > 30, $"{routes.Count} routes");
        string[] guids = [Guid.Empty.ToString(), Guid.NewGuid().ToString()];
        string[] ints = ["0", "-1", "1", "2147483647", "99999"];
        string[] texts = ["x", new('x', 400), "%C3%28", "..", "%2e%2e%2fappsettings.json", "örebro", "ORebro", "' OR 1=1 --"];

        using var client = await app.SignedInClientAsync(TestApp.Email("samordnare", "orebro"));
        var wrong = new List<string>();
        var sent = 0;
        foreach (var template in routes)
        {
            // Each parameter in turn takes every value of its kind; the others keep a plain value.
            var parameters = System.Text.RegularExpressions.Regex.Matches(template, @"\{[^}]*\}").Select(m => m.Value).Distinct().ToList();
            foreach (var parameter in parameters)
            {
                var values = parameter.Contains(":guid", StringComparison.Ordinal) ? guids
                    : parameter.Contains(":int", StringComparison.Ordinal) ? ints
                    : parameter.StartsWith("{format", StringComparison.Ordinal) ? ["xlsx", "csv", "docx", "pdf", "exe"]
                    : texts;
                foreach (var value in values)
                {
                    var url = Fill(template.Replace(parameter, value, StringComparison.Ordinal), new Dictionary<string, string>());
                    using var response = await client.GetAsync(url);
                    sent++;
                    if ((int)response.StatusCode >= 500)
                    {
                        wrong.Add($"GET {url[..Math.Min(url.Length, 160)]}: {(int)response.StatusCode}");
                    }
                }
            }
        }
        Assert.True(wrong.Count == 0, $"{wrong.Count} av {sent} svar var serverfel:\n" + string.Join("\n", wrong));
    }

    private static string Fill(string template, IReadOnlyDictionary<string, string> ids)
    {
        var url = template.Replace("{KommunSlug}", "orebro", StringComparison.Ordinal).Replace("{kommun}", "orebro", StringComparison.Ordinal);
        foreach (var (segment, id) in ids)
        {
            url = url.Replace($"/{segment}/{{Id:guid}}", $"/{segment}/{id}", StringComparison.Ordinal);
        }
        return RouteUrls.Fill(url);
    }
}
