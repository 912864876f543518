using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using SakraStader.Domain;
using SakraStader.Features.Areas;
using SakraStader.Features.Commands;
using SakraStader.Features.Groups;
using SakraStader.Features.Members;
using SakraStader.Features.Platform;
using SakraStader.Tests.Support;

namespace SakraStader.Tests.Components;

/// <summary>
/// The forms of the group, member, area and kommun pages (bunit, MudBlazor services, the command faked): a refused
/// command's message at its field with nothing typed lost, a conflict, and what a user without the right sees.
/// </summary>
public sealed class GroupAndMemberFormTests : BunitContext, IAsyncLifetime
{
    public GroupAndMemberFormTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(o => o.PopoverOptions.CheckForPopoverProvider = false);
        Services.AddSingleton<TimeProvider>(TestClock.Instance);
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();

    private static CommandResult Refused(string message, string? field, bool conflict = false) => new(false, message, field, conflict, false, null);

    /// <summary>The text around a field (its label, helper and error), found by the input's id.</summary>
    private static string FieldText<T>(IRenderedComponent<T> cut, string id) where T : Microsoft.AspNetCore.Components.IComponent =>
        cut.Find($"#{id}").Closest(".mud-input-control")!.TextContent;

    /// <summary>A text area's text, however the renderer wrote it (as content or as the value attribute).</summary>
    private static string TextAreaValue(IElement textarea) => textarea.GetAttribute("value") ?? textarea.TextContent;

    [Fact]
    public void A_member_refused_for_its_title_shows_the_message_at_the_title_and_keeps_what_was_typed()
    {
        AddMemberInput? sent = null;
        var cut = Render<MemberAddForm>(p => p
            .Add(x => x.CanAdd, true)
            .Add(x => x.Add, input =>
            {
                sent = input;
                return Task.FromResult(new CommandResult<AddedMember>(false, MembershipInput.TitleMissing, nameof(MembershipInput.Title), false, false, null, null));
            }));

        cut.Find("#email").Change("utan.titel@karlstad.example");
        cut.Find("#displayname").Change("Utan Titel");
        cut.Find("form").Submit();

        // The submit runs the form's async handler: wait until it has sent (a loaded machine takes a moment).
        cut.WaitForAssertion(() => Assert.Equal("utan.titel@karlstad.example", sent?.Email));
        Assert.Contains(MembershipInput.TitleMissing, FieldText(cut, "title"), StringComparison.Ordinal);
        Assert.DoesNotContain(MembershipInput.TitleMissing, FieldText(cut, "email"), StringComparison.Ordinal);
        Assert.Equal("utan.titel@karlstad.example", cut.Find("#email").GetAttribute("value"));
        Assert.Equal("Utan Titel", cut.Find("#displayname").GetAttribute("value"));
        Assert.Empty(cut.FindAll("code.secret"));
    }

