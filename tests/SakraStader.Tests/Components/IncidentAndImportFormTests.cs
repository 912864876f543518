using System.Text;
using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using SakraStader.Domain;
using SakraStader.Features.Commands;
using SakraStader.Features.Import;
using SakraStader.Features.Incidents;
using SakraStader.Tests.Support;

namespace SakraStader.Tests.Components;

/// <summary>The incident report form and the import upload form (bunit, MudBlazor services, fake commands).</summary>
public sealed class IncidentAndImportFormTests : BunitContext, IAsyncLifetime
{
    private static readonly IncidentOption Klotter = new(Guid.NewGuid(), "Klotter");
    private static readonly IncidentOption Vivalla = new(Guid.NewGuid(), "Vivalla");
    private static readonly IncidentFormModel Form = new([Klotter, new(Guid.NewGuid(), "Skadegörelse")], [Vivalla, new(Guid.NewGuid(), "Centrum")], Vivalla.Id, "Bostadsbolaget");

    private readonly List<IncidentInput> reports = [];
    private readonly List<(ImportKind Kind, string Name, byte[] Content)> uploads = [];

    public IncidentAndImportFormTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton<TimeProvider>(TestClock.Instance);
        Render<MudPopoverProvider>();
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();

    private IRenderedComponent<IncidentReportForm> RenderReport(Func<IncidentInput, CommandResult> answer, bool canReport = true, IncidentFormModel? form = null) =>
        Render<IncidentReportForm>(p => p
            .Add(x => x.Form, form ?? Form)
            .Add(x => x.CanReport, canReport)
            .Add(x => x.Report, input =>
            {
                reports.Add(new IncidentInput
                {
                    CategoryId = input.CategoryId, AreaId = input.AreaId, Place = input.Place, Date = input.Date, Time = input.Time,
                    Organisation = input.Organisation, Description = input.Description,
                });
                return Task.FromResult(answer(input));
            }));

    [Fact]
    public void The_report_starts_with_now_the_usual_area_and_the_organisation_and_keeps_the_area_for_the_next()
    {
        var cut = RenderReport(_ => CommandResult.Ok("Händelsen är sparad."));
        Assert.Equal("Vivalla", cut.Find("#area").GetAttribute("value"));
        Assert.Equal("Bostadsbolaget", cut.Find("#organisation").GetAttribute("value"));
        Assert.Equal(TestClock.Instance.LocalNow().ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), cut.Find("#time").GetAttribute("value"));

        cut.Find("#description").Change("Klotter på elskåpet.");
        cut.Find("#place").Change("Vivalla torg");
        cut.Find("form").Submit();

