using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using SakraStader.Data;
using SakraStader.Domain;
using SakraStader.Features.AnnualReports;
using SakraStader.Features.Commands;
using SakraStader.Features.Demo;
using SakraStader.Features.Groups;
using SakraStader.Features.Medborgarloften;
using SakraStader.Tenancy;
using SakraStader.Tests.Support;

namespace SakraStader.Tests.Components;

/// <summary>
/// The annual report's comment form and the medborgarlöfte's signing form (bunit, MudBlazor services). Both forms call
/// <see cref="Operations"/> themselves rather than a delegate, so they run here against the app's real command path on
/// a seeded database, as the signed-in user a circuit would have: what they send is read back from the data, a refusal
/// or conflict is shown with the user's input kept, and a user without the right gets no form or a refusal.
/// </summary>
public sealed class CommentAndSignFormTests : BunitContext, IClassFixture<CommentAndSignApp>, IAsyncLifetime
{
    /// <summary>The command path is async against a database: a loaded machine can take a while.</summary>
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    private static readonly KommunRoleRequirement SamordnareRight = new(Role.Samordnare);

    private readonly CommentAndSignApp app;
    private readonly List<AsyncServiceScope> circuits = [];
    private Operations? ops;
    private TenantContext? tenant;

    public CommentAndSignFormTests(CommentAndSignApp app)
    {
        this.app = app;
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton<TimeProvider>(TestClock.Instance);
        // The components get the command path (and the page its tenant) of the user last signed in with SignInAs:
        // resolved when a component is created, so one test can render for several users one after the other.
        Services.AddTransient(_ => ops ?? throw new InvalidOperationException("Call SignInAsAsync before rendering."));
        Services.AddTransient(_ => tenant ?? throw new InvalidOperationException("Call SignInAsAsync before rendering."));
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        foreach (var circuit in circuits)
        {
            await circuit.DisposeAsync();
        }
    }

