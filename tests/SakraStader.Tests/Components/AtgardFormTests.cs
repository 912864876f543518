using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using SakraStader.Domain;
using SakraStader.Features.Atgarder;
using SakraStader.Features.Commands;
using SakraStader.Features.Meetings;
using SakraStader.Tests.Support;

namespace SakraStader.Tests.Components;

/// <summary>
/// The measure and plan forms (bunit, MudBlazor services, the command faked as a delegate): what they send, the message
/// at the field the command names, the input kept on a refusal and a conflict, the confirmations, and what a user
/// without the right sees.
/// </summary>
public sealed class AtgardFormTests : BunitContext, IAsyncLifetime
{
    private static readonly Owner Anna = new(Guid.NewGuid(), "Anna Berg", "Polisen");

    public AtgardFormTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton<TimeProvider>(TestClock.Instance);
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();

    private static CommandResult Refused(string message, string? field, bool conflict = false) => new(false, message, field, conflict, false, null);

    private static AtgardPageModel Measure(bool canEdit = true, bool decided = true, DateOnly? due = null, Guid? version = null) => new(
        Guid.NewGuid(), version ?? Guid.NewGuid(), Guid.NewGuid(), "EST:s plan", Guid.NewGuid(), decided,
        "Belysning i tunneln", "Tio nya armaturer.", "", PreventionType.Situationell, null, "", "",
        new DateOnly(2026, 9, 1), due ?? new DateOnly(2026, 12, 31), 25_000m, null, AtgardStatus.Pagar, false, "", "", "", null, "",
        [], [], canEdit, [Anna], []);

    [Fact]
    public void The_edit_form_sends_the_version_seen_and_shows_a_refusal_at_its_field_keeping_the_input()
    {
        var model = Measure();
        var sent = new List<AtgardEditInput>();
        var cut = Render<AtgardEditForm>(p => p
            .Add(x => x.Model, model)
            .Add(x => x.Save, input =>
            {
                sent.Add(input);
                return Task.FromResult(Refused("Planen är beslutad. Skriv kort vad som ändras och varför.", nameof(PlanRevision.Note)));
            }));

        cut.Find("#e-title").Change("Belysning i båda tunnlarna");
        cut.ClickButton(b => b.TextContent.Contains("Spara ändringarna", StringComparison.Ordinal));

        cut.WaitForAssertion(() => Assert.Contains("Skriv kort vad som ändras", cut.Find("#e-note").ParentElement!.ParentElement!.ParentElement!.TextContent, StringComparison.Ordinal));
        var input = Assert.Single(sent);
        Assert.Equal((model.Version, "Belysning i båda tunnlarna", new DateOnly(2026, 12, 31)), (input.SeenVersion, input.Title, input.Due!.Value));
        Assert.Equal("Belysning i båda tunnlarna", cut.Find("#e-title").GetAttribute("value"));
    }

    [Fact]
    public void After_a_conflict_the_input_stays_and_the_next_save_goes_over_the_version_now_shown()
    {
        var model = Measure();
        var sent = new List<Guid>();
        var answers = new Queue<CommandResult>([Refused(AtgardWork.ChangedMeanwhile, null, conflict: true), CommandResult.Ok("Sparat.")]);
        var cut = Render<AtgardEditForm>(p => p
            .Add(x => x.Model, model)
            .Add(x => x.Save, input =>
            {
                sent.Add(input.SeenVersion);
                return Task.FromResult(answers.Dequeue());
            }));
        cut.Find("#e-title").Change("Min rubrik");
        cut.Find("#e-note").Change("Min anledning.");
        cut.ClickButton(b => b.TextContent.Contains("Spara ändringarna", StringComparison.Ordinal));
        cut.WaitForAssertion(() => Assert.Contains(AtgardWork.ChangedMeanwhile, cut.Markup, StringComparison.Ordinal));

        // The page read the other person's version: the form keeps the user's text and takes the new version.
        var theirs = model with { Version = Guid.NewGuid(), Title = "Deras rubrik" };
        cut.Render(p => p.Add(x => x.Model, theirs));
        cut.WaitForAssertion(() => Assert.Equal("Min rubrik", cut.Find("#e-title").GetAttribute("value")));
        cut.ClickButton(b => b.TextContent.Contains("Spara ändringarna", StringComparison.Ordinal));
        cut.WaitForAssertion(() => Assert.Equal([model.Version, theirs.Version], sent));
    }