        var sent = Assert.Single(reports);
        Assert.Equal((Vivalla.Id, "Vivalla torg", "Klotter på elskåpet.", TestClock.Today), (sent.AreaId, sent.Place, sent.Description, DateOnly.FromDateTime(sent.Date!.Value)));
        // Saved: the next report is fresh but in the same area.
        cut.WaitForAssertion(() => Assert.Equal("", cut.Find("#description").GetAttribute("value") ?? cut.Find("#description").TextContent));
        Assert.Equal("Vivalla", cut.Find("#area").GetAttribute("value"));
    }

    [Fact]
    public void A_refused_report_shows_the_message_at_its_field_and_keeps_what_was_typed()
    {
        var cut = RenderReport(_ => new CommandResult(false, "Datumet ligger mer än 20 år bakåt i tiden. Kontrollera året.", nameof(IncidentInput.Date), false, false, null));
        cut.Find("#description").Change("Krossad ruta i porten.");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Contains("bakåt i tiden", cut.Markup, StringComparison.Ordinal));
        var dateField = cut.FindComponents<MudDatePicker>().Single();
        Assert.Contains("Datumet ligger mer än 20 år bakåt i tiden. Kontrollera året.", dateField.Markup, StringComparison.Ordinal);
        Assert.Contains("mud-input-error", dateField.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("bakåt i tiden", cut.FindComponents<MudTextField<string>>().Single(f => f.Markup.Contains("id=\"description\"", StringComparison.Ordinal)).Markup, StringComparison.Ordinal);
        Assert.Contains("Krossad ruta i porten.", cut.Find("#description").GetAttribute("value") ?? cut.Find("#description").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_the_right_or_the_kommuns_choices_there_is_no_form()
    {
        var none = RenderReport(_ => CommandResult.Ok(""), canReport: false);
        Assert.Empty(none.FindAll("form"));
        Assert.Contains("kan inte rapportera", none.Markup, StringComparison.Ordinal);

        var empty = RenderReport(_ => CommandResult.Ok(""), form: Form with { Categories = [] });
        Assert.Empty(empty.FindAll("form"));
        Assert.Contains("Samordnaren behöver lägga upp", empty.Markup, StringComparison.Ordinal);
    }

    private IRenderedComponent<ImportUploadForm> RenderUpload(Func<CommandResult<Guid>> answer, List<Guid> uploaded, IReadOnlyList<ImportKind>? kinds = null,
        string? initialError = null) =>
        Render<ImportUploadForm>(p => p
            .Add(x => x.Kinds, kinds ?? [ImportKind.CrimeStatistics, ImportKind.Incidents])
            .Add(x => x.Initial, ImportKind.Incidents)
            .Add(x => x.InitialError, initialError)
            .Add(x => x.Uploaded, id => uploaded.Add(id))
            .Add(x => x.Upload, (kind, name, content) =>
            {
                using var copy = new MemoryStream();
                content.CopyTo(copy);
                uploads.Add((kind, name, copy.ToArray()));
                return Task.FromResult(answer());
            }));

    [Fact]
    public void The_file_chooser_speaks_swedish_and_names_the_chosen_file()
    {
        var cut = RenderUpload(() => new CommandResult<Guid>(true, "Filen är kontrollerad.", null, false, false, null, Guid.NewGuid()), []);
        var input = cut.Find("input[type=file]#file");
        // The browser's own input (which says "Choose File" in an English browser) is hidden; a Swedish button labels it.
        Assert.Contains("visually-hidden", input.ClassList);
        Assert.Equal("Välj fil", cut.Find("label[for=file]").TextContent.Trim());
        Assert.Equal("Ingen fil vald", cut.Find("#file-name").TextContent.Trim());
        Assert.Equal("file-label file-button file-name", input.GetAttribute("aria-labelledby"));
        Assert.Equal("file-button", cut.Find("label[for=file]").Id);
        Assert.Equal("CSV-fil", cut.Find("#file-label").TextContent.Trim());

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("Datum;Kategori\r\n", "logg.csv"));

        cut.WaitForAssertion(() => Assert.Equal("logg.csv", cut.Find("#file-name").TextContent.Trim()));
        Assert.Equal("Välj en annan fil", cut.Find("label[for=file]").TextContent.Trim());
    }

    [Fact]
    public void The_upload_reads_the_chosen_file_and_hands_it_to_the_check_with_the_kind()
    {
        var id = Guid.NewGuid();
        List<Guid> uploaded = [];
        var cut = RenderUpload(() => new CommandResult<Guid>(true, "Filen är kontrollerad.", null, false, false, null, id), uploaded);
        var content = Encoding.UTF8.GetBytes("Datum;Kategori\r\n2026-03-14;Klotter\r\n");
        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(content, "logg.csv", contentType: "text/csv"));
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Equal([id], uploaded));
        var sent = Assert.Single(uploads);
        Assert.Equal((ImportKind.Incidents, "logg.csv"), (sent.Kind, sent.Name));
        Assert.Equal(content, sent.Content);
    }

    [Fact]
    public void No_file_a_too_large_file_or_a_refused_one_gets_its_message_at_the_file_and_nothing_is_sent_too_early()
    {
        List<Guid> uploaded = [];
        var cut = RenderUpload(() => new CommandResult<Guid>(false, "Din roll får inte importera anmälda brott.", "File", false, false, null, default), uploaded);
        cut.Find("form").Submit();
        Assert.Equal("Välj en fil.", cut.Find("#file-error").TextContent);

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(new byte[ImportHandler.MaxBytes + 1], "stor.csv"));
        cut.Find("form").Submit();
        Assert.Equal(ImportHandler.TooLargeMessage, cut.Find("#file-error").TextContent);
        Assert.Empty(uploads);

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("År;Månad\r\n2019;1\r\n", "brott.csv"));
        cut.Find("form").Submit();
        cut.WaitForAssertion(() => Assert.Equal("Din roll får inte importera anmälda brott.", cut.Find("#file-error").TextContent));
        Assert.Empty(uploaded);
        Assert.Contains("Händelser", cut.FindComponent<MudSelect<ImportKind>>().Markup, StringComparison.Ordinal);

        var tooLarge = RenderUpload(() => default!, uploaded, initialError: ImportHandler.TooLargeMessage);
        Assert.Equal(ImportHandler.TooLargeMessage, tooLarge.Find("#file-error").TextContent);
    }

    [Fact]
    public void A_role_that_may_import_nothing_sees_no_form()
    {
        var cut = RenderUpload(() => default!, [], kinds: []);
        Assert.Empty(cut.FindAll("form"));
        Assert.Contains("kan inte importera", cut.Markup, StringComparison.Ordinal);
    }
}
