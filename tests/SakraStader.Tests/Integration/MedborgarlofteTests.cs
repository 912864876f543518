using System.Net;
using Microsoft.EntityFrameworkCore;
using SakraStader.Domain;
using SakraStader.Features.Commands;
using SakraStader.Features.Demo;
using SakraStader.Features.Medborgarloften;
using SakraStader.Tenancy;
using SakraStader.Data;
using SakraStader.Tests.Support;

namespace SakraStader.Tests.Integration;

/// <summary>
/// Medborgarlöften: co-signing with the password through the command path (the signing pages are interactive), and over
/// HTTP voiding, publishing (the promise's own page is still static), the public and verification pages.
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

    private static Task<CommandResult<bool>> SignAsync(Operations ops, Guid id, Guid party, string hash, string password) =>
        ops.SendAsync<MedborgarlofteWork, bool>(Medlem, null, (w, ct) => w.SignAsync(id, party, hash, password, ct), "Du har skrivit under.");

    [Fact]
    public async Task The_police_officer_sees_the_promise_to_sign_confirms_with_the_password_and_it_becomes_gallande_and_public()
    {
        var (id, party) = await NewAwaitingAsync("Testlöfte för underskrift");
        var polis = DemoSeeder.PolisEmail;

        // "Att underteckna" lists it, with the way to its signing page.
        var toSign = await app.AsUserAsync(polis, "karlstad", ops => ops.ReadAsync<MedborgarlofteWork, List<ToSign>>((w, ct) => w.ToSignAsync(ct)));
        var item = Assert.Single(toSign, t => t.LofteId == id);
        Assert.Equal(("karlstad", party), (item.KommunSlug, item.PartyId));

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
        Assert.DoesNotContain(await app.AsUserAsync(polis, "karlstad", ops => ops.ReadAsync<MedborgarlofteWork, List<ToSign>>((w, ct) => w.ToSignAsync(ct))),
            t => t.LofteId == id);

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
        using var samordnare = await app.SignedInClientAsync(TestApp.Email("samordnare", "karlstad"));
        using var published = await samordnare.SubmitAsync($"/karlstad/loften/{id}", "publish", new Dictionary<string, string>());
        Assert.Contains("Löftet är publicerat", await published.Content.ReadAsStringAsync(), StringComparison.Ordinal);

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
        Assert.Empty(await app.AsUserAsync(orebro, "orebro", ops => ops.ReadAsync<MedborgarlofteWork, List<ToSign>>((w, ct) => w.ToSignAsync(ct))));
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
        var published = await app.AsUserAsync(samordnare, "karlstad", ops =>
            ops.SendAsync<MedborgarlofteWork>(samordnareRole, null, (w, ct) => w.PublishAsync(id, current, ct), "Publicerat."));
        Assert.True(published.Succeeded, published.Message);
        using var anonymous = app.NewClient();
        using var page = await anonymous.GetAsync($"/karlstad/medborgarloften/{id}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
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
    public async Task A_change_after_signing_voids_the_signatures_shows_what_changed_and_the_code_page_says_the_text_changed()
    {
        var (id, code) = await app.WithDbAsync("boras", async db =>
        {
            var l = await db.Medborgarloften.Include(m => m.Versions).SingleAsync(m => m.Title == "Trygghet i Hässleholmen–Hulta");
            return (l.Id, l.Versions.Single().VerificationCode);
        });
        using var anonymous = app.NewClient();
        var verified = await anonymous.PageAsync($"/verifiera/{code}");
        Assert.Equal("Texten stämmer", verified.QuerySelector(".alert__title")!.TextContent);
        Assert.Equal(3, verified.QuerySelectorAll("main ul li").Count(li => li.TextContent.Contains("Lösenord", StringComparison.Ordinal)));

        using var samordnare = await app.SignedInClientAsync(TestApp.Email("samordnare", "boras"));
        var party = await app.WithDbAsync("boras", db => db.LofteParties.Where(p => p.MedborgarlofteId == id && p.Kind == PartyKind.Kommunen).Select(p => p.Id).SingleAsync());
        var measure = await app.WithDbAsync("boras", db => db.Atgarder.Where(a => a.Title == "Sanera klotter inom 24 timmar").Select(a => a.Id).SingleAsync());
        using var changed = await samordnare.SubmitAsync($"/boras/loften/{id}", "commitment", new Dictionary<string, string>
        {
            ["What"] = "Fler papperskorgar vid torget.", ["CommitmentParty"] = party.ToString(), ["HowShown"] = "Bilder.", ["CommitmentAtgard"] = measure.ToString(),
        });
        var page = AppClient.Parse(await changed.Content.ReadAsStringAsync());
        var alert = page.QuerySelector(".alert--error")!.TextContent;
        Assert.Contains("Underskrifterna gäller inte längre", alert, StringComparison.Ordinal);
        Assert.Contains("Löfte tillagt: Fler papperskorgar vid torget. (Borås kommun; Bilder.; åtgärd: Sanera klotter inom 24 timmar)", alert, StringComparison.Ordinal);
        Assert.Equal($"/boras/atgarder/{measure}", page.QuerySelectorAll(".commitments a").Select(a => a.GetAttribute("href")).Single(h => h!.Contains(measure.ToString(), StringComparison.Ordinal)));
        Assert.Equal(3, await app.WithDbAsync("boras", db => db.LofteSignatures.CountAsync(s => s.MedborgarlofteId == id && s.VoidedAt != null)));

        using var gone = await anonymous.GetAsync($"/boras/medborgarloften/{id}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        var stale = await anonymous.PageAsync($"/verifiera/{code}");
        Assert.Equal("Texten har ändrats efter underskriften", stale.QuerySelector(".alert__title")!.TextContent);

        // Sent again, it asks every party for a new signature on version 2; publishing before they sign is refused.
        using var send = await samordnare.SubmitAsync($"/boras/loften/{id}", "send", new Dictionary<string, string>());
        Assert.Equal((LofteStatus.ForUnderskrift, 2), await app.WithDbAsync("boras", db => db.Medborgarloften.Where(m => m.Id == id)
            .Select(m => new ValueTuple<LofteStatus, int>(m.Status, m.Versions.Max(v => v.Number))).SingleAsync()));
        using var publish = await samordnare.SubmitAsync($"/boras/loften/{id}", "publish", new Dictionary<string, string>());
        var refusal = AppClient.Parse(await publish.Content.ReadAsStringAsync()).QuerySelector(".alert--error")!.TextContent;
        Assert.True(refusal.Contains("först när alla parter har skrivit under. Saknas: Borås kommun", StringComparison.Ordinal), refusal);
        Assert.Null(await app.WithDbAsync("boras", db => db.Medborgarloften.Where(m => m.Id == id).Select(m => m.PublishedAt).SingleAsync()));
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

        // A member reads but changes nothing; a period that ends before it starts is refused next to the field, input kept.
        using var edit = await medlem.Http.PostAsync($"/karlstad/loften/{id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await medlem.AntiforgeryTokenAsync(), ["_handler"] = "describe", ["Title"] = "Kapat",
            ["ValidFrom"] = "2026-01-01", ["ValidTo"] = "2026-12-31",
        }));
        Assert.False(edit.IsSuccessStatusCode);
        Assert.Equal("Tryggare Kronoparken", await app.WithDbAsync("karlstad", db => db.Medborgarloften.Where(m => m.Id == id).Select(m => m.Title).SingleAsync()));
        using var samordnare = await app.SignedInClientAsync(TestApp.Email("samordnare", "karlstad"));
        var karlstadId = (await NewAwaitingAsync("Testlöfte för perioden")).Id;
        using var bad = await samordnare.SubmitAsync($"/karlstad/loften/{karlstadId}", "describe", new Dictionary<string, string>
        {
            ["Title"] = "Ny rubrik", ["ValidFrom"] = "2026-06-01", ["ValidTo"] = "2026-05-31",
        });
        var badPage = AppClient.Parse(await bad.Content.ReadAsStringAsync());
        Assert.Equal("Perioden kan inte sluta innan den börjar.", badPage.QuerySelector("#d-to + .field-error")!.TextContent);
        Assert.Equal("Ny rubrik", badPage.QuerySelector("#d-title")!.GetAttribute("value"));
        Assert.Equal(("Testlöfte för perioden", LofteStatus.ForUnderskrift), await app.WithDbAsync("karlstad", db =>
            db.Medborgarloften.Where(m => m.Id == karlstadId).Select(m => new ValueTuple<string, LofteStatus>(m.Title, m.Status)).SingleAsync()));

        using var other = await app.SignedInClientAsync(TestApp.Email("samordnare", "orebro"));
        using var foreign = await other.GetAsync($"/orebro/loften/{id}");
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Empty((await other.PageAsync("/att-underteckna")).QuerySelectorAll(".card"));
    }
}
