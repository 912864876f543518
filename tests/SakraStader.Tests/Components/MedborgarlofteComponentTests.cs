using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using SakraStader.Domain;
using SakraStader.Features.Commands;
using SakraStader.Features.Medborgarloften;
using SakraStader.Tests.Support;

namespace SakraStader.Tests.Components;

/// <summary>The medborgarlöfte page's forms and panels (bunit, MudBlazor services, commands faked as delegates).</summary>
public sealed class MedborgarlofteComponentTests : BunitContext, IAsyncLifetime
{
    private static readonly Guid Kommun = Guid.NewGuid();
    private static readonly Guid Police = Guid.NewGuid();
    private static readonly Guid Commitment = Guid.NewGuid();

    public MedborgarlofteComponentTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton<TimeProvider>(TestClock.Instance);
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();

    private static CommandResult Refused(string message, string? field = null, bool conflict = false, string? current = null) =>
        new(false, message, field, conflict, false, current);

    /// <summary>A promise in the given state; the kommun has signed when it is out for signing, both when gällande.</summary>
    private static LoftePageModel Model(LofteStatus status, bool published = false, bool samordnare = true)
    {
        var signedAt = TestClock.Now.AddDays(-1);
        return new LoftePageModel(Guid.NewGuid(), "Tryggare Kronoparken", new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), "Invånarna är oroliga.",
            status, published ? TestClock.Now : null, published ? 1 : null, "", Guid.NewGuid(),
            status == LofteStatus.Utkast ? null : new VersionView(1, signedAt, "7K3Q9-XPD2M"), status == LofteStatus.Utkast ? null : 1,
            [
                new(Kommun, PartyKind.Kommunen, "Karlstads kommun", Guid.NewGuid(), "Anna Lindqvist", "Säkerhetschef", status == LofteStatus.Utkast ? null : signedAt, false),
                new(Police, PartyKind.Polisen, "Polisen, LPO Karlstad", Guid.NewGuid(), "Mikael Strand", "Kommunpolis", status == LofteStatus.Gallande ? signedAt : null, true),
            ],
            [new(Commitment, 1, "Polisen syns vid torget fredagskvällar.", Police, "Polisen, LPO Karlstad", "Antal kvällar.", null, null, [])],
            [], [], [], [], [], [], [], [], [], [new PersonOption(Guid.NewGuid(), "Anna Lindqvist", "Karlstads kommun", "Säkerhetschef")],
            samordnare, true, Guid.NewGuid());
    }

    [Fact]
    public void Publishing_asks_first_in_a_dialog_that_says_the_promise_becomes_public_and_cancel_publishes_nothing()
    {
        var dialogs = Render<MudDialogProvider>();
        var published = 0;
        var cut = Render<LofteActions>(p => p
            .Add(x => x.Model, Model(LofteStatus.Gallande))
            .Add(x => x.Send, () => Task.FromResult(CommandResult.Ok("")))
            .Add(x => x.Reopen, () => Task.FromResult(CommandResult.Ok("")))
            .Add(x => x.Publish, () => { published++; return Task.FromResult(CommandResult.Ok("Publicerat.")); }));

        cut.ClickButton(b => b.TextContent.Contains("Publicera för invånarna", StringComparison.Ordinal));
        dialogs.WaitForAssertion(() => Assert.Contains("blir publikt för invånarna på kommunens sida för medborgarlöften", dialogs.Markup, StringComparison.Ordinal));
        dialogs.ClickButton(b => b.TextContent.Trim() == "Avbryt");
        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll(".mud-dialog")));
        Assert.Equal(0, published);

        cut.ClickButton(b => b.TextContent.Contains("Publicera för invånarna", StringComparison.Ordinal));
        dialogs.WaitForAssertion(() => dialogs.ClickButton(b => b.TextContent.Trim() == "Publicera"));
        cut.WaitForAssertion(() => Assert.Equal(1, published));
    }

    [Fact]
    public void Taking_a_published_promise_off_the_public_page_asks_first_and_is_offered_only_to_the_samordnare()
    {
        var dialogs = Render<MudDialogProvider>();
        var taken = 0;
        IRenderedComponent<LofteActions> Actions(LoftePageModel model) => Render<LofteActions>(p => p
            .Add(x => x.Model, model)
            .Add(x => x.Send, () => Task.FromResult(CommandResult.Ok("")))
            .Add(x => x.Reopen, () => Task.FromResult(CommandResult.Ok("")))
            .Add(x => x.Publish, () => Task.FromResult(CommandResult.Ok("")))
            .Add(x => x.Unpublish, () => { taken++; return Task.FromResult(CommandResult.Ok("Borttaget.")); }));
        Assert.Empty(Actions(Model(LofteStatus.Gallande, published: true, samordnare: false)).FindAll("button"));
        Assert.DoesNotContain(Actions(Model(LofteStatus.Gallande)).FindAll("button"), b => b.TextContent.Contains("Ta bort från den publika sidan", StringComparison.Ordinal));

        var cut = Actions(Model(LofteStatus.Gallande, published: true));
        cut.ClickButton(b => b.TextContent.Contains("Ta bort från den publika sidan", StringComparison.Ordinal));
        dialogs.WaitForAssertion(() => Assert.Contains("tas bort från kommunens sida för medborgarlöften", dialogs.Markup, StringComparison.Ordinal));
        dialogs.ClickButton(b => b.TextContent.Trim() == "Avbryt");
        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll(".mud-dialog")));
        Assert.Equal(0, taken);
        cut.ClickButton(b => b.TextContent.Contains("Ta bort från den publika sidan", StringComparison.Ordinal));
        dialogs.WaitForAssertion(() => dialogs.ClickButton(b => b.TextContent.Trim() == "Ta bort"));
        cut.WaitForAssertion(() => Assert.Equal(1, taken));
    }

    [Fact]
    public void Changing_a_promise_out_for_signing_asks_first_naming_whose_signature_is_voided_and_a_refusal_is_shown()
    {
        var dialogs = Render<MudDialogProvider>();
        var cut = Render<LofteActions>(p => p
            .Add(x => x.Model, Model(LofteStatus.ForUnderskrift))
            .Add(x => x.Send, () => Task.FromResult(CommandResult.Ok("")))
            .Add(x => x.Publish, () => Task.FromResult(CommandResult.Ok("")))
            .Add(x => x.Reopen, () => Task.FromResult(Refused(MedborgarlofteWork.ChangedMeanwhile, conflict: true))));

        Assert.DoesNotContain(cut.FindAll("button"), b => b.TextContent.Contains("Publicera", StringComparison.Ordinal));
        cut.ClickButton(b => b.TextContent.Contains("Ändra innehållet", StringComparison.Ordinal));
        dialogs.WaitForAssertion(() => Assert.Contains("Underskriften från Anna Lindqvist (Karlstads kommun) blir ogiltig. Alla parter måste skriva under igen", dialogs.Markup, StringComparison.Ordinal));
        Assert.DoesNotContain("publika sidan", dialogs.Find(".mud-dialog").TextContent, StringComparison.Ordinal);
        dialogs.ClickButton(b => b.TextContent.Trim() == "Ändra innehållet");
        cut.WaitForAssertion(() => Assert.Equal(MedborgarlofteWork.ChangedMeanwhile, cut.Find(".actions-error").TextContent.Trim()));
    }

    [Fact]
    public void Changing_a_published_promise_says_the_signed_version_stays_public_until_the_new_one_is_published()
    {
        var text = LofteActions.ReopenText(Model(LofteStatus.Gallande, published: true));
        Assert.Equal("Underskrifterna från Anna Lindqvist (Karlstads kommun) och Mikael Strand (Polisen, LPO Karlstad) blir ogiltiga. De måste skriva under igen när du har skickat löftet för underskrift på nytt. Invånarna ser fortfarande version 1, som parterna skrev under, med en upplysning om att löftet håller på att ändras. Den nya versionen visas när den är underskriven och publicerad.", text);
    }

    [Fact]
    public void A_reader_sees_where_the_promise_is_but_no_actions_and_no_forms()
    {
        var reader = Model(LofteStatus.Utkast, samordnare: false);
        var actions = Render<LofteActions>(p => p.Add(x => x.Model, reader).Add(x => x.Send, () => Task.FromResult(CommandResult.Ok("")))
            .Add(x => x.Publish, () => Task.FromResult(CommandResult.Ok(""))).Add(x => x.Reopen, () => Task.FromResult(CommandResult.Ok(""))));
        Assert.Empty(actions.FindAll("button"));
        Assert.Contains("Utkast", actions.Find(".lofte-steps").TextContent, StringComparison.Ordinal);
        Assert.Empty(Render<CommitmentForm>(p => p.Add(x => x.Model, reader).Add(x => x.Add, _ => Task.FromResult(CommandResult.Ok("")))).FindAll("form"));
        Assert.Empty(Render<PartyForm>(p => p.Add(x => x.Model, reader).Add(x => x.Save, _ => Task.FromResult(CommandResult.Ok("")))).FindAll("form"));
        Assert.Empty(Render<LofteDescribeForm>(p => p.Add(x => x.Model, reader).Add(x => x.Save, _ => Task.FromResult(CommandResult.Ok("")))).FindAll("form"));
        var commitments = Render<LofteCommitments>(p => p.Add(x => x.Model, reader).Add(x => x.KommunSlug, "karlstad")
            .Add(x => x.WriteText, (_, _, _, _) => Task.FromResult(CommandResult.Ok(""))).Add(x => x.Remove, _ => Task.FromResult(CommandResult.Ok(""))));
        Assert.Empty(commitments.FindAll("textarea"));
        Assert.Empty(commitments.FindAll("button"));
        Assert.Contains("Polisen syns vid torget fredagskvällar.", commitments.Find(".commitment__what").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void An_implausible_period_is_shown_at_the_end_date_and_the_title_the_user_typed_stays()
    {
        var cut = Render<LofteDescribeForm>(p => p.Add(x => x.Model, Model(LofteStatus.Utkast))
            .Add(x => x.Save, _ => Task.FromResult(Refused("Ett medborgarlöfte kan gälla i högst 4 år.", nameof(Medborgarlofte.ValidTo)))));
        cut.Find("#lofte-title").Change("Tryggare torget");
        cut.Find("form").Submit();
        cut.WaitForAssertion(() => Assert.Contains("Ett medborgarlöfte kan gälla i högst 4 år.", cut.Find(".period-to").TextContent, StringComparison.Ordinal));
        Assert.DoesNotContain("högst 4 år.", cut.Find(".period-from").TextContent, StringComparison.Ordinal);
        Assert.Equal("Tryggare torget", cut.Find("#lofte-title").GetAttribute("value"));
    }

    [Fact]
    public void A_stale_save_of_the_title_says_someone_else_changed_the_promise()
    {
        var cut = Render<LofteDescribeForm>(p => p.Add(x => x.Model, Model(LofteStatus.Utkast))
            .Add(x => x.Save, _ => Task.FromResult(Refused(MedborgarlofteWork.ChangedMeanwhile, conflict: true))));
        cut.Find("#lofte-title").Change("Min rubrik");
        cut.Find("form").Submit();
        cut.WaitForAssertion(() => Assert.Contains(MedborgarlofteWork.ChangedMeanwhile, cut.Find(".mud-alert").TextContent, StringComparison.Ordinal));
        Assert.Equal("Min rubrik", cut.Find("#lofte-title").GetAttribute("value"));
    }

    [Fact]
    public void A_new_commitment_without_a_party_is_refused_at_the_party_field_and_the_text_stays()
    {
        var sent = new List<string>();
        var cut = Render<CommitmentForm>(p => p.Add(x => x.Model, Model(LofteStatus.Utkast))
            .Add(x => x.Add, i => { sent.Add(i.What); return Task.FromResult(Refused("Välj vilken part som ansvarar för löftet.", "PartyId")); }));
        cut.Find("#commitment-what").Change("Mer ljus i tunneln.");
        cut.Find("form").Submit();
        cut.WaitForAssertion(() => Assert.Contains("Välj vilken part som ansvarar för löftet.", cut.Markup, StringComparison.Ordinal));
        Assert.Equal(["Mer ljus i tunneln."], sent);
        Assert.Equal("Mer ljus i tunneln.", cut.Find("#commitment-what").TextContent);
        Assert.Empty(cut.FindAll(".mud-alert"));
    }

    [Fact]
    public void A_commitment_text_saved_over_someone_elses_shows_both()
    {
        var cut = Render<LofteCommitments>(p => p.Add(x => x.Model, Model(LofteStatus.Utkast)).Add(x => x.KommunSlug, "karlstad")
            .Add(x => x.WriteText, (_, _, _, _) => Task.FromResult(Refused(MedborgarlofteWork.TextChangedMeanwhile, "What", conflict: true, current: "Deras text.")))
            .Add(x => x.Remove, _ => Task.FromResult(CommandResult.Ok(""))));
        var what = cut.Find($"#what-{Commitment}");
        what.Input("Min text.");
        what.Blur();
        cut.WaitForAssertion(() => Assert.Contains("Deras text.", cut.Find(".mud-alert").TextContent, StringComparison.Ordinal));
        Assert.Equal("Min text.", cut.Find($"#what-{Commitment}").TextContent);
    }

    [Fact]
    public void A_signatory_who_is_not_a_member_is_refused_at_the_signatory_field()
    {
        var cut = Render<PartyForm>(p => p.Add(x => x.Model, Model(LofteStatus.Utkast))
            .Add(x => x.Save, _ => Task.FromResult(Refused("Välj den som skriver under bland kommunens medlemmar.", nameof(PartyInput.SignatoryUserId)))));
        cut.Find("form").Submit();
        cut.WaitForAssertion(() => Assert.Contains("Välj den som skriver under bland kommunens medlemmar.", cut.Markup, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll(".mud-alert"));
    }

    [Fact]
    public void A_new_promise_with_an_implausible_period_is_refused_at_the_field_and_the_title_stays()
    {
        var cut = Render<NewLofteForm>(p => p.Add(x => x.Today, new DateOnly(2026, 12, 2))
            .Add(x => x.Create, _ => Task.FromResult(Refused("Ange ett slutdatum mellan år 2000 och 2100, till exempel 2026-12-31.", nameof(Medborgarlofte.ValidTo)))));
        // Drafted in December: the promise is for the coming year.
        Assert.Equal(("2027-01-01", "2027-12-31"), (cut.Find(".new-from input").GetAttribute("value"), cut.Find(".new-to input").GetAttribute("value")));
        cut.Find("#new-title").Change("Tryggare Herrhagen");
        cut.Find("form").Submit();
        cut.WaitForAssertion(() => Assert.Contains("Ange ett slutdatum mellan år 2000 och 2100", cut.Find(".new-to").TextContent, StringComparison.Ordinal));
        Assert.Equal("Tryggare Herrhagen", cut.Find("#new-title").GetAttribute("value"));
    }

    [Fact]
    public void A_dialogue_with_a_bad_theme_line_is_refused_at_the_themes_and_a_follow_up_without_a_date_at_the_date()
    {
        var dialogue = Render<DialogueForm>(p => p.Add(x => x.Today, new DateOnly(2026, 12, 2))
            .Add(x => x.Add, _ => Task.FromResult(Refused("Rad 1: skriv antalet som en siffra efter semikolonet, till exempel ”Mörk gångtunnel; 34”.", nameof(CitizenDialogue.Themes)))));
        dialogue.Find("#dialogue-themes").Change("Mörk tunnel; många");
        dialogue.Find("form").Submit();
        dialogue.WaitForAssertion(() => Assert.Contains("Rad 1: skriv antalet som en siffra", dialogue.Markup, StringComparison.Ordinal));
        Assert.Equal("Mörk tunnel; många", dialogue.Find("#dialogue-themes").TextContent);

        var followUp = Render<LofteFollowUpForm>(p => p.Add(x => x.Model, Model(LofteStatus.Gallande)).Add(x => x.Today, new DateOnly(2026, 12, 2))
            .Add(x => x.Add, _ => Task.FromResult(Refused("Ange datum.", nameof(FollowUpInput.Date)))));
        followUp.Find("form").Submit();
        followUp.WaitForAssertion(() => Assert.Contains("Ange datum.", followUp.Markup, StringComparison.Ordinal));
        Assert.Empty(Render<LofteFollowUpForm>(p => p.Add(x => x.Model, Model(LofteStatus.Gallande) with { CanFollowUp = false }).Add(x => x.Today, new DateOnly(2026, 12, 2))
            .Add(x => x.Add, _ => Task.FromResult(CommandResult.Ok("")))).FindAll("form"));
    }

    [Fact]
    public void A_commitments_lines_are_sentences_with_one_full_stop_each()
    {
        Assert.Equal("Ansvarig: Örebro kommun. Så visar vi det: Vi frågar de boende igen i höstens trygghetsvandring. Åtgärd: Byt belysning.",
            LofteDocument.Sentences("Ansvarig: Örebro kommun", "Så visar vi det: Vi frågar de boende igen i höstens trygghetsvandring.", "Åtgärd: Byt belysning"));
        Assert.Equal("Ansvarig: Polisen.", LofteDocument.Sentences("Ansvarig: Polisen", "", ""));
        // A follow-up line leads with the commitment and a colon: no full stop before it.
        Assert.Equal("Belysningen i gångtunneln byts och förstärks", PublicLofte.Short("Belysningen i gångtunneln byts och förstärks."));
    }
}
