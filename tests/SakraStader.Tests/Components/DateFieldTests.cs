using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using SakraStader.Components.Ui;

namespace SakraStader.Tests.Components;

/// <summary>
/// The one date field: text that is not a date never changes the date the form holds (MudDatePicker alone empties it,
/// which silently cleared stored dates), is an error at the field and stops the form; a date typed or emptied counts.
/// </summary>
public sealed class DateFieldTests : BunitContext, IAsyncLifetime
{
    private sealed class Model
    {
        public DateTime? Date { get; set; }
    }

    private readonly Model model = new() { Date = new DateTime(2026, 5, 1) };
    private int sent;

    public DateFieldTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();

    private IRenderedComponent<EditForm> Form(bool month = false) => Render<EditForm>(p => p
        .Add(f => f.Model, model)
        .Add(f => f.OnValidSubmit, (EditContext _) => sent++)
        .Add(f => f.ChildContent, (RenderFragment<EditContext>)(_ => b =>
        {
            b.OpenComponent<DateField>(0);
            b.AddAttribute(1, nameof(DateField.Label), "Gäller till och med");
            b.AddAttribute(2, nameof(DateField.Date), model.Date);
            b.AddAttribute(3, nameof(DateField.DateChanged), EventCallback.Factory.Create<DateTime?>(this, d => model.Date = d));
            b.AddAttribute(4, nameof(DateField.Month), month);
            b.AddAttribute(5, nameof(DateField.Clearable), true);
            b.CloseComponent();
            b.OpenElement(6, "button");
            b.AddAttribute(7, "type", "submit");
            b.AddContent(8, "Spara");
            b.CloseElement();
        })));

    [Fact]
    public void Text_that_is_not_a_date_keeps_the_stored_date_says_so_at_the_field_and_stops_the_form()
    {
        var form = Form();
        form.Find("input").Change("31 juni");

        Assert.Equal(new DateTime(2026, 5, 1), model.Date);
        Assert.Equal("31 juni", form.Find("input").GetAttribute("value"));
        Assert.Contains(DateField.UnreadableDay, form.Markup, StringComparison.Ordinal);
        form.Find("form").Submit();
        Assert.Equal(0, sent);

        // A date typed over it counts, and the form goes.
        form.Find("input").Change("2026-12-07");
        Assert.Equal(new DateTime(2026, 12, 7), model.Date);
        Assert.DoesNotContain(DateField.UnreadableDay, form.Markup, StringComparison.Ordinal);
        form.Find("form").Submit();
        Assert.Equal(1, sent);
    }

    /// <summary>
    /// The form drawing itself again a while later (a save that fails, live updates) must not give the picker its date
    /// back: it would replace the user's text and, after its debounce, report an empty date.
    /// </summary>
    [Theory]
    [InlineData("31 juni")]
    [InlineData("2026-5-1")]
    [InlineData("1 maj 2026")]
    public async Task Unreadable_text_survives_the_form_drawing_itself_again(string typed)
    {
        var form = Form();
        form.Find("input").Change(typed);
        await Task.Delay(250);
        form.Render();
        await Task.Delay(250);
        form.Render();

        Assert.Equal(new DateTime(2026, 5, 1), model.Date);
        Assert.Equal(typed, form.Find("input").GetAttribute("value"));
        Assert.Contains(DateField.UnreadableDay, form.Markup, StringComparison.Ordinal);
        form.Find("form").Submit();
        Assert.Equal(0, sent);
    }

    [Fact]
    public void An_emptied_field_empties_the_date()
    {
        var form = Form();
        form.Find("input").Change("");
        Assert.Null(model.Date);
        form.Find("form").Submit();
        Assert.Equal(1, sent);
    }

    [Fact]
    public void A_month_is_typed_as_year_and_month()
    {
        var form = Form(month: true);
        form.Find("input").Change("2026-11");
        Assert.Equal(new DateTime(2026, 11, 1), model.Date);
        form.Find("input").Change("november");
        Assert.Equal(new DateTime(2026, 11, 1), model.Date);
        Assert.Contains(DateField.UnreadableMonth, form.Markup, StringComparison.Ordinal);
    }

    /// <summary>Every date in the app goes through this field (or the measure's, which also asks before a date is removed).</summary>
    [Fact]
    public void No_form_uses_a_bare_date_picker()
    {
        var root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src/SakraStader.Web"));
        var bare = Directory.EnumerateFiles(root, "*.razor", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => Path.GetFileName(f) is not ("DateField.razor" or "AtgardDateField.razor"))
            .Where(f => File.ReadAllText(f).Contains("<MudDatePicker", StringComparison.Ordinal))
            .Select(Path.GetFileName)
            .ToList();
        Assert.True(Directory.Exists(root), root);
        Assert.Empty(bare);
    }
}
