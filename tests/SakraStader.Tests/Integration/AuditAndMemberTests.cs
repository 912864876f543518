using System.Net;
using Microsoft.EntityFrameworkCore;
using SakraStader.Domain;
using SakraStader.Features.Commands;
using SakraStader.Features.Demo;
using SakraStader.Features.Groups;
using SakraStader.Features.Members;
using SakraStader.Tenancy;
using SakraStader.Tests.Support;

namespace SakraStader.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class AuditAndMemberTests(TestApp app) : IClassFixture<TestApp>
{
    private static readonly KommunRoleRequirement Samordnare = new(Role.Samordnare);

    private Task<CommandResult<AddedMember>> AddAsync(string slug, AddMemberInput input) =>
        app.AsUserAsync(TestApp.Email("samordnare", slug), slug, ops =>
            ops.SendAsync<MemberWork, AddedMember>(Samordnare, null, (w, ct) => w.AddAsync(input, ct), "Medlemmen är tillagd."));

    private Task<CommandResult> RemoveAsync(string slug, Guid membershipId, TestApp? on = null) =>
        (on ?? app).AsUserAsync(TestApp.Email("samordnare", slug), slug, ops =>
            ops.SendAsync<MemberWork>(Samordnare, null, (w, ct) => w.RemoveAsync(membershipId, ct), "Borttagen."));

