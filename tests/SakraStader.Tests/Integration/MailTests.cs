using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using SakraStader.Domain;
using SakraStader.Features.Commands;
using SakraStader.Features.Demo;
using SakraStader.Features.Groups;
using SakraStader.Features.Mail;
using SakraStader.Features.Medborgarloften;
using SakraStader.Features.Meetings;
using SakraStader.Tenancy;
using SakraStader.Tests.Support;

namespace SakraStader.Tests.Integration;

/// <summary>
/// E-mail (issue 18): what a change writes to the outbox in its own transaction, delivered by the worker over SMTP to a
/// real server (smtp4dev) that the tests read; each person's choice per kind (at once, weekly digest, never); the stop
/// link that works without signing in; and delivery that loses nothing and sends nothing twice.
/// </summary>
[Trait("Category", "Integration")]
public sealed class MailTests(MailTestApp app) : IClassFixture<MailTestApp>
{
    private static readonly KommunRoleRequirement Medlem = new(Role.Medlem);
    private static readonly KommunRoleRequirement Samordnare = new(Role.Samordnare);
    private static readonly string SamordnareKarlstad = TestApp.Email("samordnare", "karlstad");

    private Task<int> SendPassAsync(TestApp? instance = null) =>
        (instance ?? app).Services.GetRequiredService<OutboxWorker>().RunOnceAsync();

    private async Task<List<MimeMessage>> DeliveredAsync(string to, string subjectContains) =>
        [.. (await app.Mail.ToAsync(to)).Where(m => (m.Subject ?? "").Contains(subjectContains, StringComparison.Ordinal))];

    /// <summary>A draft of the test's own in Karlstad (made without a person: no mail), with both parties' signatories.</summary>
    private Task<(Guid Id, Guid PoliceParty, Guid KommunParty)> DraftAsync(string title) => app.WithDbAsync("karlstad", async db =>
    {
        var samordnare = await db.Users.SingleAsync(u => u.Email == SamordnareKarlstad);
        var polis = await db.Users.SingleAsync(u => u.Email == DemoSeeder.PolisEmail);
        var lofte = new Medborgarlofte(title, TestClock.Today.AddDays(-10), TestClock.Today.AddYears(1));
        var kommun = lofte.AddParty(PartyKind.Kommunen, "Karlstads kommun", samordnare.Id, samordnare.DisplayName, "Säkerhetschef");
        var police = lofte.AddParty(PartyKind.Polisen, "Polisen, LPO Karlstad", polis.Id, polis.DisplayName, "Kommunpolis");
        lofte.AddCommitment("Hemlig uppgift om torget som inte får stå i e-post.", police.Id, "Antal kvällar.");
        db.Medborgarloften.Add(lofte);
        await db.SaveChangesAsync();
        return (lofte.Id, police.Id, kommun.Id);
    });

    private async Task<LoftePageModel> LofteAsync(string email, Guid id) =>
        (await app.AsUserAsync(email, "karlstad", ops => ops.ReadAsync<MedborgarlofteWork, LoftePageModel?>((w, ct) => w.ReadAsync(id, ct))))!;

    private async Task SendForSigningAsync(Guid id)
    {
        var version = (await LofteAsync(SamordnareKarlstad, id)).Version;
        var sent = await app.AsUserAsync(SamordnareKarlstad, "karlstad", ops =>
            ops.SendAsync<MedborgarlofteWork>(Samordnare, null, (w, ct) => w.SendForSigningAsync(id, version, ct), "Skickat."));
        Assert.True(sent.Succeeded, sent.Message);
    }

    private async Task SignAsync(string email, Guid id, Guid party)
    {
        var hash = (await app.AsUserAsync(email, "karlstad", ops => ops.ReadAsync<MedborgarlofteWork, SigningModel?>((w, ct) => w.ReadSigningAsync(id, party, ct))))!.Hash!;
        var signed = await app.AsUserAsync(email, "karlstad", ops => ops.SendAsync<MedborgarlofteWork, bool>(Medlem, null,
            (w, ct) => w.SignAsync(id, party, hash, DemoSeeder.Password, ct), "Underskrivet."));
        Assert.True(signed.Succeeded, signed.Message);
    }

