using System.Globalization;
using System.Resources;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using SakraStader.Components.Mud;
using SakraStader.Components.Ui;
using SakraStader.Features.Commands;
using SakraStader.Tests.Support;

namespace SakraStader.Tests.Components;

/// <summary>The text that saves itself (bunit, MudBlazor services, a fake save command).</summary>
public sealed class AutosaveTextTests : BunitContext, IAsyncLifetime
{
    private readonly List<(string Text, string Seen)> saves = [];

    public AutosaveTextTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton<TimeProvider>(TestClock.Instance);
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();

    private IRenderedComponent<AutosaveText> Render(string stored, Func<string, string, CommandResult> answer) =>
        Render<AutosaveText>(p => p
            .Add(x => x.Id, "summary")
            .Add(x => x.Label, "Sammanfattning")
            .Add(x => x.Value, stored)
            .Add(x => x.DebounceMs, 20)
            .Add(x => x.Save, (text, seen) =>
            {
                saves.Add((text, seen));
                return Task.FromResult(answer(text, seen));
            }));

    [Fact]
    public void Leaving_the_field_saves_the_text_over_the_stored_one_and_says_so()
    {
        var cut = Render("Läget är lugnt.", (_, _) => CommandResult.Ok("Sparat."));
        cut.Find("textarea").Input("Läget är lugnt. Klotter vid torget.");
        cut.Find("textarea").Blur();
        cut.WaitForAssertion(() => Assert.Contains("Sparat", cut.Find(".autosave__status").TextContent, StringComparison.Ordinal));
        Assert.Equal(("Läget är lugnt. Klotter vid torget.", "Läget är lugnt."), Assert.Single(saves));
    }

    [Fact]
    public void A_pause_in_the_typing_saves_without_leaving_the_field()
    {
        var cut = Render("", (_, _) => CommandResult.Ok("Sparat."));
        cut.Find("textarea").Input("Ny prognos.");
        cut.WaitForAssertion(() => Assert.Single(saves), TimeSpan.FromSeconds(5));
        Assert.Equal(("Ny prognos.", ""), saves[0]);
    }

