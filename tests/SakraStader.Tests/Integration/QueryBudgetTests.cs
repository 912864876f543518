using System.Net;
using Microsoft.EntityFrameworkCore;
using SakraStader.Features.Demo;
using SakraStader.Tests.Support;

namespace SakraStader.Tests.Integration;

/// <summary>
/// Each main page issues at most <see cref="Budget"/> SQL commands, however much data there is: an N+1 query fails
/// here. Speed itself is measured by bench/run.sh, never by a timed test.
/// </summary>
[Trait("Category", "Integration")]
public sealed class QueryBudgetTests(TestApp app) : IClassFixture<TestApp>
{
    private const int Budget = 5;

    public static TheoryData<string, string> MainPages => new()
    {
        { "samordnare", "/" },
        { "samordnare", "/orebro" },
        { "samordnare", "/orebro/grupper" },
        { "samordnare", "/orebro/grupper/{group}" },
        { "samordnare", "/orebro/grupper/{group}/redigera" },
        { "samordnare", "/orebro/grupper/{group}/medlemmar" },
        { "medlem", "/orebro/grupper/{group}" },
        { "samordnare", "/orebro/medlemmar" },
        { "samordnare", "/orebro/medlemmar/{membership}" },
        { "samordnare", "/orebro/logg" },
        { "samordnare", "/orebro/moten" },
        { "medlem", "/orebro/moten" },
        { "samordnare", "/orebro/moten/{meeting}" },
        { "samordnare", "/orebro/moten/{meeting}/andra" },
        { "lasare", "/orebro" },
        // A draft lägesbild: its figures, problems and areas are kept between views (KommunCache) until the kommun's
        // records change; a fixed one reads its frozen version.
        { "samordnare", "/orebro/lagesbilder/{draft}" },
        { "lasare", "/orebro/lagesbilder/{fixed}" },
        { "samordnare", "/orebro/atgardsplaner/{plan}" },
        { "lasare", "/orebro/atgardsplaner/{plan}" },
        { "samordnare", "/orebro/atgardsplaner" },
        { "samordnare", "/orebro/atgarder?vy=forsenade" },
        { "samordnare", "/orebro/handelser" },
        { "samordnare", "/orebro/veckor" },
        { "samordnare", "/orebro/lagesbilder" },
        // The annual report (interactive): the report, its figures and the held meetings are kept (KommunCache).
        { "samordnare", "/orebro/arsrapporter/{year}" },
        { "styrgrupp", "/orebro/arsrapporter/{year}" },
        { "lasare", "/orebro/arsrapporter/{year}" },
        { "admin", "/admin/kommuner" },
    };

    [Theory]
    [MemberData(nameof(MainPages))]
    public async Task Main_page_stays_within_the_sql_budget(string who, string template)
    {
        var url = await UrlAsync(app, template);
        using var client = await app.SignedInClientAsync(who == "admin" ? DemoSeeder.AdminEmail : TestApp.Email(who, "orebro"));
        using var warmUp = await client.GetAsync(url);

        var id = "budget-" + Guid.NewGuid().ToString("N");
        using var response = await client.GetAsync(url, correlationId: id);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var count = app.Commands.CountFor(id);
        // Zero is possible: the user's memberships are cached for a few seconds and "/" needs nothing else.
        Assert.True(count <= Budget, $"{count} SQL-kommandon");
    }

    /// <summary>A main page's address with the demo's records in place of {group}, {draft} and the like.</summary>
    internal static async Task<string> UrlAsync(TestApp app, string template)
    {
        var group = await app.WithDbAsync("orebro", db => db.Groups.Select(g => g.Id).FirstAsync());
        var membership = await app.WithDbAsync("orebro", db => db.Memberships.Select(m => m.Id).FirstAsync());
        var meeting = await app.WithDbAsync("orebro", db => db.Meetings.OrderBy(m => m.StartsAt).Select(m => m.Id).FirstAsync());
        var (draft, fixedOne) = await app.WithDbAsync("orebro", async db => (
            await db.Lagesbilder.Where(l => l.Status != Domain.LagesbildStatus.Faststalld).Select(l => l.Id).FirstAsync(),
            await db.Lagesbilder.Where(l => l.Status == Domain.LagesbildStatus.Faststalld).Select(l => l.Id).FirstAsync()));
        var plan = await app.WithDbAsync("orebro", db => db.Atgardsplaner.Select(p => p.Id).FirstAsync());
        var url = template.Replace("{plan}", plan.ToString()).Replace("{group}", group.ToString()).Replace("{draft}", draft.ToString()).Replace("{fixed}", fixedOne.ToString()).Replace("{membership}", membership.ToString())
            .Replace("{meeting}", meeting.ToString());
        url = url.Replace("{year}", (await app.WithDbAsync("orebro", db => db.AnnualReports.Select(r => r.Year).FirstAsync())).ToString());
        return url;
    }
}
