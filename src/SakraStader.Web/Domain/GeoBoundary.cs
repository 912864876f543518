using System.Globalization;
using System.Text.Json;

namespace SakraStader.Domain;

/// <summary>
/// An area's boundary: one or more polygons of (longitude, latitude) rings in WGS 84, read from an uploaded GeoJSON
/// geometry, Feature or FeatureCollection (the first polygon feature), stored as a MultiPolygon geometry.
/// </summary>
public sealed class GeoBoundary
{
    private const int MaxPoints = 20_000;

    private GeoBoundary(List<List<List<(double Lon, double Lat)>>> polygons) => Polygons = polygons;

    /// <summary>Polygons, each a list of rings (the first the outer ring), each a list of points.</summary>
    public IReadOnlyList<List<List<(double Lon, double Lat)>>> Polygons { get; }

    public static GeoBoundary Parse(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            var polygons = new List<List<List<(double, double)>>>();
            Read(doc.RootElement, polygons);
            if (polygons.Count == 0)
            {
                throw Invalid("Filen innehåller ingen polygon.");
            }
            if (polygons.Sum(p => p.Sum(r => r.Count)) > MaxPoints)
            {
                throw Invalid($"Gränsen har fler än {MaxPoints:N0} punkter. Förenkla den i ert kartverktyg och försök igen.");
            }
            return new GeoBoundary(polygons);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException or FormatException)
        {
            // Not JSON, not valid UTF-16 (half of a surrogate pair), or JSON of another shape (a number where an object
            // or a list of coordinates belongs).
            throw Invalid("Filen är inte giltig GeoJSON.");
        }
    }

    public string ToJson() => JsonSerializer.Serialize(new
    {
        type = "MultiPolygon",
        coordinates = Polygons.Select(p => p.Select(r => r.Select(pt => new[] { pt.Lon, pt.Lat }))),
    });

    private static void Read(JsonElement e, List<List<List<(double, double)>>> polygons)
    {
        var type = e.TryGetProperty("type", out var t) ? t.GetString() : null;
        switch (type)
        {
            case "FeatureCollection":
                foreach (var f in e.GetProperty("features").EnumerateArray())
                {
                    Read(f, polygons);
                    if (polygons.Count > 0)
                    {
                        return;
                    }
                }
                break;
            case "Feature":
                Read(e.GetProperty("geometry"), polygons);
                break;
            case "Polygon":
                polygons.Add(Rings(e.GetProperty("coordinates")));
                break;
            case "MultiPolygon":
                polygons.AddRange(e.GetProperty("coordinates").EnumerateArray().Select(Rings));
                break;
            default:
                throw Invalid("Gränsen måste vara en Polygon eller MultiPolygon i GeoJSON.");
        }
    }

    private static List<List<(double, double)>> Rings(JsonElement coordinates)
    {
        var rings = new List<List<(double, double)>>();
        foreach (var ring in coordinates.EnumerateArray())
        {
            var points = ring.EnumerateArray().Select(p => (p[0].GetDouble(), p[1].GetDouble())).ToList();
            if (points.Count < 4 || points.Any(p => p.Item1 is < -180 or > 180 || p.Item2 is < -90 or > 90))
            {
                throw Invalid("En polygon behöver minst fyra punkter med longitud och latitud i WGS 84 (grader).");
            }
            rings.Add(points);
        }
        return rings;
    }

    private static DomainException Invalid(string message) => new(message, nameof(Area.Boundary));

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Polygons.Count} polygon(er)");
}
