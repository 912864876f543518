using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SakraStader.Domain;
using SakraStader.Features.Meetings;
using SakraStader.Tests.Support;

namespace SakraStader.Tests.Integration;

/// <summary>
/// Pages keep what they read until the kommun's records change (KommunCache). These tests change records between two
/// views, and within the request that saves, and expect the change at once.
/// </summary>
[Trait("Category", "Integration")]
public sealed class KeptPagesTests(TestApp app) : IClassFixture<TestApp>
{
    [Fact]
    public async Task Pages_that_ask_for_the_same_thing_at_once_wait_for_one_compile_and_share_it()
    {
        // A save reaches every open page of the kommun at once (the "Att göra" count, pages kept current): twenty pages
        // asking together compile once, not twenty times.
        var compiles = 0;
        var key = Guid.NewGuid();
        var kommun = await app.WithDbAsync(null, db => db.Kommuner.SingleAsync(k => k.Slug == "kristianstad"));
        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(async () =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<Tenancy.TenantContext>().SetKommun(new Tenancy.KommunInfo(kommun.Id, kommun.Name, kommun.Slug, kommun.Kod), null);
            return await scope.ServiceProvider.GetRequiredService<Infrastructure.KommunCache>().GetOrCompileAsync("test", key, async () =>
            {
                Interlocked.Increment(ref compiles);
                await Task.Delay(300);
                return new List<string> { "sammanställt" };
            });
        })));

        Assert.Equal(1, compiles);
        Assert.All(results, r => Assert.Same(results[0], r));
    }

    [Fact]
    public async Task What_was_kept_under_an_older_stamp_goes_as_soon_as_the_kommun_changes()
    {
        var kommun = await app.WithDbAsync(null, db => db.Kommuner.SingleAsync(k => k.Slug == "kristianstad"));
        var store = app.Services.GetRequiredService<Infrastructure.KommunCache.Store>();
        async Task CompileAsync(string name)
        {
            await using var scope = app.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<Tenancy.TenantContext>().SetKommun(new Tenancy.KommunInfo(kommun.Id, kommun.Name, kommun.Slug, kommun.Kod), null);
            await scope.ServiceProvider.GetRequiredService<Infrastructure.KommunCache>().GetOrCompileAsync(name, "nyckel", () => Task.FromResult(new List<string> { name }));
        }
        List<long> StampsKept() => [.. store.Cache.Keys.OfType<(string Name, Guid Kommun, object Key, long Stamp)>().Where(k => k.Kommun == kommun.Id).Select(k => k.Stamp).Distinct()];

        await CompileAsync("före");
        var before = Assert.Single(StampsKept());

        // A change in the kommun (it writes an audit entry, the kommun's stamp), then a page reads.
        var area = await app.WithDbAsync("kristianstad", db => db.Areas.Where(a => !a.Archived).Select(a => a.Id).FirstAsync());
        var category = await app.WithDbAsync("kristianstad", db => db.IncidentCategories.Select(c => c.Id).FirstAsync());
        var logged = await app.AsUserAsync(TestApp.Email("samordnare", "kristianstad"), "kristianstad", ops =>
            ops.SendAsync<Features.Incidents.IncidentWork, Guid>(new Tenancy.KommunRoleRequirement(Role.Inrapportor), null, (w, ct) => w.ReportAsync(new Features.Incidents.IncidentInput
            {
                CategoryId = category, AreaId = area, Place = "Stortorget", Date = SwedishTime.DateOf(TestClock.Now).ToDateTime(TimeOnly.MinValue), Time = "00:10", Description = "Klotter på elskåpet.",
            }, ct), "Sparad."));
        Assert.True(logged.Succeeded, logged.Message);
        await CompileAsync("efter");

        // Only the newest stamp's entries are kept: nothing under the old one could ever be asked for again. The cache
        // removes an entry whose token fired on a thread of its own, a moment later.
        for (var waited = 0; StampsKept().Count > 1 && waited < 500; waited++)
        {
            await Task.Delay(20);
        }
        var after = Assert.Single(StampsKept());
        Assert.True(after > before);
    }

    [Fact]
    public async Task A_save_the_database_cannot_take_comes_back_as_a_message_and_ends_nothing()
    {
        // SQLite busy past its timeout, a connection to PostgreSQL lost: an exception would end the user's circuit.
        var result = await app.AsUserAsync(TestApp.Email("samordnare", "kristianstad"), "kristianstad", ops =>
            ops.SendAsync<Features.Incidents.IncidentWork>(new Tenancy.KommunRoleRequirement(Role.Samordnare), null,
                (_, _) => throw new Microsoft.Data.Sqlite.SqliteException("SQLite Error 5: 'database is locked'.", 5), "Sparad."));

        Assert.False(result.Succeeded);
        Assert.Equal(Features.Commands.Operations.Unavailable, result.Message);
    }

    [Fact]
    public async Task A_logged_incident_shows_at_once_in_the_list_and_on_the_weeks_page()
    {
        using var client = await app.SignedInClientAsync(TestApp.Email("samordnare", "kristianstad"));
        const string description = "Krossad busskur vid resecentrum, kvar sedan i morse.";
        Assert.DoesNotContain(description, (await client.PageAsync("/kristianstad/handelser")).Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(description, (await client.PageAsync("/kristianstad/veckor")).Body!.TextContent, StringComparison.Ordinal);

        var (category, area) = await app.WithDbAsync("kristianstad", async db =>
            (await db.IncidentCategories.Select(c => c.Id).FirstAsync(), await db.Areas.Where(a => !a.Archived).Select(a => a.Id).FirstAsync()));
        var today = SwedishTime.DateOf(TestClock.Now);
        var logged = await app.AsUserAsync(TestApp.Email("samordnare", "kristianstad"), "kristianstad", ops =>
            ops.SendAsync<Features.Incidents.IncidentWork, Guid>(new Tenancy.KommunRoleRequirement(Role.Inrapportor), null, (w, ct) => w.ReportAsync(new Features.Incidents.IncidentInput
            {
                CategoryId = category, AreaId = area, Place = "Resecentrum", Date = today.ToDateTime(TimeOnly.MinValue), Time = "00:05", Description = description,
            }, ct), "Sparad."));
        Assert.True(logged.Succeeded, logged.Message);

        Assert.Contains(description, (await client.PageAsync("/kristianstad/handelser")).Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains(description, (await client.PageAsync("/kristianstad/veckor")).Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_measure_added_to_a_plan_shows_in_the_answer_to_the_save_and_a_new_group_member_may_edit_at_once()
    {
        var (plan, groupId) = await app.WithDbAsync("kristianstad", async db =>
        {
            var p = await db.Atgardsplaner.SingleAsync(p => p.Title == "EST:s åtgärdsplan hösten");
            return (p.Id, p.GroupId);
        });
        var url = $"/kristianstad/atgardsplaner/{plan}";
        using var samordnare = await app.SignedInClientAsync(TestApp.Email("samordnare", "kristianstad"));
        Assert.DoesNotContain("Cykelparkering med belysning", (await samordnare.PageAsync(url)).QuerySelector("table")!.TextContent, StringComparison.Ordinal);

        // The command path saves; the page read right after shows the new measure in its table.
        var added = await app.AsUserAsync(TestApp.Email("samordnare", "kristianstad"), "kristianstad", ops =>
            ops.SendAsync<Features.Atgarder.PlanWork, Guid>(Features.Groups.GroupRightRequirement.Edit, groupId, (w, ct) => w.AddMeasureAsync(plan, groupId,
                new Features.Atgarder.NewMeasureInput { Title = "Cykelparkering med belysning", RevisionNote = "Ny åtgärd efter trygghetsvandringen." }, ct), "Tillagd."));
        Assert.True(added.Succeeded, added.Message);
        Assert.Contains("Cykelparkering med belysning", (await samordnare.PageAsync(url)).QuerySelector("table")!.TextContent, StringComparison.Ordinal);
        var count = await app.WithDbAsync("kristianstad", db => db.Atgarder.CountAsync(a => a.PlanId == plan));
        var listRow = (await samordnare.PageAsync("/kristianstad/atgardsplaner")).QuerySelectorAll("tbody tr")
            .Single(r => r.QuerySelector($"a[href$='{plan}']") is not null);
        Assert.Contains(count.ToString(System.Globalization.CultureInfo.InvariantCulture), listRow.TextContent, StringComparison.Ordinal);

        // A member of the group may add measures; taken out of the group, they only read, at once; added back, they
        // may again.
        var (email, groupMember, membership) = await app.WithDbAsync("kristianstad", async db =>
            await (from gm in db.GroupMembers
                   join m in db.Memberships on gm.UserId equals m.UserId
                   join u in db.Users on m.UserId equals u.Id
                   where gm.GroupId == groupId && !gm.IsChair && m.Role == Role.Medlem
                   select new ValueTuple<string, Guid, Guid>(u.Email!, gm.Id, m.Id)).FirstAsync());
        using var member = await app.SignedInClientAsync(email);
        static bool MayAdd(AngleSharp.Html.Dom.IHtmlDocument page) => page.QuerySelector("#m-title") is not null;
        Assert.True(MayAdd(await member.PageAsync(url)));

        Task<Features.Commands.CommandResult> AsSamordnare(Func<Features.Groups.GroupWork, CancellationToken, Task> command) =>
            app.AsUserAsync(TestApp.Email("samordnare", "kristianstad"), "kristianstad", ops =>
                ops.SendAsync(new Tenancy.KommunRoleRequirement(Role.Samordnare), null, command, ""));
        Assert.True((await AsSamordnare((w, ct) => w.RemoveMemberAsync(groupId, groupMember, ct))).Succeeded);
        Assert.False(await app.WithDbAsync("kristianstad", db => db.GroupMembers.AnyAsync(m => m.Id == groupMember)));
        Assert.False(MayAdd(await member.PageAsync(url)));

        Assert.True((await AsSamordnare((w, ct) => w.AddUserAsync(groupId, new Features.Groups.AddGroupMemberInput { MembershipId = membership }, ct))).Succeeded);
        Assert.True(MayAdd(await member.PageAsync(url)));
    }
}
