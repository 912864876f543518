using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using SakraStader.Domain;
using SakraStader.Features.Commands;
using SakraStader.Features.Groups;
using SakraStader.Features.Meetings;
using SakraStader.Features.Weeks;
using SakraStader.Tests.Support;

namespace SakraStader.Tests.Components;

/// <summary>The meeting page's and the week page's forms (bunit, MudBlazor services, fake commands).</summary>
public sealed class MeetingComponentTests : BunitContext, IAsyncLifetime
{
    private static readonly Guid Sara = Guid.NewGuid();
    private static readonly Guid Mikael = Guid.NewGuid();

    public MeetingComponentTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton<TimeProvider>(TestClock.Instance);
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();

    private static MeetingPageModel Meeting(GroupRights rights, bool held = true, bool approved = false) => new(
        Guid.NewGuid(), Guid.NewGuid(), "EST", TestClock.Now.AddDays(held ? -1 : 1), TestClock.Now.AddDays(held ? -1 : 1).AddHours(2), "Stadshuset", null,
        false, held, approved, Guid.NewGuid(), null, new Justering(null, null, null),
        [new AgendaItemInfo(Guid.NewGuid(), 1, "Lägesbild", "Lugnt i centrum.", "")],
        [new MemberInfo(Sara, "Sara Nyholm", "Polisen"), new MemberInfo(Mikael, "Mikael Strand", "Kommunen")],
        [], [], [], rights);

    private static readonly GroupRights Member = new(true, false, false, Guid.NewGuid());
    private static readonly GroupRights Chair = new(true, false, true, Guid.NewGuid());
    private static readonly GroupRights Outsider = new(false, false, false, null);

    private static Task<CommandResult> Refused(string message, string? field) => Task.FromResult(new CommandResult(false, message, field, false, false, null));

