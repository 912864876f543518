using System.Net;
using Microsoft.EntityFrameworkCore;
using SakraStader.Domain;
using SakraStader.Features.Demo;
using SakraStader.Tests.Support;

namespace SakraStader.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class AuditAndMemberTests(TestApp app) : IClassFixture<TestApp>
{
    [Fact]
    public async Task An_update_is_audited_with_old_and_new_value_and_shown_in_the_log()
    {
        using var client = await app.SignedInClientAsync(TestApp.Email("samordnare", "haninge"));
        var group = await app.WithDbAsync("haninge", db => db.Groups.SingleAsync(g => g.Name == "Säkerhetsforum"));

        using var response = await client.SubmitAsync($"/haninge/grupper/{group.Id}/redigera", "group", new Dictionary<string, string>
        {
            ["Input.Name"] = "Säkerhetsforum",
            ["Input.CadenceKind"] = "Weekly",
            ["Input.Purpose"] = group.Purpose,
        });
        var log = await client.PageAsync("/haninge/logg?typ=Group");

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, AppClient.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("main")?.TextContent);
        var entry = await app.WithDbAsync("haninge", db => db.AuditEntries
            .Where(a => a.EntityId == group.Id.ToString() && a.Action == AuditAction.Updated).SingleAsync());
        Assert.Contains("\"CadenceKind\":{\"From\":\"Monthly\",\"To\":\"Weekly\"}", entry.Changes);
        Assert.DoesNotContain("Purpose", entry.Changes);
        var firstRow = log.QuerySelector("tbody tr")!;
        Assert.Contains("Ändrade grupp", firstRow.TextContent);
        Assert.Contains("Rytm: Varje månad → Varje vecka", System.Text.RegularExpressions.Regex.Replace(firstRow.TextContent, @"\s+", " "));
        Assert.DoesNotContain(group.Id.ToString(), firstRow.TextContent);
        // The person by name and organisation, never by e-mail.
        var (name, organisation) = await app.WithDbAsync("haninge", async db =>
        {
            var person = await (from u in db.Users
                                join m in db.Memberships on u.Id equals m.UserId
                                where u.Email == TestApp.Email("samordnare", "haninge")
                                select new { u.DisplayName, m.OrganisationName }).SingleAsync();
            return (person.DisplayName, person.OrganisationName);
        });
        Assert.Contains($"{name}, {organisation}", firstRow.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(TestApp.Email("samordnare", "haninge"), log.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_log_shows_only_the_kommuns_own_changes()
    {
        using var client = await app.SignedInClientAsync(TestApp.Email("samordnare", "orebro"));
        var log = await client.PageAsync("/orebro/logg?typ=Group");

        var rows = log.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(await app.WithDbAsync("orebro", db => db.AuditEntries.CountAsync(a => a.EntityType == "Group")), rows.Count);
        Assert.DoesNotContain(rows, r => r.Contains("BråB", StringComparison.Ordinal) || r.Contains("Säkerhetsforum", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Samordnare_adds_an_existing_police_officer_to_another_kommun()
    {
        using var client = await app.SignedInClientAsync(TestApp.Email("samordnare", "kristianstad"));
        using var response = await client.SubmitAsync("/kristianstad/medlemmar/ny", "add-member", new Dictionary<string, string>
        {
            ["Input.Email"] = DemoSeeder.PolisEmail,
            ["Input.DisplayName"] = "",
            ["Input.Role"] = "Medlem",
            ["Input.Organisation"] = "Polisen",
            ["Input.OrganisationName"] = "Lokalpolisområde Kristianstad",
            ["Input.Title"] = "Kommunpolis",
        });
        var page = AppClient.Parse(await response.Content.ReadAsStringAsync());

        Assert.Contains("är tillagd", page.QuerySelector(".alert--success")!.TextContent);
        Assert.Null(page.QuerySelector("code.secret"));
        var membership = await app.WithDbAsync("kristianstad", db => db.Memberships
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m, u.Email })
            .SingleAsync(x => x.Email == DemoSeeder.PolisEmail));
        Assert.Equal(OrganisationKind.Polisen, membership.m.Organisation);
        Assert.Equal(Role.Medlem, membership.m.Role);
    }

    [Fact]
    public async Task A_new_person_gets_an_account_with_a_temporary_password_that_works()
    {
        using var client = await app.SignedInClientAsync(TestApp.Email("samordnare", "karlstad"));
        using var response = await client.SubmitAsync("/karlstad/medlemmar/ny", "add-member", new Dictionary<string, string>
        {
            ["Input.Email"] = "ny.person@karlstad.example",
            ["Input.DisplayName"] = "Ny Person",
            ["Input.Role"] = "Lasare",
            ["Input.Organisation"] = "Kommunen",
            ["Input.Title"] = "Utredare",
        });
        var page = AppClient.Parse(await response.Content.ReadAsStringAsync());
        var password = page.QuerySelector("code.secret")!.TextContent;

        using var newcomer = app.NewClient();
        await newcomer.SignInAsync("ny.person@karlstad.example", password);
        var overview = await newcomer.PageAsync("/karlstad");
        Assert.Contains("läsare", overview.QuerySelector(".lead")!.TextContent);
    }

    [Fact]
    public async Task Adding_without_title_shows_the_message_and_keeps_the_input()
    {
        using var client = await app.SignedInClientAsync(TestApp.Email("samordnare", "karlstad"));
        using var response = await client.SubmitAsync("/karlstad/medlemmar/ny", "add-member", new Dictionary<string, string>
        {
            ["Input.Email"] = "utan.titel@karlstad.example",
            ["Input.DisplayName"] = "Utan Titel",
            ["Input.Role"] = "Medlem",
            ["Input.Organisation"] = "Bostadsbolag",
            ["Input.Title"] = "",
        });
        var page = AppClient.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal("Ange titel, till exempel ”kommunpolis” eller ”säkerhetschef”.", page.QuerySelector("#title ~ .validation-message")!.TextContent);
        Assert.Equal("utan.titel@karlstad.example", page.QuerySelector("#email")!.GetAttribute("value"));
        Assert.Equal("Bostadsbolag", page.QuerySelector("#organisation option[selected]")!.GetAttribute("value"));
        Assert.False(await app.WithDbAsync(null, db => db.Users.AnyAsync(u => u.Email == "utan.titel@karlstad.example")));
    }

    [Fact]
    public async Task The_last_samordnare_cannot_be_demoted_or_removed()
    {
        using var client = await app.SignedInClientAsync(TestApp.Email("samordnare", "boras"));
        var own = await app.WithDbAsync("boras", db => db.Memberships.SingleAsync(m => m.Role == Role.Samordnare));

        using var demote = await client.SubmitAsync($"/boras/medlemmar/{own.Id}", "edit-member", new Dictionary<string, string>
        {
            ["Input.Role"] = "Medlem",
            ["Input.Organisation"] = "Kommunen",
            ["Input.OrganisationName"] = own.OrganisationName,
            ["Input.Title"] = own.Title,
        });
        using var remove = await client.SubmitAsync($"/boras/medlemmar/{own.Id}", "remove-member", new Dictionary<string, string>());

        Assert.Contains("Kommunen måste ha minst en samordnare.", await demote.Content.ReadAsStringAsync());
        Assert.Contains("Kommunen måste ha minst en samordnare.", await remove.Content.ReadAsStringAsync());
        Assert.Equal(Role.Samordnare, await app.WithDbAsync("boras", db => db.Memberships.Where(m => m.Id == own.Id).Select(m => m.Role).SingleAsync()));
    }

    [Fact]
    public async Task Removing_a_membership_is_audited_and_takes_access_away_at_once()
    {
        using var client = await app.SignedInClientAsync(TestApp.Email("samordnare", "orebro"));
        using var removed = await app.SignedInClientAsync(TestApp.Email("lasare", "orebro"));
        await removed.PageAsync("/orebro");
        var lasare = await app.WithDbAsync("orebro", db => db.Memberships.SingleAsync(m => m.Role == Role.Lasare));

        using var response = await client.SubmitAsync($"/orebro/medlemmar/{lasare.Id}", "remove-member", new Dictionary<string, string>());
        using var afterwards = await removed.GetAsync("/orebro");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await app.WithDbAsync("orebro", db => db.Memberships.AnyAsync(m => m.Id == lasare.Id)));
        Assert.True(await app.WithDbAsync("orebro", db => db.AuditEntries.AnyAsync(a => a.EntityId == lasare.Id.ToString() && a.Action == AuditAction.Deleted)));
        // The removed person loses access at once, although their memberships were cached a moment ago.
        Assert.StartsWith("/konto/atkomst-nekad", afterwards.LocationPath());
    }

    [Fact]
    public async Task A_removed_member_stays_in_the_audit_trail_only_as_a_pseudonym()
    {
        var (membership, userId, name) = await app.WithDbAsync("karlstad", async db =>
        {
            var m = await db.Memberships.SingleAsync(x => x.Role == Role.Inrapportor);
            var user = await db.Users.SingleAsync(u => u.Id == m.UserId);
            var kommun = await db.Kommuner.SingleAsync(k => k.Slug == "karlstad");
            // Two changes the person made, as the data layer records them.
            db.AuditEntries.Add(new AuditEntry(kommun.Id, user.Id, user.DisplayName, TestClock.Now, "Incident", Guid.NewGuid().ToString(), AuditAction.Created, "{}"));
            db.AuditEntries.Add(new AuditEntry(kommun.Id, user.Id, user.DisplayName, TestClock.Now, "Incident", Guid.NewGuid().ToString(), AuditAction.Updated, "{}"));
            await db.SaveChangesAsync();
            return (m.Id, user.Id, user.DisplayName);
        });
        using var client = await app.SignedInClientAsync(TestApp.Email("samordnare", "karlstad"));
        Assert.Contains(name, (await client.PageAsync("/karlstad/logg?typ=Incident")).Body!.TextContent, StringComparison.Ordinal);

        using var response = await client.SubmitAsync($"/karlstad/medlemmar/{membership}", "remove-member", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var entries = await app.WithDbAsync("karlstad", db => db.AuditEntries.Where(a => a.EntityType == "Incident" && a.UserName.StartsWith("Borttagen")).ToListAsync());
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Equal((null, Features.Members.MemberHandler.Pseudonym(userId)), (e.UserId, e.UserName)));
        Assert.False(await app.WithDbAsync("karlstad", db => db.AuditEntries.AnyAsync(a => a.UserId == userId)));
        Assert.DoesNotContain(name, (await client.PageAsync("/karlstad/logg?typ=Incident")).Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_log_names_the_person_and_role_of_a_new_membership_in_swedish()
    {
        using var client = await app.SignedInClientAsync(TestApp.Email("samordnare", "haninge"));
        var log = await client.PageAsync("/haninge/logg?typ=Membership");

        var rows = log.QuerySelectorAll("tbody tr").Select(r => System.Text.RegularExpressions.Regex.Replace(r.TextContent, @"\s+", " ")).ToList();
        Assert.Contains(rows, r => r.Contains("Skapade medlemskap", StringComparison.Ordinal)
            && r.Contains("Person: ", StringComparison.Ordinal) && r.Contains("Roll: Läsare", StringComparison.Ordinal));
        Assert.DoesNotContain(rows, r => r.Contains("UserId", StringComparison.Ordinal) || r.Contains("Lasare", StringComparison.Ordinal));
    }
}
