using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace SakraStader.Components.Mud;

/// <summary>
/// The theme's CSS (MudBlazor's palette, typography and layout variables), rendered once from <see cref="AppTheme"/>
/// by MudBlazor's own <see cref="MudThemeProvider"/> and served as a stylesheet that browsers keep. A
/// <c>MudThemeProvider</c> in the layout built a default theme and wrote the same 12 kB of CSS into every page on every
/// request: the largest single cost of a page's render (bench/README.md). The theme never changes while the app runs,
/// so its address carries a hash of its content and the answer may be kept for a year.
/// </summary>
public sealed partial class ThemeStylesheet(IServiceProvider services, ILoggerFactory loggers)
{
    public const string Path = "/theme.css";

    private readonly Lazy<(string Css, string Version)> rendered = new(() => Render(services, loggers));

    public string Css => rendered.Value.Css;

    /// <summary>The address to link to: a new theme is a new address.</summary>
    public string Href => $"{Path}?v={rendered.Value.Version}";

    private static (string Css, string Version) Render(IServiceProvider services, ILoggerFactory loggers)
    {
        using var scope = services.CreateScope();
        using var renderer = new HtmlRenderer(scope.ServiceProvider, loggers);
        var html = renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<MudThemeProvider>(ParameterView.FromDictionary(
                new Dictionary<string, object?> { [nameof(MudThemeProvider.Theme)] = AppTheme.Theme }));
            return output.ToHtmlString();
        }).GetAwaiter().GetResult();
        var css = string.Join("\n", StyleElement().Matches(html).Select(m => m.Groups[1].Value.Trim()));
        if (css.Length == 0)
        {
            throw new InvalidOperationException("MudThemeProvider rendered no <style> element.");
        }
        var version = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(css)))[..12];
        return (css, version);
    }

    [GeneratedRegex(@"<style[^>]*>(.*?)</style>", RegexOptions.Singleline)]
    private static partial Regex StyleElement();

    public static void Map(WebApplication app) =>
        app.MapGet(Path, (ThemeStylesheet theme, HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            return Results.Text(theme.Css, "text/css; charset=utf-8");
        }).AllowAnonymous().ExcludeFromDescription();
}