    [Fact]
    public void A_new_account_shows_its_temporary_password_once_and_empties_the_form()
    {
        var cut = Render<MemberAddForm>(p => p
            .Add(x => x.CanAdd, true)
            .Add(x => x.Add, _ => Task.FromResult(new CommandResult<AddedMember>(true, "Medlemmen är tillagd.", null, false, false, null,
                new AddedMember(Guid.NewGuid(), "Ny Person", "abcd-efgh-jkmn-pqrs")))));

        cut.Find("#email").Change("ny.person@karlstad.example");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Equal("abcd-efgh-jkmn-pqrs", cut.Find("code.secret").TextContent));
        Assert.Contains("Ny Person är tillagd.", cut.Find(".member-added").TextContent, StringComparison.Ordinal);
        Assert.True(string.IsNullOrEmpty(cut.Find("#email").GetAttribute("value")));
    }

    [Fact]
    public void Without_the_right_the_member_forms_are_not_shown()
    {
        var add = Render<MemberAddForm>(p => p.Add(x => x.CanAdd, false).Add(x => x.Add, _ => throw new InvalidOperationException()));
        var edit = Render<MemberEditForm>(p => p.Add(x => x.CanEdit, false).Add(x => x.Stored, new MembershipInput { Title = "Utredare" })
            .Add(x => x.Save, (_, _) => throw new InvalidOperationException()));

        Assert.Empty(add.FindAll("form"));
        Assert.Empty(edit.FindAll("form"));
    }

    [Fact]
    public void A_member_change_sends_what_was_seen_and_a_conflict_keeps_the_choice_and_shows_what_is_stored()
    {
        var stored = new MembershipInput { Role = Role.Medlem, Organisation = OrganisationKind.Kommunen, Title = "Utredare" };
        (MembershipInput Input, MembershipInput Seen)? sent = null;
        var cut = Render<MemberEditForm>(p => p
            .Add(x => x.CanEdit, true)
            .Add(x => x.Stored, stored)
            .Add(x => x.Save, (input, seen) =>
            {
                sent = (input, seen);
                return Task.FromResult(Refused(MemberWork.ChangedMeanwhile, nameof(MembershipInput.Title), conflict: true));
            }));

        cut.Find("#title").Change("Trygghetssamordnare");
        cut.Find("form").Submit();
        // The page re-reads after a conflict: another person's title is stored now.
        cut.Render(p => p.Add(x => x.Stored, new MembershipInput { Role = Role.Medlem, Organisation = OrganisationKind.Kommunen, Title = "Säkerhetschef" }));

        Assert.Equal(("Trygghetssamordnare", "Utredare"), (sent!.Value.Input.Title, sent.Value.Seen.Title));
        Assert.Contains(MemberWork.ChangedMeanwhile, FieldText(cut, "title"), StringComparison.Ordinal);
        Assert.Equal("Trygghetssamordnare", cut.Find("#title").GetAttribute("value"));
        Assert.Contains("Säkerhetschef", cut.Find(".mud-alert").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_group_without_name_shows_the_message_at_the_name_and_keeps_rhythm_and_purpose()
    {
        GroupInput? sent = null;
        var cut = Render<GroupForm>(p => p
            .Add(x => x.Stored, new GroupInput())
            .Add(x => x.IsNew, true)
            .Add(x => x.CancelHref, "/orebro/grupper")
            .Add(x => x.Save, (input, _) =>
            {
                sent = input;
                return Task.FromResult(Refused("Ange gruppens namn.", "Name"));
            }));

        cut.Find("#cadence").Change("Inför storhelger");
        cut.Find("#purpose").Change("Samordnar trygghetsvandringar i Vivalla.");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Equal("Samordnar trygghetsvandringar i Vivalla.", sent?.Purpose));
        Assert.Contains("Ange gruppens namn.", FieldText(cut, "name"), StringComparison.Ordinal);
        Assert.Equal("Inför storhelger", cut.Find("#cadence").GetAttribute("value"));
        Assert.Equal("Samordnar trygghetsvandringar i Vivalla.", TextAreaValue(cut.Find("#purpose")));
    }

    [Fact]
    public void An_existing_group_is_saved_over_what_was_seen_and_a_conflict_shows_the_stored_name()
    {
        var stored = new GroupInput { Name = "ÖreBrå", CadenceKind = CadenceKind.Monthly };
        GroupInput? seen = null;
        var cut = Render<GroupForm>(p => p
            .Add(x => x.Stored, stored)
            .Add(x => x.CancelHref, "/orebro/grupper/1")
            .Add(x => x.Save, (_, s) =>
            {
                seen = s;
                return Task.FromResult(Refused(GroupWork.ChangedMeanwhile, "Name", conflict: true));
            }));

        // Kind and purpose belong to a new group only (an existing group's purpose saves itself on the page).
        Assert.Empty(cut.FindAll("#kind"));
        Assert.Empty(cut.FindAll("#purpose"));
        cut.Find("#name").Change("ÖreBrå – rådet");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Equal("ÖreBrå", seen?.Name));
        Assert.Contains(GroupWork.ChangedMeanwhile, FieldText(cut, "name"), StringComparison.Ordinal);
        Assert.Contains("Sparat nu: ÖreBrå", cut.Find(".mud-alert").TextContent, StringComparison.Ordinal);
        Assert.Equal("ÖreBrå – rådet", cut.Find("#name").GetAttribute("value"));
    }

    [Fact]
    public void An_external_participant_without_organisation_gets_the_message_there()
    {
        var cut = Render<GroupExternalForm>(p => p.Add(x => x.Add, _ =>
            Task.FromResult(Refused("Ange vilken organisation personen företräder.", "Organisation"))));

        cut.Find("#ext-name").Change("Rektor Rask");
        cut.Find("form").Submit();

        Assert.Contains("Ange vilken organisation", FieldText(cut, "ext-org"), StringComparison.Ordinal);
        Assert.DoesNotContain("Ange vilken organisation", FieldText(cut, "ext-name"), StringComparison.Ordinal);
        Assert.Equal("Rektor Rask", cut.Find("#ext-name").GetAttribute("value"));
    }

    [Fact]
    public void Adding_a_group_member_shows_a_refusal_and_says_so_when_everybody_is_in_the_group()
    {
        var cut = Render<GroupMemberAddForm>(p => p
            .Add(x => x.Candidates, [new GroupCandidate(Guid.NewGuid(), "Anna Berg", "Rektor")])
            .Add(x => x.Add, _ => Task.FromResult(Refused("Välj vem som ska läggas till.", "MembershipId"))));
        cut.Find("form").Submit();
        var none = Render<GroupMemberAddForm>(p => p.Add(x => x.Candidates, []).Add(x => x.Add, _ => throw new InvalidOperationException()));

        Assert.Contains("Välj vem som ska läggas till.", FieldText(cut, "membership"), StringComparison.Ordinal);
        Assert.Empty(none.FindAll("form"));
        Assert.Contains("Alla kommunens medlemmar är redan med i gruppen.", none.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_kommunkod_is_shown_at_the_code_and_the_name_stays()
    {
        var cut = Render<KommunForm>(p => p.Add(x => x.Create, _ =>
            Task.FromResult(new CommandResult<CreatedKommun>(false, "Kommunkoden 1880 finns redan.", "Kod", false, false, null, null))));

        cut.Find("#name").Change("Ny Örebro");
        cut.Find("#kod").Change("1880");
        cut.Find("form").Submit();

        Assert.Contains("Kommunkoden 1880 finns redan.", FieldText(cut, "kod"), StringComparison.Ordinal);
        Assert.DoesNotContain("finns redan", FieldText(cut, "name"), StringComparison.Ordinal);
        Assert.Equal("Ny Örebro", cut.Find("#name").GetAttribute("value"));
    }

    [Fact]
    public void A_new_area_refused_keeps_the_name_and_an_added_one_empties_the_field()
    {
        var answers = new Queue<CommandResult>([Refused("Det finns redan ett område med det namnet.", "Name"), CommandResult.Ok("Området är tillagt.")]);
        var cut = Render<NameAddForm>(p => p
            .Add(x => x.Label, "Nytt område").Add(x => x.InputId, "area-name").Add(x => x.ButtonText, "Lägg till området")
            .Add(x => x.Add, _ => Task.FromResult(answers.Dequeue())));

        cut.Find("#area-name").Change("Vivalla");
        cut.Find("form").Submit();
        Assert.Contains("Det finns redan", FieldText(cut, "area-name"), StringComparison.Ordinal);
        Assert.Equal("Vivalla", cut.Find("#area-name").GetAttribute("value"));

        cut.Find("form").Submit();
        Assert.DoesNotContain("Det finns redan", FieldText(cut, "area-name"), StringComparison.Ordinal);
        Assert.True(string.IsNullOrEmpty(cut.Find("#area-name").GetAttribute("value")));
    }

    [Fact]
    public void A_boundary_file_over_two_megabytes_is_refused_in_swedish_and_not_sent()
    {
        var sent = 0;
        var cut = Render<BoundaryForm>(p => p
            .Add(x => x.Areas, [new AreaRow(Guid.NewGuid(), "Vivalla", false, false)])
            .Add(x => x.Save, (_, _) =>
            {
                sent++;
                return Task.FromResult(CommandResult.Ok("Sparad."));
            }));

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(new byte[AreaWork.MaxBoundaryBytes + 1], "vivalla.geojson"));

        Assert.Contains(AreaWork.BoundaryTooLarge, FieldText(cut, "geojson"), StringComparison.Ordinal);
        Assert.Equal(0, sent);
        // The chooser does not go on showing the refused file as chosen.
        cut.WaitForAssertion(() => Assert.Equal("Ingen fil vald", cut.Find("#geojson-file-name").TextContent.Trim()));
    }

    [Fact]
    public void The_removal_confirmations_say_what_the_person_loses()
    {
        var member = new MemberModel(Guid.NewGuid(), "Eva Ek", "eva@orebro.example", new MembershipInput { Role = Role.Medlem, Title = "Fältassistent" },
            [new MemberGroup("ÖreBrå", false), new MemberGroup("EST Vivalla", true)], false);
        var kommun = MemberRemovePanel.Consequences(member, "Örebro");
        var chair = GroupMembersPage.RemovalConsequences(new GroupMemberRow(Guid.NewGuid(), Guid.NewGuid(), "Eva Ek", "Örebro kommun", "", true), "EST Vivalla");

        Assert.Contains("kan inte längre logga in i Örebro", kommun, StringComparison.Ordinal);
        Assert.Contains("ÖreBrå, EST Vivalla (ordförande)", kommun, StringComparison.Ordinal);
        Assert.Contains("pseudonym", kommun, StringComparison.Ordinal);
        Assert.Contains("slutar vara det", chair, StringComparison.Ordinal);
        Assert.Contains("Medlemskapet i kommunen finns kvar", chair, StringComparison.Ordinal);
    }
}
