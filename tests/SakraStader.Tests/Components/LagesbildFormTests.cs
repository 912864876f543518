using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using SakraStader.Domain;
using SakraStader.Features.Commands;
using SakraStader.Features.Lagesbilder;
using SakraStader.Features.Meetings;
using SakraStader.Tests.Support;

namespace SakraStader.Tests.Components;

/// <summary>
/// The lägesbild area's forms (bunit, MudBlazor services, the command faked as a delegate): what they send, the
/// message at the field the command names, the input kept, and what a user without the right sees.
/// </summary>
public sealed class LagesbildFormTests : BunitContext, IAsyncLifetime
{
    private static readonly LagesbildGroup Est = new(Guid.NewGuid(), "EST Centrum", GroupKind.Est, true);
    private static readonly LagesbildGroup Styrgrupp = new(Guid.NewGuid(), "Styrgruppen", GroupKind.Styrgrupp, true);

    public LagesbildFormTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton<TimeProvider>(TestClock.Instance);
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();

    private static CommandResult Refused(string message, string? field, bool conflict = false) => new(false, message, field, conflict, false, null);

    [Fact]
    public void Opening_a_lagesbild_sends_the_first_group_and_this_month_and_a_refusal_stands_at_the_month()
    {
        var sent = new List<(Guid? Group, DateTime? Month)>();
        var cut = Render<NewLagesbildForm>(p => p
            .Add(x => x.Groups, [Est])
            .Add(x => x.Today, TestClock.Today)
            .Add(x => x.Open, input =>
            {
                sent.Add((input.GroupId, input.Month));
                return Task.FromResult(Refused("Välj en månad från år 2000 till och med januari 2027.", nameof(NewLagesbildInput.Month)));
            }));

        cut.Find("form").Submit();

        Assert.Equal((Est.Id, new DateTime(TestClock.Today.Year, TestClock.Today.Month, 1)), Assert.Single(sent));
        cut.WaitForAssertion(() => Assert.Contains("Välj en månad från år 2000", cut.Markup, StringComparison.Ordinal));
        var month = cut.FindAll(".mud-input-control").Single(c => c.TextContent.Contains("Månad", StringComparison.Ordinal));
        Assert.Contains("Välj en månad från år 2000", month.TextContent, StringComparison.Ordinal);
        var group = cut.FindAll(".mud-input-control").Single(c => c.TextContent.Contains("Grupp", StringComparison.Ordinal));
        Assert.DoesNotContain("Välj en månad", group.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fordjupad_with_years_in_the_wrong_order_is_refused_at_the_first_year_and_the_years_are_kept()
    {
        var cut = Render<NewFordjupadForm>(p => p
            .Add(x => x.Groups, [Styrgrupp])
            .Add(x => x.CurrentYear, 2026)
            .Add(x => x.Create, input => Task.FromResult(input.FromYear > input.ToYear
                ? Refused("Första året kan inte komma efter det sista.", nameof(FordjupadLagesbild.FromYear))
                : CommandResult.Ok("Skapad."))));

        cut.Find("#from-year").Change("2026");
        cut.Find("#to-year").Change("2025");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Contains("Första året kan inte komma efter det sista.", cut.Find("#from-year").Closest(".mud-input-control")!.TextContent, StringComparison.Ordinal));
        Assert.DoesNotContain("Första året", cut.Find("#to-year").Closest(".mud-input-control")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("2026", cut.Find("#from-year").GetAttribute("value"));
        Assert.Equal("2025", cut.Find("#to-year").GetAttribute("value"));
    }

    [Fact]
    public void A_measure_in_a_decided_plan_asks_why_and_the_refusal_stands_at_the_note_with_the_title_kept()
    {
        var plan = new MeasurePlanOption(Guid.NewGuid(), Guid.NewGuid(), "EST:s plan", Decided: true);
        ProblemMeasureInput? sent = null;
        var cut = Render<ProblemMeasureForm>(p => p
            .Add(x => x.Plans, [plan])
            .Add(x => x.Add, input =>
            {
                sent = input;
                return Task.FromResult(Refused("Planen är beslutad. Skriv kort vad som ändras och varför.", "Note"));
            }));

        Assert.NotNull(cut.Find("#mp-note"));
        cut.Find("#mp-title").Change("Trygghetsvandring med boende");
        cut.Find("form").Submit();

        Assert.Equal((plan.Id, "Trygghetsvandring med boende"), (sent!.PlanId, sent.Title));
        cut.WaitForAssertion(() => Assert.Contains("Skriv kort vad som ändras", cut.Find("#mp-note").Closest(".mud-input-control")!.TextContent, StringComparison.Ordinal));
        Assert.DoesNotContain("Skriv kort vad som ändras", cut.Find("#mp-title").Closest(".mud-input-control")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Trygghetsvandring med boende", cut.Find("#mp-title").GetAttribute("value"));
    }

    [Fact]
    public void A_draft_plan_needs_no_note()
    {
        var cut = Render<ProblemMeasureForm>(p => p
            .Add(x => x.Plans, [new MeasurePlanOption(Guid.NewGuid(), Guid.NewGuid(), "Utkast", Decided: false)])
            .Add(x => x.Add, _ => Task.FromResult(CommandResult.Ok("Tillagd."))));
        Assert.Empty(cut.FindAll("#mp-note"));
    }

    [Fact]
    public void An_approval_is_confirmed_in_a_dialog_that_says_what_happens_and_cancelling_sends_nothing()
    {
        var meeting = new DecisionMeeting(Guid.NewGuid(), TestClock.Now.AddDays(-7));
        var sent = new List<Guid?>();
        var dialogs = Render<MudDialogProvider>();
        var cut = Render<FordjupadApprovePanel>(p => p
            .Add(x => x.Period, "2025–2026")
            .Add(x => x.Meetings, [meeting])
            .Add(x => x.Approve, id =>
            {
                sent.Add(id);
                return Task.FromResult(CommandResult.Ok("Godkänd."));
            }));

        cut.ClickButton(b => b.TextContent.Contains("Godkänn den fördjupade", StringComparison.Ordinal));
        dialogs.WaitForAssertion(() => Assert.Contains("Siffror och texter låses", dialogs.Markup, StringComparison.Ordinal));
        dialogs.ClickButton(b => b.TextContent.Trim() == "Avbryt");
        Assert.Empty(sent);

        cut.ClickButton(b => b.TextContent.Contains("Godkänn den fördjupade", StringComparison.Ordinal));
        dialogs.WaitForAssertion(() => Assert.Contains("Siffror och texter låses", dialogs.Markup, StringComparison.Ordinal));
        dialogs.ClickButton(b => b.TextContent.Trim() == "Godkänn");
        cut.WaitForAssertion(() => Assert.Equal(meeting.Id, Assert.Single(sent)));
    }

    [Fact]
    public void Without_a_held_meeting_there_is_nothing_to_approve()
    {
        var cut = Render<FordjupadApprovePanel>(p => p
            .Add(x => x.Period, "2026")
            .Add(x => x.Meetings, [])
            .Add(x => x.Approve, _ => Task.FromResult(CommandResult.Ok("Godkänd."))));
        Assert.Empty(cut.FindAll("button"));
        Assert.Contains("inget hållet möte", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reader_sees_the_analysis_as_text_and_no_field()
    {
        var cut = Render<FordjupadTextBlock>(p => p
            .Add(x => x.Field, FordjupadText.Causes)
            .Add(x => x.Label, "Orsaker")
            .Add(x => x.Value, "Skymd sikt vid torget.")
            .Add(x => x.Editable, false)
            .Add(x => x.ShowLabel, true));
        Assert.Empty(cut.FindAll("textarea"));
        Assert.Equal("Skymd sikt vid torget.", cut.Find("p.prose").TextContent);

        var writer = Render<FordjupadTextBlock>(p => p
            .Add(x => x.Field, FordjupadText.Causes)
            .Add(x => x.Label, "Orsaker")
            .Add(x => x.Value, "Skymd sikt vid torget.")
            .Add(x => x.Editable, true)
            .Add(x => x.Save, (_, _, _) => Task.FromResult(CommandResult.Ok("Sparat."))));
        Assert.Equal("text-causes", writer.Find("textarea").Id);
    }

    [Fact]
    public void A_cause_refused_for_its_evidence_says_so_at_the_evidence_and_keeps_what_was_written()
    {
        var assessment = Guid.NewGuid();
        var sent = new List<(string Text, CauseKind Kind, string Evidence)>();
        var cut = Render<CauseForm>(p => p
            .Add(x => x.AssessmentId, assessment)
            .Add(x => x.Add, input =>
            {
                sent.Add((input.Text, input.Kind, input.Evidence));
                return Task.FromResult(Refused("Skriv vad som visar att det är en orsak.", "Evidence"));
            }));

        cut.Find($"#cause-{assessment}").Change("Trasig belysning i gångtunneln");
        cut.ClickButton(b => b.TextContent.Contains("Lägg till orsaken", StringComparison.Ordinal));

        cut.WaitForAssertion(() => Assert.Contains("Skriv vad som visar", cut.Find($"#evidence-{assessment}").Closest(".mud-input-control")!.TextContent, StringComparison.Ordinal));
        Assert.DoesNotContain("Skriv vad som visar", cut.Find($"#cause-{assessment}").Closest(".mud-input-control")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(("Trasig belysning i gångtunneln", CauseKind.Situationell, ""), Assert.Single(sent));
        Assert.Equal("Trasig belysning i gångtunneln", cut.Find($"#cause-{assessment}").GetAttribute("value"));
    }

    [Fact]
    public void An_added_cause_empties_the_form_for_the_next()
    {
        var assessment = Guid.NewGuid();
        var cut = Render<CauseForm>(p => p
            .Add(x => x.AssessmentId, assessment)
            .Add(x => x.Add, _ => Task.FromResult(CommandResult.Ok("Orsaken är tillagd."))));

        cut.Find($"#cause-{assessment}").Change("Samlingsplats utan vuxna");
        cut.Find($"#evidence-{assessment}").Change("Fältassistenternas rapporter");
        cut.ClickButton(b => b.TextContent.Contains("Lägg till orsaken", StringComparison.Ordinal));

        cut.WaitForAssertion(() => Assert.Equal("", cut.Find($"#cause-{assessment}").GetAttribute("value") ?? ""));
        Assert.Equal("", cut.Find($"#evidence-{assessment}").GetAttribute("value") ?? "");
    }

    /// <summary>The page's model as the problem form reads it (the open problems and the areas; the rest is not its part).</summary>
    private static LagesbildPageModel ForProblems(IReadOnlyList<ProblemOption> open, IReadOnlyList<AreaOption> areas) => new(
        Guid.NewGuid(), Est.Id, Est.Name, 2026, 11, LagesbildStatus.Utkast, Guid.NewGuid(), null, [], false, null, null!, [],
        new Features.Groups.GroupRights(true, true, false, null), true, true, "Kommunen", "", [], [], "", "", open, areas);

    [Fact]
    public void A_new_problem_refused_for_its_area_says_so_at_the_area_and_keeps_the_title()
    {
        var sent = new List<(Guid? Existing, Guid? Area, string Title)>();
        var cut = Render<ProblemForm>(p => p
            .Add(x => x.Model, ForProblems([], [new AreaOption(Guid.NewGuid(), "Centrum")]))
            .Add(x => x.Add, input =>
            {
                sent.Add((input.ExistingProblemId, input.AreaId, input.Title));
                return Task.FromResult(Refused("Välj området där problemet finns.", nameof(ProblemInput.AreaId)));
            }));

        cut.Find("#new-problem-title").Change("Klotter och samlingsplats vid centrumhuset");
        cut.ClickButton(b => b.TextContent.Contains("Lägg till problemet", StringComparison.Ordinal));

        cut.WaitForAssertion(() =>
        {
            var area = cut.FindAll(".mud-input-control").Single(c => c.TextContent.Contains("Område", StringComparison.Ordinal));
            Assert.Contains("Välj området", area.TextContent, StringComparison.Ordinal);
        });
        Assert.DoesNotContain("Välj området", cut.Find("#new-problem-title").Closest(".mud-input-control")!.TextContent, StringComparison.Ordinal);
        Assert.Equal((null, null, "Klotter och samlingsplats vid centrumhuset"), Assert.Single(sent));
        Assert.Equal("Klotter och samlingsplats vid centrumhuset", cut.Find("#new-problem-title").GetAttribute("value"));
    }

    [Fact]
    public void Open_problems_are_offered_first_and_an_added_problem_empties_the_form()
    {
        var cut = Render<ProblemForm>(p => p
            .Add(x => x.Model, ForProblems([new ProblemOption(Guid.NewGuid(), "Otrygghet i gångtunneln", "Centrum")], [new AreaOption(Guid.NewGuid(), "Centrum")]))
            .Add(x => x.Add, _ => Task.FromResult(CommandResult.Ok("Problemet är tillagt."))));

        Assert.Contains("Ett problem som redan finns", cut.Markup, StringComparison.Ordinal);
        cut.Find("#new-problem-title").Change("Klotter vid torget");
        cut.ClickButton(b => b.TextContent.Contains("Lägg till problemet", StringComparison.Ordinal));

        cut.WaitForAssertion(() => Assert.Equal("", cut.Find("#new-problem-title").GetAttribute("value") ?? ""));
    }
}
