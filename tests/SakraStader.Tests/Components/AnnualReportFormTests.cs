using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using SakraStader.Domain;
using SakraStader.Features.AnnualReports;
using SakraStader.Features.Commands;
using SakraStader.Tests.Support;

namespace SakraStader.Tests.Components;

/// <summary>The agreement form and the form that starts an annual report (bunit, the command faked as a delegate).</summary>
public sealed class AnnualReportFormTests : BunitContext, IAsyncLifetime
{
    private static readonly AgreementArea Centrum = new(Guid.NewGuid(), "Centrum", false);
    private static readonly AgreementArea Norr = new(Guid.NewGuid(), "Norr", false);
    private static readonly AgreementArea Gammalt = new(Guid.NewGuid(), "Gamla området", true);

    public AnnualReportFormTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton<TimeProvider>(TestClock.Instance);
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();

    private IRenderedComponent<AgreementForm> RenderForm(Func<AgreementInput, CommandResult> answer, AgreementView? editing = null, List<AgreementInput>? sent = null) =>
        Render<AgreementForm>(p => p
            .Add(x => x.Areas, [Centrum, Gammalt, Norr])
            .Add(x => x.KommunName, "Karlstad")
            .Add(x => x.Editing, editing)
            .Add(x => x.Save, input =>
            {
                sent?.Add(input);
                return Task.FromResult(answer(input));
            }));

    [Fact]
    public void A_refused_agreement_with_no_area_ticked_keeps_everything_entered_with_the_message_at_the_date()
    {
        var sent = new List<AgreementInput>();
        var cut = RenderForm(_ => new CommandResult(false, "Ange när överenskommelsen slutar gälla.", nameof(CooperationAgreement.ValidTo), false, false, null), sent: sent);

        cut.Find("#ag-title").Change("Samverkansöverenskommelse 2028–2030");
        cut.Find("#ag-parties").Change("Karlstads kommun och Polisen");
        cut.Find("#ag-focus").Change("Trygghet i centrum.");
        cut.Find("form").Submit();

        var input = Assert.Single(sent);
        Assert.Empty(input.AreaIds);
        cut.WaitForAssertion(() => Assert.Contains("Ange när överenskommelsen slutar gälla.", cut.Markup, StringComparison.Ordinal));
        var to = cut.FindAll(".mud-input-control").Single(c => c.TextContent.Contains("Gäller till och med", StringComparison.Ordinal));
        Assert.Contains("Ange när överenskommelsen slutar gälla.", to.TextContent, StringComparison.Ordinal);
        Assert.Equal("Samverkansöverenskommelse 2028–2030", cut.Find("#ag-title").GetAttribute("value"));
        Assert.Equal("Karlstads kommun och Polisen", cut.Find("#ag-parties").GetAttribute("value"));
        Assert.Contains("Trygghet i centrum.", cut.Find("#ag-focus").GetAttribute("value") ?? cut.Find("#ag-focus").TextContent, StringComparison.Ordinal);
        // An archived area is not offered for a new agreement.
        Assert.DoesNotContain("Gamla området", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Ticked_areas_are_sent_and_a_refused_area_is_told_beside_the_areas()
    {
        var sent = new List<AgreementInput>();
        var cut = RenderForm(_ => new CommandResult(false, "Välj bland kommunens områden.", nameof(AgreementInput.AreaIds), false, false, null), sent: sent);
        cut.FindAll("input[type=checkbox]")[0].Change(true);
        cut.Find("form").Submit();

        Assert.Equal([Centrum.Id], Assert.Single(sent).AreaIds);
        cut.WaitForAssertion(() => Assert.Contains("Välj bland kommunens områden.", cut.Find("fieldset.agreement-areas").TextContent, StringComparison.Ordinal));
        Assert.True(((AngleSharp.Html.Dom.IHtmlInputElement)cut.FindAll("input[type=checkbox]")[0]).IsChecked);
    }

    [Fact]
    public void A_change_starts_from_the_agreement_as_seen_and_a_conflict_is_shown_above_the_form()
    {
        var seen = new AgreementView(Guid.NewGuid(), "Överenskommelse 2025–2027", "Karlstads kommun och Polisen", new DateOnly(2025, 1, 1), new DateOnly(2027, 12, 31),
            [Gammalt.Id], ["Gamla området"], "Trygghet.");
        var sent = new List<AgreementInput>();
        var cut = RenderForm(_ => new CommandResult(false, AgreementWork.ChangedMeanwhile, null, true, false, null), seen, sent);

        Assert.Contains("Ändra överenskommelsen", cut.Find("h2").TextContent, StringComparison.Ordinal);
        Assert.Equal("Överenskommelse 2025–2027", cut.Find("#ag-title").GetAttribute("value"));
        // An archived area the agreement covers is still shown, ticked.
        Assert.Contains("Gamla området", cut.Markup, StringComparison.Ordinal);
        cut.Find("#ag-title").Change("Överenskommelse 2025–2028");
        cut.Find("form").Submit();

        var input = Assert.Single(sent);
        Assert.Equal((seen.Id, seen), (input.Id, input.Seen));
        cut.WaitForAssertion(() => Assert.Contains("Någon annan har ändrat överenskommelsen", cut.Find(".mud-alert").TextContent, StringComparison.Ordinal));
        Assert.Equal("Överenskommelse 2025–2028", cut.Find("#ag-title").GetAttribute("value"));
    }

    [Fact]
    public void Starting_a_report_sends_the_suggested_year_and_a_refusal_is_shown_at_the_year()
    {
        var sent = new List<int?>();
        var cut = Render<NewAnnualReportForm>(p => p
            .Add(x => x.Years, [2026, 2025, 2024])
            .Add(x => x.Suggested, 2025)
            .Add(x => x.AgreementsHref, "/karlstad/overenskommelser")
            .Add(x => x.Create, year =>
            {
                sent.Add(year);
                return Task.FromResult(new CommandResult(false, "Kommunen har ingen styrgrupp som kan granska rapporten.", nameof(AnnualReport.Year), false, false, null));
            }));
        cut.Find("form").Submit();
        Assert.Equal(2025, Assert.Single(sent));
        cut.WaitForAssertion(() => Assert.Contains("ingen styrgrupp", cut.Find(".mud-input-control").TextContent, StringComparison.Ordinal));
    }
}
