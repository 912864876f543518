using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using SakraStader.Auditing;
using SakraStader.Components.Lists;
using SakraStader.Domain;
using SakraStader.Features.Commands;
using SakraStader.Features.Demo;
using SakraStader.Features.Medborgarloften;
using SakraStader.Tenancy;
using SakraStader.Data;
using SakraStader.Tests.Support;

namespace SakraStader.Tests.Integration;

/// <summary>
/// Medborgarlöften through the command path the interactive pages use (the list, the promise's page, the signing page,
/// the dialogues): co-signing with the password, reopening a signed promise (which voids its signatures), sending,
/// publishing, the period's plausibility, versions and texts the user saw; over HTTP the public and verification pages.
/// </summary>
[Trait("Category", "Integration")]
public sealed class MedborgarlofteTests(TestApp app) : IClassFixture<TestApp>
{
    /// <summary>The demo's promise in Karlstad, signed by the kommun and waiting for the police.</summary>
    private Task<(Guid Id, Guid PoliceParty)> KarlstadAwaitingAsync() => app.WithDbAsync("karlstad", async db =>
    {
        var lofte = await db.Medborgarloften.Include(m => m.Parties).SingleAsync(m => m.Title == "Tryggare Kronoparken");
        return (lofte.Id, lofte.Parties.Single(p => p.Kind == PartyKind.Polisen).Id);
    });

