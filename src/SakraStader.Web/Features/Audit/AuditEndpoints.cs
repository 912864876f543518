using SakraStader.Components.Lists;
using SakraStader.Features.Import;
using SakraStader.Infrastructure;
using SakraStader.Tenancy;

namespace SakraStader.Features.Audit;

/// <summary>The change log as CSV: the same filters, search and order as the page's address, every row (up to
/// <see cref="AuditWork.ExportMax"/>), streamed.</summary>
public static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/{KommunSlug}/logg.csv", async (HttpContext http, AuditWork audit) =>
        {
            var q = http.Request.Query;
            var filter = new AuditFilter(q["typ"], q["vem"], q["fran"], q["till"], q["post"]);
            var view = ListView.From(q[ListView.SearchParameter], q[ListView.SortParameter], null);
            http.Response.ContentType = Csv.ContentType;
            http.Response.Headers.ContentDisposition = "attachment; filename=\"andringslogg.csv\"";
            await using var writer = Csv.Create(http.Response.Body);
            await writer.WriteRecordAsync(AuditWork.ExportHeader, http.RequestAborted);
            await foreach (var row in audit.ExportAsync(filter, view, http.RequestAborted))
            {
                await writer.WriteRecordAsync(row, http.RequestAborted);
            }
            await writer.FlushAsync(http.RequestAborted);
        }).RequireAuthorization(Policies.Samordnare).NeverStored();
        return app;
    }
}
