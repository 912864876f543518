using System.Net;
using Microsoft.EntityFrameworkCore;
using SakraStader.Data;
using SakraStader.Domain;
using SakraStader.Features.Groups;
using SakraStader.Tenancy;
using SakraStader.Tests.Support;

namespace SakraStader.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class TenantIsolationTests(TestApp app) : IClassFixture<TestApp>
{
    private async Task<Guid> BorasGroupIdAsync() =>
        await app.WithDbAsync("boras", db => db.Groups.Where(g => g.Kind == GroupKind.Est).Select(g => g.Id).SingleAsync());

    [Fact]
    public async Task The_meeting_read_model_follows_the_kommun_of_each_call()
    {
        // The meeting page reads through a compiled query that writes its tenant condition itself: alternate kommuner
        // on the same (pooled) contexts and check that each call sees its own kommun's meeting and never the other's.
        var orebroMeeting = await app.WithDbAsync("orebro", db => db.Meetings.Select(m => m.Id).FirstAsync());
        var borasMeeting = await app.WithDbAsync("boras", db => db.Meetings.Select(m => m.Id).FirstAsync());
        for (var i = 0; i < 3; i++)
        {
            Assert.NotNull(await app.WithDbAsync("orebro", db => new Features.Meetings.MeetingHandler(db, TestClock.Instance).ReadAsync(orebroMeeting)));
            Assert.Null(await app.WithDbAsync("orebro", db => new Features.Meetings.MeetingHandler(db, TestClock.Instance).ReadAsync(borasMeeting)));
            Assert.NotNull(await app.WithDbAsync("boras", db => new Features.Meetings.MeetingHandler(db, TestClock.Instance).ReadAsync(borasMeeting)));
            Assert.Null(await app.WithDbAsync("boras", db => new Features.Meetings.MeetingHandler(db, TestClock.Instance).ReadAsync(orebroMeeting)));
            Assert.Null(await app.WithDbAsync(null, db => new Features.Meetings.MeetingHandler(db, TestClock.Instance).ReadAsync(orebroMeeting)));
        }
    }

