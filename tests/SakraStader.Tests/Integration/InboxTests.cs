using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SakraStader.Domain;
using SakraStader.Features.Commands;
using SakraStader.Features.Demo;
using SakraStader.Features.Inbox;
using SakraStader.Features.Medborgarloften;
using SakraStader.Infrastructure;
using SakraStader.Tenancy;
using SakraStader.Tests.Support;

namespace SakraStader.Tests.Integration;

/// <summary>
/// "Att göra" (issue 18): items derived from the records, each gone the moment the work is done, only what the user
/// may see, in every kommun where they are a member; and the change feed that keeps the count live.
/// </summary>
[Trait("Category", "Integration")]
public sealed class InboxTests(TestApp app) : IClassFixture<TestApp>
{
    private static readonly KommunRoleRequirement Medlem = new(Role.Medlem);
    private static readonly KommunRoleRequirement Samordnare = new(Role.Samordnare);

    private Task<IReadOnlyList<InboxItem>> InboxAsync(string email) =>
        app.AsUserAsync(email, null, ops => ops.ReadAsync<InboxWork, IReadOnlyList<InboxItem>>((w, ct) => w.ForUserAsync(ct)));

    /// <summary>A promise of the test's own in Karlstad, sent for signing and signed by the kommun: the police's turn.</summary>
    private Task<(Guid Id, Guid PoliceParty, string Hash)> AwaitingPoliceAsync(string title) => app.WithDbAsync("karlstad", async db =>
    {
        var samordnare = await db.Users.SingleAsync(u => u.Email == TestApp.Email("samordnare", "karlstad"));
        var polis = await db.Users.SingleAsync(u => u.Email == DemoSeeder.PolisEmail);
        var lofte = new Medborgarlofte(title, TestClock.Today.AddDays(-10), TestClock.Today.AddYears(1));
        var kommun = lofte.AddParty(PartyKind.Kommunen, "Karlstads kommun", samordnare.Id, samordnare.DisplayName, "Säkerhetschef");
        var police = lofte.AddParty(PartyKind.Polisen, "Polisen, LPO Karlstad", polis.Id, polis.DisplayName, "Kommunpolis");
        lofte.AddCommitment("Polisen syns vid torget fredagskvällar.", police.Id, "Antal kvällar per kvartal.");
        var version = lofte.SendForSigning(MedborgarlofteHandler.ContentOf("Karlstad", lofte, []), TestClock.Now);
        lofte.Sign(kommun.Id, samordnare.Id, samordnare.DisplayName, "Säkerhetschef", "Samordnare", version.Hash, "Lösenord", TestClock.Now);
        db.Medborgarloften.Add(lofte);
        await db.SaveChangesAsync();
        return (lofte.Id, police.Id, version.Hash);
    });