    /// <summary>
    /// A scope like a circuit's for <paramref name="email"/> in <paramref name="slug"/> (as <see cref="TestApp.AsUserAsync"/>
    /// sets it up, but kept open for the test): components rendered after this call send and read as that user.
    /// </summary>
    private async Task<Operations> SignInAsAsync(string email, string slug)
    {
        var scope = app.Services.CreateAsyncScope();
        circuits.Add(scope);
        var services = scope.ServiceProvider;
        var user = await services.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email)
            ?? throw new InvalidOperationException($"Ingen användare {email}.");
        var principal = await services.GetRequiredService<SignInManager<AppUser>>().CreateUserPrincipalAsync(user);
        ((IHostEnvironmentAuthenticationStateProvider)services.GetRequiredService<AuthenticationStateProvider>())
            .SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        var resolver = services.GetRequiredService<TenantResolver>();
        resolver.SetUser(principal);
        await resolver.LoadUserKommunerAsync(CancellationToken.None);
        if (!await resolver.EnterKommunAsync(slug, CancellationToken.None))
        {
            throw new InvalidOperationException($"Ingen kommun {slug}.");
        }
        tenant = services.GetRequiredService<TenantContext>();
        return ops = services.GetRequiredService<Operations>();
    }

    /// <summary>The text around a field (its label, helper and error), found by the input's id.</summary>
    private static string FieldText<T>(IRenderedComponent<T> cut, string id) where T : Microsoft.AspNetCore.Components.IComponent =>
        cut.Find($"#{id}").Closest(".mud-input-control")!.TextContent;

    /// <summary>A text area's text, however the renderer wrote it (as content or as the value attribute).</summary>
    private static string TextAreaValue<T>(IRenderedComponent<T> cut, string id) where T : Microsoft.AspNetCore.Components.IComponent =>
        cut.Find($"#{id}").GetAttribute("value") ?? cut.Find($"#{id}").TextContent;

    // ---------------------------------------------------------------- the annual report's comment form

    private const string Boras = "boras";
    private static readonly string StyrgruppBoras = TestApp.Email("styrgrupp", Boras);
    private static readonly string SamordnareBoras = TestApp.Email("samordnare", Boras);
    private const ReportSection Section = ReportSection.Atgarder;
    private static readonly string CommentField = $"comment-{Section}";

    /// <summary>Borås's report for <paramref name="year"/>, started, given a summary and sent for review by the samordnare (each test its own year).</summary>
    private async Task ReportInReviewAsync(int year)
    {
        var started = await app.AsUserAsync(SamordnareBoras, Boras, async o =>
        {
            var created = await o.SendAsync<AnnualReportListWork, int>(SamordnareRight, null, (w, ct) => w.CreateAsync(year, ct), "Påbörjad.");
            Assert.True(created.Succeeded, created.Message);
            var written = await o.SaveAsync<AnnualReportWork>(SamordnareRight, null,
                (w, ct) => w.WriteTextAsync(year, ReportSection.Sammanfattning, "Ett lugnare år i centrum.", "", ct), "Sparat.");
            Assert.True(written.Succeeded, written.Message);
            return await o.SaveAsync<AnnualReportWork>(SamordnareRight, null, (w, ct) => w.StartReviewAsync(year, written.Value, ct), "Skickad.");
        });
        Assert.True(started.Succeeded, started.Message);
    }

    private Task<List<(ReportSection Section, string Text, Guid Author)>> StoredCommentsAsync(int year) => app.WithDbAsync(Boras, async db =>
        (await db.ReportComments.Where(c => db.AnnualReports.Any(r => r.Id == c.ReportId && r.Year == year))
            .Select(c => new { c.Section, c.Text, c.AuthorUserId }).ToListAsync())
        .Select(c => (c.Section, c.Text, c.AuthorUserId)).ToList());

    private Task<Guid> UserIdAsync(string email) => app.WithDbAsync(null, db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    private IRenderedComponent<ReportCommentForm> RenderCommentForm(int year, Action? commented = null) =>
        Render<ReportCommentForm>(p => p
            .Add(x => x.Year, year)
            .Add(x => x.Section, Section)
            .Add(x => x.Commented, () => commented?.Invoke()));

    [Fact]
    public async Task A_styrgrupp_members_comment_is_stored_on_the_section_under_their_name_and_the_form_empties_for_the_next()
    {
        const int year = 2016;
        await ReportInReviewAsync(year);
        await SignInAsAsync(StyrgruppBoras, Boras);
        var snackbar = Render<MudSnackbarProvider>();
        var commented = 0;
        var cut = RenderCommentForm(year, () => commented++);
        Assert.Contains("Din kommentar till avsnittet ”Åtgärder”", FieldText(cut, CommentField), StringComparison.Ordinal);

        cut.Find($"#{CommentField}").Change("Redovisa kostnaderna per åtgärd.");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Equal(1, commented), Wait);
        Assert.Equal([(Section, "Redovisa kostnaderna per åtgärd.", await UserIdAsync(StyrgruppBoras))], await StoredCommentsAsync(year));
        cut.WaitForAssertion(() => Assert.Equal("", TextAreaValue(cut, CommentField)), Wait);
        Assert.DoesNotContain("mud-input-error", cut.Find($"#{CommentField}").Closest(".mud-input-control")!.InnerHtml, StringComparison.Ordinal);
        snackbar.WaitForAssertion(() => Assert.Contains("Din kommentar är sparad. Samordnaren svarar på den.", snackbar.Markup, StringComparison.Ordinal), Wait);
    }

    [Fact]
    public async Task An_empty_comment_is_refused_at_the_field_in_swedish_and_nothing_is_stored()
    {
        const int year = 2017;
        await ReportInReviewAsync(year);
        await SignInAsAsync(StyrgruppBoras, Boras);
        var commented = 0;
        var cut = RenderCommentForm(year, () => commented++);

        cut.Find($"#{CommentField}").Change("   ");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Contains("Skriv kommentaren.", FieldText(cut, CommentField), StringComparison.Ordinal), Wait);
        Assert.Empty(await StoredCommentsAsync(year));
        Assert.Equal(0, commented);
    }

    [Fact]
    public async Task A_comment_saved_while_someone_else_saved_the_report_is_refused_keeps_the_text_and_saves_when_sent_again()
    {
        const int year = 2018;
        await ReportInReviewAsync(year);
        await SignInAsAsync(StyrgruppBoras, Boras);
        var commented = 0;
        var cut = RenderCommentForm(year, () => commented++);
        const string text = "Åtgärden vid torget saknar uppföljning.";
        app.SavedMeanwhile.Arm(text);

        cut.Find($"#{CommentField}").Change(text);
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Contains(ConflictException.SavedMeanwhile, FieldText(cut, CommentField), StringComparison.Ordinal), Wait);
        Assert.True(app.SavedMeanwhile.Fired);
        Assert.Equal(text, TextAreaValue(cut, CommentField));
        Assert.Empty(await StoredCommentsAsync(year));
        Assert.Equal(0, commented);

        // The text the user kept is sent again as it stands, and this time it is stored, once.
        cut.Find("form").Submit();
        cut.WaitForAssertion(() => Assert.Equal(1, commented), Wait);
        Assert.Equal([text], (await StoredCommentsAsync(year)).Select(c => c.Text));
        cut.WaitForAssertion(() => Assert.DoesNotContain(ConflictException.SavedMeanwhile, FieldText(cut, CommentField), StringComparison.Ordinal), Wait);
    }

    [Fact]
    public async Task A_report_approved_while_the_comment_was_written_refuses_it_at_the_field_and_the_text_stays()
    {
        const int year = 2019;
        await ReportInReviewAsync(year);
        await SignInAsAsync(StyrgruppBoras, Boras);
        var commented = 0;
        var cut = RenderCommentForm(year, () => commented++);
        cut.Find($"#{CommentField}").Change("Lägg till en karta över åtgärderna.");

        // Meanwhile the samordnare records the styrgrupp's approval at the meeting under way.
        var (styrgrupp, held) = await app.WithDbAsync(Boras, async db =>
        {
            var group = await db.Groups.Where(g => g.Kind == GroupKind.Styrgrupp).Select(g => g.Id).SingleAsync();
            var now = TestClock.Now;
            var meeting = db.Meetings.Add(new Meeting(group, now.AddMinutes(-30), now.AddMinutes(30), "Stadshuset", null)).Entity;
            await db.SaveChangesAsync();
            return (group, meeting.Id);
        });
        var approved = await app.AsUserAsync(SamordnareBoras, Boras, async o =>
        {
            var version = (await o.ReadAsync<AnnualReportWork, AnnualReportPageModel?>((w, ct) => w.ReadAsync(year, ct)))!.Version;
            return await o.SaveAsync<AnnualReportWork>(GroupRightRequirement.ChairOrManage, styrgrupp,
                (w, ct) => w.ApproveAsync(year, styrgrupp, held, version, ct), "Godkänd.");
        });
        Assert.True(approved.Succeeded, approved.Message);

        cut.Find("form").Submit();

        // Approved, the report is out of review: the comment is refused with the reason (not as a missing right).
        cut.WaitForAssertion(() => Assert.Contains("Rapporten är godkänd. Den kan inte kommenteras längre.", FieldText(cut, CommentField), StringComparison.Ordinal), Wait);
        Assert.Equal("Lägg till en karta över åtgärderna.", TextAreaValue(cut, CommentField));
        Assert.Empty(await StoredCommentsAsync(year));
        Assert.Equal(0, commented);
    }

    /// <summary>A report of the year in review, as the samordnare reads it (signed in as the samordnare).</summary>
    private async Task<AnnualReportPageModel> ReportInReviewAsSamordnareAsync(int year)
    {
        await ReportInReviewAsync(year);
        var o = await SignInAsAsync(SamordnareBoras, Boras);
        return (await o.ReadAsync<AnnualReportWork, AnnualReportPageModel?>((w, ct) => w.ReadAsync(year, ct)))!;
    }

    [Fact]
    public async Task The_samordnare_opens_a_section_for_writing_and_only_then_does_the_page_hold_its_fields()
    {
        var model = await ReportInReviewAsSamordnareAsync(2021);
        Assert.True(model.CanEdit);
        var opened = new List<ReportSection>();
        var cut = Render<ReportTextBlock>(p => p.Add(x => x.Model, model).Add(x => x.Section, Section).Add(x => x.Open, s => opened.Add(s)));

        // The section reads as text, with a button to write in it: no field until it is asked for.
        Assert.Empty(cut.FindAll($"#text-{Section}"));
        var open = cut.FindAll("button").Single(b => b.TextContent.StartsWith("Skriv texten", StringComparison.Ordinal));
        Assert.EndsWith(Section.Heading(), open.GetAttribute("aria-label"), StringComparison.Ordinal);
        open.Click();
        Assert.Equal([Section], opened);

        cut.Render(p => p.Add(x => x.Opened, true));
        Assert.Single(cut.FindAll($"#text-{Section}"));
        Assert.DoesNotContain(cut.FindAll("button"), b => b.TextContent.StartsWith("Skriv texten", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_section_whose_text_the_tab_kept_when_the_page_moved_opens_by_itself_and_the_others_stay_text()
    {
        var model = await ReportInReviewAsSamordnareAsync(2022);
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        JSInterop.Setup<string[]>("sakraStader.draftIds").SetResult(["text-Bedomning", "text-Description"]);

        var cut = Render<AnnualReportSections>(p => p.Add(x => x.Model, model).Add(x => x.KommunSlug, Boras));

        // The field takes the kept text back and saves it (AutosaveText); no other section holds a field.
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("#text-Bedomning")));
        Assert.Single(cut.FindAll("textarea[id^=text-]"));
        // The figures are there, as markup.
        Assert.Contains("samverkansgrupper höll", cut.Markup, StringComparison.Ordinal);
    }

    /// <summary>
    /// A report to kommunfullmäktige reads as prose: no "0 månadslägesbilder" as a link, no link on a year without figures,
    /// and the singular for one.
    /// </summary>
    [Fact]
    public async Task The_figures_say_none_and_one_in_words_and_link_only_to_what_exists()
    {
        var model = await ReportInReviewAsSamordnareAsync(2015);
        var figures = model.Content.Figures;
        IRenderedComponent<ReportSectionFigures> Problems(AnnualReportFigures f) => Render<ReportSectionFigures>(p => p
            .Add(x => x.Figures, f).Add(x => x.Section, ReportSection.Problem).Add(x => x.Year, 2015).Add(x => x.KommunSlug, Boras).Add(x => x.PagePath, "/boras/arsrapporter/2015"));

        var none = Problems(figures with { FixedLagesbilder = 0, Problems = [] });
        Assert.Contains("Under 2015 fastställdes inga månadslägesbilder, och inga problem bedömdes.", none.Markup, StringComparison.Ordinal);
        Assert.Empty(none.FindAll("a[href='/boras/lagesbilder']"));
        var one = Problems(figures with { FixedLagesbilder = 1, Problems = [] });
        Assert.Equal("1 månadslägesbild", one.Find("a[href='/boras/lagesbilder']").TextContent);
        Assert.Contains("De tog inte upp några problem.", one.Markup, StringComparison.Ordinal);

        var development = Render<ReportSectionFigures>(p => p
            .Add(x => x.Figures, figures with { Development = figures.Development with { IncidentTotal = figures.Development.IncidentTotal with { Values = [null, .. figures.Development.IncidentTotal.Values.Skip(1)] } } })
            .Add(x => x.Section, ReportSection.Utveckling).Add(x => x.Year, 2015).Add(x => x.KommunSlug, Boras).Add(x => x.PagePath, "/boras/arsrapporter/2015"));
        var firstYear = figures.Development.YearLabels[0];
        Assert.Contains($"{firstYear}: –", development.Find("p").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(development.FindAll("p a"), a => a.TextContent.StartsWith(firstYear, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Only_a_styrgrupp_member_gets_the_comment_form_and_a_user_without_the_right_is_refused_with_nothing_stored()
    {
        const int year = 2020;
        await ReportInReviewAsync(year);

        async Task<IRenderedComponent<ReportTextBlock>> SectionAs(string email)
        {
            var o = await SignInAsAsync(email, Boras);
            var model = (await o.ReadAsync<AnnualReportWork, AnnualReportPageModel?>((w, ct) => w.ReadAsync(year, ct)))!;
            return Render<ReportTextBlock>(p => p.Add(x => x.Model, model).Add(x => x.Section, Section));
        }

        // The section hosts the form for the styrgrupp in review, and for nobody else.
        Assert.Single((await SectionAs(StyrgruppBoras)).FindAll($"#{CommentField}"));
        foreach (var who in new[] { "medlem", "lasare", "samordnare" })
        {
            var section = await SectionAs(TestApp.Email(who, Boras));
            Assert.Empty(section.FindAll($"#{CommentField}"));
            Assert.DoesNotContain(section.FindAll("button"), b => b.TextContent.Contains("Kommentera", StringComparison.Ordinal));
        }

        // The form reached anyway (a stale page): a member outside the styrgrupp and a reader are refused, in Swedish, at the field.
        foreach (var who in new[] { "medlem", "lasare" })
        {
            await SignInAsAsync(TestApp.Email(who, Boras), Boras);
            var commented = 0;
            var cut = RenderCommentForm(year, () => commented++);
            cut.Find($"#{CommentField}").Change("Obehörig kommentar.");
            cut.Find("form").Submit();
            cut.WaitForAssertion(() => Assert.Contains("Du har inte behörighet att ändra det här.", FieldText(cut, CommentField), StringComparison.Ordinal), Wait);
            Assert.Equal("Obehörig kommentar.", TextAreaValue(cut, CommentField));
            Assert.Equal(0, commented);
        }
        Assert.Empty(await StoredCommentsAsync(year));
    }

    // ---------------------------------------------------------------- the medborgarlöfte's signing form

    private const string Karlstad = "karlstad";
    private static readonly string SamordnareKarlstad = TestApp.Email("samordnare", Karlstad);

    /// <summary>A promise of the test's own in Karlstad, sent for signing and signed by the kommun; the police officer signs next.</summary>
    private Task<(Guid Id, Guid PoliceParty, Guid Commitment)> AwaitingPoliceAsync(string title) => app.WithDbAsync(Karlstad, async db =>
    {
        var samordnare = await db.Users.SingleAsync(u => u.Email == SamordnareKarlstad);
        var polis = await db.Users.SingleAsync(u => u.Email == DemoSeeder.PolisEmail);
        var lofte = new Medborgarlofte(title, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31));
        var kommun = lofte.AddParty(PartyKind.Kommunen, "Karlstads kommun", samordnare.Id, samordnare.DisplayName, "Säkerhetschef");
        var police = lofte.AddParty(PartyKind.Polisen, "Polisen, LPO Karlstad", polis.Id, polis.DisplayName, "Kommunpolis");
        var commitment = lofte.AddCommitment("Polisen syns vid Kronoparkens centrum fredagskvällar.", police.Id, "Antal kvällar per kvartal.");
        var version = lofte.SendForSigning(MedborgarlofteHandler.ContentOf("Karlstad", lofte, []), TestClock.Now);
        lofte.Sign(kommun.Id, samordnare.Id, samordnare.DisplayName, "Säkerhetschef", "Samordnare", version.Hash, "Lösenord", TestClock.Now);
        db.Medborgarloften.Add(lofte);
        await db.SaveChangesAsync();
        return (lofte.Id, police.Id, commitment.Id);
    });

    private static async Task<SigningModel> SigningModelAsync(Operations o, Guid id, Guid party) =>
        (await o.ReadAsync<MedborgarlofteWork, SigningModel?>((w, ct) => w.ReadSigningAsync(id, party, ct)))!;

    private Task<List<(string Hash, string Name, string Method)>> SignaturesAsync(Guid party) => app.WithDbAsync(Karlstad, async db =>
        (await db.LofteSignatures.Where(s => s.PartyId == party).Select(s => new { s.Hash, s.Name, s.Method }).ToListAsync())
        .Select(s => (s.Hash, s.Name, s.Method)).ToList());

    private Task<LofteStatus> StatusAsync(Guid id) => app.WithDbAsync(Karlstad, db => db.Medborgarloften.Where(m => m.Id == id).Select(m => m.Status).SingleAsync());

    /// <summary>The police officer's failed password checks, as the sign-in lockout counts them.</summary>
    private Task<int> FailedPasswordsAsync() =>
        app.WithDbAsync(null, db => db.Users.Where(u => u.Email == DemoSeeder.PolisEmail).Select(u => u.AccessFailedCount).SingleAsync());

    private IRenderedComponent<SignForm> RenderSignForm(SigningModel model, Action? signed = null) =>
        Render<SignForm>(p => p.Add(x => x.Model, model).Add(x => x.Signed, () => signed?.Invoke()));

    [Fact]
    public async Task Without_a_password_the_form_asks_for_it_at_the_field_before_any_dialog_or_check()
    {
        var (id, party, _) = await AwaitingPoliceAsync("Testlöfte utan lösenord");
        var model = await SigningModelAsync(await SignInAsAsync(DemoSeeder.PolisEmail, Karlstad), id, party);
        var failedBefore = await FailedPasswordsAsync();
        var dialogs = Render<MudDialogProvider>();
        var cut = RenderSignForm(model);

        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Contains("Skriv ditt lösenord för att bekräfta underskriften.", FieldText(cut, "password"), StringComparison.Ordinal), Wait);
        Assert.Empty(dialogs.FindAll(".mud-dialog"));
        Assert.Empty(await SignaturesAsync(party));
        Assert.Equal(failedBefore, await FailedPasswordsAsync());
    }

    [Fact]
    public async Task Signing_asks_first_in_a_dialog_that_says_what_is_signed_and_what_becomes_public_and_cancel_checks_and_signs_nothing()
    {
        const string title = "Testlöfte med bekräftelse";
        var (id, party, _) = await AwaitingPoliceAsync(title);
        var model = await SigningModelAsync(await SignInAsAsync(DemoSeeder.PolisEmail, Karlstad), id, party);
        var failedBefore = await FailedPasswordsAsync();
        var dialogs = Render<MudDialogProvider>();
        var signed = 0;
        var cut = RenderSignForm(model, () => signed++);
        Assert.Contains("Du skriver under som Mikael Strand, Kommunpolis, för Polisen, LPO Karlstad.", cut.Find("p").TextContent, StringComparison.Ordinal);

        cut.Find("#password").Change("fel-lösenord");
        cut.Find("form").Submit();

        dialogs.WaitForAssertion(() => Assert.Contains(
            $"Du skriver under version 1 av ”{title}” för Polisen, LPO Karlstad. Din underskrift, tid och metod (lösenord) blir synliga på den publika sidan när löftet publiceras.",
            dialogs.Find(".mud-dialog").TextContent, StringComparison.Ordinal), Wait);
        dialogs.ClickButton(b => b.TextContent.Trim() == "Avbryt");
        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll(".mud-dialog")), Wait);

        // Cancelled before the command: the (wrong) password was not even checked, nothing is signed, no message.
        Assert.Empty(await SignaturesAsync(party));
        Assert.Equal(failedBefore, await FailedPasswordsAsync());
        Assert.Equal(LofteStatus.ForUnderskrift, await StatusAsync(id));
        Assert.Equal(0, signed);
        Assert.DoesNotContain("Lösenordet stämmer inte", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_at_the_password_field_counts_toward_the_lockout_and_signs_nothing()
    {
        var (id, party, _) = await AwaitingPoliceAsync("Testlöfte med fel lösenord");
        var model = await SigningModelAsync(await SignInAsAsync(DemoSeeder.PolisEmail, Karlstad), id, party);
        var failedBefore = await FailedPasswordsAsync();
        var dialogs = Render<MudDialogProvider>();
        var signed = 0;
        var cut = RenderSignForm(model, () => signed++);

        cut.Find("#password").Change("fel-lösenord");
        cut.Find("form").Submit();
        dialogs.WaitForAssertion(() => dialogs.ClickButton(b => b.TextContent.Trim() == "Skriv under"), Wait);

        cut.WaitForAssertion(() => Assert.Contains("Lösenordet stämmer inte. Skriv ditt lösenord för att bekräfta underskriften.", FieldText(cut, "password"), StringComparison.Ordinal), Wait);
        Assert.Equal(failedBefore + 1, await FailedPasswordsAsync());
        Assert.Empty(await SignaturesAsync(party));
        Assert.Equal(LofteStatus.ForUnderskrift, await StatusAsync(id));
        Assert.Equal(0, signed);
        // The password is never kept in the form, right or wrong.
        Assert.True(string.IsNullOrEmpty(cut.Find("#password").GetAttribute("value")));
    }

    [Fact]
    public async Task A_text_changed_and_sent_again_since_it_was_shown_is_refused_and_nothing_is_signed()
    {
        var (id, party, commitment) = await AwaitingPoliceAsync("Testlöfte som ändras under tiden");
        var model = await SigningModelAsync(await SignInAsAsync(DemoSeeder.PolisEmail, Karlstad), id, party);
        var dialogs = Render<MudDialogProvider>();
        var signed = 0;
        var cut = RenderSignForm(model, () => signed++);
        cut.Find("#password").Change(DemoSeeder.Password);

        // Meanwhile the samordnare reopens the promise, changes a commitment and sends it for signing again.
        await app.AsUserAsync(SamordnareKarlstad, Karlstad, async o =>
        {
            async Task<Guid> Version() => (await o.ReadAsync<MedborgarlofteWork, LoftePageModel?>((w, ct) => w.ReadAsync(id, ct)))!.Version;
            var reopened = await o.SaveAsync<MedborgarlofteWork>(SamordnareRight, null, async (w, ct) => await w.ReopenAsync(id, await Version(), ct), "Öppnat.");
            Assert.True(reopened.Succeeded, reopened.Message);
            var changed = await o.SaveAsync<MedborgarlofteWork>(SamordnareRight, null, (w, ct) => w.WriteCommitmentAsync(id, commitment, CommitmentField.What,
                "Polisen syns vid Kronoparkens centrum fredags- och lördagskvällar.", "Polisen syns vid Kronoparkens centrum fredagskvällar.", ct), "Sparat.");
            Assert.True(changed.Succeeded, changed.Message);
            var sent = await o.SendAsync<MedborgarlofteWork, int>(SamordnareRight, null, async (w, ct) => await w.SendForSigningAsync(id, await Version(), ct), "Skickat.");
            Assert.True(sent.Succeeded, sent.Message);
            return true;
        });

        cut.Find("form").Submit();
        dialogs.WaitForAssertion(() => dialogs.ClickButton(b => b.TextContent.Trim() == "Skriv under"), Wait);

        cut.WaitForAssertion(() => Assert.Contains("Texten har ändrats sedan du öppnade den. Läs den nya texten innan du skriver under.", FieldText(cut, "password"), StringComparison.Ordinal), Wait);
        Assert.Empty(await SignaturesAsync(party));
        Assert.Equal(LofteStatus.ForUnderskrift, await StatusAsync(id));
        Assert.Equal(0, signed);
    }

    [Fact]
    public async Task The_signatory_signs_the_version_shown_with_the_password_and_the_promise_becomes_gallande()
    {
        var (id, party, _) = await AwaitingPoliceAsync("Testlöfte som skrivs under");
        var model = await SigningModelAsync(await SignInAsAsync(DemoSeeder.PolisEmail, Karlstad), id, party);
        var dialogs = Render<MudDialogProvider>();
        var snackbar = Render<MudSnackbarProvider>();
        var signed = 0;
        var cut = RenderSignForm(model, () => signed++);

        cut.Find("#password").Change(DemoSeeder.Password);
        cut.Find("form").Submit();
        dialogs.WaitForAssertion(() => dialogs.ClickButton(b => b.TextContent.Trim() == "Skriv under"), Wait);

        cut.WaitForAssertion(() => Assert.Equal(1, signed), Wait);
        var hash = await app.WithDbAsync(Karlstad, db => db.LofteVersions.Where(v => v.MedborgarlofteId == id).Select(v => v.Hash).SingleAsync());
        Assert.Equal(hash, model.Hash);
        Assert.Equal([(hash, "Mikael Strand", "Lösenord")], await SignaturesAsync(party));
        Assert.Equal(LofteStatus.Gallande, await StatusAsync(id));
        Assert.Equal(0, await FailedPasswordsAsync());
        snackbar.WaitForAssertion(() => Assert.Contains("Du har skrivit under. Alla parter har skrivit under; löftet gäller.", snackbar.Markup, StringComparison.Ordinal), Wait);
        Assert.DoesNotContain("mud-input-error", cut.Find("#password").Closest(".mud-input-control")!.InnerHtml, StringComparison.Ordinal);
        Assert.True(string.IsNullOrEmpty(cut.Find("#password").GetAttribute("value")));
    }

    [Fact]
    public async Task On_the_signing_page_a_signature_replaces_the_form_with_the_receipt()
    {
        var (id, party, _) = await AwaitingPoliceAsync("Testlöfte på sidan");
        await SignInAsAsync(DemoSeeder.PolisEmail, Karlstad);
        var dialogs = Render<MudDialogProvider>();
        var page = Render<SignPage>(p => p.Add(x => x.KommunSlug, Karlstad).Add(x => x.Id, id).Add(x => x.PartyId, party));
        page.WaitForAssertion(() => Assert.Single(page.FindAll("form.sign-form")), Wait);

        page.Find("#password").Change(DemoSeeder.Password);
        page.Find("form.sign-form").Submit();
        dialogs.WaitForAssertion(() => dialogs.ClickButton(b => b.TextContent.Trim() == "Skriv under"), Wait);

        page.WaitForAssertion(() => Assert.Contains("Du har skrivit under", page.Find(".signed-alert").TextContent, StringComparison.Ordinal), Wait);
        Assert.Contains("Alla parter har skrivit under. Löftet gäller och kan publiceras.", page.Find(".signed-alert").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("form"));
        Assert.Single(await SignaturesAsync(party));
    }

    [Fact]
    public async Task Only_the_partys_signatory_gets_the_signing_form_and_anyone_else_is_refused_with_nothing_signed()
    {
        var (id, party, _) = await AwaitingPoliceAsync("Testlöfte för behörighet i formuläret");
        var hash = await app.WithDbAsync(Karlstad, db => db.LofteVersions.Where(v => v.MedborgarlofteId == id).Select(v => v.Hash).SingleAsync());

        // The samordnare manages the promise but does not sign for Polisen: the page says so and offers no form.
        await SignInAsAsync(SamordnareKarlstad, Karlstad);
        var page = Render<SignPage>(p => p.Add(x => x.KommunSlug, Karlstad).Add(x => x.Id, id).Add(x => x.PartyId, party));
        page.WaitForAssertion(() => Assert.Equal("Du skriver inte under för den här parten", page.Find("h1").TextContent), Wait);
        Assert.Empty(page.FindAll("form"));
        Assert.Empty(page.FindAll("#password"));

        // The form reached anyway, with the right hash and password: the samordnare and a reader are refused, in Swedish.
        foreach (var who in new[] { "samordnare", "lasare" })
        {
            var o = await SignInAsAsync(TestApp.Email(who, Karlstad), Karlstad);
            var seen = await SigningModelAsync(o, id, party);
            Assert.False(seen.CanSign);
            var dialogs = Render<MudDialogProvider>();
            var signed = 0;
            var cut = RenderSignForm(seen with { Hash = hash }, () => signed++);
            cut.Find("#password").Change(DemoSeeder.Password);
            cut.Find("form").Submit();
            dialogs.WaitForAssertion(() => dialogs.ClickButton(b => b.TextContent.Trim() == "Skriv under"), Wait);
            cut.WaitForAssertion(() => Assert.Contains("Du har inte behörighet att ändra det här.", FieldText(cut, "password"), StringComparison.Ordinal), Wait);
            Assert.Equal(0, signed);
        }
        Assert.Empty(await SignaturesAsync(party));
        Assert.Equal(LofteStatus.ForUnderskrift, await StatusAsync(id));
    }
}

/// <summary>
/// The app for <see cref="CommentAndSignFormTests"/>: a <see cref="TestApp"/> on its own copy of the seeded database,
/// with <see cref="SavedMeanwhile"/> among the DbContext interceptors.
/// </summary>
public sealed class CommentAndSignApp : TestApp
{
    public SavedMeanwhileHook SavedMeanwhile { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<IInterceptor>(SavedMeanwhile));
    }
}

/// <summary>
/// Someone else's save landing between a command's read and its write, on demand: once armed with a comment's text,
/// the save that adds that comment finds the annual report's version (its concurrency token) changed since it was
/// read, exactly as when another user saved the report in between. The database then refuses the write
/// (<see cref="DbUpdateConcurrencyException"/>) and nothing is saved. Fires once.
/// </summary>
public sealed class SavedMeanwhileHook : SaveChangesInterceptor
{
    private volatile string? armedFor;

    public bool Fired { get; private set; }

    public void Arm(string commentText) => (armedFor, Fired) = (commentText, false);

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (armedFor is { } text && eventData.Context is { } db
            && db.ChangeTracker.Entries<ReportComment>().Any(c => c.State == EntityState.Added && c.Entity.Text == text))
        {
            armedFor = null;
            Fired = true;
            foreach (var report in db.ChangeTracker.Entries<AnnualReport>())
            {
                report.Property(r => r.Version).OriginalValue = Guid.NewGuid();
            }
        }
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }
}