    [Fact]
    public async Task An_update_is_audited_with_old_and_new_value_and_shown_in_the_log()
    {
        using var client = await app.SignedInClientAsync(TestApp.Email("samordnare", "haninge"));
        var group = await app.WithDbAsync("haninge", db => db.Groups.SingleAsync(g => g.Name == "Säkerhetsforum"));

        var saved = await app.AsUserAsync(TestApp.Email("samordnare", "haninge"), "haninge", async ops =>
        {
            var stored = (await ops.ReadAsync<GroupWork, GroupEditModel?>((w, ct) => w.ReadForEditAsync(group.Id, ct)))!.Stored;
            var input = stored.Copy();
            input.CadenceKind = CadenceKind.Weekly;
            return await ops.SendAsync<GroupWork>(Samordnare, null, (w, ct) => w.UpdateAsync(group.Id, input, stored, ct), "Gruppen är sparad.");
        });
        var log = await client.PageAsync("/haninge/logg?typ=Group");

        Assert.True(saved.Succeeded, saved.Message);
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
        var added = await AddAsync("kristianstad", new AddMemberInput
        {
            Email = DemoSeeder.PolisEmail, Role = Role.Medlem, Organisation = OrganisationKind.Polisen,
            OrganisationName = "Lokalpolisområde Kristianstad", Title = "Kommunpolis",
        });

        Assert.True(added.Succeeded, added.Message);
        // An existing account: no new password.
        Assert.Null(added.Value!.TemporaryPassword);
        var membership = await app.WithDbAsync("kristianstad", db => db.Memberships
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m, u.Email })
            .SingleAsync(x => x.Email == DemoSeeder.PolisEmail));
        Assert.Equal(OrganisationKind.Polisen, membership.m.Organisation);
        Assert.Equal(Role.Medlem, membership.m.Role);
    }

    [Fact]
    public async Task A_new_person_gets_an_account_with_a_temporary_password_that_works()
    {
        var added = await AddAsync("karlstad", new AddMemberInput
        {
            Email = "ny.person@karlstad.example", DisplayName = "Ny Person", Role = Role.Lasare, Organisation = OrganisationKind.Kommunen, Title = "Utredare",
        });
        Assert.True(added.Succeeded, added.Message);
        Assert.Equal("Ny Person", added.Value!.Name);
        var password = added.Value.TemporaryPassword!;

        using var newcomer = app.NewClient();
        await newcomer.SignInAsync("ny.person@karlstad.example", password);
        var overview = await newcomer.PageAsync("/karlstad");
        Assert.Contains("Din behörighet här: Läsare", overview.QuerySelector(".lead")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Adding_without_title_is_refused_at_the_title_and_creates_no_account()
    {
        var refused = await AddAsync("karlstad", new AddMemberInput
        {
            Email = "utan.titel@karlstad.example", DisplayName = "Utan Titel", Role = Role.Medlem, Organisation = OrganisationKind.Bostadsbolag, Title = "",
        });
        var noName = await AddAsync("karlstad", new AddMemberInput { Email = "utan.namn@karlstad.example", Title = "Utredare" });

        Assert.Equal(("Ange titel, till exempel ”kommunpolis” eller ”säkerhetschef”.", "Title"), (refused.Message, refused.Field));
        Assert.Equal(("Ange namn för den nya användaren.", "DisplayName"), (noName.Message, noName.Field));
        Assert.False(await app.WithDbAsync(null, db => db.Users.AnyAsync(u => u.Email!.StartsWith("utan."))));
    }

    [Fact]
    public async Task Only_the_samordnare_may_add_change_or_remove_members()
    {
        var lasare = await app.WithDbAsync("haninge", db => db.Memberships.FirstAsync(m => m.Role == Role.Lasare));
        foreach (var who in new[] { "styrgrupp", "medlem" })
        {
            var (add, change, remove) = await app.AsUserAsync(TestApp.Email(who, "haninge"), "haninge", async ops =>
            {
                var seen = new MembershipInput { Role = lasare.Role, Organisation = lasare.Organisation, OrganisationName = lasare.OrganisationName, Title = lasare.Title };
                var input = seen.Copy();
                input.Role = Role.Samordnare;
                return (await ops.SendAsync<MemberWork, AddedMember>(Samordnare, null, (w, ct) => w.AddAsync(new AddMemberInput { Email = "obehorig@haninge.example", DisplayName = "O", Title = "T" }, ct), ""),
                    await ops.SendAsync<MemberWork>(Samordnare, null, (w, ct) => w.ChangeAsync(lasare.Id, input, seen, ct), ""),
                    await ops.SendAsync<MemberWork>(Samordnare, null, (w, ct) => w.RemoveAsync(lasare.Id, ct), ""));
            });
            Assert.True(add.Forbidden && change.Forbidden && remove.Forbidden, who);
        }
        Assert.Equal(Role.Lasare, await app.WithDbAsync("haninge", db => db.Memberships.Where(m => m.Id == lasare.Id).Select(m => m.Role).SingleAsync()));
        Assert.False(await app.WithDbAsync(null, db => db.Users.AnyAsync(u => u.Email == "obehorig@haninge.example")));
    }

    [Fact]
    public async Task A_change_over_a_stale_view_is_refused_and_a_current_one_is_saved()
    {
        var medlem = await app.WithDbAsync("haninge", db => db.Memberships.FirstAsync(m => m.Role == Role.Medlem));
        var (stale, saved) = await app.AsUserAsync(TestApp.Email("samordnare", "haninge"), "haninge", async ops =>
        {
            var model = (await ops.ReadAsync<MemberWork, MemberModel?>((w, ct) => w.ReadAsync(medlem.Id, ct)))!;
            var old = model.Stored.Copy();
            old.Title = "En titel som inte längre gäller";
            var input = model.Stored.Copy();
            input.Title = "Trygghetssamordnare";
            return (await ops.SendAsync<MemberWork>(Samordnare, null, (w, ct) => w.ChangeAsync(medlem.Id, input, old, ct), "Sparat."),
                await ops.SendAsync<MemberWork>(Samordnare, null, (w, ct) => w.ChangeAsync(medlem.Id, input, model.Stored, ct), "Sparat."));
        });

        Assert.True(stale.Conflict);
        Assert.Equal(MemberWork.ChangedMeanwhile, stale.Message);
        Assert.True(saved.Succeeded, saved.Message);
        Assert.Equal("Trygghetssamordnare", await app.WithDbAsync("haninge", db => db.Memberships.Where(m => m.Id == medlem.Id).Select(m => m.Title).SingleAsync()));
    }

    [Fact]
    public async Task The_member_list_searches_filters_and_sorts_in_the_database()
    {
        var (all, polis, search, descending) = await app.AsUserAsync(TestApp.Email("samordnare", "orebro"), "orebro", async ops =>
        {
            Task<SakraStader.Components.Lists.PageOf<MemberRow>> List(string? search, string? sort, Role? role = null, OrganisationKind? org = null) =>
                ops.ReadAsync<MemberWork, SakraStader.Components.Lists.PageOf<MemberRow>>((w, ct) => w.ListAsync(SakraStader.Components.Lists.ListView.From(search, sort, 1), role, org, ct));
            return (await List(null, null), await List(null, null, org: OrganisationKind.Polisen), await List("MIKAEL", null), await List(null, "-namn"));
        });
        var expected = await app.WithDbAsync("orebro", db => db.Memberships.CountAsync());

        Assert.Equal(expected, all.Items.Count);
        Assert.Equal(all.Items.Select(m => m.DisplayName).Order(StringComparer.Create(new System.Globalization.CultureInfo("sv-SE"), false)), all.Items.Select(m => m.DisplayName));
        Assert.Equal(all.Items.Select(m => m.DisplayName).Reverse(), descending.Items.Select(m => m.DisplayName));
        Assert.NotEmpty(polis.Items);
        Assert.All(polis.Items, m => Assert.Equal(OrganisationKind.Polisen, m.Organisation));
        Assert.True(polis.Items.Count < all.Items.Count);
        Assert.Contains(search.Items, m => m.DisplayName == "Mikael Strand");
        Assert.All(search.Items, m => Assert.Contains("mikael", (m.DisplayName + m.Email + m.OrganisationName + m.Title).ToLowerInvariant(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_last_samordnare_cannot_be_demoted_or_removed()
    {
        var own = await app.WithDbAsync("boras", db => db.Memberships.SingleAsync(m => m.Role == Role.Samordnare));
        var seen = new MembershipInput { Role = own.Role, Organisation = own.Organisation, OrganisationName = own.OrganisationName, Title = own.Title };
        var demoted = seen.Copy();
        demoted.Role = Role.Medlem;

        var demote = await app.AsUserAsync(TestApp.Email("samordnare", "boras"), "boras", ops =>
            ops.SendAsync<MemberWork>(Samordnare, null, (w, ct) => w.ChangeAsync(own.Id, demoted, seen, ct), "Sparat."));
        var remove = await RemoveAsync("boras", own.Id);

        Assert.StartsWith("Kommunen måste ha minst en samordnare.", demote.Message, StringComparison.Ordinal);
        Assert.Equal("Role", demote.Field);
        Assert.StartsWith("Kommunen måste ha minst en samordnare.", remove.Message, StringComparison.Ordinal);
        Assert.Equal(Role.Samordnare, await app.WithDbAsync("boras", db => db.Memberships.Where(m => m.Id == own.Id).Select(m => m.Role).SingleAsync()));
    }

    [Fact]
    public async Task Removing_a_membership_is_audited_and_takes_access_away_at_once()
    {
        using var removed = await app.SignedInClientAsync(TestApp.Email("lasare", "orebro"));
        await removed.PageAsync("/orebro");
        var lasare = await app.WithDbAsync("orebro", db => db.Memberships.SingleAsync(m => m.Role == Role.Lasare));

        var result = await RemoveAsync("orebro", lasare.Id);
        using var afterwards = await removed.GetAsync("/orebro");

        Assert.True(result.Succeeded, result.Message);
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

        var result = await RemoveAsync("karlstad", membership);
        Assert.True(result.Succeeded, result.Message);

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
