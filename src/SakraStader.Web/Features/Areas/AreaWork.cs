using Microsoft.EntityFrameworkCore;
using SakraStader.Data;
using SakraStader.Domain;
using SakraStader.Features.Commands;

namespace SakraStader.Features.Areas;

/// <summary>
/// The kommun's areas (with their boundaries on the map) and incident categories. Reads return records; commands load
/// through the tenant filter (another kommun's area is simply not found) and apply the model's rules;
/// <see cref="Operations"/> checks the samordnare's right and saves, with the audit, in one transaction.
/// </summary>
public sealed class AreaWork(AppDbContext db)
{
    /// <summary>The largest boundary file the page reads (a boundary that large should be simplified first).</summary>
    public const long MaxBoundaryBytes = 2 * 1024 * 1024;

    public const string BoundaryTooLarge = "Filen är större än 2 MB. Förenkla gränsen i kartverktyget och försök igen.";

    public async Task<AreasModel> ReadAsync(CancellationToken ct = default)
    {
        // Names in Swedish order: the column's collation does it in the database.
        var areas = await db.Areas.AsNoTracking().OrderBy(a => a.Archived).ThenBy(a => a.Name)
            .Select(a => new AreaRow(a.Id, a.Name, a.Boundary != null, a.Archived)).ToListAsync(ct);
        var categories = await db.IncidentCategories.AsNoTracking().OrderBy(c => c.Order).ThenBy(c => c.Name)
            .Select(c => new CategoryRow(c.Id, c.Name, c.Hidden)).ToListAsync(ct);
        return new AreasModel(areas, categories);
    }

    public async Task<string> AddAreaAsync(string name, CancellationToken ct = default)
    {
        var area = new Area(name);
        var names = await db.Areas.Select(a => a.Name).ToListAsync(ct);
        if (names.Any(n => string.Equals(n, area.Name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new DomainException("Det finns redan ett område med det namnet.", nameof(Area.Name));
        }
        db.Areas.Add(area);
        return area.Name;
    }

    /// <summary>Archives (or takes back into use) the area: the state is the one the user chose, not a toggle of what is stored.</summary>
    public async Task SetArchivedAsync(Guid id, bool archived, CancellationToken ct = default) =>
        (await LoadAreaAsync(id, ct)).Archive(archived);

    /// <summary>The area's boundary from GeoJSON; <paramref name="geoJson"/> null removes it.</summary>
    public async Task SetBoundaryAsync(Guid? id, string? geoJson, CancellationToken ct = default)
    {
        if (id is null)
        {
            throw new DomainException("Välj ett område.", "AreaId");
        }
        var area = await LoadAreaAsync(id.Value, ct);
        if (geoJson is not null && string.IsNullOrWhiteSpace(geoJson))
        {
            throw new DomainException("Välj en GeoJSON-fil eller klistra in gränsen.", "GeoJson");
        }
        if (geoJson is not null && geoJson.Length > MaxBoundaryBytes)
        {
            throw new DomainException(BoundaryTooLarge, "GeoJson");
        }
        try
        {
            area.SetBoundary(geoJson);
        }
        catch (DomainException e)
        {
            throw new DomainException(e.Message, "GeoJson");
        }
    }

    public async Task<string> AddCategoryAsync(string name, CancellationToken ct = default)
    {
        var existing = await db.IncidentCategories.Select(c => new { c.Name, c.Order }).ToListAsync(ct);
        var category = new IncidentCategory(name, existing.Count == 0 ? 1 : existing.Max(c => c.Order) + 1);
        if (existing.Any(c => string.Equals(c.Name, category.Name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new DomainException("Kategorin finns redan.", nameof(IncidentCategory.Name));
        }
        db.IncidentCategories.Add(category);
        return category.Name;
    }

    public async Task SetHiddenAsync(Guid id, bool hidden, CancellationToken ct = default)
    {
        var category = await db.IncidentCategories.FirstOrDefaultAsync(c => c.Id == id, ct)
            ?? throw new DomainException("Kategorin finns inte i kommunen.");
        category.Hide(hidden);
    }

    private async Task<Area> LoadAreaAsync(Guid id, CancellationToken ct) =>
        await db.Areas.FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new DomainException("Området finns inte i kommunen.", "AreaId");
}

public sealed record AreasModel(IReadOnlyList<AreaRow> Areas, IReadOnlyList<CategoryRow> Categories);

public sealed record AreaRow(Guid Id, string Name, bool HasBoundary, bool Archived);

public sealed record CategoryRow(Guid Id, string Name, bool Hidden);
