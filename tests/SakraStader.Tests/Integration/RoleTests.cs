using System.Net;
using Microsoft.EntityFrameworkCore;
using SakraStader.Domain;
using SakraStader.Tests.Support;

namespace SakraStader.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class RoleTests(TestApp app) : IClassFixture<TestApp>
{
    public static TheoryData<string, string[]> NavigationByRole => new()
    {
        { "samordnare", ["Översikt", "Grupper", "Möten", "Veckan", "Lägesbilder", "Händelser", "Åtgärdsplaner", "Medborgarlöften", "Årsrapport", "Importera", "Områden", "Medlemmar", "Ändringslogg"] },
        { "styrgrupp", ["Översikt", "Grupper", "Möten", "Veckan", "Lägesbilder", "Händelser", "Åtgärdsplaner", "Medborgarlöften", "Årsrapport", "Importera"] },
        { "medlem", ["Översikt", "Grupper", "Möten", "Veckan", "Lägesbilder", "Händelser", "Åtgärdsplaner", "Medborgarlöften", "Årsrapport", "Importera"] },
        { "lasare", ["Översikt", "Grupper", "Möten", "Veckan", "Lägesbilder", "Händelser", "Åtgärdsplaner", "Medborgarlöften", "Årsrapport"] },
    };

    [Theory]
    [MemberData(nameof(NavigationByRole))]
    public async Task Navigation_shows_each_role_what_it_works_with(string key, string[] expected)
    {
        using var client = await app.SignedInClientAsync(TestApp.Email(key, "boras"));
        var page = await client.PageAsync("/boras");

        // The overview is interactive: its navigation is the app's drawer (the static pages' .kommun-nav has the same links).
        var links = page.QuerySelectorAll("#app-nav .mud-nav-link").Select(a => a.TextContent.Trim()).ToArray();
        Assert.Equal(expected, links);
    }

    [Theory]
    [InlineData("styrgrupp", "/orebro/medlemmar")]
    [InlineData("medlem", "/orebro/logg")]
    [InlineData("lasare", "/orebro/grupper/ny")]
    public async Task Samordnare_pages_are_forbidden_for_other_roles(string key, string url)
    {
        using var client = await app.SignedInClientAsync(TestApp.Email(key, "orebro"));
        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/konto/atkomst-nekad", response.LocationPath());
    }

    [Fact]
    public async Task Lasare_sees_no_create_button_and_a_posted_group_is_refused()
    {
        using var lasare = await app.SignedInClientAsync(TestApp.Email("lasare", "orebro"));
        var list = await lasare.PageAsync("/orebro/grupper");
        // The Läsare posts a well-formed group form with a valid antiforgery token of their own: still refused.
        var token = await lasare.AntiforgeryTokenAsync();
        using var response = await lasare.Http.PostAsync("/orebro/grupper/ny", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["_handler"] = "group",
            ["Input.Name"] = "Läsarens grupp",
            ["Input.Kind"] = "Annan",
        }));

        Assert.Null(list.QuerySelector("a[href='/orebro/grupper/ny']"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/konto/atkomst-nekad", response.LocationPath());
        Assert.False(await app.WithDbAsync("orebro", db => db.Groups.AnyAsync(g => g.Name == "Läsarens grupp")));
    }

    [Fact]
    public async Task Samordnare_creates_a_group_which_is_saved_in_the_kommun_and_audited()
    {
        using var client = await app.SignedInClientAsync(TestApp.Email("samordnare", "kristianstad"));
        using var response = await client.SubmitAsync("/kristianstad/grupper/ny", "group", new Dictionary<string, string>
        {
            ["Input.Name"] = "Trygghetsvandringar",
            ["Input.Kind"] = "Annan",
            ["Input.Cadence"] = "Varje vår och höst",
            ["Input.Purpose"] = "Planerar trygghetsvandringar med boende.",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var group = await app.WithDbAsync("kristianstad", db => db.Groups.SingleAsync(g => g.Name == "Trygghetsvandringar"));
        Assert.Equal(await app.KommunIdAsync("kristianstad"), group.KommunId);
        Assert.Equal($"/kristianstad/grupper/{group.Id}?sparad=1", response.LocationPath());
        var audit = await app.WithDbAsync("kristianstad", db => db.AuditEntries.SingleAsync(a => a.EntityId == group.Id.ToString()));
        Assert.Equal(AuditAction.Created, audit.Action);
        Assert.Equal(TestApp.Email("samordnare", "kristianstad"), audit.UserName);
        Assert.Contains("Trygghetsvandringar", audit.Changes);
    }

    [Fact]
    public async Task Group_without_name_gets_a_message_and_keeps_what_was_typed()
    {
        using var client = await app.SignedInClientAsync(TestApp.Email("samordnare", "kristianstad"));
        var before = await app.WithDbAsync("kristianstad", db => db.Groups.CountAsync());
        using var response = await client.SubmitAsync("/kristianstad/grupper/ny", "group", new Dictionary<string, string>
        {
            ["Input.Name"] = "  ",
            ["Input.Kind"] = "Annan",
            ["Input.Cadence"] = "Varje månad",
            ["Input.Purpose"] = "Ett långt uppdrag som inte får gå förlorat.",
        });
        var page = AppClient.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Ange gruppens namn.", page.QuerySelector("#name ~ .validation-message")!.TextContent);
        Assert.Equal("Varje månad", page.QuerySelector("#cadence")!.GetAttribute("value"));
        Assert.Equal("Ett långt uppdrag som inte får gå förlorat.", page.QuerySelector("#purpose")!.TextContent);
        Assert.Equal(before, await app.WithDbAsync("kristianstad", db => db.Groups.CountAsync()));
    }
}