    [Fact]
    public void An_empty_agenda_item_is_refused_at_its_field_and_the_form_keeps_nothing_else()
    {
        var titles = new List<string>();
        var cut = Render<AgendaItemForm>(p => p.Add(x => x.Add, title =>
        {
            titles.Add(title);
            return title.Length == 0 ? Refused("Skriv vad punkten handlar om.", "Title") : Task.FromResult(CommandResult.Ok("Punkten är tillagd."));
        }));

        cut.Find("form").Submit();
        cut.WaitForAssertion(() => Assert.Contains("Skriv vad punkten handlar om.", cut.Find(".mud-input-helper-text").TextContent, StringComparison.Ordinal));
        cut.Find("#new-item").Change("Åtgärder till nästa möte");
        cut.Find("form").Submit();
        cut.WaitForAssertion(() => Assert.Equal(2, titles.Count));
        Assert.Equal(["", "Åtgärder till nästa möte"], titles);
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll(".mud-input-error")));
        Assert.Equal("", cut.Find("#new-item").GetAttribute("value") ?? "");
    }

    [Fact]
    public void Minutes_are_texts_that_save_themselves_for_the_group_and_plain_text_for_everybody_else()
    {
        var member = Render<MeetingAgenda>(p => p.Add(x => x.Model, Meeting(Member))
            .Add(x => x.Write, (_, _, _, _) => Task.FromResult(CommandResult.Ok("Sparat.")))
            .Add(x => x.Add, _ => Task.FromResult(CommandResult.Ok("Punkten är tillagd."))));
        var outsider = Render<MeetingAgenda>(p => p.Add(x => x.Model, Meeting(Outsider))
            .Add(x => x.Write, (_, _, _, _) => throw new InvalidOperationException("Ingen rätt att skriva."))
            .Add(x => x.Add, _ => throw new InvalidOperationException("Ingen rätt att skriva.")));
        var approved = Render<MeetingAgenda>(p => p.Add(x => x.Model, Meeting(Member, approved: true))
            .Add(x => x.Write, (_, _, _, _) => throw new InvalidOperationException("Justerat."))
            .Add(x => x.Add, _ => throw new InvalidOperationException("Justerat.")));

        Assert.Equal(2, member.FindAll("textarea").Count);
        Assert.NotNull(member.Find("#new-item"));
        Assert.Empty(outsider.FindAll("textarea"));
        Assert.Empty(outsider.FindAll("input"));
        Assert.Contains("Lugnt i centrum.", outsider.Find(".prose").TextContent, StringComparison.Ordinal);
        Assert.Empty(approved.FindAll("textarea"));
    }

    [Fact]
    public void A_substitute_without_a_name_is_refused_at_that_members_row_and_the_choices_stay()
    {
        IReadOnlyList<AttendanceInput>? sent = null;
        string? sentOthers = null;
        var cut = Render<MeetingAttendance>(p => p.Add(x => x.Model, Meeting(Member) with { OtherAttendees = "Karin Ek, nämndsekreterare" }).Add(x => x.Save, (rows, others) =>
        {
            sent = rows;
            sentOthers = others;
            var sub = rows.Single(r => r.MemberId == Mikael);
            return string.IsNullOrWhiteSpace(sub.Substitute)
                ? Refused("Ange vem som ersatte Mikael Strand.", AttendanceInput.FieldOf(Mikael))
                : Task.FromResult(CommandResult.Ok("Närvaron är sparad."));
        }));

        var radios = cut.FindAll("input[type=radio]");
        Assert.Equal(6, radios.Count);
        radios[0].Click(); // Sara Nyholm: Närvarande
        cut.FindAll("input[type=radio]")[5].Click(); // Mikael Strand: Ersatt
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find($"#sub-{Mikael}")));
        cut.Find("form").Submit();
        cut.WaitForAssertion(() => Assert.Contains("Ange vem som ersatte Mikael Strand.", cut.Markup, StringComparison.Ordinal));
        Assert.Equal(AttendanceStatus.Substitute, sent!.Single(r => r.MemberId == Mikael).Status);
        Assert.Equal(AttendanceStatus.Present, sent!.Single(r => r.MemberId == Sara).Status);
        Assert.NotNull(cut.Find($"#sub-{Mikael}")); // the choice is kept
        // Who else was there starts as stored and is sent with the rows.
        Assert.Equal("Karin Ek, nämndsekreterare", sentOthers);
        cut.Find("#others").Change("Karin Ek, nämndsekreterare; Ali Haddad, fältassistent");

        cut.Find($"#sub-{Mikael}").Change("Polisassistent Jonsson");
        cut.Find("form").Submit();
        cut.WaitForAssertion(() => Assert.Equal("Polisassistent Jonsson", sent!.Single(r => r.MemberId == Mikael).Substitute));
        Assert.Equal("Karin Ek, nämndsekreterare; Ali Haddad, fältassistent", sentOthers);
        cut.WaitForAssertion(() => Assert.DoesNotContain("Ange vem som ersatte", cut.Markup, StringComparison.Ordinal));
    }

    [Fact]
    public void Attendance_is_read_only_for_someone_outside_the_group()
    {
        var cut = Render<MeetingAttendance>(p => p.Add(x => x.Model, Meeting(Outsider) with
        {
            Attendance = [new AttendanceInfo(Sara, "Sara Nyholm", AttendanceStatus.Present, null)],
            OtherAttendees = "Karin Ek, nämndsekreterare",
        }).Add(x => x.Save, (_, _) => throw new InvalidOperationException("Ingen rätt.")));

        Assert.Empty(cut.FindAll("form"));
        Assert.Empty(cut.FindAll("input"));
        Assert.Contains("Sara Nyholm: närvarande", cut.Find("li").TextContent, StringComparison.Ordinal);
        Assert.Contains("Övriga närvarande: Karin Ek, nämndsekreterare", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void A_follow_up_without_an_owner_is_refused_at_the_owner_field()
    {
        var cut = Render<FollowUpForm>(p => p.Add(x => x.Add, input => string.IsNullOrWhiteSpace(input.Owner)
            ? Refused("Ange vem som ansvarar.", "Owner")
            : Task.FromResult(CommandResult.Ok("Tillagd."))));

        cut.Find("#fu-text").Change("Se över belysningen i gångtunneln.");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Contains("Ange vem som ansvarar.", cut.Markup, StringComparison.Ordinal));
        Assert.Equal("Se över belysningen i gångtunneln.", cut.Find("#fu-text").GetAttribute("value"));
        var owner = cut.Find("#fu-owner").Closest(".mud-input-control")!;
        Assert.Contains("Ange vem som ansvarar.", owner.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_chair_justerar_only_after_a_dialog_that_says_what_it_means()
    {
        var approvals = 0;
        var dialogs = Render<MudDialogProvider>();
        var cut = Render<MeetingApproval>(p => p.Add(x => x.Model, Meeting(Chair))
            .Add(x => x.Approve, () =>
            {
                approvals++;
                return Task.FromResult(new CommandResult(false, MeetingWork.ApprovedChangedMeanwhile, null, true, false, null));
            })
            .Add(x => x.Correct, _ => throw new InvalidOperationException("Inte justerat.")));

        // Cancelling the dialog does nothing.
        cut.ClickButton(b => b.TextContent.Contains("Justera protokollet", StringComparison.Ordinal)); // the click's handler waits for the dialog: not awaited
        dialogs.WaitForAssertion(() => Assert.Contains("Att justera betyder", dialogs.Markup, StringComparison.Ordinal));
        Assert.Contains("version 1", dialogs.Markup, StringComparison.Ordinal);
        dialogs.ClickButton(b => b.TextContent.Trim() == "Avbryt");
        dialogs.WaitForAssertion(() => Assert.DoesNotContain("Att justera betyder", dialogs.Markup, StringComparison.Ordinal));
        Assert.Equal(0, approvals);

        // Confirming sends it; minutes changed meanwhile are refused and said so.
        cut.ClickButton(b => b.TextContent.Contains("Justera protokollet", StringComparison.Ordinal)); // the click's handler waits for the dialog: not awaited
        dialogs.WaitForAssertion(() => Assert.Contains("Att justera betyder", dialogs.Markup, StringComparison.Ordinal));
        dialogs.ClickButton(b => b.TextContent.Trim() == "Justera");
        cut.WaitForAssertion(() => Assert.Equal(1, approvals));
        cut.WaitForAssertion(() => Assert.Contains(MeetingWork.ApprovedChangedMeanwhile, cut.Markup, StringComparison.Ordinal));
    }

    [Fact]
    public void Justering_says_whose_attendance_is_not_noted_before_the_protokoll_leaves_them_out()
    {
        var dialogs = Render<MudDialogProvider>();
        var noted = Meeting(Chair) with { Attendance = [new AttendanceInfo(Sara, "Sara Nyholm", AttendanceStatus.Present, null)] };
        var cut = Render<MeetingApproval>(p => p.Add(x => x.Model, noted)
            .Add(x => x.Approve, () => Task.FromResult(CommandResult.Ok("Justerat.")))
            .Add(x => x.Correct, _ => throw new InvalidOperationException("Inte rättat.")));

        // On the page, next to the button, and again in the dialog.
        Assert.Contains("Närvaron är inte antecknad för Mikael Strand.", cut.Find(".attendance-warning").TextContent, StringComparison.Ordinal);
        cut.ClickButton(b => b.TextContent.Contains("Justera protokollet", StringComparison.Ordinal)); // waits for the dialog: not awaited
        dialogs.WaitForAssertion(() => Assert.Contains("Protokollet tar bara med dem vars närvaro är antecknad.", dialogs.Markup, StringComparison.Ordinal));
        dialogs.ClickButton(b => b.TextContent.Trim() == "Avbryt");

        // No attendance at all: the protokoll has no list; all noted: no word about it.
        cut.Render(p => p.Add(x => x.Model, Meeting(Chair)));
        Assert.Contains("protokollet får ingen närvarolista", cut.Find(".attendance-warning").TextContent, StringComparison.Ordinal);
        cut.Render(p => p.Add(x => x.Model, noted with { Attendance = [.. noted.Attendance, new AttendanceInfo(Mikael, "Mikael Strand", AttendanceStatus.Absent, null)] }));
        Assert.Empty(cut.FindAll(".attendance-warning"));
    }

    [Fact]
    public void Only_the_chair_sees_the_justering_and_not_before_the_meeting()
    {
        Func<Task<CommandResult>> never = () => throw new InvalidOperationException("Ingen justering.");
        var member = Render<MeetingApproval>(p => p.Add(x => x.Model, Meeting(Member)).Add(x => x.Approve, never).Add(x => x.Correct, _ => never()));
        var early = Render<MeetingApproval>(p => p.Add(x => x.Model, Meeting(Chair, held: false)).Add(x => x.Approve, never).Add(x => x.Correct, _ => never()));
        var reader = Render<MeetingApproval>(p => p.Add(x => x.Model, Meeting(Outsider, approved: true)).Add(x => x.Approve, never).Add(x => x.Correct, _ => never()));

        Assert.Empty(member.FindAll("button"));
        Assert.Contains("Gruppens ordförande justerar protokollet.", member.Markup, StringComparison.Ordinal);
        Assert.Empty(early.FindAll("button"));
        Assert.Contains("när mötet har hållits", early.Markup, StringComparison.Ordinal);
        Assert.Empty(reader.FindAll("button"));
        Assert.Empty(reader.FindAll("input"));
    }

    [Fact]
    public void A_stale_meeting_form_shows_the_stored_time_and_place_and_keeps_the_users_values()
    {
        var cut = Render<MeetingDetailsForm>(p => p
            .Add(x => x.Input, new MeetingInput { Date = new DateTime(2027, 3, 9), Location = "Stadshuset", Version = Guid.NewGuid() })
            .Add(x => x.CancelHref, "/orebro/moten")
            .Add(x => x.Save, input => input.Location == "" ? Refused("Ange en plats.", nameof(MeetingInput.Location))
                : Task.FromResult(new CommandResult(false, "Någon annan har ändrat mötet medan du hade sidan öppen.", null, true, false, "2027-03-09 kl. 10:00–12:00, Rådhuset"))));

        cut.Find("#end").Change("08:00");
        cut.Find("#location").Change("Polishuset");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Contains("Nu gäller: 2027-03-09 kl. 10:00–12:00, Rådhuset", cut.Markup, StringComparison.Ordinal));
        Assert.Equal("Polishuset", cut.Find("#location").GetAttribute("value"));
        Assert.Equal("08:00", cut.Find("#end").GetAttribute("value"));
    }

    [Fact]
    public void The_week_texts_are_fields_for_a_member_and_text_for_a_reader()
    {
        WeekPageModel Week(bool canWrite) => new(2019, 20, new DateOnly(2019, 5, 13), new DateOnly(2019, 5, 20),
            new WeekTexts("Bränder i Kronoparken.", "", "", "Sara", TestClock.Now), [], 0, 0, [], [], [], canWrite);
        var member = Render<WeekText>(p => p.Add(x => x.Model, Week(true)).Add(x => x.Field, WeekField.Happened).Add(x => x.Label, "Vad har hänt?")
            .Add(x => x.Id, "happened").Add(x => x.Write, (_, _, _) => Task.FromResult(CommandResult.Ok("Sparat."))));
        var reader = Render<WeekText>(p => p.Add(x => x.Model, Week(false)).Add(x => x.Field, WeekField.Happened).Add(x => x.Label, "Vad har hänt?")
            .Add(x => x.Id, "happened").Add(x => x.Write, (_, _, _) => throw new InvalidOperationException("Ingen rätt.")));

        Assert.Contains("Bränder i Kronoparken.", member.Find("textarea").GetAttribute("value") ?? member.Find("textarea").TextContent, StringComparison.Ordinal);
        Assert.Empty(reader.FindAll("textarea"));
        Assert.Equal("Bränder i Kronoparken.", reader.Find(".prose").TextContent);
    }
}
