using SkiaSharp;

namespace SakraStader.Features.Lagesbilder;

/// <summary>
/// The area map as a PNG picture for the Word and PDF documents (a document cannot carry the page's SVG on its own:
/// Word needs a picture, and LibreOffice carries it into the PDF with its text alternative). Drawn with SkiaSharp from
/// the same <see cref="AreaMapDrawing"/> as the page, at twice the page's size so that it prints sharp, with the legend
/// under the map since the picture stands alone in the document.
/// </summary>
public static class AreaMapImage
{
    private const float Scale = 2;
    private const float LegendHeight = 34;

    /// <summary>Fonts tried in turn for the labels; a system without any of them gets the map without labels.</summary>
    private static readonly string[] FontFiles =
    [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
        "/usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    ];

    private static readonly Lazy<SKTypeface?> Typeface = new(() =>
        FontFiles.Where(File.Exists).Select(SKTypeface.FromFile).FirstOrDefault(t => t is not null));

    /// <summary>The picture's size in pixels (width, height); its proportions are the map's plus the legend.</summary>
    public static (int Width, int Height) Size(AreaMapDrawing drawing) =>
        ((int)(AreaMapDrawing.Width * Scale), (int)Math.Ceiling((drawing.Height + LegendHeight) * Scale));

    public static byte[] Png(AreaMapDrawing drawing)
    {
        var (width, height) = Size(drawing);
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul))
            ?? throw new InvalidOperationException("SkiaSharp could not make a drawing surface.");
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        canvas.Scale(Scale);
        var outline = SKColor.Parse(AreaMapDrawing.Outline);
        using var fill = new SKPaint { Style = SKPaintStyle.Fill, IsAntialias = true };
        using var stroke = new SKPaint { Style = SKPaintStyle.Stroke, StrokeWidth = 1.5f, Color = outline, IsAntialias = true };
        foreach (var shape in drawing.Shapes)
        {
            using var builder = new SKPathBuilder { FillType = SKPathFillType.EvenOdd };
            foreach (var ring in shape.Rings)
            {
                builder.AddPoly([.. ring.Select(p => new SKPoint((float)p.X, (float)p.Y))], close: true);
            }
            using var path = builder.Detach();
            fill.Color = SKColor.Parse(AreaMapDrawing.Colours[shape.Band]);
            canvas.DrawPath(path, fill);
            canvas.DrawPath(path, stroke);
        }

        if (Typeface.Value is not { } typeface)
        {
            return Encode(surface);
        }
        using var font = new SKFont(typeface, 13);
        using var halo = new SKPaint { Style = SKPaintStyle.Stroke, StrokeWidth = 3, IsAntialias = true, StrokeJoin = SKStrokeJoin.Round };
        using var ink = new SKPaint { Style = SKPaintStyle.Fill, IsAntialias = true };
        foreach (var shape in drawing.Shapes)
        {
            // As on the page: dark text with a white halo on light shades, white text with a dark halo on dark ones.
            var light = shape.Band >= 3;
            halo.Color = light ? outline : SKColors.White;
            ink.Color = light ? SKColors.White : SKColor.Parse("#1b1f24");
            var label = $"{shape.Name} ({shape.Count})";
            var x = (float)shape.LabelX;
            var y = (float)shape.LabelY + 4;
            canvas.DrawText(label, x, y, SKTextAlign.Center, font, halo);
            canvas.DrawText(label, x, y, SKTextAlign.Center, font, ink);
        }

        // The legend: a swatch and the counts it covers for each band that a count can fall in.
        using var legendFont = new SKFont(typeface, 12);
        ink.Color = SKColor.Parse("#1b1f24");
        var legendY = (float)drawing.Height + 12;
        var at = 8f;
        canvas.DrawText("Antal händelser:", at, legendY + 11, SKTextAlign.Left, legendFont, ink);
        at += legendFont.MeasureText("Antal händelser:") + 10;
        for (var b = 0; b < drawing.Bands.Count; b++)
        {
            if (drawing.Bands[b].Length == 0)
            {
                continue;
            }
            fill.Color = SKColor.Parse(AreaMapDrawing.Colours[b]);
            var swatch = new SKRect(at, legendY, at + 14, legendY + 14);
            canvas.DrawRect(swatch, fill);
            stroke.StrokeWidth = 1;
            canvas.DrawRect(swatch, stroke);
            at += 19;
            canvas.DrawText(drawing.Bands[b], at, legendY + 11, SKTextAlign.Left, legendFont, ink);
            at += legendFont.MeasureText(drawing.Bands[b]) + 14;
        }
        return Encode(surface);
    }

    private static byte[] Encode(SKSurface surface)
    {
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