    [Fact]
    public void A_date_that_is_not_a_date_is_refused_at_the_field_and_nothing_is_sent()
    {
        var sent = new List<AtgardEditInput>();
        var cut = Render<AtgardEditForm>(p => p
            .Add(x => x.Model, Measure())
            .Add(x => x.Save, input =>
            {
                sent.Add(input);
                return Task.FromResult(CommandResult.Ok("Sparat."));
            }));
        cut.Find("#e-due").Change("31/12");
        cut.ClickButton(b => b.TextContent.Contains("Spara ändringarna", StringComparison.Ordinal));
        cut.WaitForAssertion(() => Assert.Contains(DateEntry.Unreadable, cut.Markup, StringComparison.Ordinal));
        Assert.Empty(sent);
    }

    [Fact]
    public void An_emptied_due_date_is_removed_only_when_the_user_ticks_remove()
    {
        var sent = new List<AtgardEditInput>();
        var cut = Render<AtgardEditForm>(p => p
            .Add(x => x.Model, Measure(decided: false))
            .Add(x => x.Save, input =>
            {
                sent.Add(input);
                return Task.FromResult(CommandResult.Ok("Sparat."));
            }));
        cut.Find("#e-due").Change("");
        cut.WaitForAssertion(() => Assert.Contains("Ta bort datumet 2026-12-31", cut.Markup, StringComparison.Ordinal));
        cut.ClickButton(b => b.TextContent.Contains("Spara ändringarna", StringComparison.Ordinal));
        cut.WaitForAssertion(() => Assert.Single(sent));
        Assert.Equal((null, false), (sent[0].Due, sent[0].RemoveDue));
    }

    [Fact]
    public void Completing_is_confirmed_in_a_dialog_and_cancelling_sends_nothing()
    {
        var sent = new List<CompleteInput>();
        var model = Measure();
        var dialogs = Render<MudDialogProvider>();
        var cut = Render<AtgardCompleteForm>(p => p
            .Add(x => x.Model, model)
            .Add(x => x.Complete, input =>
            {
                sent.Add(input);
                return Task.FromResult(Refused("Skriv vad ni lärde er, också när det inte gick som tänkt.", nameof(Atgard.Learned)));
            }));
        Assert.Empty(cut.FindAll("#c-cost")); // opened when asked for
        cut.ClickButton(b => b.TextContent.Contains("Utvärdera och avsluta", StringComparison.Ordinal));
        cut.Find("#c-cost").Change("4500");

        cut.ClickButton(b => b.TextContent.Contains("Markera som genomförd", StringComparison.Ordinal));
        dialogs.WaitForAssertion(() => Assert.Contains("räknas som genomförd i planen", dialogs.Markup, StringComparison.Ordinal));
        dialogs.ClickButton(b => b.TextContent.Trim() == "Avbryt");
        Assert.Empty(sent);

        cut.ClickButton(b => b.TextContent.Contains("Markera som genomförd", StringComparison.Ordinal));
        dialogs.WaitForAssertion(() => Assert.Contains("räknas som genomförd i planen", dialogs.Markup, StringComparison.Ordinal));
        dialogs.ClickButton(b => b.TextContent.Trim() == "Markera som genomförd");
        cut.WaitForAssertion(() => Assert.Single(sent));
        Assert.Equal((model.Version, "4500"), (sent[0].SeenVersion, sent[0].ActualCost));
        cut.WaitForAssertion(() => Assert.Contains("Skriv vad ni lärde er", cut.Find("#c-learned").ParentElement!.ParentElement!.ParentElement!.TextContent, StringComparison.Ordinal));
        Assert.Equal("4500", cut.Find("#c-cost").GetAttribute("value"));
    }

    [Fact]
    public void A_reader_sees_the_texts_and_no_field()
    {
        var cut = Render<AtgardTexts>(p => p
            .Add(x => x.Model, Measure(canEdit: false))
            .Add(x => x.Save, (_, _, _) => Task.FromResult(CommandResult.Ok("Sparat."))));
        Assert.Empty(cut.FindAll("textarea"));
        Assert.Contains("Tio nya armaturer.", cut.Markup, StringComparison.Ordinal);

        var editor = Render<AtgardTexts>(p => p
            .Add(x => x.Model, Measure())
            .Add(x => x.Save, (_, _, _) => Task.FromResult(CommandResult.Ok("Sparat."))));
        Assert.Equal(Enum.GetValues<AtgardTextField>().Length, editor.FindAll("textarea").Count);
    }

