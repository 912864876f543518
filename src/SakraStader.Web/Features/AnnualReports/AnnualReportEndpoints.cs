using SakraStader.Domain;
using SakraStader.Data;
using SakraStader.Features.Meetings;
using SakraStader.Infrastructure;
using SakraStader.Tenancy;

namespace SakraStader.Features.AnnualReports;

public static class AnnualReportEndpoints
{
    /// <summary>The report as a Word document: the approved snapshot once approved, otherwise the current figures.</summary>
    public static IEndpointRouteBuilder MapAnnualReportExport(this IEndpointRouteBuilder app)
    {
        app.MapGet("/{KommunSlug}/arsrapporter/{year:int}/arsrapport-{fileYear:int}.docx", async (int year, int fileYear, AnnualReportHandler handler,
            Letterheads.LetterheadWork letterheads, TimeProvider time, CancellationToken ct) =>
        {
            if (fileYear != year || await handler.FindAsync(year, ct) is not { } report)
            {
                return Results.NotFound();
            }
            var content = await handler.ContentAsync(report, ct);
            var bytes = AnnualReportDocument.Write(await letterheads.ReadAsync(ct), report, content, time.Today(), await handler.DecidedAtAsync(report.MeetingId, ct));
            return Results.File(bytes, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", AnnualReportDocument.FileName(year));
        }).RequireAuthorization(Policies.Lasare).NeverStored();
        app.MapGet("/{KommunSlug}/arsrapporter/{year:int}/arsrapport-{fileYear:int}.pdf", async (int year, int fileYear, AnnualReportHandler handler,
            Letterheads.LetterheadWork letterheads, Documents.PdfConverter pdf, TimeProvider time, CancellationToken ct) =>
        {
            if (fileYear != year || await handler.FindAsync(year, ct) is not { } report)
            {
                return Results.NotFound();
            }
            var content = await handler.ContentAsync(report, ct);
            var bytes = AnnualReportDocument.Write(await letterheads.ReadAsync(ct), report, content, time.Today(), await handler.DecidedAtAsync(report.MeetingId, ct));
            return await pdf.FileAsync(bytes, Path.ChangeExtension(AnnualReportDocument.FileName(year), ".pdf"), ct);
        }).RequireAuthorization(Policies.Lasare).NeverStored();
        return app;
    }
}