    [Fact]
    public void A_conflict_keeps_the_users_text_and_shows_the_stored_one_beside_it()
    {
        var cut = Render("Gammal text.", (_, _) => new CommandResult(false, "Någon annan har ändrat det här.", "Summary", true, false, "Andras text."));
        cut.Find("textarea").Input("Min text.");
        cut.Find("textarea").Blur();
        cut.WaitForAssertion(() => Assert.Contains("Andras text.", cut.Markup, StringComparison.Ordinal));
        Assert.Equal("Min text.", cut.Find("textarea").GetAttribute("value") ?? cut.Find("textarea").TextContent);
        Assert.Contains("Någon annan har ändrat det här.", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("Inte sparat", cut.Find(".autosave__status").TextContent, StringComparison.Ordinal);

        // "Spara min text ändå" saves over the text now shown.
        cut.ClickButton(b => b.TextContent.Contains("Spara min text", StringComparison.Ordinal));
        cut.WaitForAssertion(() => Assert.Equal(2, saves.Count));
        Assert.Equal(("Min text.", "Andras text."), saves[1]);
    }

    [Fact]
    public void A_refused_text_keeps_what_was_typed_with_the_message_at_the_field()
    {
        var cut = Render("", (_, _) => new CommandResult(false, "Skriv inte personnummer.", "Summary", false, false, null));
        cut.Find("textarea").Input("Se 811218-9876");
        cut.Find("textarea").Blur();
        cut.WaitForAssertion(() => Assert.Contains("Skriv inte personnummer.", cut.Markup, StringComparison.Ordinal));
        Assert.Contains("811218-9876", cut.Find("textarea").GetAttribute("value") ?? cut.Find("textarea").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Unsaved_text_is_marked_for_the_page_to_keep_if_the_connection_is_lost()
    {
        var cut = Render("Läget är lugnt.", (_, _) => CommandResult.Ok("Sparat."));
        Assert.Equal("false", cut.Find(".autosave").GetAttribute("data-unsaved"));
        cut.Find("textarea").Input("Läget är lugnt. Och så");
        Assert.Equal("true", cut.Find(".autosave").GetAttribute("data-unsaved"));
        cut.Find("textarea").Blur();
        cut.WaitForAssertion(() => Assert.Equal("false", cut.Find(".autosave").GetAttribute("data-unsaved")));
    }

    [Fact]
    public void The_fingerprint_of_the_stored_text_is_on_the_page_for_a_kept_draft()
    {
        var cut = Render("Läget är lugnt.", (_, _) => CommandResult.Ok("Sparat."));
        Assert.Equal(AutosaveText.Fingerprint("Läget är lugnt."), cut.Find(".autosave").GetAttribute("data-base"));
        Assert.NotEqual(AutosaveText.Fingerprint("Läget är lugnt."), AutosaveText.Fingerprint("Läget är oroligt."));
    }

    [Fact]
    public void Text_kept_from_before_a_lost_connection_comes_back_and_is_saved_over_the_text_it_was_written_over()
    {
        JSInterop.Setup<AutosaveText.Draft?>("sakraStader.takeDraft", "summary")
            .SetResult(new AutosaveText.Draft("Läget är lugnt. Klotter vid to", AutosaveText.Fingerprint("Läget är lugnt.")));
        var cut = Render("Läget är lugnt.", (_, _) => CommandResult.Ok("Sparat."));
        cut.WaitForAssertion(() => Assert.Single(saves));
        Assert.Equal(("Läget är lugnt. Klotter vid to", "Läget är lugnt."), saves[0]);
        Assert.Contains("Klotter vid to", cut.Find("textarea").GetAttribute("value") ?? cut.Find("textarea").TextContent, StringComparison.Ordinal);
        cut.WaitForAssertion(() => Assert.Contains("Sparat", cut.Find(".autosave__status").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void A_kept_text_written_over_a_text_someone_has_changed_since_is_shown_beside_it_and_not_saved()
    {
        JSInterop.Setup<AutosaveText.Draft?>("sakraStader.takeDraft", "summary")
            .SetResult(new AutosaveText.Draft("Min text från i går.", AutosaveText.Fingerprint("Gammal text.")));
        var cut = Render("Andras nya text.", (_, _) => CommandResult.Ok("Sparat."));
        cut.WaitForAssertion(() => Assert.Contains("Texten har ändrats sedan du skrev det här.", cut.Markup, StringComparison.Ordinal));
        Assert.Empty(saves);
        Assert.Contains("Min text från i går.", cut.Find("textarea").GetAttribute("value") ?? cut.Find("textarea").TextContent, StringComparison.Ordinal);
        Assert.Contains("Andras nya text.", cut.Find(".mud-alert").TextContent, StringComparison.Ordinal);

        // The user keeps theirs: saved over the text they have now seen.
        cut.ClickButton(b => b.TextContent.Contains("Spara min text", StringComparison.Ordinal));
        cut.WaitForAssertion(() => Assert.Single(saves));
        Assert.Equal(("Min text från i går.", "Andras nya text."), saves[0]);
    }

    /// <summary>
    /// The page that was left saved the text itself (its circuit stays a moment after the page goes, and saves once the
    /// pause in the typing is over): the kept text is the stored one. Nothing is saved again, and the user is told their
    /// text is saved, as they would have been had they stayed.
    /// </summary>
    [Fact]
    public void A_kept_text_equal_to_the_stored_one_saves_nothing_and_says_it_is_saved()
    {
        JSInterop.Setup<AutosaveText.Draft?>("sakraStader.takeDraft", "summary")
            .SetResult(new AutosaveText.Draft("Läget är lugnt.", AutosaveText.Fingerprint("Läget är")));
        var cut = Render("Läget är lugnt.", (_, _) => CommandResult.Ok("Sparat."));
        cut.WaitForAssertion(() => Assert.Single(JSInterop.Invocations, i => i.Identifier == "sakraStader.takeDraft"));
        cut.WaitForAssertion(() => Assert.Equal("Sparat", cut.Find(".autosave__status").TextContent.Trim()));
        Assert.Empty(saves);
        Assert.Equal("false", cut.Find(".autosave").GetAttribute("data-unsaved"));
    }

    /// <summary>
    /// A rolling restart: the user's save reached the database but the page moved before its answer came, and the user
    /// typed on. The kept text begins with the stored one, so it is saved, not shown as someone else's change.
    /// </summary>
    [Fact]
    public void A_kept_text_that_goes_on_from_the_users_own_landed_save_is_saved_not_shown_as_a_conflict()
    {
        JSInterop.Setup<AutosaveText.Draft?>("sakraStader.takeDraft", "summary")
            .SetResult(new AutosaveText.Draft("Läget är lugnt. Klotter vid torget", AutosaveText.Fingerprint(""), "Läget är lugnt."));
        var cut = Render("Läget är lugnt.", (_, _) => CommandResult.Ok("Sparat."));
        cut.WaitForAssertion(() => Assert.Single(saves));
        Assert.Equal(("Läget är lugnt. Klotter vid torget", "Läget är lugnt."), saves[0]);
        cut.WaitForAssertion(() => Assert.Contains("Sparat", cut.Find(".autosave__status").TextContent, StringComparison.Ordinal));
        Assert.DoesNotContain("Texten har ändrats", cut.Markup, StringComparison.Ordinal);
    }

    /// <summary>
    /// The old connection saved once more what it held after the page had kept its text (it was typing while a save
    /// was on its way): the stored text begins with the text being sent and the kept text begins with it. Saved.
    /// </summary>
    [Fact]
    public void A_kept_text_over_a_later_save_of_the_old_connection_is_saved()
    {
        JSInterop.Setup<AutosaveText.Draft?>("sakraStader.takeDraft", "summary")
            .SetResult(new AutosaveText.Draft("Läget är lugnt. Klotter vid torget i kväll.", AutosaveText.Fingerprint(""), "Läget är lugnt."));
        var cut = Render("Läget är lugnt. Klotter vid", (_, _) => CommandResult.Ok("Sparat."));
        cut.WaitForAssertion(() => Assert.Single(saves));
        Assert.Equal(("Läget är lugnt. Klotter vid torget i kväll.", "Läget är lugnt. Klotter vid"), saves[0]);
        Assert.DoesNotContain("Texten har ändrats", cut.Markup, StringComparison.Ordinal);
    }

    /// <summary>Someone else emptied or shortened the text meanwhile: a kept draft does not silently put it back.</summary>
    [Fact]
    public void A_kept_text_over_a_text_someone_else_shortened_is_not_saved_over_it()
    {
        JSInterop.Setup<AutosaveText.Draft?>("sakraStader.takeDraft", "summary")
            .SetResult(new AutosaveText.Draft("Läget är lugnt. Klotter vid torget.", AutosaveText.Fingerprint("Läget är lugnt. Klotter vid torget."), ""));
        var cut = Render("Läget är lugnt.", (_, _) => CommandResult.Ok("Sparat."));
        cut.WaitForAssertion(() => Assert.Contains("Texten har ändrats sedan du skrev det här.", cut.Markup, StringComparison.Ordinal));
        Assert.Empty(saves);
    }

    /// <summary>
    /// A rolling restart: the page's circuit lost its connection and, still alive on the stopping instance, saved what it
    /// held after the page had moved and read the text. The new page's save is refused (the stored text is no longer the
    /// one it read), but the stored text only goes on from it and the user's text holds all of it: saved over it.
    /// </summary>
    [Fact]
    public void A_conflict_with_the_users_own_earlier_words_saves_over_them()
    {
        var cut = Render("Läget är lugnt.", (text, seen) => seen == "Läget är lugnt. Klotter vid"
            ? CommandResult.Ok("Sparat.")
            : new CommandResult(false, "Någon annan har ändrat det här.", "Summary", true, false, "Läget är lugnt. Klotter vid"));
        cut.Find("textarea").Input("Läget är lugnt. Klotter vid torget i kväll.");
        cut.Find("textarea").Blur();
        cut.WaitForAssertion(() => Assert.Contains("Sparat", cut.Find(".autosave__status").TextContent, StringComparison.Ordinal));
        Assert.Equal(2, saves.Count);
        Assert.Equal(("Läget är lugnt. Klotter vid torget i kväll.", "Läget är lugnt. Klotter vid"), saves[1]);
        Assert.Empty(cut.FindAll(".mud-alert"));
    }

    /// <summary>Someone else's words at the end, or someone else's shortening, are not saved over.</summary>
    [Theory]
    [InlineData("Läget är lugnt. Brand i förrådet.")]
    [InlineData("Läget")]
    public void A_conflict_with_someone_elses_change_is_not_saved_over(string theirs)
    {
        var cut = Render("Läget är lugnt.", (_, _) => new CommandResult(false, "Någon annan har ändrat det här.", "Summary", true, false, theirs));
        cut.Find("textarea").Input("Läget är lugnt. Klotter vid torget i kväll.");
        cut.Find("textarea").Blur();
        cut.WaitForAssertion(() => Assert.Contains(theirs, cut.Find(".mud-alert").TextContent, StringComparison.Ordinal));
        Assert.Single(saves);
        Assert.Contains("Inte sparat", cut.Find(".autosave__status").TextContent, StringComparison.Ordinal);
    }

    /// <summary>The answer "someone saved meanwhile" whose stored text is the user's own text: their save had landed.</summary>
    [Fact]
    public void A_conflict_with_the_users_own_text_counts_as_saved()
    {
        var cut = Render("Gammal.", (text, _) => new CommandResult(false, "Någon annan har ändrat det här.", "Summary", true, false, text));
        cut.Find("textarea").Input("Min text.");
        cut.Find("textarea").Blur();
        cut.WaitForAssertion(() => Assert.Contains("Sparat", cut.Find(".autosave__status").TextContent, StringComparison.Ordinal));
        Assert.Equal("false", cut.Find(".autosave").GetAttribute("data-unsaved"));
        Assert.Empty(cut.FindAll(".mud-alert"));
        Assert.Single(saves); // nothing written twice
    }

    /// <summary>
    /// A refusal that may pass (the database away for a moment: no field, no conflict) is tried again when the field is
    /// left; a rule's refusal at a field is not tried again for the same text.
    /// </summary>
    [Fact]
    public void A_save_that_failed_for_a_moment_is_tried_again_on_leaving_but_a_broken_rule_is_not()
    {
        var answers = new Queue<CommandResult>([
            new CommandResult(false, "Det gick inte att spara just nu. Försök igen om en stund; det du skrev finns kvar.", null, false, false, null),
            CommandResult.Ok("Sparat.")]);
        var cut = Render("", (_, _) => answers.Dequeue());
        cut.Find("textarea").Input("Ny text.");
        cut.Find("textarea").Blur();
        cut.WaitForAssertion(() => Assert.Contains("Inte sparat", cut.Find(".autosave__status").TextContent, StringComparison.Ordinal));
        cut.Find("textarea").Blur();
        cut.WaitForAssertion(() => Assert.Contains("Sparat ", cut.Find(".autosave__status").TextContent, StringComparison.Ordinal));
        Assert.Equal(2, saves.Count);

        var rule = Render("", (_, _) => new CommandResult(false, "Skriv inte personnummer.", "Summary", false, false, null));
        saves.Clear();
        rule.Find("textarea").Input("Se 811218-9876");
        rule.Find("textarea").Blur();
        rule.WaitForAssertion(() => Assert.Single(saves));
        rule.Find("textarea").Blur();
        Assert.Single(saves);
    }

    [Fact]
    public void Nothing_is_saved_when_nothing_changed()
    {
        var cut = Render("Samma.", (_, _) => CommandResult.Ok("Sparat."));
        cut.Find("textarea").Blur();
        Assert.Empty(saves);
    }

    /// <summary>No English framework text reaches a user: every text MudBlazor ships has a Swedish translation.</summary>
    [Fact]
    public void Every_MudBlazor_text_has_a_Swedish_translation()
    {
        var assembly = typeof(MudButton).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.Contains("LanguageResource", StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new ResourceReader(stream);
        var keys = new List<string>();
        foreach (System.Collections.DictionaryEntry entry in reader)
        {
            keys.Add((string)entry.Key);
        }
        Assert.True(keys.Count > 100);
        var localizer = new SwedishMudLocalizer();
        Assert.All(keys, key => Assert.False(localizer[key].ResourceNotFound, key));
        Assert.Equal("Rader per sida:", localizer["MudDataGridPager_RowsPerPage"].Value);
        Assert.Equal("Nästa månad mars", localizer["MudBaseDatePicker_NextMonth", "mars"].Value);
    }

    [Fact]
    public void The_date_pickers_culture_numbers_weeks_as_ISO_and_starts_on_Monday()
    {
        var culture = SwedishIsoCulture.Instance;
        Assert.Equal(DayOfWeek.Monday, culture.DateTimeFormat.FirstDayOfWeek);
        // sv-SE's own rule calls 30 December 2024 week 53; ISO 8601 calls it week 1 of 2025.
        Assert.Equal(1, culture.Calendar.GetWeekOfYear(new DateTime(2024, 12, 30), CalendarWeekRule.FirstFourDayWeek, DayOfWeek.Monday));
        Assert.Equal(53, culture.Calendar.GetWeekOfYear(new DateTime(2026, 12, 31), CalendarWeekRule.FirstFourDayWeek, DayOfWeek.Monday));
    }
}