    [Fact]
    public void A_follow_up_note_is_sent_the_field_empties_on_success_and_keeps_the_text_on_a_refusal()
    {
        var answers = new Queue<CommandResult>([Refused("Skriv om platser och händelser, aldrig personnummer.", nameof(AtgardProgress.Text)), CommandResult.Ok("Sparad.")]);
        var sent = new List<string>();
        var cut = Render<AtgardProgressForm>(p => p.Add(x => x.Add, text =>
        {
            sent.Add(text);
            return Task.FromResult(answers.Dequeue());
        }));
        cut.Find("#p-text").Change("Inbjudan skickad.");
        cut.ClickButton(_ => true);
        cut.WaitForAssertion(() => Assert.Contains("aldrig personnummer", cut.Markup, StringComparison.Ordinal));
        Assert.Equal("Inbjudan skickad.", cut.Find("#p-text").TextContent.Length > 0 ? cut.Find("#p-text").TextContent : cut.Find("#p-text").GetAttribute("value"));
        cut.ClickButton(_ => true);
        cut.WaitForAssertion(() => Assert.Equal(2, sent.Count));
        Assert.True(string.IsNullOrEmpty(cut.Find("#p-text").GetAttribute("value")) && cut.Find("#p-text").TextContent.Length == 0);
    }

