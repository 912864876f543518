using SakraStader.Components.Ui;
using SakraStader.Domain;

namespace SakraStader.Features.Lagesbilder;

/// <summary>
/// The kommun's areas laid out for a map of the month's reports: each area's outline projected onto a plane
/// <see cref="Width"/> wide, its shade (one of five bands up to the month's highest count) and where its label goes.
/// One drawing for both the page (<see cref="AreaMap"/>, as SVG) and the documents (<see cref="AreaMapImage"/>, as PNG),
/// so that the two never disagree.
/// </summary>
public sealed record AreaMapDrawing(double Height, IReadOnlyList<AreaMapShape> Shapes, IReadOnlyList<string> Bands, IReadOnlyList<string> Missing)
{
    public const double Width = 640;
    private const double Margin = 8;

    /// <summary>The five shades, from no reports to the most; the page's stylesheet uses the same.</summary>
    public static readonly IReadOnlyList<string> Colours = ["#f1f4f8", "#c6d8ef", "#8db3df", "#3d78bd", "#1a4b8c"];

    public const string Outline = "#0b2e5c";

    /// <summary>The areas that have an outline; null when none has (then there is no map to draw).</summary>
    public static AreaMapDrawing? Of(IReadOnlyList<MapArea> areas)
    {
        var missing = new List<string>();
        var parsed = new List<(MapArea Area, GeoBoundary Boundary)>();
        foreach (var a in areas)
        {
            if (a.Boundary is null)
            {
                if (a.Count > 0)
                {
                    missing.Add(a.Name);
                }
                continue;
            }
            try
            {
                parsed.Add((a, GeoBoundary.Parse(a.Boundary)));
            }
            catch (DomainException)
            {
                missing.Add(a.Name);
            }
        }
        if (parsed.Count == 0)
        {
            return null;
        }
        var points = parsed.SelectMany(p => p.Boundary.Polygons.SelectMany(poly => poly[0])).ToList();
        double minLon = points.Min(p => p.Lon), maxLon = points.Max(p => p.Lon), minLat = points.Min(p => p.Lat), maxLat = points.Max(p => p.Lat);
        // Equirectangular with the longitude shrunk by cos(latitude): true enough in shape at a kommun's scale.
        var k = Math.Cos((minLat + maxLat) / 2 * Math.PI / 180);
        var spanX = Math.Max((maxLon - minLon) * k, 1e-9);
        var spanY = Math.Max(maxLat - minLat, 1e-9);
        var scale = (Width - 2 * Margin) / spanX;
        var height = Math.Min(spanY * scale + 2 * Margin, Width * 1.2);
        scale = Math.Min(scale, (height - 2 * Margin) / spanY);
        (double X, double Y) Project((double Lon, double Lat) p) => (Margin + (p.Lon - minLon) * k * scale, Margin + (maxLat - p.Lat) * scale);

        var max = Math.Max(1, parsed.Max(p => p.Area.Count));
        var shapes = new List<AreaMapShape>();
        foreach (var (area, boundary) in parsed)
        {
            var rings = boundary.Polygons.SelectMany(p => p).Select(ring => (IReadOnlyList<(double X, double Y)>)[.. ring.Select(Project)]).ToList();
            // The label sits at the middle of the largest polygon's outer ring (its bounding box), which is enough for
            // the compact shapes of city districts.
            var outer = boundary.Polygons.OrderByDescending(p => p[0].Count).First()[0].Select(Project).ToList();
            shapes.Add(new AreaMapShape(area.Name, area.Count, Band(area.Count, max), rings,
                (outer.Min(p => p.X) + outer.Max(p => p.X)) / 2, (outer.Min(p => p.Y) + outer.Max(p => p.Y)) / 2));
        }
        return new AreaMapDrawing(height, shapes, BandLabels(max), missing);
    }

    /// <summary>The map in words, for a picture's text alternative: each area with its count, most first.</summary>
    public string Description(string caption) =>
        $"{caption}: " + string.Join(", ", Shapes.OrderByDescending(s => s.Count).ThenBy(s => s.Name, StringComparer.Create(Sv.Culture, false))
            .Select(s => $"{s.Name} {s.Count}")) + ". Samma siffror finns i tabellen efter kartan.";

    /// <summary>Five shades: none, then four steps up to the month's highest count (quarters of it, rounded up).</summary>
    private static int Threshold(int band, int max) => (int)Math.Ceiling(band * max / 4.0);

    public static int Band(int count, int max) => count <= 0 ? 0 : Enumerable.Range(1, 4).First(b => count <= Threshold(b, max));

    /// <summary>What each band covers ("0", "1–3" …); empty for a band no count can fall in.</summary>
    private static List<string> BandLabels(int max)
    {
        var list = new List<string> { "0" };
        for (var b = 1; b <= 4; b++)
        {
            var from = Threshold(b - 1, max) + 1;
            var to = Threshold(b, max);
            list.Add(from > to ? "" : from == to ? $"{from}" : $"{from}–{to}");
        }
        return list;
    }
}

/// <summary>One area on the map: its outline (every ring, holes included), shade band and label position.</summary>
public sealed record AreaMapShape(string Name, int Count, int Band, IReadOnlyList<IReadOnlyList<(double X, double Y)>> Rings, double LabelX, double LabelY)
{
    /// <summary>The outline as an SVG path.</summary>
    public string Path()
    {
        var path = new System.Text.StringBuilder();
        foreach (var ring in Rings)
        {
            for (var i = 0; i < ring.Count; i++)
            {
                path.Append(i == 0 ? 'M' : 'L').Append(N(ring[i].X)).Append(',').Append(N(ring[i].Y));
            }
            path.Append('Z');
        }
        return path.ToString();
    }

    public static string N(double v) => v.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
}
