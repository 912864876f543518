using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace SakraStader.Tests.Support;

/// <summary>An HTTP client that reads pages and posts their forms as a browser without JavaScript would.</summary>
public sealed class AppClient(HttpClient http, System.Net.CookieContainer jar) : IDisposable
{
    private static readonly HtmlParser Parser = new();

    public HttpClient Http { get; } = http;

    /// <summary>Gives another client (of another instance) this client's cookies: the same browser, another server.</summary>
    public void CopyCookiesTo(AppClient other) => other.Jar.Add(Jar.GetAllCookies());

    private System.Net.CookieContainer Jar { get; } = jar;

    public async Task<HttpResponseMessage> GetAsync(string url, string? correlationId = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (correlationId is not null)
        {
            request.Headers.Add("X-Correlation-Id", correlationId);
        }
        return await Http.SendAsync(request);
    }

    /// <summary>GETs a page that must answer 200 and returns it parsed.</summary>
    public async Task<IHtmlDocument> PageAsync(string url)
    {
        using var response = await Http.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} gav {(int)response.StatusCode}: {body[..Math.Min(body.Length, 500)]}");
        return Parse(body);
    }

    public static IHtmlDocument Parse(string html) => Parser.ParseDocument(html);

    /// <summary>
    /// GETs <paramref name="pageUrl"/>, finds the form whose <c>_handler</c> is <paramref name="formName"/>, and posts
    /// its hidden inputs (antiforgery token, handler) together with <paramref name="fields"/>.
    /// </summary>
    public async Task<HttpResponseMessage> SubmitAsync(string pageUrl, string formName, IDictionary<string, string> fields, string? postUrl = null)
    {
        var page = await PageAsync(pageUrl);
        var form = FindForm(page, formName);
        var values = CurrentValues(form);
        foreach (var (k, v) in fields)
        {
            values[k] = v;
        }
        var action = postUrl ?? (string.IsNullOrEmpty(form.GetAttribute("action")) ? pageUrl : form.GetAttribute("action")!);
        return await Http.PostAsync(action, new FormUrlEncodedContent(values));
    }

    /// <summary>Posts a multipart form with a file, as a browser posts <c>enctype="multipart/form-data"</c>.</summary>
    public async Task<HttpResponseMessage> UploadAsync(string pageUrl, string formName, IDictionary<string, string> fields, string fileField,
        string fileName, byte[] content)
    {
        var page = await PageAsync(pageUrl);
        var values = CurrentValues(FindForm(page, formName));
        foreach (var (k, v) in fields)
        {
            values[k] = v;
        }
        using var body = new MultipartFormDataContent();
        foreach (var (k, v) in values)
        {
            body.Add(new StringContent(v), k);
        }
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        body.Add(file, fileField, fileName);
        return await Http.PostAsync(pageUrl, body);
    }

    /// <summary>Posts the form on <paramref name="pageUrl"/> whose action is <paramref name="action"/>, with its hidden inputs.</summary>
    public async Task<HttpResponseMessage> SubmitActionAsync(string pageUrl, string action)
    {
        var page = await PageAsync(pageUrl);
        var form = page.QuerySelectorAll<IHtmlFormElement>("form").FirstOrDefault(f => f.GetAttribute("action") == action)
            ?? throw new Xunit.Sdk.XunitException($"Inget formulär med action {action} på {pageUrl}.");
        var values = form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]").ToDictionary(i => i.Name!, i => i.Value);
        return await Http.PostAsync(action, new FormUrlEncodedContent(values));
    }

    /// <summary>What a browser would post from the form as it stands: hidden and visible inputs, selects, text areas.</summary>
    public static Dictionary<string, string> CurrentValues(IHtmlFormElement form)
    {
        var values = new Dictionary<string, string>();
        foreach (var input in form.QuerySelectorAll<IHtmlInputElement>("input[name]"))
        {
            if (input.Type is "submit" or "button" || (input.Type is "checkbox" or "radio" && !input.IsChecked))
            {
                continue;
            }
            values[input.Name!] = input.Type is "checkbox" ? (input.GetAttribute("value") ?? "on") : input.Value;
        }
        foreach (var select in form.QuerySelectorAll<IHtmlSelectElement>("select[name]"))
        {
            var option = select.Options.FirstOrDefault(o => o.HasAttribute("selected")) ?? (select.Options.Length > 0 ? select.Options[0] : null);
            if (option is not null)
            {
                values[select.Name!] = option.Value;
            }
        }
        foreach (var area in form.QuerySelectorAll<IHtmlTextAreaElement>("textarea[name]"))
        {
            values[area.Name!] = area.Value;
        }
        return values;
    }

    public static IHtmlFormElement FindForm(IDocument page, string formName) =>
        FindFormOrNull(page, formName) ?? throw new Xunit.Sdk.XunitException($"Formuläret {formName} finns inte på sidan.");

    public static IHtmlFormElement? FindFormOrNull(IDocument page, string formName) =>
        page.QuerySelectorAll<IHtmlFormElement>("form")
            .FirstOrDefault(f => f.QuerySelector<IHtmlInputElement>("input[name=_handler]")?.Value == formName);

    /// <summary>
    /// Posts a form the page did not offer this user (a crafted request): a valid antiforgery token, the handler name
    /// and <paramref name="fields"/>.
    /// </summary>
    public async Task<HttpResponseMessage> PostUnofferedAsync(string url, string formName, IDictionary<string, string> fields)
    {
        var values = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = await AntiforgeryTokenAsync(), ["_handler"] = formName };
        return await Http.PostAsync(url, new FormUrlEncodedContent(values));
    }

    /// <summary>A valid antiforgery token of this client's user, as any page with a form would give it.</summary>
    public async Task<string> AntiforgeryTokenAsync() =>
        (await PageAsync("/konto/utloggning")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

    public async Task SignInAsync(string email, string password = Features.Demo.DemoSeeder.Password)
    {
        using var response = await SubmitAsync("/konto/logga-in", "login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Inloggningen som {email} misslyckades: {(int)response.StatusCode}");
    }

    public void Dispose() => Http.Dispose();
}

public static class ResponseExtensions
{
    /// <summary>The redirect target as a local path and query, whether the server wrote it absolute or relative.</summary>
    public static string LocationPath(this HttpResponseMessage response)
    {
        var location = response.Headers.Location ?? throw new Xunit.Sdk.XunitException($"Inget Location-huvud ({(int)response.StatusCode}).");
        return location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
    }
}
