using System.Text;
using SakraStader.Domain;
using SakraStader.Infrastructure;
using SakraStader.Tenancy;

namespace SakraStader.Features.Import;

/// <summary>Downloads that belong to the import pages: the template of each format and every bad row of an upload.</summary>
public static class ImportEndpoints
{
    private const string ContentType = "text/csv; charset=utf-8";

    public static IEndpointRouteBuilder MapImportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/{KommunSlug}/import/mall/{slug}.csv", (string slug) =>
        {
            var format = ImportFormat.All.FirstOrDefault(f => f.Slug == slug);
            return format is null
                ? Results.NotFound()
                : Results.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(format.TemplateCsv())).ToArray(), ContentType, $"mall-{slug}.csv");
        }).RequireAuthorization(Policies.Medlem);

        app.MapGet("/{KommunSlug}/import/{id:guid}/fel.csv", async (Guid id, ImportHandler imports, HttpContext http) =>
        {
            http.Response.ContentType = ContentType;
            http.Response.Headers.ContentDisposition = "attachment; filename=\"fel.csv\"";
            await http.Response.Body.WriteAsync(Encoding.UTF8.GetPreamble());
            await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(false), leaveOpen: true);
            await writer.WriteAsync(CsvReader.Line("Rad", "Fel") + "\r\n");
            await foreach (var error in imports.ErrorsAsync(id, http.RequestAborted))
            {
                await writer.WriteAsync(CsvReader.Line(error.Line.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message) + "\r\n");
            }
        }).RequireAuthorization(Policies.Medlem).NeverStored();

        return app;
    }
}
