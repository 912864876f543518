using SakraStader.Infrastructure;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SakraStader.Components.Ui;
using SakraStader.Data;
using SakraStader.Tenancy;

namespace SakraStader.Features.Import;

/// <summary>Downloads that belong to the import pages: the template of each format and every bad row of an upload.</summary>
public static class ImportEndpoints
{
    public static IEndpointRouteBuilder MapImportEndpoints(this IEndpointRouteBuilder app)
    {
        // The template holds the kommun's own areas and incident categories, so a filled-in template matches them.
        app.MapGet("/{KommunSlug}/import/mall/{slug}.csv", async (string slug, AppDbContext db) =>
        {
            var format = ImportFormat.All.FirstOrDefault(f => f.Slug == slug);
            if (format is null)
            {
                return Results.NotFound();
            }
            var areas = (await db.Areas.AsNoTracking().Select(a => a.Name).ToListAsync()).Order(Sv.Comparer).ToList();
            var categories = (await db.IncidentCategories.AsNoTracking().Select(c => c.Name).ToListAsync()).Order(Sv.Comparer).ToList();
            return Results.File(Csv.Write([.. format.Columns.Select(c => c.Header)], format.TemplateRows(areas, categories)), Csv.ContentType, $"mall-{slug}.csv");
        }).RequireAuthorization(Policies.Medlem);

        app.MapGet("/{KommunSlug}/import/{id:guid}/fel.csv", async (Guid id, ImportHandler imports, HttpContext http) =>
        {
            http.Response.ContentType = Csv.ContentType;
            http.Response.Headers.ContentDisposition = "attachment; filename=\"fel.csv\"";
            await using var writer = Csv.Create(http.Response.Body);
            await writer.WriteRecordAsync(["Rad", "Fel"], http.RequestAborted);
            await foreach (var error in imports.ErrorsAsync(id, http.RequestAborted))
            {
                await writer.WriteRecordAsync([error.Line.ToString(CultureInfo.InvariantCulture), error.Message], http.RequestAborted);
            }
            await writer.FlushAsync(http.RequestAborted);
        }).RequireAuthorization(Policies.Medlem).NeverStored();

        return app;
    }
}
