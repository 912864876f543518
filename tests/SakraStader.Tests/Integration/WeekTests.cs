using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using SakraStader.Domain;
using SakraStader.Features.Meetings;
using SakraStader.Tests.Support;

namespace SakraStader.Tests.Integration;

/// <summary>The weekly summary: the week's figures from the database, the three texts, and who may write them.</summary>
[Trait("Category", "Integration")]
public sealed class WeekTests(TestApp app) : IClassFixture<TestApp>
{
    [Fact]
    public async Task The_week_page_counts_the_weeks_incidents_per_category_against_the_week_before()
    {
        // ISO week 10 of 2019: Monday 4 March to Sunday 10 March, in a fresh area of Borås.
        var counted = await app.WithDbAsync("boras", async db =>
        {
            var area = db.Areas.Add(new Area("Veckoområdet")).Entity;
            var klotter = await db.IncidentCategories.SingleAsync(c => c.Name == "Klotter");
            var brand = await db.IncidentCategories.SingleAsync(c => c.Name == "Anlagd brand");
            void Add(Guid category, int month, int day, int hour) =>
                db.Incidents.Add(new Incident(category, area.Id, "Torget", SwedishTime.At(new DateOnly(2019, month, day), new TimeOnly(hour, 0)), "Polisen", "Veckotest", null, TestClock.Now));
            Add(klotter.Id, 3, 4, 0);   // Monday 00:00: this week
            Add(klotter.Id, 3, 10, 23); // Sunday 23:00: this week
            Add(brand.Id, 3, 7, 21);
            Add(klotter.Id, 3, 3, 23);  // the Sunday before: the week before
            Add(klotter.Id, 3, 11, 0);  // the Monday after: not counted
            return await db.SaveChangesAsync();
        });
        using var client = await app.SignedInClientAsync(TestApp.Email("lasare", "boras"));

        var page = await client.PageAsync("/boras/veckor/2019/10");

        Assert.StartsWith("Vecka 10", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("4 mars 2019 – 10 mars 2019", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        var rows = page.QuerySelectorAll(".week__table tbody tr")
            .ToDictionary(r => r.QuerySelector("th")!.TextContent, r => (r.Children[1].TextContent, r.Children[2].TextContent));
        Assert.Equal(("2", "1"), rows["Klotter"]);
        Assert.Equal(("1", "0"), rows["Anlagd brand"]);
        Assert.Equal(3, page.QuerySelectorAll(".week__incidents li").Length);
        Assert.Null(page.QuerySelector("form textarea[name=Happened]")); // a läsare reads, does not write
    }

    [Fact]
    public async Task A_member_writes_the_summary_and_a_stale_form_does_not_overwrite_a_newer_text()
    {
        using var first = await app.SignedInClientAsync(TestApp.Email("medlem", "karlstad"));
        using var second = await app.SignedInClientAsync(TestApp.Email("samordnare", "karlstad"));
        const string url = "/karlstad/veckor/2019/20";
        var stale = AppClient.CurrentValues(AppClient.FindForm(await first.PageAsync(url), "week"));

        using var saved = await second.SubmitAsync(url, "week", new Dictionary<string, string>
        {
            ["Happened"] = "Bränder i Kronoparken.", ["Doing"] = "Extra närvaro.", ["Expected"] = "Lugnare helg.",
        });
        Assert.Contains("Veckans sammanfattning är sparad.", await saved.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        stale["Happened"] = "Min text";
        using var refused = await first.Http.PostAsync(url, new FormUrlEncodedContent(stale));
        var page = AppClient.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Någon annan har ändrat", page.QuerySelector("form .field-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Min text", page.QuerySelector("#happened")!.TextContent);
        Assert.Contains("Bränder i Kronoparken.", page.QuerySelector("section[aria-labelledby=happened-heading] .prose")!.TextContent, StringComparison.Ordinal);

        var stored = await app.WithDbAsync("karlstad", db => db.WeeklySummaries.SingleAsync(w => w.Year == 2019 && w.Week == 20));
        Assert.Equal(("Bränder i Kronoparken.", "Extra närvaro.", "Lugnare helg."), (stored.Happened, stored.Doing, stored.Expected));
        Assert.True(await app.WithDbAsync("karlstad", db => db.AuditEntries.AnyAsync(a => a.EntityId == stored.Id.ToString())));

        // A personnummer is refused next to its field and nothing is saved.
        using var bad = await first.SubmitAsync(url, "week", new Dictionary<string, string> { ["Doing"] = "Samtal med 811218-9876" });
        var badPage = AppClient.Parse(await bad.Content.ReadAsStringAsync());
        Assert.Equal(PersonalData.Message, badPage.QuerySelector("#doing + .field-error")!.TextContent);
        Assert.Equal("Extra närvaro.", await app.WithDbAsync("karlstad", db => db.WeeklySummaries.Where(w => w.Year == 2019 && w.Week == 20).Select(w => w.Doing).SingleAsync()));
    }

    [Fact]
    public async Task The_current_week_opens_by_default_and_a_week_that_does_not_exist_is_not_found()
    {
        using var client = await app.SignedInClientAsync(TestApp.Email("medlem", "orebro"));
        var now = SwedishTime.DateOf(TestClock.Now).ToDateTime(TimeOnly.MinValue); // Swedish time, as the page
        var page = await client.PageAsync("/orebro/veckor");
        Assert.StartsWith($"Vecka {ISOWeek.GetWeekOfYear(now)}", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.NotEqual("Inget skrivet ännu.", page.QuerySelector("section[aria-labelledby=happened-heading] .prose")!.TextContent); // demo text

        using var missing = await client.GetAsync("/orebro/veckor/2019/54");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        using var inrapportor = await app.SignedInClientAsync(TestApp.Email("inrapportor", "orebro"));
        using var denied = await inrapportor.GetAsync("/orebro/veckor");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
    }
}