    [Fact]
    public void Deciding_a_plan_is_confirmed_and_without_a_held_meeting_there_is_nothing_to_decide()
    {
        var meeting = new DecisionMeeting(Guid.NewGuid(), TestClock.Now.AddDays(-7));
        PlanPageModel Plan(IReadOnlyList<DecisionMeeting> meetings) => new(Guid.NewGuid(), "EST:s plan", Guid.NewGuid(), "EST", PlanStatus.Utkast, null, null,
            new PlanTotals(0, 0, 0, 0), [], true, [], [], meetings);
        var sent = new List<Guid?>();
        var dialogs = Render<MudDialogProvider>();
        var cut = Render<PlanDecisionForm>(p => p
            .Add(x => x.Model, Plan([meeting]))
            .Add(x => x.Decide, id =>
            {
                sent.Add(id);
                return Task.FromResult(CommandResult.Ok("Beslutad."));
            }));
        cut.ClickButton(b => b.TextContent.Contains("Planen är beslutad", StringComparison.Ordinal));
        dialogs.WaitForAssertion(() => Assert.Contains("behöver en kort förklaring", dialogs.Markup, StringComparison.Ordinal));
        dialogs.ClickButton(b => b.TextContent.Trim() == "Planen är beslutad");
        cut.WaitForAssertion(() => Assert.Equal(meeting.Id, Assert.Single(sent)));

        var none = Render<PlanDecisionForm>(p => p
            .Add(x => x.Model, Plan([]))
            .Add(x => x.Decide, _ => Task.FromResult(CommandResult.Ok("Beslutad."))));
        Assert.Empty(none.FindAll("button"));
        Assert.Contains("inget hållet möte", none.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void A_new_measure_on_a_decided_plan_asks_why_and_a_refusal_stands_at_the_title()
    {
        PlanPageModel Plan(PlanStatus status) => new(Guid.NewGuid(), "EST:s plan", Guid.NewGuid(), "EST", status, status == PlanStatus.Beslutad ? TestClock.Now : null, null,
            new PlanTotals(0, 0, 0, 0), [], true, [], [Anna], []);
        var cut = Render<NewMeasureForm>(p => p
            .Add(x => x.Model, Plan(PlanStatus.Beslutad))
            .Add(x => x.Add, _ => Task.FromResult(Refused("Ge åtgärden en rubrik.", nameof(Atgard.Title)))));
        Assert.NotEmpty(cut.FindAll("#m-note"));
        cut.ClickButton(b => b.TextContent.Contains("Lägg till åtgärden", StringComparison.Ordinal));
        cut.WaitForAssertion(() => Assert.Contains("Ge åtgärden en rubrik.", cut.Find("#m-title").ParentElement!.ParentElement!.ParentElement!.TextContent, StringComparison.Ordinal));

        var draft = Render<NewMeasureForm>(p => p
            .Add(x => x.Model, Plan(PlanStatus.Utkast))
            .Add(x => x.Add, _ => Task.FromResult(CommandResult.Ok("Tillagd."))));
        Assert.Empty(draft.FindAll("#m-note"));
    }

    private static readonly Features.Atgarder.GroupOption EstGroup = new(Guid.NewGuid(), "EST Centrum", GroupKind.Est);
    private static readonly Features.Atgarder.GroupOption Styrgrupp = new(Guid.NewGuid(), "Styrgruppen", GroupKind.Styrgrupp);

    [Fact]
    public void A_new_plan_goes_to_the_first_group_and_a_refusal_of_the_title_stands_at_the_title_keeping_it()
    {
        var sent = new List<(Guid Group, string Title)>();
        var cut = Render<NewPlanForm>(p => p
            .Add(x => x.Groups, [EstGroup, Styrgrupp])
            .Add(x => x.Create, (group, title) =>
            {
                sent.Add((group, title));
                return Task.FromResult(Refused("Skriv en rubrik på högst 200 tecken.", nameof(Atgardsplan.Title)));
            }));

        cut.Find("#plan-title").Change("EST:s plan för hösten");
        cut.ClickButton(b => b.TextContent.Contains("Skapa planen", StringComparison.Ordinal));

        cut.WaitForAssertion(() => Assert.Contains("Skriv en rubrik", cut.Find("#plan-title").Closest(".mud-input-control")!.TextContent, StringComparison.Ordinal));
        Assert.Equal((EstGroup.Id, "EST:s plan för hösten"), Assert.Single(sent));
        Assert.Equal("EST:s plan för hösten", cut.Find("#plan-title").GetAttribute("value"));
        var group = cut.FindAll(".mud-input-control").Single(c => c.TextContent.Contains("Grupp", StringComparison.Ordinal));
        Assert.DoesNotContain("Skriv en rubrik", group.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plan_for_a_group_the_user_may_not_plan_for_is_refused_at_the_group()
    {
        var cut = Render<NewPlanForm>(p => p
            .Add(x => x.Groups, [Styrgrupp])
            .Add(x => x.Create, (_, _) => Task.FromResult(new CommandResult(false, "Du kan inte göra planer för den här gruppen.", null, false, true, null))));

        cut.Find("#plan-title").Change("Långsiktig plan");
        cut.ClickButton(b => b.TextContent.Contains("Skapa planen", StringComparison.Ordinal));

        cut.WaitForAssertion(() =>
        {
            var group = cut.FindAll(".mud-input-control").Single(c => c.TextContent.Contains("Grupp", StringComparison.Ordinal));
            Assert.Contains("Du kan inte göra planer", group.TextContent, StringComparison.Ordinal);
        });
        Assert.DoesNotContain("Du kan inte göra planer", cut.Find("#plan-title").Closest(".mud-input-control")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_group_to_plan_for_nothing_is_sent_and_the_form_says_so_at_the_group()
    {
        var sent = 0;
        var cut = Render<NewPlanForm>(p => p
            .Add(x => x.Groups, [])
            .Add(x => x.Create, (_, _) =>
            {
                sent++;
                return Task.FromResult(CommandResult.Ok("Skapad."));
            }));

        cut.Find("#plan-title").Change("En plan");
        cut.ClickButton(b => b.TextContent.Contains("Skapa planen", StringComparison.Ordinal));

        cut.WaitForAssertion(() => Assert.Contains("Välj en av dina grupper.", cut.Markup, StringComparison.Ordinal));
        Assert.Equal(0, sent);
    }

    [Fact]
    public void Targets_send_the_problems_and_causes_ticked_and_a_refusal_at_the_note_keeps_the_ticks()
    {
        var (tunnel, square) = (new ProblemChoice(Guid.NewGuid(), "Otrygghet i gångtunneln", "Centrum"), new ProblemChoice(Guid.NewGuid(), "Klotter vid torget", "Centrum"));
        var (dark, empty) = (new CauseOption(Guid.NewGuid(), "Trasig belysning", CauseKind.Situationell, true), new CauseOption(Guid.NewGuid(), "Ingen vuxen närvaro", CauseKind.Social, false));
        var model = Measure() with { Choices = [new TargetChoice(tunnel, true, [dark, empty]), new TargetChoice(square, false, [])] };
        var sent = new List<TargetInput>();
        var cut = Render<AtgardTargetsForm>(p => p
            .Add(x => x.Model, model)
            .Add(x => x.Save, input =>
            {
                sent.Add(input);
                return Task.FromResult(Refused("Planen är beslutad. Skriv kort vad som ändras och varför.", nameof(PlanRevision.Note)));
            }));
        void Tick(string label) => cut.FindAll("label").First(l => l.TextContent.Contains(label, StringComparison.Ordinal)).QuerySelector("input")!.Change(true);

        Tick("Klotter vid torget");
        Tick("Ingen vuxen närvaro");
        cut.ClickButton(b => b.TextContent.Contains("Spara problem och orsaker", StringComparison.Ordinal));

        cut.WaitForAssertion(() => Assert.Contains("Skriv kort vad som ändras", cut.Find("#t-note").Closest(".mud-input-control")!.TextContent, StringComparison.Ordinal));
        var input = Assert.Single(sent);
        Assert.Equal(model.Version, input.SeenVersion);
        Assert.Equal([tunnel.Id, square.Id], input.Problems);
        Assert.Equal([dark.Id, empty.Id], input.Causes);
        // The ticks stay for the next try.
        Assert.All(cut.FindAll("input[type=checkbox]"), box => Assert.True(box.HasAttribute("checked") || box.GetAttribute("aria-checked") == "true", box.OuterHtml));
    }
}