    /// <summary>A promise of the test's own in Karlstad, sent for signing and signed by the kommun.</summary>
    private Task<(Guid Id, Guid PoliceParty)> NewAwaitingAsync(string title) => app.WithDbAsync("karlstad", async db =>
    {
        var samordnare = await db.Users.SingleAsync(u => u.Email == TestApp.Email("samordnare", "karlstad"));
        var polis = await db.Users.SingleAsync(u => u.Email == DemoSeeder.PolisEmail);
        var lofte = new Medborgarlofte(title, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31));
        var kommun = lofte.AddParty(PartyKind.Kommunen, "Karlstads kommun", samordnare.Id, samordnare.DisplayName, "Säkerhetschef");
        var police = lofte.AddParty(PartyKind.Polisen, "Polisen, LPO Karlstad", polis.Id, polis.DisplayName, "Kommunpolis");
        lofte.AddCommitment("Polisen syns vid Kronoparkens centrum fredagskvällar.", police.Id, "Antal kvällar per kvartal.");
        var version = lofte.SendForSigning(Features.Medborgarloften.MedborgarlofteHandler.ContentOf("Karlstad", lofte, []), TestClock.Now);
        lofte.Sign(kommun.Id, samordnare.Id, samordnare.DisplayName, "Säkerhetschef", "Samordnare", version.Hash, "Lösenord", TestClock.Now);
        db.Medborgarloften.Add(lofte);
        await db.SaveChangesAsync();
        return (lofte.Id, police.Id);
    });

    private static readonly KommunRoleRequirement Medlem = new(Role.Medlem);
    private static readonly KommunRoleRequirement Samordnare = new(Role.Samordnare);

    private static readonly string SamordnareKarlstad = TestApp.Email("samordnare", "karlstad");

    private Task<LoftePageModel?> ReadAsync(string email, string slug, Guid id) =>
        app.AsUserAsync(email, slug, ops => ops.ReadAsync<MedborgarlofteWork, LoftePageModel?>((w, ct) => w.ReadAsync(id, ct)));

    private Task<CommandResult> SendAsSamordnareAsync(string slug, Func<MedborgarlofteWork, CancellationToken, Task> command, string? email = null) =>
        app.AsUserAsync(email ?? TestApp.Email("samordnare", slug), slug, ops => ops.SendAsync(Samordnare, null, command, "Sparat."));

    /// <summary>A draft of the test's own in Karlstad, with both parties' signatories and one commitment.</summary>
    private Task<Guid> NewDraftAsync(string title) => app.WithDbAsync("karlstad", async db =>
    {
        var samordnare = await db.Users.SingleAsync(u => u.Email == SamordnareKarlstad);
        var polis = await db.Users.SingleAsync(u => u.Email == DemoSeeder.PolisEmail);
        var lofte = new Medborgarlofte(title, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31));
        lofte.AddParty(PartyKind.Kommunen, "Karlstads kommun", samordnare.Id, samordnare.DisplayName, "Säkerhetschef");
        var police = lofte.AddParty(PartyKind.Polisen, "Polisen, LPO Karlstad", polis.Id, polis.DisplayName, "Kommunpolis");
        lofte.AddCommitment("Polisen syns vid torget.", police.Id, "Antal kvällar.");
        db.Medborgarloften.Add(lofte);
        await db.SaveChangesAsync();
        return lofte.Id;
    });

    /// <summary>What waits for the user's signature, from their "Att göra".</summary>
    private async Task<List<Features.Inbox.InboxItem>> ToSignAsync(string email, string slug) =>
        [.. (await app.AsUserAsync(email, slug, ops => ops.ReadAsync<Features.Inbox.InboxWork, IReadOnlyList<Features.Inbox.InboxItem>>((w, ct) => w.ForUserAsync(ct))))
            .Where(i => i.Kind == Features.Inbox.InboxKind.Sign)];

    private static Task<CommandResult<bool>> SignAsync(Operations ops, Guid id, Guid party, string hash, string password) =>
        ops.SendAsync<MedborgarlofteWork, bool>(Medlem, null, (w, ct) => w.SignAsync(id, party, hash, password, ct), "Du har skrivit under.");

    [Fact]
    public async Task The_police_officer_sees_the_promise_to_sign_confirms_with_the_password_and_it_becomes_gallande_and_public()
    {
        var (id, party) = await NewAwaitingAsync("Testlöfte för underskrift");
        var polis = DemoSeeder.PolisEmail;

        // "Att göra" lists it, with the way to its signing page.
        var item = Assert.Single(await ToSignAsync(polis, "karlstad"), t => t.Href.Contains(id.ToString(), StringComparison.Ordinal));
        Assert.Equal(("karlstad", $"/karlstad/loften/{id}/underteckna/{party}"), (item.KommunSlug, item.Href));

        // The signing page shows the exact version, its text and its hash.
        var model = (await app.AsUserAsync(polis, "karlstad", ops => ops.ReadAsync<MedborgarlofteWork, SigningModel?>((w, ct) => w.ReadSigningAsync(id, party, ct))))!;
        Assert.True(model.CanSign);
        Assert.Equal((1, "Polisen, LPO Karlstad"), (model.VersionNumber, model.Organisation));
        Assert.Contains(model.Content!.Commitments, c => c.What.Contains("Polisen syns vid Kronoparkens centrum", StringComparison.Ordinal));
        var hash = await app.WithDbAsync("karlstad", db => db.LofteVersions.Where(v => v.MedborgarlofteId == id).Select(v => v.Hash).SingleAsync());
        Assert.Equal(hash, model.Hash);
        // The confirmation says in words what is signed, for whom, and what becomes public.
        Assert.Equal("Du skriver under version 1 av ”Testlöfte för underskrift” för Polisen, LPO Karlstad. Din underskrift, tid och metod (lösenord) blir synliga på den publika sidan när löftet publiceras.",
            SignForm.Confirmation(model));

        // A wrong password is refused at the password field, and nothing is signed.
        var wrong = await app.AsUserAsync(polis, "karlstad", ops => SignAsync(ops, id, party, model.Hash!, "fel-lösenord"));
        Assert.False(wrong.Succeeded);
        Assert.Equal("Password", wrong.Field);
        Assert.Contains("Lösenordet stämmer inte", wrong.Message, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync("karlstad", db => db.LofteSignatures.CountAsync(s => s.PartyId == party)));

        var signed = await app.AsUserAsync(polis, "karlstad", ops => SignAsync(ops, id, party, model.Hash!, DemoSeeder.Password));
        Assert.True(signed.Succeeded, signed.Message);
        Assert.True(signed.Value); // every party has signed
        var signature = await app.WithDbAsync("karlstad", db => db.LofteSignatures.SingleAsync(s => s.PartyId == party));
        Assert.Equal((hash, "Mikael Strand", "Kommunpolis", "Lösenord"), (signature.Hash, signature.Name, signature.Title, signature.Method));
        Assert.Equal(LofteStatus.Gallande, await app.WithDbAsync("karlstad", db => db.Medborgarloften.Where(m => m.Id == id).Select(m => m.Status).SingleAsync()));
        Assert.True(await app.WithDbAsync("karlstad", db => db.AuditEntries.AnyAsync(a => a.EntityId == signature.Id.ToString())));
        Assert.DoesNotContain(await ToSignAsync(polis, "karlstad"), t => t.Href.Contains(id.ToString(), StringComparison.Ordinal));

        // Signing twice is refused: the page offers no form, and the command saves nothing.
        var again = (await app.AsUserAsync(polis, "karlstad", ops => ops.ReadAsync<MedborgarlofteWork, SigningModel?>((w, ct) => w.ReadSigningAsync(id, party, ct))))!;
        Assert.False(again.CanSign);
        var twice = await app.AsUserAsync(polis, "karlstad", ops => SignAsync(ops, id, party, model.Hash!, DemoSeeder.Password));
        Assert.False(twice.Succeeded);
        Assert.Equal(1, await app.WithDbAsync("karlstad", db => db.LofteSignatures.CountAsync(s => s.PartyId == party)));

        // Not public until the samordnare publishes it.
        using var anonymous = app.NewClient();
        using var before = await anonymous.GetAsync($"/karlstad/medborgarloften/{id}");
        Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        // The samordnare's page offers publishing, and the dialog says the promise becomes public for citizens.
        var page = (await ReadAsync(SamordnareKarlstad, "karlstad", id))!;
        Assert.Equal((LofteStatus.Gallande, false, 2), (page.Status, page.IsPublished, page.SignedCount));
        Assert.StartsWith("”Testlöfte för underskrift” blir publikt för invånarna på kommunens sida för medborgarlöften.", LofteActions.PublishText(page), StringComparison.Ordinal);
        var published = await SendAsSamordnareAsync("karlstad", (w, ct) => w.PublishAsync(id, page.Version, ct));
        Assert.True(published.Succeeded, published.Message);
        Assert.True((await ReadAsync(SamordnareKarlstad, "karlstad", id))!.IsPublished);

        using var after = await anonymous.GetAsync($"/karlstad/medborgarloften/{id}");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal("public, max-age=300", after.Headers.CacheControl!.ToString());
        var publicPage = AppClient.Parse(await after.Content.ReadAsStringAsync());
        Assert.Contains("Mikael Strand", publicPage.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Null(publicPage.QuerySelector("form"));
    }

    [Fact]
    public async Task A_signature_on_a_text_changed_since_it_was_shown_is_refused_and_saves_nothing()
    {
        var (id, party) = await NewAwaitingAsync("Testlöfte med ändrad text");
        var result = await app.AsUserAsync(DemoSeeder.PolisEmail, "karlstad", ops => SignAsync(ops, id, party, new string('0', 64), DemoSeeder.Password));
        Assert.False(result.Succeeded);
        Assert.Equal("Texten har ändrats sedan du öppnade den. Läs den nya texten innan du skriver under.", result.Message);
        Assert.Equal(0, await app.WithDbAsync("karlstad", db => db.LofteSignatures.CountAsync(s => s.PartyId == party)));
        Assert.Equal(LofteStatus.ForUnderskrift, await app.WithDbAsync("karlstad", db => db.Medborgarloften.Where(m => m.Id == id).Select(m => m.Status).SingleAsync()));
    }

    [Fact]
    public async Task Only_the_partys_signatory_may_sign_and_another_kommun_neither_sees_nor_signs_the_promise()
    {
        var (id, party) = await NewAwaitingAsync("Testlöfte för behörighet");
        var hash = await app.WithDbAsync("karlstad", db => db.LofteVersions.Where(v => v.MedborgarlofteId == id).Select(v => v.Hash).SingleAsync());

        // The samordnare manages the promise, but Polisen's signatory is the police officer: no hash, no signature.
        var samordnare = TestApp.Email("samordnare", "karlstad");
        var seen = (await app.AsUserAsync(samordnare, "karlstad", ops => ops.ReadAsync<MedborgarlofteWork, SigningModel?>((w, ct) => w.ReadSigningAsync(id, party, ct))))!;
        Assert.False(seen.IsSignatory);
        Assert.Null(seen.Hash);
        var refused = await app.AsUserAsync(samordnare, "karlstad", ops => SignAsync(ops, id, party, hash, DemoSeeder.Password));
        Assert.True(refused.Forbidden);

        // A läsare is not even a member: the command path refuses before the handler runs.
        var lasare = await app.AsUserAsync(TestApp.Email("lasare", "karlstad"), "karlstad", ops => SignAsync(ops, id, party, hash, DemoSeeder.Password));
        Assert.True(lasare.Forbidden);

        // Another kommun's samordnare: the promise does not exist there, and nothing waits for them.
        var orebro = TestApp.Email("samordnare", "orebro");
        Assert.Null(await app.AsUserAsync(orebro, "orebro", ops => ops.ReadAsync<MedborgarlofteWork, SigningModel?>((w, ct) => w.ReadSigningAsync(id, party, ct))));
        var foreign = await app.AsUserAsync(orebro, "orebro", ops => SignAsync(ops, id, party, hash, DemoSeeder.Password));
        Assert.False(foreign.Succeeded);
        Assert.Empty(await ToSignAsync(orebro, "orebro"));
        Assert.Equal(0, await app.WithDbAsync("karlstad", db => db.LofteSignatures.CountAsync(s => s.PartyId == party)));
    }

    [Fact]
    public async Task Publishing_through_the_command_path_needs_every_signature_the_samordnare_and_the_version_they_saw()
    {
        var (id, party) = await NewAwaitingAsync("Testlöfte för publicering");
        var samordnare = TestApp.Email("samordnare", "karlstad");
        var samordnareRole = new KommunRoleRequirement(Role.Samordnare);
        var seen = await app.WithDbAsync("karlstad", db => db.Medborgarloften.Where(m => m.Id == id).Select(m => m.Version).SingleAsync());

        // Before the police have signed: refused, with who is missing.
        var early = await app.AsUserAsync(samordnare, "karlstad", ops =>
            ops.SendAsync<MedborgarlofteWork>(samordnareRole, null, (w, ct) => w.PublishAsync(id, seen, ct), "Publicerat."));
        Assert.False(early.Succeeded);
        Assert.Contains("Saknas: Polisen, LPO Karlstad", early.Message, StringComparison.Ordinal);

        var hash = await app.WithDbAsync("karlstad", db => db.LofteVersions.Where(v => v.MedborgarlofteId == id).Select(v => v.Hash).SingleAsync());
        Assert.True((await app.AsUserAsync(DemoSeeder.PolisEmail, "karlstad", ops => SignAsync(ops, id, party, hash, DemoSeeder.Password))).Succeeded);

        // A member may not publish; the samordnare may not publish what they have not seen (the signature changed it).
        var medlem = await app.AsUserAsync(TestApp.Email("medlem", "karlstad"), "karlstad", ops =>
            ops.SendAsync<MedborgarlofteWork>(samordnareRole, null, (w, ct) => w.PublishAsync(id, seen, ct), "Publicerat."));
        Assert.True(medlem.Forbidden);
        var stale = await app.AsUserAsync(samordnare, "karlstad", ops =>
            ops.SendAsync<MedborgarlofteWork>(samordnareRole, null, (w, ct) => w.PublishAsync(id, seen, ct), "Publicerat."));
        Assert.True(stale.Conflict);
        Assert.Null(await app.WithDbAsync("karlstad", db => db.Medborgarloften.Where(m => m.Id == id).Select(m => m.PublishedAt).SingleAsync()));

        var current = await app.WithDbAsync("karlstad", db => db.Medborgarloften.Where(m => m.Id == id).Select(m => m.Version).SingleAsync());
        using var anonymous = app.NewClient();
        var title = await app.WithDbAsync("karlstad", db => db.Medborgarloften.Where(m => m.Id == id).Select(m => m.Title).SingleAsync());
        // The public list is kept between visits (KommunCache): it is read (and kept) before, and must show the promise at once after.
        Assert.DoesNotContain((await anonymous.PageAsync("/karlstad/medborgarloften")).QuerySelectorAll(".card__title"), t => t.TextContent.Trim() == title);
        var published = await app.AsUserAsync(samordnare, "karlstad", ops =>
            ops.SendAsync<MedborgarlofteWork>(samordnareRole, null, (w, ct) => w.PublishAsync(id, current, ct), "Publicerat."));
        Assert.True(published.Succeeded, published.Message);
        using var page = await anonymous.GetAsync($"/karlstad/medborgarloften/{id}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains((await anonymous.PageAsync("/karlstad/medborgarloften")).QuerySelectorAll(".card__title"), t => t.TextContent.Trim() == title);

        // The samordnare can take it off the public page again (a member cannot); its check code still answers.
        var afterPublish = await app.WithDbAsync("karlstad", db => db.Medborgarloften.Where(m => m.Id == id).Select(m => m.Version).SingleAsync());
        Assert.True((await app.AsUserAsync(TestApp.Email("medlem", "karlstad"), "karlstad", ops =>
            ops.SendAsync<MedborgarlofteWork>(samordnareRole, null, (w, ct) => w.UnpublishAsync(id, afterPublish, ct), "Borttaget."))).Forbidden);
        var unpublished = await app.AsUserAsync(samordnare, "karlstad", ops =>
            ops.SendAsync<MedborgarlofteWork>(samordnareRole, null, (w, ct) => w.UnpublishAsync(id, afterPublish, ct), "Borttaget."));
        Assert.True(unpublished.Succeeded, unpublished.Message);
        using var gone = await anonymous.GetAsync($"/karlstad/medborgarloften/{id}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.DoesNotContain((await anonymous.PageAsync("/karlstad/medborgarloften")).QuerySelectorAll(".card__title"), t => t.TextContent.Trim() == title);
        var code = await app.WithDbAsync("karlstad", db => db.LofteVersions.Where(v => v.MedborgarlofteId == id).Select(v => v.VerificationCode).SingleAsync());
        using var check = await anonymous.GetAsync($"/verifiera/{code}");
        Assert.Equal(HttpStatusCode.OK, check.StatusCode);
        var afterUnpublish = await app.WithDbAsync("karlstad", db => db.Medborgarloften.Where(m => m.Id == id).Select(m => m.Version).SingleAsync());
        var again = await app.AsUserAsync(samordnare, "karlstad", ops =>
            ops.SendAsync<MedborgarlofteWork>(samordnareRole, null, (w, ct) => w.UnpublishAsync(id, afterUnpublish, ct), "Borttaget."));
        Assert.Equal("Löftet är inte publicerat.", again.Message);
    }

    [Fact]
    public async Task The_public_pages_show_only_published_promises_public_follow_ups_and_no_personal_or_internal_data()
    {
        using var anonymous = app.NewClient();
        var home = (await anonymous.PageAsync("/")).QuerySelectorAll("section[aria-labelledby=promises-heading] a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/orebro/medborgarloften", home);
        // (Borås's and Karlstad's depend on what other tests here do to them.)
        Assert.DoesNotContain("/haninge/medborgarloften", home);
        var list = await anonymous.PageAsync("/orebro/medborgarloften");
        Assert.Equal(["Tryggare Vivalla centrum"], list.QuerySelectorAll(".card__title").Select(t => t.TextContent.Trim()));

        var id = await app.WithDbAsync("orebro", db => db.Medborgarloften.Where(m => m.Title == "Tryggare Vivalla centrum").Select(m => m.Id).SingleAsync());
        var page = await anonymous.PageAsync($"/orebro/medborgarloften/{id}");
        var text = page.QuerySelector("main")!.TextContent;
        Assert.Contains("Ny LED-belysning", text, StringComparison.Ordinal);           // a public follow-up
        Assert.Contains("Åtgärd: Byt belysning i gångtunneln", text, StringComparison.Ordinal); // the åtgärd behind a commitment
        Assert.DoesNotContain("Saneringstiden", text, StringComparison.Ordinal);      // an internal one
        Assert.DoesNotContain("@", text, StringComparison.Ordinal);                   // no e-mail addresses
        Assert.Contains("Bygger på: Trygghetsvandring med boende", text, StringComparison.Ordinal); // the dialogue, as signed
        Assert.DoesNotContain("Mörkt och otäckt", text, StringComparison.Ordinal);                    // its notes stay inside

        // Karlstad's promise awaits the police: it is not on Karlstad's public list, nor at its address.
        var (karlstad, _) = await KarlstadAwaitingAsync();
        var karlstadList = await anonymous.PageAsync("/karlstad/medborgarloften");
        Assert.DoesNotContain(karlstadList.QuerySelectorAll(".card__title"), t => t.TextContent.Contains("Kronoparken", StringComparison.Ordinal));
        using var draft = await anonymous.GetAsync($"/karlstad/medborgarloften/{karlstad}");
        Assert.Equal(HttpStatusCode.NotFound, draft.StatusCode);
        // Another kommun's address does not show Örebro's promise.
        using var crossed = await anonymous.GetAsync($"/boras/medborgarloften/{id}");
        Assert.Equal(HttpStatusCode.NotFound, crossed.StatusCode);
        // The internal pages need a member.
        using var inside = await anonymous.GetAsync($"/orebro/loften/{id}");
        Assert.Equal(HttpStatusCode.Redirect, inside.StatusCode);
    }

    [Fact]
    public async Task A_change_after_signing_is_refused_until_the_samordnare_reopens_it_which_voids_the_signatures_and_unpublishes_it()
    {
        var (id, code) = await app.WithDbAsync("boras", async db =>
        {
            var l = await db.Medborgarloften.Include(m => m.Versions).SingleAsync(m => m.Title == "Trygghet i Hässleholmen–Hulta");
            return (l.Id, l.Versions.Single().VerificationCode);
        });
        using var anonymous = app.NewClient();
        var verified = await anonymous.PageAsync($"/verifiera/{code}");
        Assert.Equal("Texten stämmer.", verified.QuerySelector(".mud-alert strong")!.TextContent);
        Assert.Equal(3, verified.QuerySelectorAll("main ul li").Count(li => li.TextContent.Contains("(bekräftad med lösenord)", StringComparison.Ordinal)));

        var samordnare = TestApp.Email("samordnare", "boras");
        var before = (await ReadAsync(samordnare, "boras", id))!;
        Assert.True(before.IsPublished);
        var party = before.Parties.Single(p => p.Kind == PartyKind.Kommunen).Id;
        var measure = await app.WithDbAsync("boras", db => db.Atgarder.Where(a => a.Title == "Sanera klotter inom 24 timmar").Select(a => a.Id).SingleAsync());
        var input = new CommitmentInput { What = "Fler papperskorgar vid torget.", PartyId = party, HowShown = "Bilder.", AtgardId = measure };

        // A signed, published promise cannot be changed in passing: nothing is voided, it stays public.
        var refused = await SendAsSamordnareAsync("boras", (w, ct) => w.AddCommitmentAsync(id, before.Version, input, ct));
        Assert.True(refused.Conflict);
        Assert.Equal(MedborgarlofteWork.NotDraft, refused.Message);
        Assert.Equal(0, await app.WithDbAsync("boras", db => db.LofteSignatures.CountAsync(s => s.MedborgarlofteId == id && s.VoidedAt != null)));

        // The dialog before reopening names whose signatures are voided and says what citizens read meanwhile.
        var text = LofteActions.ReopenText(before);
        foreach (var p in before.Parties)
        {
            Assert.Contains($"{p.SignatoryName} ({p.Organisation})", text, StringComparison.Ordinal);
        }
        Assert.Contains("blir ogiltiga. De måste skriva under igen", text, StringComparison.Ordinal);
        Assert.Contains("Invånarna ser fortfarande version 1, som parterna skrev under", text, StringComparison.Ordinal);
        // A medlem may not reopen; a stale version is refused.
        var medlem = await app.AsUserAsync(TestApp.Email("medlem", "boras"), "boras", ops =>
            ops.SaveAsync<MedborgarlofteWork>(Samordnare, null, (w, ct) => w.ReopenAsync(id, before.Version, ct), "Sparat."));
        Assert.True(medlem.Forbidden);
        Assert.True((await SendAsSamordnareAsync("boras", (w, ct) => w.ReopenAsync(id, Guid.NewGuid(), ct))).Conflict);

        Assert.True((await SendAsSamordnareAsync("boras", (w, ct) => w.ReopenAsync(id, before.Version, ct))).Succeeded);
        var reopened = (await ReadAsync(samordnare, "boras", id))!;
        Assert.Equal((LofteStatus.Utkast, false, 3), (reopened.Status, reopened.IsPublished, reopened.Voided.Count));
        var added = await SendAsSamordnareAsync("boras", (w, ct) => w.AddCommitmentAsync(id, reopened.Version, input, ct));
        Assert.True(added.Succeeded, added.Message);

        var draft = (await ReadAsync(samordnare, "boras", id))!;
        Assert.Contains("Löfte tillagt: Fler papperskorgar vid torget. (Borås kommun; Bilder.; åtgärd: Sanera klotter inom 24 timmar)", draft.ChangesSinceSigned);
        Assert.Equal((measure, "Sanera klotter inom 24 timmar"), draft.Commitments.Where(c => c.AtgardId == measure).Select(c => (c.AtgardId!.Value, c.Atgard)).Single());
        Assert.Equal(3, await app.WithDbAsync("boras", db => db.LofteSignatures.CountAsync(s => s.MedborgarlofteId == id && s.VoidedAt != null)));

        // Citizens still read the signed version 1, told that a revised version is on its way; the new commitment is
        // not shown before it is signed and published.
        var stillPublic = await anonymous.PageAsync($"/boras/medborgarloften/{id}");
        Assert.Equal(before.Title, stillPublic.QuerySelector("h1")!.TextContent);
        Assert.Contains(PublicList.RevisionNote, stillPublic.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Fler papperskorgar vid torget", stillPublic.Body.TextContent, StringComparison.Ordinal);
        // With the signatures version 1 was signed with (void for the new text, valid for this one).
        Assert.All(before.Parties, p => Assert.Contains(p.SignatoryName, stillPublic.Body.TextContent, StringComparison.Ordinal));
        var listed = await anonymous.PageAsync("/boras/medborgarloften");
        Assert.Contains(listed.QuerySelectorAll(".card"), c => c.TextContent.Contains(before.Title, StringComparison.Ordinal)
            && c.TextContent.Contains(PublicList.RevisionNote, StringComparison.Ordinal));
        // Its check page says it is the published version while a change is prepared; its signatures count for it.
        var stale = await anonymous.PageAsync($"/verifiera/{code}");
        Assert.Equal("Den publicerade versionen.", stale.QuerySelector(".mud-alert strong")!.TextContent);
        Assert.Contains(VerifyPage.RevisingText, stale.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("ogiltig sedan", stale.Body.TextContent, StringComparison.Ordinal);

        // Sent again, it asks every party for a new signature on version 2; publishing before they sign is refused.
        Assert.Contains("Innehållet låses i version 2.", LofteActions.SendText(draft), StringComparison.Ordinal);
        Assert.True((await SendAsSamordnareAsync("boras", (w, ct) => w.SendForSigningAsync(id, draft.Version, ct))).Succeeded);
        var sent = (await ReadAsync(samordnare, "boras", id))!;
        Assert.Equal((LofteStatus.ForUnderskrift, 2), (sent.Status, sent.CurrentVersion!.Number));
        var publish = await SendAsSamordnareAsync("boras", (w, ct) => w.PublishAsync(id, sent.Version, ct));
        Assert.False(publish.Succeeded);
        Assert.Contains("först när alla parter har skrivit under. Saknas: Borås kommun", publish.Message, StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync("boras", db => db.Medborgarloften.Where(m => m.Id == id).Select(m => m.PublishedVersionNumber).SingleAsync()));
    }

    [Theory]
    [InlineData("samordnare", HttpStatusCode.Forbidden)]   // manages the promise, but Polisen's signatory is the police officer
    [InlineData("styrgrupp", HttpStatusCode.Forbidden)]
    [InlineData("medlem", HttpStatusCode.Forbidden)]
    [InlineData("lasare", HttpStatusCode.Redirect)]        // not even a member: to the access-denied page
    [InlineData("inrapportor", HttpStatusCode.Redirect)]
    [InlineData("polis", HttpStatusCode.OK)]
    public async Task Only_the_partys_signatory_opens_its_signing_page(string who, HttpStatusCode expected)
    {
        var (id, party) = await KarlstadAwaitingAsync();
        using var client = await app.SignedInClientAsync(who == "polis" ? DemoSeeder.PolisEmail : TestApp.Email(who, "karlstad"));
        using var response = await client.GetAsync($"/karlstad/loften/{id}/underteckna/{party}");
        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Only_the_signatory_reaches_the_signing_page_and_other_kommuner_see_nothing()
    {
        var (id, party) = await KarlstadAwaitingAsync();
        using var medlem = await app.SignedInClientAsync(TestApp.Email("medlem", "karlstad"));
        using var notSignatory = await medlem.GetAsync($"/karlstad/loften/{id}/underteckna/{party}");
        Assert.Equal(HttpStatusCode.Forbidden, notSignatory.StatusCode);
        Assert.Null((await medlem.PageAsync($"/karlstad/loften/{id}")).QuerySelector("form input[name=_handler][value=publish]"));

        // A member reads but changes nothing: the page has no actions for them, and the command path refuses.
        var seen = (await ReadAsync(TestApp.Email("medlem", "karlstad"), "karlstad", id))!;
        Assert.False(seen.CanEdit);
        Assert.Empty(seen.People);
        var edit = await app.AsUserAsync(TestApp.Email("medlem", "karlstad"), "karlstad", ops => ops.SaveAsync<MedborgarlofteWork>(Samordnare, null,
            (w, ct) => w.ReopenAsync(id, seen.Version, ct), "Sparat."));
        Assert.True(edit.Forbidden);
        Assert.Equal(("Tryggare Kronoparken", LofteStatus.ForUnderskrift), await app.WithDbAsync("karlstad", db =>
            db.Medborgarloften.Where(m => m.Id == id).Select(m => new ValueTuple<string, LofteStatus>(m.Title, m.Status)).SingleAsync()));

        using var other = await app.SignedInClientAsync(TestApp.Email("samordnare", "orebro"));
        using var foreign = await other.GetAsync($"/orebro/loften/{id}");
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        // Nor does the command path find it from Örebro: nothing is reopened.
        var crossed = await SendAsSamordnareAsync("orebro", (w, ct) => w.ReopenAsync(id, seen.Version, ct));
        Assert.Equal((false, "Löftet finns inte."), (crossed.Succeeded, crossed.Message));
        Assert.Null(await ReadAsync(TestApp.Email("samordnare", "orebro"), "orebro", id));
        Assert.Equal(LofteStatus.ForUnderskrift, await app.WithDbAsync("karlstad", db => db.Medborgarloften.Where(m => m.Id == id).Select(m => m.Status).SingleAsync()));
        Assert.Empty((await other.PageAsync("/att-gora")).QuerySelectorAll(".inbox-item[data-kind=Sign]"));
    }

    [Theory]
    [InlineData("0001-01-01", "9999-12-31", "ValidFrom", "Ange ett startdatum mellan år 2000 och 2100")]
    [InlineData("2026-01-01", "9999-12-31", "ValidTo", "Ange ett slutdatum mellan år 2000 och 2100")]
    [InlineData("2026-01-01", "2035-12-31", "ValidTo", "Ett medborgarlöfte kan gälla i högst 4 år")]
    [InlineData("2026-06-01", "2026-05-31", "ValidTo", "Perioden kan inte sluta innan den börjar.")]
    public async Task An_implausible_period_is_refused_at_its_field_in_swedish_and_saves_nothing(string from, string to, string field, string message)
    {
        var id = await NewDraftAsync($"Testlöfte för perioden {from} {to}");
        var page = (await ReadAsync(SamordnareKarlstad, "karlstad", id))!;
        var input = DescribeInput.From(page);
        (input.Title, input.ValidFrom, input.ValidTo) = ("Ny rubrik", DateTime.Parse(from, CultureInfo.InvariantCulture), DateTime.Parse(to, CultureInfo.InvariantCulture));

        var result = await SendAsSamordnareAsync("karlstad", (w, ct) => w.DescribeAsync(id, page.Version, input, ct));
        Assert.False(result.Succeeded);
        Assert.Equal(field, result.Field);
        Assert.StartsWith(message, result.Message, StringComparison.Ordinal);
        Assert.Equal(("Testlöfte för perioden " + from + " " + to, new DateOnly(2026, 12, 31)), await app.WithDbAsync("karlstad", db =>
            db.Medborgarloften.Where(m => m.Id == id).Select(m => new ValueTuple<string, DateOnly>(m.Title, m.ValidTo)).SingleAsync()));

        // The same rule when a new promise is created.
        var created = await app.AsUserAsync(SamordnareKarlstad, "karlstad", ops => ops.SendAsync<MedborgarlofteWork, Guid>(Samordnare, null,
            (w, ct) => w.CreateAsync(new NewLofteInput { Title = "Nytt " + from, ValidFrom = input.ValidFrom, ValidTo = input.ValidTo }, ct), "Skapat."));
        Assert.Equal((false, field), (created.Succeeded, created.Field));
        Assert.False(await app.WithDbAsync("karlstad", db => db.Medborgarloften.AnyAsync(m => m.Title == "Nytt " + from)));
    }

    [Fact]
    public async Task The_draft_is_written_from_the_version_and_text_the_user_saw_and_a_stale_save_is_refused()
    {
        var id = await NewDraftAsync("Testlöfte för versioner");
        var page = (await ReadAsync(SamordnareKarlstad, "karlstad", id))!;
        var input = DescribeInput.From(page);
        input.Title = "Tryggare torget i Karlstad";
        var area = await app.WithDbAsync("karlstad", db => db.Areas.Where(a => !a.Archived).Select(a => a.Id).FirstAsync());
        input.AreaIds = [area];
        Assert.True((await SendAsSamordnareAsync("karlstad", (w, ct) => w.DescribeAsync(id, page.Version, input, ct))).Succeeded);

        // The same form sent again from the version before: refused, nothing overwritten.
        input.Title = "Gammal rubrik";
        var stale = await SendAsSamordnareAsync("karlstad", (w, ct) => w.DescribeAsync(id, page.Version, input, ct));
        Assert.True(stale.Conflict);
        var now = (await ReadAsync(SamordnareKarlstad, "karlstad", id))!;
        Assert.Equal(("Tryggare torget i Karlstad", area), (now.Title, now.Areas.Single().Id));

        // The background saves itself over the text the user started from; someone else's text is not overwritten.
        Assert.True((await SendAsSamordnareAsync("karlstad", (w, ct) => w.WriteBackgroundAsync(id, "Invånarna känner sig otrygga vid torget.", "", ct))).Succeeded);
        var theirs = await SendAsSamordnareAsync("karlstad", (w, ct) => w.WriteBackgroundAsync(id, "Min egen text.", "", ct));
        Assert.True(theirs.Conflict);
        Assert.Equal("Invånarna känner sig otrygga vid torget.", theirs.Current);

        // A commitment's text is rewritten in place, from the text the user saw.
        var commitment = now.Commitments.Single();
        Assert.True((await SendAsSamordnareAsync("karlstad", (w, ct) => w.WriteCommitmentAsync(id, commitment.Id, CommitmentField.What, "Polisen syns vid torget varje fredag.", commitment.What, ct))).Succeeded);
        var old = await SendAsSamordnareAsync("karlstad", (w, ct) => w.WriteCommitmentAsync(id, commitment.Id, CommitmentField.What, "Något annat.", commitment.What, ct));
        Assert.True(old.Conflict);
        var empty = await SendAsSamordnareAsync("karlstad", (w, ct) => w.WriteCommitmentAsync(id, commitment.Id, CommitmentField.What, " ", "Polisen syns vid torget varje fredag.", ct));
        Assert.Equal(("Skriv vad som ska göras.", "What"), (empty.Message, empty.Field));
        Assert.Equal(("Tryggare torget i Karlstad", "Invånarna känner sig otrygga vid torget.", "Polisen syns vid torget varje fredag."), await app.WithDbAsync("karlstad", db =>
            db.Medborgarloften.Where(m => m.Id == id).Select(m => new ValueTuple<string, string, string>(m.Title, m.Background, m.Commitments.Single().What)).SingleAsync()));

        // A commitment without a party is refused at the party field.
        var latest = (await ReadAsync(SamordnareKarlstad, "karlstad", id))!;
        var noParty = await SendAsSamordnareAsync("karlstad", (w, ct) => w.AddCommitmentAsync(id, latest.Version, new CommitmentInput { What = "Mer ljus." }, ct));
        Assert.Equal(("PartyId", "Välj vilken part som ansvarar för löftet."), (noParty.Field, noParty.Message));
        // A signatory must be one of the kommun's members.
        var stranger = await SendAsSamordnareAsync("karlstad", (w, ct) => w.SavePartyAsync(id, latest.Version, new PartyInput { PartnerName = "Bostadsbolaget", SignatoryUserId = Guid.NewGuid() }, ct));
        Assert.Equal(nameof(PartyInput.SignatoryUserId), stranger.Field);
        Assert.Equal(2, await app.WithDbAsync("karlstad", db => db.LofteParties.CountAsync(p => p.MedborgarlofteId == id)));
    }

    /// <summary>
    /// A draft's commitment (tied to a measure), a partner and a linked area are removed through the command path and
    /// their rows deleted: the rows hang on composite keys (KommunId, MedborgarlofteId), which EF deletes as orphans.
    /// </summary>
    [Fact]
    public async Task Removing_a_commitment_a_partner_and_an_area_from_a_draft_deletes_their_rows()
    {
        var id = await NewDraftAsync("Testlöfte för borttagning");
        var (area, atgard, member) = await app.WithDbAsync("karlstad", async db => (
            await db.Areas.Where(a => !a.Archived).OrderBy(a => a.Id).Select(a => a.Id).FirstAsync(),
            await db.Atgarder.OrderBy(a => a.Id).Select(a => a.Id).FirstAsync(),
            await db.Memberships.Where(m => m.Role >= Role.Medlem).OrderBy(m => m.Id).Select(m => m.UserId).FirstAsync()));
        var page = (await ReadAsync(SamordnareKarlstad, "karlstad", id))!;
        var describe = DescribeInput.From(page);
        describe.AreaIds = [area];
        Assert.True((await SendAsSamordnareAsync("karlstad", (w, ct) => w.DescribeAsync(id, page.Version, describe, ct))).Succeeded);
        page = (await ReadAsync(SamordnareKarlstad, "karlstad", id))!;
        var commitment = new CommitmentInput { What = "Belysningen vid torget lagas.", PartyId = page.Parties.Single(p => p.Kind == PartyKind.Kommunen).Id, HowShown = "Besiktning.", AtgardId = atgard };
        Assert.True((await SendAsSamordnareAsync("karlstad", (w, ct) => w.AddCommitmentAsync(id, page.Version, commitment, ct))).Succeeded);
        page = (await ReadAsync(SamordnareKarlstad, "karlstad", id))!;
        var partner = new PartyInput { PartnerName = "Bostadsbolaget", SignatoryUserId = member };
        Assert.True((await SendAsSamordnareAsync("karlstad", (w, ct) => w.SavePartyAsync(id, page.Version, partner, ct))).Succeeded);
        page = (await ReadAsync(SamordnareKarlstad, "karlstad", id))!;
        Assert.Equal((3, 2), (page.Parties.Count, page.Commitments.Count));
        Assert.Equal([area], page.Areas.Select(a => a.Id));
        Assert.Equal(atgard, page.Commitments.Single(c => c.What == commitment.What).AtgardId);

        var added = page.Commitments.Single(c => c.What == commitment.What).Id;
        Assert.True((await SendAsSamordnareAsync("karlstad", (w, ct) => w.RemoveCommitmentAsync(id, page.Version, added, ct))).Succeeded);
        page = (await ReadAsync(SamordnareKarlstad, "karlstad", id))!;
        var partnerId = page.Parties.Single(p => p.Kind == PartyKind.Partner).Id;
        Assert.True((await SendAsSamordnareAsync("karlstad", (w, ct) => w.RemovePartyAsync(id, page.Version, partnerId, ct))).Succeeded);
        page = (await ReadAsync(SamordnareKarlstad, "karlstad", id))!;
        describe = DescribeInput.From(page);
        describe.AreaIds = [];
        Assert.True((await SendAsSamordnareAsync("karlstad", (w, ct) => w.DescribeAsync(id, page.Version, describe, ct))).Succeeded);

        Assert.Equal((2, 1, 0), await app.WithDbAsync("karlstad", async db => (
            await db.LofteParties.CountAsync(p => p.MedborgarlofteId == id),
            await db.Set<Commitment>().CountAsync(c => c.MedborgarlofteId == id),
            await db.Set<LofteLink>().CountAsync(l => l.MedborgarlofteId == id))));
        Assert.False(await app.WithDbAsync("karlstad", db => db.Set<Commitment>().AnyAsync(c => c.Id == added)));
        Assert.True(await app.WithDbAsync("karlstad", db => db.Atgarder.AnyAsync(a => a.Id == atgard)));
    }

    [Fact]
    public async Task The_list_searches_filters_and_sorts_in_the_database_and_a_samordnare_creates_a_draft_with_both_parties()
    {
        var created = await app.AsUserAsync(SamordnareKarlstad, "karlstad", ops => ops.SendAsync<MedborgarlofteWork, Guid>(Samordnare, null,
            (w, ct) => w.CreateAsync(new NewLofteInput { Title = "Listlöfte Älvgatan", ValidFrom = new DateTime(2026, 1, 1), ValidTo = new DateTime(2027, 12, 31) }, ct), "Skapat."));
        Assert.True(created.Succeeded, created.Message);
        var parties = await app.WithDbAsync("karlstad", db => db.LofteParties.Where(p => p.MedborgarlofteId == created.Value).OrderBy(p => p.Order).Select(p => p.Kind).ToListAsync());
        Assert.Equal([PartyKind.Kommunen, PartyKind.Polisen], parties);

        Task<PageOf<LofteRow>> List(string? search, string? sort, LofteFilter filter) => app.AsUserAsync(TestApp.Email("lasare", "karlstad"), "karlstad", ops =>
            ops.ReadAsync<MedborgarlofteWork, PageOf<LofteRow>>((w, ct) => w.ListAsync(ListView.From(search, sort, 1), filter, ct)));
        Assert.Equal(["Listlöfte Älvgatan"], (await List("ÄLVGATAN", null, LofteFilter.Alla)).Items.Select(r => r.Title));
        Assert.Empty((await List("älvgatan", null, LofteFilter.ForUnderskrift)).Items);
        Assert.Equal(["Listlöfte Älvgatan"], (await List("älvgatan", null, LofteFilter.Utkast)).Items.Select(r => r.Title));
        var byTitle = (await List(null, "rubrik", LofteFilter.Alla)).Items.Select(r => r.Title).ToList();
        Assert.Equal(byTitle.Order(global::SakraStader.Components.Ui.Sv.Comparer), byTitle);
        var byPeriod = (await List(null, null, LofteFilter.Alla)).Items.Select(r => r.ValidTo).ToList();
        Assert.Equal(byPeriod.OrderDescending(), byPeriod);

        // A läsare may not create one; another kommun does not list it.
        var lasare = await app.AsUserAsync(TestApp.Email("lasare", "karlstad"), "karlstad", ops => ops.SendAsync<MedborgarlofteWork, Guid>(Samordnare, null,
            (w, ct) => w.CreateAsync(new NewLofteInput { Title = "Läsarens löfte", ValidFrom = new DateTime(2026, 1, 1), ValidTo = new DateTime(2026, 12, 31) }, ct), "Skapat."));
        Assert.True(lasare.Forbidden);
        Assert.Empty((await app.AsUserAsync(TestApp.Email("samordnare", "orebro"), "orebro", ops =>
            ops.ReadAsync<MedborgarlofteWork, PageOf<LofteRow>>((w, ct) => w.ListAsync(ListView.From("Älvgatan", null, 1), LofteFilter.Alla, ct)))).Items);
    }

    [Fact]
    public async Task A_member_follows_up_a_gallande_promise_and_registers_a_dialogue_and_a_lasare_may_do_neither()
    {
        var id = await app.WithDbAsync("orebro", db => db.Medborgarloften.Where(m => m.Title == "Tryggare Vivalla centrum").Select(m => m.Id).SingleAsync());
        var medlem = TestApp.Email("medlem", "orebro");
        var page = (await ReadAsync(medlem, "orebro", id))!;
        Assert.True(page.CanFollowUp);
        var input = new FollowUpInput { CommitmentId = page.Commitments[0].Id, Date = new DateTime(2026, 11, 30), Text = "Uppföljningstest: tre kvällar i november.", IsPublic = false };
        var done = await app.AsUserAsync(medlem, "orebro", ops => ops.SaveAsync<MedborgarlofteWork>(Medlem, null, (w, ct) => w.FollowUpAsync(id, input, ct), "Sparat."));
        Assert.True(done.Succeeded, done.Message);
        Assert.True(await app.WithDbAsync("orebro", db => db.Set<CommitmentFollowUp>().AnyAsync(f => f.Text == "Uppföljningstest: tre kvällar i november." && !f.IsPublic)));
        var lasare = await app.AsUserAsync(TestApp.Email("lasare", "orebro"), "orebro", ops => ops.SaveAsync<MedborgarlofteWork>(Medlem, null, (w, ct) => w.FollowUpAsync(id, input, ct), "Sparat."));
        Assert.True(lasare.Forbidden);
        input.Date = new DateTime(1, 1, 1);
        var ancient = await app.AsUserAsync(medlem, "orebro", ops => ops.SaveAsync<MedborgarlofteWork>(Medlem, null, (w, ct) => w.FollowUpAsync(id, input, ct), "Sparat."));
        Assert.Equal(nameof(FollowUpInput.Date), ancient.Field);

        var dialogue = new DialogueInput { Date = new DateTime(2026, 11, 3), Participants = 23, Method = "Trygghetsvandring", Place = "Dialogtestgatan", Themes = "Mörk gångtunnel; 12\nKlotter" };
        var saved = await app.AsUserAsync(medlem, "orebro", ops => ops.SendAsync<CitizenDialogueWork, Guid>(Medlem, null, (w, ct) => w.AddAsync(dialogue, ct), "Sparat."));
        Assert.True(saved.Succeeded, saved.Message);
        var listed = await app.AsUserAsync(TestApp.Email("lasare", "orebro"), "orebro", ops => ops.ReadAsync<CitizenDialogueWork, List<DialogueView>>((w, ct) => w.ListAsync(ct)));
        Assert.Equal([("Mörk gångtunnel", 12), ("Klotter", 1)], listed.Single(d => d.Place == "Dialogtestgatan").Themes.Select(t => (t.Text, t.Mentions)));
        dialogue.Place = "Läsargatan";
        Assert.True((await app.AsUserAsync(TestApp.Email("lasare", "orebro"), "orebro", ops => ops.SendAsync<CitizenDialogueWork, Guid>(Medlem, null, (w, ct) => w.AddAsync(dialogue, ct), "Sparat."))).Forbidden);
        dialogue.Themes = "Mörk gångtunnel; många";
        var bad = await app.AsUserAsync(medlem, "orebro", ops => ops.SendAsync<CitizenDialogueWork, Guid>(Medlem, null, (w, ct) => w.AddAsync(dialogue, ct), "Sparat."));
        Assert.Equal(("Themes", "Rad 1: skriv antalet som en siffra efter semikolonet, till exempel ”Mörk gångtunnel; 34”."), (bad.Field, bad.Message));
        Assert.False(await app.WithDbAsync("orebro", db => db.CitizenDialogues.AnyAsync(d => d.Place == "Läsargatan")));
        Assert.Empty(await app.AsUserAsync(TestApp.Email("samordnare", "boras"), "boras", ops =>
            ops.ReadAsync<CitizenDialogueWork, List<DialogueView>>(async (w, ct) => (await w.ListAsync(ct)).Where(d => d.Place == "Dialogtestgatan").ToList())));
    }

    [Fact]
    public async Task The_final_report_is_saved_over_the_text_seen_and_audited_and_a_stale_text_or_a_personnummer_is_refused()
    {
        var id = await NewDraftAsync("Testlöfte för slutrapport");
        Task<CommandResult> Write(string text, string seen) => SendAsSamordnareAsync("karlstad", (w, ct) => w.WriteFinalReportAsync(id, text, seen, ct));
        Task<string> Stored() => app.WithDbAsync("karlstad", db => db.Medborgarloften.Where(m => m.Id == id).Select(m => m.FinalReport).SingleAsync());
        Task<List<string>> Audit() => app.WithDbAsync("karlstad", db => db.AuditEntries.Where(a => a.EntityId == id.ToString() && a.Action == AuditAction.Updated)
            .Select(a => a.Changes).ToListAsync());

        Assert.True((await Write(" Vi höll fem av sex löften. ", "")).Succeeded);
        Assert.Equal("Vi höll fem av sex löften.", await Stored());
        Assert.Equal(new AuditChange("", "Vi höll fem av sex löften."), AuditJson.Parse(Assert.Single(await Audit()))["FinalReport"]);

        // Written from an empty field while the stored report is someone else's: refused with theirs.
        var stale = await Write("Min egen rapport.", "");
        Assert.Equal((true, nameof(Medborgarlofte.FinalReport), "Vi höll fem av sex löften."), (stale.Conflict, stale.Field, stale.Current));
        var personnummer = await Write("Tack till 811218-9876.", "Vi höll fem av sex löften.");
        Assert.Equal((false, PersonalData.Message, nameof(Medborgarlofte.FinalReport)), (personnummer.Succeeded, personnummer.Message, personnummer.Field));
        Assert.Equal("Vi höll fem av sex löften.", await Stored());
        Assert.Single(await Audit());
    }
}