    [Fact]
    public async Task A_promise_waits_for_the_officers_signature_then_for_the_samordnare_to_publish_and_each_item_goes_when_done()
    {
        var (id, party, hash) = await AwaitingPoliceAsync("Trygg busshållplats Inbox");
        var samordnare = TestApp.Email("samordnare", "karlstad");

        var sign = Assert.Single(await InboxAsync(DemoSeeder.PolisEmail), i => i.Title == "Trygg busshållplats Inbox");
        Assert.Equal((InboxKind.Sign, "karlstad", $"/karlstad/loften/{id}/underteckna/{party}"), (sign.Kind, sign.KommunSlug, sign.Href));
        Assert.Contains("Polisen, LPO Karlstad", sign.Why, StringComparison.Ordinal);
        Assert.NotNull(sign.Since);
        // Nobody else is asked to sign for the police, and the samordnare has nothing to publish yet.
        Assert.DoesNotContain(await InboxAsync(samordnare), i => i.Title == "Trygg busshållplats Inbox");

        var signed = await app.AsUserAsync(DemoSeeder.PolisEmail, "karlstad", ops => ops.SendAsync<MedborgarlofteWork, bool>(Medlem, null,
            (w, ct) => w.SignAsync(id, party, hash, DemoSeeder.Password, ct), "Du har skrivit under."));
        Assert.True(signed.Succeeded, signed.Message);

        Assert.DoesNotContain(await InboxAsync(DemoSeeder.PolisEmail), i => i.Title == "Trygg busshållplats Inbox");
        var publish = Assert.Single(await InboxAsync(samordnare), i => i.Title == "Trygg busshållplats Inbox");
        Assert.Equal((InboxKind.Publish, $"/karlstad/loften/{id}"), (publish.Kind, publish.Href));

        var version = await app.WithDbAsync("karlstad", db => db.Medborgarloften.Where(m => m.Id == id).Select(m => m.Version).SingleAsync());
        var published = await app.AsUserAsync(samordnare, "karlstad", ops => ops.SendAsync<MedborgarlofteWork>(Samordnare, null,
            (w, ct) => w.PublishAsync(id, version, ct), "Publicerat."));
        Assert.True(published.Succeeded, published.Message);
        Assert.DoesNotContain(await InboxAsync(samordnare), i => i.Title == "Trygg busshållplats Inbox");
    }

