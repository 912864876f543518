using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using SakraStader.Domain;
using SakraStader.Features.Commands;
using SakraStader.Features.Weeks;
using SakraStader.Tenancy;
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
        Assert.Empty(page.QuerySelectorAll("main textarea")); // a läsare reads, does not write
    }

    private static Task<CommandResult<WeekTexts>> Write(Operations ops, WeekField field, string text, string seen, int year = 2019, int week = 20) =>
        ops.SendAsync<WeekWork, WeekTexts>(new KommunRoleRequirement(Role.Medlem), null, (w, ct) => w.WriteAsync(year, week, field, text, seen, ct), "Sparat.");

    [Fact]
    public async Task A_member_writes_the_summary_and_a_stale_text_does_not_overwrite_a_newer_one()
    {
        // Both open week 20 with empty texts; the samordnare writes all three first.
        var saved = await app.AsUserAsync(TestApp.Email("samordnare", "karlstad"), "karlstad", async ops => new[]
        {
            await Write(ops, WeekField.Happened, "Bränder i Kronoparken.", ""),
            await Write(ops, WeekField.Doing, "Extra närvaro.", ""),
            await Write(ops, WeekField.Expected, "Lugnare helg.", ""),
        });
        Assert.All(saved, r => Assert.True(r.Succeeded, r.Message));

        var (stale, other, pnr) = await app.AsUserAsync(TestApp.Email("medlem", "karlstad"), "karlstad", async ops => (
            await Write(ops, WeekField.Happened, "Min text", ""),
            // A text nobody else touched since it was read is saved; each text is checked on its own.
            await Write(ops, WeekField.Expected, "Lugnare helg, men Luciatåget på lördag.", "Lugnare helg."),
            // A personnummer is refused for its field and nothing is saved.
            await Write(ops, WeekField.Doing, "Samtal med 811218-9876", "Extra närvaro.")));

        Assert.True(stale.Conflict);
        Assert.Equal((WeekWork.ChangedMeanwhile, nameof(WeekField.Happened), "Bränder i Kronoparken."), (stale.Message, stale.Field, stale.Current));
        Assert.True(other.Succeeded, other.Message);
        Assert.Equal((PersonalData.Message, nameof(WeeklySummary.Doing)), (pnr.Message, pnr.Field));
        var stored = await app.WithDbAsync("karlstad", db => db.WeeklySummaries.SingleAsync(w => w.Year == 2019 && w.Week == 20));
        Assert.Equal(("Bränder i Kronoparken.", "Extra närvaro.", "Lugnare helg, men Luciatåget på lördag."), (stored.Happened, stored.Doing, stored.Expected));
        Assert.True(await app.WithDbAsync("karlstad", db => db.AuditEntries.AnyAsync(a => a.EntityId == stored.Id.ToString())));

        // The page shows the stored texts; a läsare may not write; another kommun's week is its own.
        using var client = await app.SignedInClientAsync(TestApp.Email("lasare", "karlstad"));
        var page = await client.PageAsync("/karlstad/veckor/2019/20");
        Assert.Contains("Bränder i Kronoparken.", page.QuerySelector("section[aria-labelledby=happened-heading] .prose")!.TextContent, StringComparison.Ordinal);
        var lasare = await app.AsUserAsync(TestApp.Email("lasare", "karlstad"), "karlstad", ops => Write(ops, WeekField.Happened, "Läsarens text", "Bränder i Kronoparken."));
        Assert.True(lasare.Forbidden);
        var boras = await app.AsUserAsync(TestApp.Email("samordnare", "boras"), "boras", ops => Write(ops, WeekField.Happened, "Borås vecka.", "Bränder i Kronoparken."));
        Assert.True(boras.Conflict); // Borås's week 20 is empty: Karlstad's text is nothing Borås has seen
        Assert.Equal("", boras.Current);
        Assert.Equal("Bränder i Kronoparken.", await app.WithDbAsync("karlstad", db => db.WeeklySummaries.Where(w => w.Year == 2019 && w.Week == 20).Select(w => w.Happened).SingleAsync()));
        Assert.False(await app.WithDbAsync("boras", db => db.WeeklySummaries.AnyAsync(w => w.Year == 2019 && w.Week == 20)));
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
