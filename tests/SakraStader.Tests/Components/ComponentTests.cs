using AngleSharp.Dom;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using SakraStader.Components.Layout;
using SakraStader.Components.Pages;
using SakraStader.Components.Ui;
using SakraStader.Data;
using SakraStader.Domain;
using SakraStader.Tenancy;
using SakraStader.Tests.Support;

namespace SakraStader.Tests.Components;

/// <summary>Components rendered with the framework's HtmlRenderer and read with AngleSharp.</summary>
public sealed class ComponentTests
{
    private static readonly KommunInfo Orebro = new(Guid.NewGuid(), "Örebro", "orebro", "1880");

    private static async Task<IDocument> RenderAsync<T>(Dictionary<string, object?> parameters, string path = "/") where T : IComponent
    {
        var services = new ServiceCollection();
        services.AddSingleton<NavigationManager>(new FixedNavigationManager("https://localhost" + path));
        services.AddLogging();
        await using var provider = services.BuildServiceProvider();
        await using var renderer = new HtmlRenderer(provider, NullLoggerFactory.Instance);
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<T>(ParameterView.FromDictionary(parameters))).ToHtmlString());
        return AppClient.Parse(html);
    }

    [Fact]
    public async Task The_app_menu_marks_the_page_the_user_is_on_and_only_that_one()
    {
        var onGroup = await RenderAsync<AppNav>(new() { ["Kommun"] = Orebro, ["Role"] = Role.Samordnare }, "/orebro/grupper/123?flik=2");
        var onOverview = await RenderAsync<AppNav>(new() { ["Kommun"] = Orebro, ["Role"] = Role.Samordnare }, "/orebro");

        var current = Assert.Single(onGroup.QuerySelectorAll("a[aria-current=page]"));
        Assert.Equal("/orebro/grupper", current.GetAttribute("href"));
        Assert.Contains("active", current.ClassList);
        Assert.Single(onGroup.QuerySelectorAll("a.active"));
        // "Översikt" is the kommun's root: it is current there and nowhere below it.
        Assert.Equal("/orebro", Assert.Single(onOverview.QuerySelectorAll("a[aria-current=page]")).GetAttribute("href"));
        Assert.Equal(14, onGroup.QuerySelectorAll("a.mud-nav-link svg[aria-hidden=true]").Length);
    }

    [Fact]
    public async Task A_list_table_is_one_row_per_item_that_stacks_into_labelled_lines_on_a_phone()
    {
        RenderFragment header = b => b.AddMarkupContent(0, "<th class=\"mud-table-cell\" scope=\"col\">Namn</th>");
        RenderFragment<string> row = name => b =>
        {
            b.OpenElement(0, "td");
            b.AddAttribute(1, "class", "mud-table-cell");
            b.AddAttribute(2, "data-label", "Namn");
            b.AddContent(3, name);
            b.CloseElement();
        };
        var table = await RenderAsync<SakraStader.Components.Lists.ListTable<string>>(new()
        {
            ["Items"] = (IEnumerable<string>)["Vivalla", "Baronbackarna"], ["Header"] = header, ["Row"] = row, ["Label"] = "Områden", ["Hover"] = true,
        });

        var frame = table.QuerySelector("div.mud-table")!;
        Assert.Contains("mud-sm-table", frame.ClassList);
        Assert.Contains("mud-table-hover", frame.ClassList);
        Assert.Equal("Områden", table.QuerySelector("table")!.GetAttribute("aria-label"));
        Assert.Equal(["Vivalla", "Baronbackarna"], table.QuerySelectorAll("tbody tr td[data-label=Namn]").Select(td => td.TextContent).ToArray());
        Assert.Equal("Namn", table.QuerySelector("thead th[scope=col]")!.TextContent);
    }

    [Fact]
    public async Task Kommun_nav_marks_the_current_page_and_hides_samordnare_links_from_a_lasare()
    {
        var lasare = await RenderAsync<NavLinks>(new() { ["Kommun"] = Orebro, ["Role"] = Role.Lasare }, "/orebro/grupper/123");
        var samordnare = await RenderAsync<NavLinks>(new() { ["Kommun"] = Orebro, ["Role"] = Role.Samordnare }, "/orebro/logg");

        Assert.Equal(["Översikt", "Grupper", "Möten", "Veckan", "Lägesbilder", "Händelser", "Åtgärdsplaner", "Medborgarlöften", "Årsrapport"], lasare.QuerySelectorAll("a").Select(a => a.TextContent.Trim()).ToArray());
        Assert.Equal("/orebro/grupper", lasare.QuerySelector("a[aria-current=page]")!.GetAttribute("href"));
        Assert.Equal(["Översikt", "Grupper", "Möten", "Veckan", "Lägesbilder", "Händelser", "Åtgärdsplaner", "Medborgarlöften", "Årsrapport", "Importera", "Områden", "Medlemmar", "Brevhuvud", "Ändringslogg"], samordnare.QuerySelectorAll("a").Select(a => a.TextContent.Trim()).ToArray());
        Assert.Equal("/orebro/logg", samordnare.QuerySelector("a[aria-current=page]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task The_area_map_draws_each_bounded_area_shaded_by_its_count_and_names_those_without_a_boundary()
    {
        static string Square(double lon, double lat) => string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $$"""{"type":"Polygon","coordinates":[[[{{lon}},{{lat}}],[{{lon + 0.01}},{{lat}}],[{{lon + 0.01}},{{lat + 0.01}}],[{{lon}},{{lat + 0.01}}],[{{lon}},{{lat}}]]]}""");
        IReadOnlyList<Features.Lagesbilder.MapArea> areas =
        [
            new("Vivalla", Square(15.16, 59.29), 40),
            new("Centrum", Square(15.18, 59.27), 9),
            new("Lugnet", Square(15.20, 59.27), 0),
            new("Hamnen", null, 3),
        ];
        var doc = await RenderAsync<Features.Lagesbilder.AreaMap>(new()
        {
            ["Id"] = "karta", ["Caption"] = "Händelser per område i mars 2026", ["TableId"] = "per-omrade", ["Areas"] = areas,
        });

        var paths = doc.QuerySelectorAll("svg path");
        Assert.Equal(["Vivalla: 40 händelser", "Centrum: 9 händelser", "Lugnet: 0 händelser"], paths.Select(p => p.QuerySelector("title")!.TextContent));
        Assert.Equal(["area-map__area area-map__area--4", "area-map__area area-map__area--1", "area-map__area area-map__area--0"],
            paths.Select(p => p.GetAttribute("class")!));
        Assert.Equal("per-omrade", doc.QuerySelector("svg")!.GetAttribute("aria-describedby"));
        // Vivalla lies north-west of Centrum: higher latitude is further up (smaller y), lower longitude further left.
        var labels = doc.QuerySelectorAll("svg text").ToDictionary(t => t.TextContent, t => (X: double.Parse(t.GetAttribute("x")!, System.Globalization.CultureInfo.InvariantCulture), Y: double.Parse(t.GetAttribute("y")!, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.True(labels["Vivalla (40)"].Y < labels["Centrum (9)"].Y && labels["Vivalla (40)"].X < labels["Centrum (9)"].X);
        Assert.Contains("Utan gräns på kartan: Hamnen", doc.QuerySelector("figure")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["0", "1–10", "11–20", "21–30", "31–40"], doc.QuerySelectorAll(".area-map__legend li").Select(l => l.TextContent));
    }

    [Fact]
    public async Task The_bar_chart_draws_a_bar_per_figure_scaled_to_the_largest_and_encodes_every_text()
    {
        IReadOnlyList<Features.Lagesbilder.BarChart.ChartRow> rows =
        [
            new("Skadegörelse <b>& klotter</b>", [40, 20, null]),
            new("Stöld", [10, 0, 4]),
        ];
        var doc = await RenderAsync<Features.Lagesbilder.BarChart>(new()
        {
            ["Id"] = "per-kategori", ["Caption"] = "Händelser per kategori i mars", ["Series"] = (IReadOnlyList<string>)["Mars", "Februari", "I fjol"], ["Rows"] = rows,
        });

        var bars = doc.QuerySelector(".bars")!;
        Assert.Equal("img", bars.GetAttribute("role"));
        Assert.Equal("per-kategori-caption", bars.GetAttribute("aria-labelledby"));
        Assert.Equal("per-kategori-table", bars.GetAttribute("aria-describedby"));
        Assert.NotNull(doc.QuerySelector("table#per-kategori-table"));
        // A label typed by a samordnare is text, never markup, in the bars and in the table.
        Assert.Null(doc.QuerySelector(".bars b"));
        Assert.Equal(["Skadegörelse <b>& klotter</b>", "Stöld"], doc.QuerySelectorAll(".bars__label").Select(l => l.TextContent));
        Assert.Equal("Skadegörelse <b>& klotter</b>", doc.QuerySelector("tbody th")!.TextContent);
        // The largest figure's bar is 85 % of the line; the others in proportion; no figure, no bar and "–".
        Assert.Equal(["width:85%", "width:42.5%", "width:0%", "width:21.25%", "width:0%", "width:8.5%"],
            doc.QuerySelectorAll(".bars__bar").Select(b => b.GetAttribute("style")!));
        Assert.Equal(["40", "20", "–", "10", "0", "4"], doc.QuerySelectorAll(".bars__value").Select(v => v.TextContent));
        Assert.Equal(["Mars", "Februari", "I fjol"], doc.QuerySelectorAll(".chart__legend li").Select(l => l.TextContent));

        var empty = await RenderAsync<Features.Lagesbilder.BarChart>(new()
        {
            ["Id"] = "tom", ["Caption"] = "Inga", ["Series"] = (IReadOnlyList<string>)["Mars"], ["Rows"] = (IReadOnlyList<Features.Lagesbilder.BarChart.ChartRow>)[new("Stöld", [0])],
        });
        Assert.Contains("Inga händelser att visa", empty.QuerySelector("figure")!.TextContent, StringComparison.Ordinal);
        Assert.Null(empty.QuerySelector(".bars"));
    }

    [Fact]
    public async Task Kommun_switcher_lists_every_kommun_of_the_user_as_plain_links()
    {
        IReadOnlyList<UserKommun> kommuner =
        [
            new(Guid.NewGuid(), "karlstad", "Karlstad", Guid.NewGuid(), Role.Medlem, OrganisationKind.Polisen, "Kommunpolis"),
            new(Orebro.Id, "orebro", "Örebro", Guid.NewGuid(), Role.Medlem, OrganisationKind.Polisen, "Kommunpolis"),
        ];
        var doc = await RenderAsync<KommunSwitcher>(new() { ["Current"] = Orebro, ["Kommuner"] = kommuner });

        Assert.NotNull(doc.QuerySelector("details > summary"));
        Assert.Equal(["/karlstad", "/orebro"], doc.QuerySelectorAll("a").Select(a => a.GetAttribute("href")!).ToArray());
        Assert.Equal("/orebro", doc.QuerySelector("a[aria-current=page]")!.GetAttribute("href"));
        Assert.Contains("Vald kommun:", doc.QuerySelector("summary")!.TextContent);
    }

    [Fact]
    public async Task A_single_kommun_needs_no_switcher()
    {
        IReadOnlyList<UserKommun> one = [new(Orebro.Id, "orebro", "Örebro", Guid.NewGuid(), Role.Samordnare, OrganisationKind.Kommunen, "Säkerhetschef")];
        var doc = await RenderAsync<KommunSwitcher>(new() { ["Current"] = Orebro, ["Kommuner"] = one });

        Assert.Null(doc.QuerySelector("details"));
        Assert.Equal("Örebro", doc.QuerySelector(".kommun-switcher__current")!.TextContent);

        // On a page of no kommun (the account's pages): a way back to it, never "Välj kommun".
        var account = await RenderAsync<KommunSwitcher>(new() { ["Current"] = null, ["Kommuner"] = one });
        Assert.Null(account.QuerySelector("details"));
        Assert.Equal("/orebro", account.QuerySelector("a.kommun-switcher__current")!.GetAttribute("href"));
        Assert.DoesNotContain("Välj kommun", account.Body!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(404, "Sidan finns inte")]
    [InlineData(400, "Begäran kunde inte behandlas")]
    [InlineData(503, "Tjänsten är tillfälligt otillgänglig")]
    public async Task Status_page_speaks_plain_swedish(int code, string heading)
    {
        var doc = await RenderAsync<StatusPage>(new() { ["Code"] = code });
        Assert.Equal(heading, doc.QuerySelector("h1")!.TextContent);
    }

    private sealed class FixedNavigationManager : NavigationManager
    {
        public FixedNavigationManager(string uri) => Initialize("https://localhost/", uri);
    }
}