    [Fact]
    public async Task A_measure_the_user_owns_shows_when_due_within_two_weeks_or_overdue_and_goes_when_completed()
    {
        var medlem = TestApp.Email("medlem", "orebro");
        var (overdueId, soonId, laterId) = await app.WithDbAsync("orebro", async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == medlem);
            var plan = await db.Atgardsplaner.OrderBy(p => p.Id).FirstAsync();
            Atgard Owned(string title, int days)
            {
                var a = new Atgard(plan.Id, title, null);
                a.Assign("Kommunen", user.Id, user.DisplayName, "");
                a.Schedule(TestClock.Today.AddDays(-40), TestClock.Today.AddDays(days), null);
                db.Atgarder.Add(a);
                return a;
            }
            var (overdue, soon, later) = (Owned("Inbox försenad åtgärd", -3), Owned("Inbox snart klar", 5), Owned("Inbox långt fram", 60));
            await db.SaveChangesAsync();
            return (overdue.Id, soon.Id, later.Id);
        });

        var inbox = await InboxAsync(medlem);
        Assert.Equal(InboxKind.MeasureOverdue, Assert.Single(inbox, i => i.Href.EndsWith(overdueId.ToString(), StringComparison.Ordinal)).Kind);
        Assert.Equal(InboxKind.MeasureDue, Assert.Single(inbox, i => i.Href.EndsWith(soonId.ToString(), StringComparison.Ordinal)).Kind);
        Assert.DoesNotContain(inbox, i => i.Href.EndsWith(laterId.ToString(), StringComparison.Ordinal));
        // Overdue first: the list is ordered by the date things are due or have waited since.
        Assert.True(inbox.ToList().FindIndex(i => i.Href.EndsWith(overdueId.ToString(), StringComparison.Ordinal))
            < inbox.ToList().FindIndex(i => i.Href.EndsWith(soonId.ToString(), StringComparison.Ordinal)));

        await app.WithDbAsync("orebro", async db =>
        {
            (await db.Atgarder.SingleAsync(a => a.Id == overdueId)).Complete(Outcome.Uppnadd, "Klart.", null);
            return await db.SaveChangesAsync();
        });
        Assert.DoesNotContain(await InboxAsync(medlem), i => i.Href.EndsWith(overdueId.ToString(), StringComparison.Ordinal));
        // Somebody else's measures are not in this user's inbox.
        Assert.DoesNotContain(await InboxAsync(TestApp.Email("styrgrupp", "orebro")), i => i.Href.EndsWith(soonId.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_meeting_without_agenda_waits_for_the_samordnare_until_an_item_is_added()
    {
        var samordnare = TestApp.Email("samordnare", "orebro");
        var meetingId = await app.WithDbAsync("orebro", async db =>
        {
            var group = await db.Groups.OrderBy(g => g.Name).FirstAsync();
            var startsAt = SwedishTime.At(TestClock.Today.AddDays(6), new TimeOnly(9, 0));
            var meeting = new Meeting(group.Id, startsAt, startsAt.AddHours(2), "Inbox-rummet", null);
            db.Meetings.Add(meeting);
            await db.SaveChangesAsync();
            return meeting.Id;
        });

        var item = Assert.Single(await InboxAsync(samordnare), i => i.Href == $"/orebro/moten/{meetingId}");
        Assert.Equal((InboxKind.MeetingWithoutAgenda, TestClock.Today.AddDays(6)), (item.Kind, item.Due));
        // A reader is not the one who prepares meetings.
        Assert.DoesNotContain(await InboxAsync(TestApp.Email("lasare", "orebro")), i => i.Href == $"/orebro/moten/{meetingId}");

        await app.WithDbAsync("orebro", async db =>
        {
            var meeting = await db.Meetings.Include(m => m.Agenda).SingleAsync(m => m.Id == meetingId);
            meeting.AddAgendaItem("Lägesbild");
            return await db.SaveChangesAsync();
        });
        Assert.DoesNotContain(await InboxAsync(samordnare), i => i.Href == $"/orebro/moten/{meetingId}");
    }

    [Fact]
    public async Task Voided_signatures_wait_for_the_samordnare_to_send_the_promise_again_and_nobody_is_asked_to_sign_a_draft()
    {
        var (id, _, _) = await AwaitingPoliceAsync("Trygg gångväg Inbox");
        await app.WithDbAsync("karlstad", async db =>
        {
            var lofte = await db.Medborgarloften.Include(m => m.Parties).Include(m => m.Versions).Include(m => m.Signatures).SingleAsync(m => m.Id == id);
            lofte.Reopen();
            return await db.SaveChangesAsync();
        });
        var item = Assert.Single(await InboxAsync(TestApp.Email("samordnare", "karlstad")), i => i.Title == "Trygg gångväg Inbox");
        Assert.Equal((InboxKind.SignaturesVoided, $"/karlstad/loften/{id}"), (item.Kind, item.Href));
        Assert.DoesNotContain(await InboxAsync(DemoSeeder.PolisEmail), i => i.Title == "Trygg gångväg Inbox");
        Assert.DoesNotContain(await InboxAsync(TestApp.Email("medlem", "karlstad")), i => i.Title == "Trygg gångväg Inbox");

        // Sent for signing again: the samordnare's item is gone (she now signs for the kommun, as before), and the police
        // officer is asked to sign the new version.
        await app.WithDbAsync("karlstad", async db =>
        {
            var lofte = await db.Medborgarloften.Include(m => m.Parties).Include(m => m.Commitments).Include(m => m.Versions).Include(m => m.Signatures)
                .AsSplitQuery().SingleAsync(m => m.Id == id);
            lofte.SendForSigning(Features.Medborgarloften.MedborgarlofteHandler.ContentOf("Karlstads kommun", lofte, []), TestClock.Now);
            return await db.SaveChangesAsync();
        });
        Assert.DoesNotContain(await InboxAsync(TestApp.Email("samordnare", "karlstad")), i => i.Title == "Trygg gångväg Inbox" && i.Kind == InboxKind.SignaturesVoided);
        Assert.Contains(await InboxAsync(DemoSeeder.PolisEmail), i => i.Title == "Trygg gångväg Inbox" && i.Kind == InboxKind.Sign);
    }

    [Fact]
    public async Task Minutes_wait_for_the_groups_chair_until_justerade()
    {
        var samordnare = TestApp.Email("samordnare", "orebro");
        var item = (await InboxAsync(samordnare)).First(i => i.Kind == InboxKind.Justera && i.Title.StartsWith("EST", StringComparison.Ordinal));
        Assert.Contains("ordförande", item.Why, StringComparison.Ordinal);
        // A member who is not the chair is not asked, nor is a reader.
        Assert.DoesNotContain(await InboxAsync(TestApp.Email("medlem", "orebro")), i => i.Href == item.Href);
        Assert.DoesNotContain(await InboxAsync(TestApp.Email("lasare", "orebro")), i => i.Href == item.Href);

        var meetingId = Guid.Parse(item.Href.Split('/')[^1]);
        await app.WithDbAsync("orebro", async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == samordnare);
            var meeting = await db.Meetings.Include(m => m.Agenda).Include(m => m.Versions).SingleAsync(m => m.Id == meetingId);
            var chair = await db.GroupMembers.SingleAsync(m => m.GroupId == meeting.GroupId && m.UserId == user.Id && m.IsChair);
            meeting.ApproveMinutes(chair, TestClock.Now, "{}");
            return await db.SaveChangesAsync();
        });
        Assert.DoesNotContain(await InboxAsync(samordnare), i => i.Href == item.Href);
    }

    [Fact]
    public async Task A_second_justerare_who_only_reads_is_asked_too_and_each_item_goes_when_its_owner_has_justerat()
    {
        // The demo's latest SSPF minutes in Borås wait for the chair (the samordnare) and for the folkhälsostrateg.
        var reader = TestApp.Email("lasare", "boras");
        var samordnare = TestApp.Email("samordnare", "boras");
        var item = Assert.Single(await InboxAsync(reader), i => i.Kind == InboxKind.Justera);
        Assert.StartsWith("SSPF", item.Title, StringComparison.Ordinal);
        Assert.Contains("tillsammans med ordföranden", item.Why, StringComparison.Ordinal);
        Assert.Contains(await InboxAsync(samordnare), i => i.Href == item.Href);
        // Another member of the group, and the same reader in another kommun's meeting, are not asked.
        Assert.DoesNotContain(await InboxAsync(DemoSeeder.PolisEmail), i => i.Href == item.Href);
        Assert.DoesNotContain(await InboxAsync(TestApp.Email("lasare", "orebro")), i => i.Href == item.Href);

        var meetingId = Guid.Parse(item.Href.Split('/')[^1]);
        var approved = await app.WithDbAsync("boras", async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == reader);
            var meeting = await db.Meetings.Include(m => m.Agenda).Include(m => m.Versions).SingleAsync(m => m.Id == meetingId);
            var member = await db.GroupMembers.SingleAsync(m => m.GroupId == meeting.GroupId && m.UserId == user.Id);
            var version = meeting.ApproveMinutes(member, TestClock.Now, "{}");
            await db.SaveChangesAsync();
            return version is not null;
        });
        Assert.False(approved); // the chair has not justerat yet
        Assert.DoesNotContain(await InboxAsync(reader), i => i.Href == item.Href);
        Assert.Contains(await InboxAsync(samordnare), i => i.Href == item.Href);
    }

    [Fact]
    public async Task An_inrapportor_is_asked_to_report_for_the_lagesbild_in_progress_until_they_have()
    {
        var email = TestApp.Email("inrapportor", "kristianstad");
        var item = Assert.Single(await InboxAsync(email));
        Assert.Equal(InboxKind.ReportIncidents, item.Kind);
        Assert.Equal("/kristianstad/handelser/ny", item.Href);
        Assert.Contains("Lägesbild", item.Title, StringComparison.Ordinal);
        Assert.NotNull(item.Due); // the group's next meeting
        // Only incident reporters are asked; a member writes a section instead.
        Assert.DoesNotContain(await InboxAsync(TestApp.Email("medlem", "kristianstad")), i => i.Kind == InboxKind.ReportIncidents);

        var input = await app.WithDbAsync("kristianstad", async db => new Features.Incidents.IncidentInput
        {
            CategoryId = await db.IncidentCategories.Select(c => c.Id).FirstAsync(),
            AreaId = await db.Areas.Where(a => !a.Archived).Select(a => a.Id).FirstAsync(),
            Place = "Stortorget",
            Date = TestClock.Today.ToDateTime(TimeOnly.MinValue),
            Time = "00:00",
            Organisation = "Allmännyttans bostadsbolag",
            Description = "Klotter på gaveln mot parkeringen.",
        });
        var reported = await app.AsUserAsync(email, "kristianstad", ops => ops.SendAsync<Features.Incidents.IncidentWork, Guid>(new KommunRoleRequirement(Role.Inrapportor), null,
            (w, ct) => w.ReportAsync(input, ct), "Händelsen är sparad."));
        Assert.True(reported.Succeeded, reported.Message);
        Assert.Empty(await InboxAsync(email));
        // Another kommun's incident reporter still has theirs.
        Assert.Contains(await InboxAsync(TestApp.Email("inrapportor", "haninge")), i => i.Kind == InboxKind.ReportIncidents);
    }

    [Fact]
    public async Task The_report_in_review_waits_for_answers_from_the_samordnare_and_approval_from_the_chair_only()
    {
        var samordnare = TestApp.Email("samordnare", "orebro");
        var styrgrupp = TestApp.Email("styrgrupp", "orebro");
        var answer = Assert.Single(await InboxAsync(samordnare), i => i.Kind == InboxKind.AnswerComments);
        var approve = Assert.Single(await InboxAsync(styrgrupp), i => i.Kind == InboxKind.ApproveReport);
        Assert.Equal(answer.Href, approve.Href);
        Assert.Contains("väntar ännu på svar", approve.Why, StringComparison.Ordinal);
        foreach (var other in new[] { TestApp.Email("medlem", "orebro"), TestApp.Email("lasare", "orebro"), DemoSeeder.PolisEmail })
        {
            Assert.DoesNotContain(await InboxAsync(other), i => i.Kind is InboxKind.AnswerComments or InboxKind.ApproveReport);
        }

        await app.WithDbAsync("orebro", async db =>
        {
            var report = await db.AnnualReports.Include(r => r.Comments).SingleAsync(r => r.Status == AnnualReportStatus.Granskning);
            foreach (var comment in report.Comments.Where(c => !c.IsAnswered).ToList())
            {
                report.Answer(comment.Id, "Vi har lagt till det.", "Samordnaren", TestClock.Now);
            }
            return await db.SaveChangesAsync();
        });
        Assert.DoesNotContain(await InboxAsync(samordnare), i => i.Kind == InboxKind.AnswerComments);
        var still = Assert.Single(await InboxAsync(styrgrupp), i => i.Kind == InboxKind.ApproveReport);
        Assert.DoesNotContain("väntar ännu på svar", still.Why, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Measures_without_an_owner_wait_for_the_samordnare_until_someone_owns_them()
    {
        var samordnare = TestApp.Email("samordnare", "boras");
        var item = Assert.Single(await InboxAsync(samordnare), i => i.Kind == InboxKind.MeasuresWithoutOwner);
        Assert.Equal(("En åtgärd saknar ansvarig", "EST:s åtgärdsplan hösten"), (item.What, item.Title));
        Assert.DoesNotContain(await InboxAsync(TestApp.Email("medlem", "boras")), i => i.Kind == InboxKind.MeasuresWithoutOwner);

        await app.WithDbAsync("boras", async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == samordnare);
            (await db.Atgarder.SingleAsync(a => a.Title == "Kameror vid parkeringarna")).Assign("Borås kommun", user.Id, user.DisplayName, "");
            return await db.SaveChangesAsync();
        });
        Assert.DoesNotContain(await InboxAsync(samordnare), i => i.Kind == InboxKind.MeasuresWithoutOwner);
    }

    [Fact]
    public async Task Items_come_only_from_the_users_own_kommuner()
    {
        // A promise in Karlstad that waits for Karlstad's samordnare to publish is not Örebro's samordnare's work.
        var orebro = await InboxAsync(TestApp.Email("samordnare", "orebro"));
        Assert.All(orebro, i => Assert.Equal("orebro", i.KommunSlug));
        Assert.All(orebro, i => Assert.StartsWith("/orebro/", i.Href, StringComparison.Ordinal));
        // The police officer is a member of several kommuner and sees each one's items under its name.
        var polis = await InboxAsync(DemoSeeder.PolisEmail);
        Assert.All(polis, i => Assert.StartsWith($"/{i.KommunSlug}/", i.Href, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_demo_user_has_something_waiting_whatever_the_date()
    {
        // The platform administrator works in no kommun; everyone else, readers and incident reporters included, has
        // something in Att göra on any date the suite runs at (scripts/test-dates.sh).
        var emails = await app.WithDbAsync(null, db => db.Users.Where(u => !u.IsPlatformAdmin).Select(u => u.Email!).ToListAsync());
        Assert.True(emails.Count >= 31);
        foreach (var email in emails)
        {
            Assert.True((await InboxAsync(email)).Count > 0, $"{email} har inget att göra i demon.");
        }
    }

    [Fact]
    public async Task An_unchanged_inbox_costs_one_query_per_kommun_of_the_user()
    {
        // The police officer is a member in two kommuner: the page reads each one's change stamp.
        using var client = await app.SignedInClientAsync(DemoSeeder.PolisEmail);
        using var warm = await client.GetAsync("/att-gora");
        var id = "inbox-" + Guid.NewGuid().ToString("N");
        using var response = await client.GetAsync("/att-gora", correlationId: id);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var inbox = app.Commands.CountFor(id);
        // One per kommun, and at most one the page itself needs (a session check on PostgreSQL); read through, each kommun
        // costs several.
        Assert.True(inbox is >= 2 and <= 3, $"Att göra: {inbox} SQL-kommandon för två kommuner.");
    }

    [Fact]
    public async Task A_committed_change_is_published_with_its_kommun_and_kinds_and_a_refused_one_is_not()
    {
        var feed = app.Services.GetRequiredService<ChangeFeed>();
        var heard = new List<KommunChange>();
        using var listening = feed.Listen(c =>
        {
            lock (heard)
            {
                heard.Add(c);
            }
            return Task.CompletedTask;
        });
        var karlstad = await app.KommunIdAsync("karlstad");
        var samordnare = TestApp.Email("samordnare", "karlstad");

        var refused = await app.AsUserAsync(samordnare, "karlstad", ops => ops.SendAsync<MedborgarlofteWork, Guid>(Samordnare, null,
            (w, ct) => w.CreateAsync(new NewLofteInput { Title = "", ValidFrom = TestClock.Today.ToDateTime(TimeOnly.MinValue), ValidTo = TestClock.Today.AddYears(1).ToDateTime(TimeOnly.MinValue) }, ct), "Skapat."));
        Assert.False(refused.Succeeded);
        lock (heard)
        {
            Assert.DoesNotContain(heard, c => c.KommunId == karlstad);
        }

        var created = await app.AsUserAsync(samordnare, "karlstad", ops => ops.SendAsync<MedborgarlofteWork, Guid>(Samordnare, null,
            (w, ct) => w.CreateAsync(new NewLofteInput { Title = "Hört i flödet", ValidFrom = TestClock.Today.ToDateTime(TimeOnly.MinValue), ValidTo = TestClock.Today.AddYears(1).ToDateTime(TimeOnly.MinValue) }, ct), "Skapat."));
        Assert.True(created.Succeeded, created.Message);
        lock (heard)
        {
            var change = Assert.Single(heard, c => c.KommunId == karlstad);
            Assert.Contains(nameof(Medborgarlofte), change.Types);
            Assert.NotNull(change.UserId);
            Assert.False(string.IsNullOrEmpty(change.By));
        }
    }
}

