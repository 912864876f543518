using Bunit;
using Microsoft.Extensions.DependencyInjection;
using SakraStader.Components.Ui;
using SakraStader.Features.Lagesbilder;

namespace SakraStader.Tests.Components;

/// <summary>
/// A read-only part of an interactive page is held as markup (StaticMarkup): the page shows the part's HTML, keeps no
/// component of it alive, and renders it again only when what it shows changes.
/// </summary>
public sealed class StaticMarkupTests : BunitContext, IAsyncLifetime
{
    public StaticMarkupTests() => Services.AddLogging();

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();

    private static Dictionary<string, object?> Chart(string label, int figure) => new()
    {
        [nameof(BarChart.Id)] = "per-kategori",
        [nameof(BarChart.Caption)] = "Händelser per kategori",
        [nameof(BarChart.Series)] = (IReadOnlyList<string>)["Mars"],
        [nameof(BarChart.Rows)] = (IReadOnlyList<BarChart.ChartRow>)[new(label, [figure])],
    };

    [Fact]
    public void The_part_is_shown_as_markup_with_none_of_its_components_alive_and_rendered_again_only_for_a_new_key()
    {
        var first = new object();
        var cut = Render<StaticMarkup<BarChart>>(p => p.Add(x => x.Key, first).Add(x => x.Parameters, Chart("Skadegörelse <b>", 12)));

        Assert.Equal("Skadegörelse <b>", cut.Find(".bars__label").TextContent);
        Assert.Equal("12", cut.Find(".bars__value").TextContent);
        Assert.Empty(cut.Find(".bars").QuerySelectorAll("b"));
        Assert.Empty(cut.FindComponents<BarChart>());

        // The page renders again (a save elsewhere on it) with the same figures: the part is not rendered again.
        cut.Render(p => p.Add(x => x.Key, first).Add(x => x.Parameters, Chart("Stöld", 3)));
        Assert.Equal("Skadegörelse <b>", cut.Find(".bars__label").TextContent);

        // New figures (the page read the records again): the part shows them.
        cut.Render(p => p.Add(x => x.Key, new object()).Add(x => x.Parameters, Chart("Stöld", 3)));
        Assert.Equal("Stöld", cut.Find(".bars__label").TextContent);
        Assert.Equal("3", cut.Find(".bars__value").TextContent);
    }
}
