using SakraStader.Features.Lagesbilder;
using SkiaSharp;

namespace SakraStader.Tests.Unit;

/// <summary>The area map as the documents' picture: the page's layout and shades, and its counts in words.</summary>
public sealed class AreaMapImageTests
{
    private static string Square(double lon, double lat) => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $$"""{"type":"Polygon","coordinates":[[[{{lon}},{{lat}}],[{{lon + 0.01}},{{lat}}],[{{lon + 0.01}},{{lat + 0.005}}],[{{lon}},{{lat + 0.005}}],[{{lon}},{{lat}}]]]}""");

    [Fact]
    public void Each_area_is_filled_with_the_shade_of_its_count_as_on_the_page_and_described_in_words()
    {
        var drawing = AreaMapDrawing.Of(
        [
            new MapArea("Väster", Square(15.10, 59.27), 0),
            new MapArea("Öster", Square(15.12, 59.27), 8),
            new MapArea("Norr", Square(15.14, 59.27), 2),
            new MapArea("Utan gräns", null, 3),
        ])!;
        Assert.Equal(["Utan gräns"], drawing.Missing);
        using var bitmap = SKBitmap.Decode(AreaMapImage.Png(drawing));
        Assert.Equal(AreaMapImage.Size(drawing), (bitmap.Width, bitmap.Height));
        // A point inside each square, away from its label in the middle: the band's shade, the same as the SVG's.
        SKColor At(AreaMapShape shape) => bitmap.GetPixel((int)((shape.Rings[0][0].X + 4) * 2), (int)((shape.Rings[0][0].Y - 4) * 2));
        foreach (var shape in drawing.Shapes)
        {
            Assert.Equal(SKColor.Parse(AreaMapDrawing.Colours[shape.Band]), At(shape));
        }
        Assert.Equal([0, 4, 1], drawing.Shapes.Select(s => s.Band));
        Assert.Equal("Karta: händelser: Öster 8, Norr 2, Väster 0. Samma siffror finns i tabellen efter kartan.", drawing.Description("Karta: händelser"));
    }

    [Fact]
    public void Without_any_outline_there_is_no_map()
    {
        Assert.Null(AreaMapDrawing.Of([new MapArea("Väster", null, 4)]));
        Assert.Null(AreaMapDrawing.Of([]));
    }
}