    private Task<bool> SetChoiceAsync(string email, MailKind kind, MailDelivery delivery) => app.AsUserAsync(email, null, async ops =>
    {
        var set = await ops.SendAsync<MailPreferencesWork>(new Microsoft.AspNetCore.Authorization.Infrastructure.DenyAnonymousAuthorizationRequirement(), null,
            (w, ct) => w.SetAsync(kind, delivery, ct), "Sparat.");
        Assert.True(set.Succeeded, set.Message);
        return true;
    });

    [Fact]
    public async Task A_promise_goes_to_the_police_officer_by_mail_and_back_to_the_samordnare_with_a_title_and_a_link_only()
    {
        const string title = "Trygg busshållplats E-post";
        var (id, policeParty, kommunParty) = await DraftAsync(title);
        await SendForSigningAsync(id);
        Assert.True(await SendPassAsync() >= 1);

        var toSign = Assert.Single(await DeliveredAsync(DemoSeeder.PolisEmail, title));
        Assert.Equal($"Medborgarlöfte att skriva under: {title}", toSign.Subject);
        var link = $"{MailTestApp.AppUrl}/karlstad/loften/{id}/underteckna/{policeParty}";
        Assert.Contains(link, toSign.TextBody, StringComparison.Ordinal);
        Assert.Contains($"href=\"{link}\"", toSign.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("lang=\"sv\"", toSign.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Du skriver under för Polisen, LPO Karlstad i Karlstad", toSign.TextBody, StringComparison.Ordinal);
        // Titles and links only: the content of the work never leaves the app.
        Assert.DoesNotContain("Hemlig uppgift", toSign.TextBody + toSign.HtmlBody, StringComparison.Ordinal);
        Assert.StartsWith($"<{MailTestApp.AppUrl}/e-post/sluta/bekrafta?t=", toSign.Headers["List-Unsubscribe"], StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", toSign.Headers["List-Unsubscribe-Post"]);
        // The samordnare sent it (and signs for the kommun): nobody is mailed about what they did themselves.
        Assert.Empty(await DeliveredAsync(SamordnareKarlstad, title));

        await SignAsync(SamordnareKarlstad, id, kommunParty);
        await SignAsync(DemoSeeder.PolisEmail, id, policeParty);
        await SendPassAsync();
        var toPublish = Assert.Single(await DeliveredAsync(SamordnareKarlstad, title));
        Assert.Equal($"Medborgarlöftet är undertecknat: {title}", toPublish.Subject);
        Assert.Contains($"{MailTestApp.AppUrl}/karlstad/loften/{id}", toPublish.TextBody, StringComparison.Ordinal);
        // Each message once: another pass sends nothing again.
        await SendPassAsync();
        Assert.Single(await DeliveredAsync(DemoSeeder.PolisEmail, title));
        Assert.Single(await DeliveredAsync(SamordnareKarlstad, title));
        // A member of another kommun only (Örebro's samordnare) hears nothing of Karlstad's promise.
        Assert.Empty(await DeliveredAsync(TestApp.Email("samordnare", "orebro"), title));

        // The samordnare changes the content: the police officer is told that his signature no longer holds.
        var version = (await LofteAsync(SamordnareKarlstad, id)).Version;
        var reopened = await app.AsUserAsync(SamordnareKarlstad, "karlstad", ops =>
            ops.SaveAsync<MedborgarlofteWork>(Samordnare, null, (w, ct) => w.ReopenAsync(id, version, ct), "Sparat."));
        Assert.True(reopened.Succeeded, reopened.Message);
        await SendPassAsync();
        var voided = Assert.Single(await DeliveredAsync(DemoSeeder.PolisEmail, $"Underskrifterna gäller inte längre: {title}"));
        Assert.Contains($"{MailTestApp.AppUrl}/karlstad/loften/{id}", voided.TextBody, StringComparison.Ordinal);
        Assert.Empty(await DeliveredAsync(SamordnareKarlstad, "Underskrifterna gäller inte längre"));
    }

    [Fact]
    public async Task A_comment_on_the_annual_report_reaches_the_samordnare_and_the_answer_its_author_without_their_text()
    {
        const int year = 2023;
        var samordnare = TestApp.Email("samordnare", "kristianstad");
        var styrgrupp = TestApp.Email("styrgrupp", "kristianstad");
        var right = new KommunRoleRequirement(Role.Samordnare);
        await app.AsUserAsync(samordnare, "kristianstad", async ops =>
        {
            Assert.True((await ops.SendAsync<Features.AnnualReports.AnnualReportListWork, int>(right, null, (w, ct) => w.CreateAsync(year, ct), "Ok.")).Succeeded);
            Assert.True((await ops.SaveAsync<Features.AnnualReports.AnnualReportWork>(right, null,
                (w, ct) => w.WriteTextAsync(year, ReportSection.Sammanfattning, "Ett år med färre bränder.", "", ct), "Ok.")).Succeeded);
            var model = (await ops.ReadAsync<Features.AnnualReports.AnnualReportWork, Features.AnnualReports.AnnualReportPageModel?>((w, ct) => w.ReadAsync(year, ct)))!;
            var review = await ops.SaveAsync<Features.AnnualReports.AnnualReportWork>(right, null, (w, ct) => w.StartReviewAsync(year, model.Version, ct), "Ok.");
            Assert.True(review.Succeeded, review.Message);
            return true;
        });
        var comment = await app.AsUserAsync(styrgrupp, "kristianstad", ops => ops.SaveAsync<Features.AnnualReports.AnnualReportWork>(Medlem, null,
            (w, ct) => w.CommentAsync(year, ReportSection.Atgarder, "Redovisa kostnaderna för kamerorna.", ct), "Ok."));
        Assert.True(comment.Succeeded, comment.Message);
        await SendPassAsync();
        var posted = Assert.Single(await DeliveredAsync(samordnare, $"Ny kommentar på årsrapporten {year}"));
        Assert.Contains($"{MailTestApp.AppUrl}/kristianstad/arsrapporter/{year}", posted.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("kamerorna", posted.TextBody + posted.HtmlBody, StringComparison.Ordinal);
        Assert.Empty(await DeliveredAsync(styrgrupp, $"Ny kommentar på årsrapporten {year}"));

        var commentId = await app.WithDbAsync("kristianstad", db => db.ReportComments.Where(c => c.Text == "Redovisa kostnaderna för kamerorna.").Select(c => c.Id).SingleAsync());
        var answered = await app.AsUserAsync(samordnare, "kristianstad", ops => ops.SaveAsync<Features.AnnualReports.AnnualReportWork>(right, null,
            (w, ct) => w.AnswerAsync(year, commentId, "Kostnaderna står nu i avsnittet om åtgärder.", "", ct), "Ok."));
        Assert.True(answered.Succeeded, answered.Message);
        await SendPassAsync();
        var answer = Assert.Single(await DeliveredAsync(styrgrupp, $"Svar på din kommentar om årsrapporten {year}"));
        Assert.DoesNotContain("Kostnaderna står", answer.TextBody + answer.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Weekly_holds_the_message_for_one_digest_per_week_and_never_writes_nothing()
    {
        var polis = DemoSeeder.PolisEmail;
        await SetChoiceAsync(polis, MailKind.ReadyToSign, MailDelivery.Weekly);
        try
        {
            const string weekly = "Veckolöfte E-post";
            var (id, _, _) = await DraftAsync(weekly);
            await SendForSigningAsync(id);
            await SendPassAsync();
            Assert.Empty(await DeliveredAsync(polis, weekly));
            var held = await app.WithDbAsync(null, db => db.Outbox.SingleAsync(m => m.Subject.Contains(weekly)));
            Assert.True(held.ForDigest);

            // A week goes by: Monday morning's pass writes the digest with the title and link; the next pass no second one.
            await app.WithDbAsync(null, db => db.Outbox.Where(m => m.Id == held.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.CreatedAt, held.CreatedAt.AddDays(-8))));
            await SendPassAsync();
            await SendPassAsync();
            var digests = (await app.Mail.ToAsync(polis)).Where(m => (m.Subject ?? "").StartsWith("Veckans sammanfattning", StringComparison.Ordinal)).ToList();
            var digest = Assert.Single(digests, d => (d.TextBody ?? "").Contains(weekly, StringComparison.Ordinal));
            Assert.Contains($"{MailTestApp.AppUrl}/karlstad/loften/{id}/underteckna/", digest.TextBody, StringComparison.Ordinal);
            Assert.Contains($"{MailTestApp.AppUrl}/konto/e-post", digest.HtmlBody, StringComparison.Ordinal);
            // The digest has its own stop link, without signing in: the page asks about "veckans sammanfattning", and the
            // mail program's one-click stop sets every kind chosen for the digest to never (the others stay).
            var stop = System.Text.RegularExpressions.Regex.Match(digest.TextBody!, @"Sluta få sammanfattningen: (\S+)").Groups[1].Value;
            Assert.StartsWith($"{MailTestApp.AppUrl}/e-post/sluta?t=", stop, StringComparison.Ordinal);
            // Something new is held for next week's digest when the link is followed.
            const string waiting = "Nästa veckas löfte E-post";
            var (next, _, _) = await DraftAsync(waiting);
            await SendForSigningAsync(next);
            Assert.True(await app.WithDbAsync(null, db => db.Outbox.AnyAsync(m => m.Subject.Contains(waiting) && m.ForDigest && m.SentAt == null)));
            using var anonymous = app.NewClient();
            var asked = await anonymous.PageAsync(stop[MailTestApp.AppUrl.Length..]);
            Assert.Contains("Du får i dag veckans sammanfattning.", asked.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
            var oneClick = digest.Headers["List-Unsubscribe"]!.Trim('<', '>');
            using (var stopped = await anonymous.Http.PostAsync(oneClick[MailTestApp.AppUrl.Length..], new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")])))
            {
                Assert.Equal(HttpStatusCode.OK, stopped.StatusCode);
            }
            // Stopped means stopped: what waited for the next digest is not sent either.
            Assert.False(await app.WithDbAsync(null, db => db.Outbox.AnyAsync(m => m.Subject.Contains(waiting) && m.SentAt == null)));
            const string never = "Aldrig-löfte E-post";
            var (other, _, _) = await DraftAsync(never);
            await SendForSigningAsync(other);
            Assert.False(await app.WithDbAsync(null, db => db.Outbox.AnyAsync(m => m.Subject.Contains(never))));
            var choices = await app.AsUserAsync(polis, null, ops => ops.ReadAsync<MailPreferencesWork, IReadOnlyList<MailChoice>>((w, ct) => w.ReadAsync(ct)));
            Assert.Equal(MailDelivery.Never, choices.Single(c => c.Kind == MailKind.ReadyToSign).Delivery);
            Assert.Equal(MailDelivery.AtOnce, choices.Single(c => c.Kind == MailKind.MeetingInvitation).Delivery);
        }
        finally
        {
            await SetChoiceAsync(polis, MailKind.ReadyToSign, MailDelivery.AtOnce);
        }
    }

    [Fact]
    public async Task The_stop_link_works_without_signing_in_stops_only_its_kind_and_refuses_an_altered_token()
    {
        var samordnare = TestApp.Email("samordnare", "orebro");
        var user = await app.WithDbAsync(null, db => db.Users.Where(u => u.Email == samordnare).Select(u => u.Id).SingleAsync());
        var tokens = app.Services.GetRequiredService<UnsubscribeTokens>();
        var token = tokens.Create(user, MailKind.Comments);
        using var anonymous = app.NewClient();

        var page = await anonymous.PageAsync($"/e-post/sluta?t={Uri.EscapeDataString(token)}");
        Assert.Equal("Sluta få e-post?", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("kommentarer och svar på årsrapporten", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var form = page.QuerySelector("form[method=post]")!;
        using var confirmed = await anonymous.Http.PostAsync(form.GetAttribute("action")!, new FormUrlEncodedContent([new("fran", "sida")]));
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var done = await anonymous.PageAsync(confirmed.Headers.Location!.OriginalString);
        Assert.Equal("Klart", done.QuerySelector("h1")!.TextContent);

        // A mail program's one-click unsubscribe (RFC 8058) for another kind.
        using var oneClick = await anonymous.Http.PostAsync($"{UnsubscribeEndpoints.Path}?t={Uri.EscapeDataString(tokens.Create(user, MailKind.Justering))}",
            new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);

        var stored = await app.WithDbAsync(null, db => db.MailPreferences.Where(p => p.UserId == user).ToDictionaryAsync(p => p.Kind, p => p.Delivery));
        Assert.Equal(MailDelivery.Never, stored[MailKind.Comments]);
        Assert.Equal(MailDelivery.Never, stored[MailKind.Justering]);
        Assert.False(stored.ContainsKey(MailKind.ReadyToPublish));

        // One character changed, or no token: refused, with a Swedish message and nothing stored.
        var altered = token[..^2] + (token[^2] == 'A' ? 'B' : 'A') + token[^1];
        using var refused = await anonymous.Http.PostAsync($"{UnsubscribeEndpoints.Path}?t={Uri.EscapeDataString(altered)}", new FormUrlEncodedContent([new("fran", "sida")]));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Länken är inte giltig", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("Länken fungerar inte", (await anonymous.PageAsync("/e-post/sluta?t=nonsens")).QuerySelector("h1")!.TextContent);
        Assert.Equal("Länken fungerar inte", (await anonymous.PageAsync("/e-post/sluta")).QuerySelector("h1")!.TextContent);
        await app.WithDbAsync(null, db => db.MailPreferences.Where(p => p.UserId == user).ExecuteDeleteAsync());
    }

    [Fact]
    public async Task With_the_mail_server_down_messages_wait_and_once_it_is_up_two_instances_deliver_each_exactly_once()
    {
        var user = await app.WithDbAsync(null, db => db.Users.Where(u => u.Email == TestApp.Email("lasare", "orebro")).Select(u => u.Id).SingleAsync());
        var addresses = Enumerable.Range(1, 12).Select(i => $"utkorg{i}@test.sakrastader.se").ToList();
        await app.WithDbAsync(null, async db =>
        {
            foreach (var a in addresses)
            {
                db.Outbox.Add(new OutboxMessage(user, a, MailKind.Comments, null, $"Utkorgstest {a}", "Rubrik", "Text.", $"{MailTestApp.AppUrl}/", "Öppna", null, false, TestClock.Now));
            }
            return await db.SaveChangesAsync();
        });

        // The server is down (nothing listens on the port): nothing is lost, each message waits with a back-off.
        await using var down = app.SecondInstance(MailTestApp.MailSettings(MailServer.FreePort()));
        Assert.Equal(0, await SendPassAsync(down));
        var waiting = await app.WithDbAsync(null, db => db.Outbox.AsNoTracking().Where(m => addresses.Contains(m.To)).ToListAsync());
        Assert.All(waiting, m => Assert.True(m.SentAt is null && m.Attempts == 1 && m.NextAttemptAt > TestClock.Now && m.LastError is not null, m.To));
        // Up again, but the back-off has not passed: still waiting.
        Assert.Equal(0, await SendPassAsync());
        Assert.DoesNotContain(await app.Mail.MessagesAsync(), m => (m.Subject ?? "").StartsWith("Utkorgstest", StringComparison.Ordinal));

        // The back-off passes; two instances go through the outbox at the same moment.
        await app.WithDbAsync(null, db => db.Outbox.Where(m => addresses.Contains(m.To)).ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, TestClock.Now.AddSeconds(-1))));
        await using var second = app.SecondInstance(MailTestApp.MailSettings(app.Mail.SmtpPort));
        var sent = await Task.WhenAll(SendPassAsync(), SendPassAsync(second));
        var delivered = (await app.Mail.MessagesAsync()).Where(m => (m.Subject ?? "").StartsWith("Utkorgstest", StringComparison.Ordinal)).ToList();
        Assert.Equal(addresses.Count, delivered.Count);
        Assert.Equal(addresses.Order(), delivered.Select(m => m.To.Mailboxes.Single().Address).Order());
        Assert.True(sent.Sum() >= addresses.Count, string.Join(", ", sent));
        Assert.All(await app.WithDbAsync(null, db => db.Outbox.AsNoTracking().Where(m => addresses.Contains(m.To)).ToListAsync()),
            m => Assert.True(m.SentAt is not null && m.Attempts == 2 && m.ClaimedUntil is null, m.To));
    }

    [Fact]
    public async Task A_planned_meeting_invites_the_groups_members_with_an_ics_and_its_cancellation_follows()
    {
        var samordnare = TestApp.Email("samordnare", "orebro");
        var (group, name, members) = await app.WithDbAsync("orebro", async db =>
        {
            var g = await db.Groups.Where(x => x.Kind == GroupKind.Styrgrupp).Select(x => new { x.Id, x.Name }).FirstAsync();
            var emails = await db.GroupMembers.Where(m => m.GroupId == g.Id && m.UserId != null).Join(db.Users, m => m.UserId, u => u.Id, (m, u) => u.Email!).ToListAsync();
            return (g.Id, g.Name, emails);
        });
        var others = members.Where(e => e != samordnare).ToList();
        Assert.NotEmpty(others);
        var day = TestClock.Today.AddDays(40);
        var input = new MeetingInput { Date = day.ToDateTime(TimeOnly.MinValue), Start = "13:00", End = "14:30", Location = "Stadshuset, E-postrummet" };
        var created = await app.AsUserAsync(samordnare, "orebro", ops =>
            ops.SendAsync<MeetingWork, Guid>(GroupRightRequirement.Edit, group, (w, ct) => w.CreateAsync(group, input, ct), "Sparat."));
        Assert.True(created.Succeeded, created.Message);
        await SendPassAsync();

        var when = $"{day:yyyy-MM-dd} 13:00–14:30";
        foreach (var member in others)
        {
            var invitation = Assert.Single(await DeliveredAsync(member, $"Inbjudan: {name} {when}"));
            var ics = Assert.Single(invitation.Attachments.OfType<MimePart>());
            Assert.Equal("text/calendar", ics.ContentType.MimeType);
            using var content = new MemoryStream();
            await ics.Content!.DecodeToAsync(content);
            var calendar = System.Text.Encoding.UTF8.GetString(content.ToArray());
            Assert.Contains($"UID:{created.Value:N}@sakrastader", calendar, StringComparison.Ordinal);
            Assert.Contains("LOCATION:Stadshuset\\, E-postrummet", calendar, StringComparison.Ordinal);
            Assert.Contains("STATUS:CONFIRMED", calendar, StringComparison.Ordinal);
        }
        Assert.Empty(await DeliveredAsync(samordnare, $"Inbjudan: {name} {when}"));

        var cancelled = await app.AsUserAsync(samordnare, "orebro", ops =>
            ops.SaveAsync<MeetingWork>(GroupRightRequirement.Edit, group, (w, ct) => w.CancelAsync(created.Value, group, ct), "Inställt."));
        Assert.True(cancelled.Succeeded, cancelled.Message);
        await SendPassAsync();
        var cancellation = Assert.Single(await DeliveredAsync(others[0], $"Inställt: {name} {when}"));
        using var cancelledIcs = new MemoryStream();
        await Assert.Single(cancellation.Attachments.OfType<MimePart>()).Content!.DecodeToAsync(cancelledIcs);
        Assert.Contains("STATUS:CANCELLED", System.Text.Encoding.UTF8.GetString(cancelledIcs.ToArray()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_chair_is_asked_once_to_justera_when_minutes_of_a_held_meeting_are_first_written()
    {
        var samordnare = TestApp.Email("samordnare", "boras");
        var (group, chair, second, meeting, item) = await app.WithDbAsync("boras", async db =>
        {
            var g = await db.Groups.FirstAsync(x => x.Kind == GroupKind.Styrgrupp);
            var chairEmail = await db.GroupMembers.Where(m => m.GroupId == g.Id && m.IsChair && m.UserId != null)
                .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => u.Email!).FirstAsync();
            // A second justerare: a member with an account who is neither the chair nor the samordnare writing.
            var justerare = await db.GroupMembers.Where(m => m.GroupId == g.Id && !m.IsChair && m.UserId != null)
                .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { Member = m, u.Email }).Where(x => x.Email != samordnare).FirstAsync();
            var start = SwedishTime.At(TestClock.Today.AddDays(-2), new TimeOnly(9, 0));
            var m = new Meeting(g.Id, start, start.AddHours(2), "Rådhuset, justeringstest", null);
            var i = m.AddAgendaItem("Uppföljning");
            m.ChooseJusterare(justerare.Member);
            db.Meetings.Add(m);
            await db.SaveChangesAsync();
            return (g.Id, chairEmail, justerare.Email!, m.Id, i.Id);
        });
        Assert.NotEqual(samordnare, chair);
        async Task WriteAsync(string text, string seen)
        {
            var saved = await app.AsUserAsync(samordnare, "boras", ops => ops.SaveAsync<MeetingWork>(GroupRightRequirement.Edit, group,
                (w, ct) => w.WriteItemAsync(meeting, group, item, MinutesField.Minutes, text, seen, ct), "Sparat."));
            Assert.True(saved.Succeeded, saved.Message);
        }
        await WriteAsync("Gruppen gick igenom läget.", "");
        await WriteAsync("Gruppen gick igenom läget och beslutade.", "Gruppen gick igenom läget.");
        await SendPassAsync();
        var mail = Assert.Single(await DeliveredAsync(chair, "Protokoll att justera"), m => (m.TextBody ?? "").Contains($"/boras/moten/{meeting}", StringComparison.Ordinal));
        Assert.DoesNotContain("Gruppen gick igenom", mail.TextBody + mail.HtmlBody, StringComparison.Ordinal);
        // The second justerare is asked once too.
        Assert.Single(await DeliveredAsync(second, "Protokoll att justera"), m => (m.TextBody ?? "").Contains($"/boras/moten/{meeting}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_signed_promises_QR_code_points_at_the_public_address_whatever_Host_the_request_named()
    {
        var hash = await app.WithDbAsync("karlstad", async db =>
        {
            var lofte = await db.Medborgarloften.SingleAsync(l => l.Title == "Tryggare Kronoparken");
            return await db.LofteVersions.Where(v => v.MedborgarlofteId == lofte.Id).OrderByDescending(v => v.Number).Select(v => v.Hash).FirstAsync();
        });
        var code = LofteContent.CodeOf(hash);
        using var anonymous = app.NewClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/verifiera/{code}/medborgarlofte.docx");
        request.Headers.Host = "annan-vard.example";
        using var response = await anonymous.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), isEditable: false);
        var qr = document.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Drawing.Wordprocessing.DocProperties>()
            .Select(d => d.Description?.Value ?? "").Single(d => d.StartsWith("QR-kod", StringComparison.Ordinal));
        Assert.Equal($"QR-kod till kontrollsidan {MailTestApp.AppUrl}/verifiera/{code}", qr);
    }
}