    [Fact]
    public async Task Another_kommuns_group_is_not_found_even_with_its_real_id()
    {
        var borasGroup = await BorasGroupIdAsync();
        using var client = await app.SignedInClientAsync(TestApp.Email("samordnare", "orebro"));

        using var own = await client.GetAsync($"/boras/grupper/{borasGroup}");
        using var guessed = await client.GetAsync($"/orebro/grupper/{borasGroup}");

        Assert.Equal(HttpStatusCode.Redirect, own.StatusCode);
        Assert.Contains("/konto/atkomst-nekad", own.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.NotFound, guessed.StatusCode);
        Assert.DoesNotContain("EST – Effektiv", await guessed.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Editing_another_kommuns_group_through_own_kommun_is_not_found_and_changes_nothing()
    {
        var borasGroup = await BorasGroupIdAsync();
        using var client = await app.SignedInClientAsync(TestApp.Email("samordnare", "orebro"));
        var stored = await app.WithDbAsync("boras", db => db.Groups.AsNoTracking().SingleAsync(g => g.Id == borasGroup));
        var seen = new GroupInput { Name = stored.Name, Cadence = stored.Cadence, CadenceKind = stored.CadenceKind, TimesPerYear = stored.TimesPerYear, MeetingDay = stored.MeetingDay };
        var input = seen.Copy();
        input.Name = "Kapad grupp";

        using var page = await client.GetAsync($"/orebro/grupper/{borasGroup}/redigera");
        // The samordnare of Örebro sends the other kommun's id, with the very fields stored there, through Örebro.
        var (update, purpose, member) = await app.AsUserAsync(TestApp.Email("samordnare", "orebro"), "orebro", async ops =>
        {
            var right = new KommunRoleRequirement(Role.Samordnare);
            return (await ops.SendAsync<GroupWork>(right, null, (w, ct) => w.UpdateAsync(borasGroup, input, seen, ct), ""),
                await ops.SendAsync<GroupWork>(right, null, (w, ct) => w.WritePurposeAsync(borasGroup, "Kapat uppdrag", stored.Purpose, ct), ""),
                await ops.SendAsync<GroupWork>(right, null, (w, ct) => w.AddExternalAsync(borasGroup, new ExternalMemberInput { Name = "Kapare", Organisation = "X" }, ct), ""));
        });

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.All([update, purpose, member], r => Assert.Equal(GroupWork.NotFound, r.Message));
        Assert.False(await app.WithDbAsync(null, db => db.GroupMembers.IgnoreQueryFilters().AnyAsync(m => m.Name == "Kapare")));
        Assert.Equal(stored.Purpose, await app.WithDbAsync("boras", db => db.Groups.Where(g => g.Id == borasGroup).Select(g => g.Purpose).SingleAsync()));
        var name = await app.WithDbAsync("boras", db => db.Groups.Where(g => g.Id == borasGroup).Select(g => g.Name).SingleAsync());
        Assert.Equal("EST – Effektiv samordning för trygghet", name);
        Assert.False(await app.WithDbAsync(null, db => db.Groups.IgnoreQueryFilters().AnyAsync(g => g.Name == "Kapad grupp")));
    }

    [Fact]
    public async Task Another_kommuns_membership_cannot_be_opened_or_removed()
    {
        var borasMembership = await app.WithDbAsync("boras", db => db.Memberships.Select(m => m.Id).FirstAsync());
        using var client = await app.SignedInClientAsync(TestApp.Email("samordnare", "orebro"));
        var ownMembership = await app.WithDbAsync("orebro", db => db.Memberships.Where(m => m.Role == Role.Lasare).Select(m => m.Id).FirstAsync());

        using var get = await client.GetAsync($"/orebro/medlemmar/{borasMembership}");
        var stored = await app.WithDbAsync("boras", db => db.Memberships.AsNoTracking().SingleAsync(m => m.Id == borasMembership));
        var seen = new Features.Members.MembershipInput { Role = stored.Role, Organisation = stored.Organisation, OrganisationName = stored.OrganisationName, Title = stored.Title };
        var input = seen.Copy();
        input.Title = "Kapad";
        var (read, edit, remove) = await app.AsUserAsync(TestApp.Email("samordnare", "orebro"), "orebro", async ops =>
        {
            var right = new KommunRoleRequirement(Role.Samordnare);
            return (await ops.ReadAsync<Features.Members.MemberWork, Features.Members.MemberModel?>((w, ct) => w.ReadAsync(borasMembership, ct)),
                await ops.SendAsync<Features.Members.MemberWork>(right, null, (w, ct) => w.ChangeAsync(borasMembership, input, seen, ct), ""),
                await ops.SendAsync<Features.Members.MemberWork>(right, null, (w, ct) => w.RemoveAsync(borasMembership, ct), ""));
        });

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.NotEqual(ownMembership, borasMembership);
        Assert.Null(read);
        Assert.Equal(Features.Members.MemberWork.NotFound, edit.Message);
        Assert.Equal(Features.Members.MemberWork.NotFound, remove.Message);
        Assert.True(await app.WithDbAsync("boras", db => db.Memberships.AnyAsync(m => m.Id == borasMembership)));
        var after = await app.WithDbAsync("boras", db => db.Memberships.AsNoTracking().SingleAsync(m => m.Id == borasMembership));
        Assert.NotEqual("Kapad", after.Title);
    }

    [Fact]
    public async Task Unknown_kommun_is_not_found()
    {
        using var client = await app.SignedInClientAsync(TestApp.Email("samordnare", "orebro"));
        using var response = await client.GetAsync("/finns-inte/grupper");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Sidan finns inte", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Pages_list_only_the_current_kommuns_rows()
    {
        using var client = await app.SignedInClientAsync(TestApp.Email("samordnare", "haninge"));
        var page = await client.PageAsync("/haninge/grupper");
        var names = page.QuerySelectorAll("tbody tr td:first-child").Select(td => td.TextContent.Trim()).ToList();

        Assert.Contains("Säkerhetsforum", names);
        Assert.DoesNotContain(names, n => n.Contains("ÖreBrå", StringComparison.Ordinal) || n.Contains("BråB", StringComparison.Ordinal));
        Assert.Equal(await app.WithDbAsync("haninge", db => db.Groups.CountAsync()), names.Count);
    }

    [Fact]
    public async Task Without_a_kommun_queries_return_nothing_and_writes_are_refused()
    {
        var (count, error) = await app.WithDbAsync(null, async db =>
        {
            var n = await db.Groups.CountAsync();
            db.Groups.Add(new Group("Utan kommun", GroupKind.Annan, "", ""));
            var e = await Record.ExceptionAsync(() => db.SaveChangesAsync());
            return (n, e);
        });

        Assert.Equal(0, count);
        Assert.IsType<TenantIsolationException>(error);
    }

    [Fact]
    public async Task Saving_a_row_of_another_kommun_throws()
    {
        var borasGroup = await BorasGroupIdAsync();
        var error = await app.WithDbAsync("orebro", async db =>
        {
            var group = await db.Groups.IgnoreQueryFilters().SingleAsync(g => g.Id == borasGroup);
            group.Update("Ändrad från Örebro", "", "");
            return await Record.ExceptionAsync(() => db.SaveChangesAsync());
        });

        Assert.IsType<TenantIsolationException>(error);
    }

    [Fact]
    public async Task Police_officer_with_two_kommuner_sees_both_and_works_in_each()
    {
        using var client = await app.SignedInClientAsync(SakraStader.Features.Demo.DemoSeeder.PolisEmail);

        var home = await client.PageAsync("/");
        var switcher = home.QuerySelectorAll(".kommun-switcher a").Select(a => a.GetAttribute("href")!).ToList();
        var orebro = await client.PageAsync("/orebro");
        var karlstad = await client.PageAsync("/karlstad");
        using var boras = await client.GetAsync("/boras");

        Assert.Equal(["/karlstad", "/orebro"], switcher);
        // The start page (static) says how much waits under "Att göra", read as the page is made.
        var badge = home.QuerySelector(".mud-appbar a.inbox-badge[href='/att-gora']");
        Assert.NotNull(badge);
        Assert.Matches("^[0-9]+$", badge.GetAttribute("data-count") ?? "");
        Assert.Equal("Örebro", orebro.QuerySelector("h1")!.TextContent);
        Assert.Equal("Karlstad", karlstad.QuerySelector("h1")!.TextContent);
        // The overview says who the user is here and what their right lets them do, in plain words.
        Assert.Matches(@"^[^,]+, Polisen\. Din behörighet här: \p{Lu}\p{Ll}+ – \p{Ll}.+\.$", orebro.QuerySelector("p.lead")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.Redirect, boras.StatusCode);
    }

    [Fact]
    public async Task Member_list_shows_only_the_kommuns_own_members()
    {
        using var client = await app.SignedInClientAsync(TestApp.Email("samordnare", "boras"));
        var page = await client.PageAsync("/boras/medlemmar");

        var emails = page.QuerySelectorAll("tbody tr .muted").Select(e => e.TextContent.Trim()).ToList();
        Assert.Equal(await app.WithDbAsync("boras", db => db.Memberships.CountAsync()), emails.Count);
        Assert.All(emails, e => Assert.EndsWith(".boras@demo.sakrastader.se", e));
    }

    [Fact]
    public async Task A_pooled_context_forgets_its_kommun_when_returned()
    {
        var inKommun = await app.WithDbAsync("orebro", db => db.Groups.CountAsync());
        var afterwards = await app.WithDbAsync(null, db => db.Groups.CountAsync());

        Assert.True(inKommun > 0);
        Assert.Equal(0, afterwards);
    }
}
