using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SakraStader.Components.Ui;
using SakraStader.Data;
using SakraStader.Domain;
using SakraStader.Features.Import;
using SakraStader.Infrastructure;
using SakraStader.Tenancy;

namespace SakraStader.Features.Atgarder;

/// <summary>
/// A plan and its follow-up as an Excel workbook or CSV: one row per measure, in the columns of <see cref="Header"/>.
/// The same file is the template for updating many measures at once (<see cref="PlanSheet"/>).
/// </summary>
public static class PlanExport
{
    public static readonly IReadOnlyList<string> Header =
    [
        "Id", "Åtgärd", "Problem", "Typ", "Ansvarig", "Organisation", "Start", "Klart senast", "Status", "Försenad",
        "Planerad kostnad", "Faktisk kostnad", "Utfall", "Lärdomar", "Senaste uppföljning", PlanSheet.NewProgressColumn,
    ];

    public static async Task<(string Title, List<string[]> Rows)> RowsAsync(AppDbContext db, Guid planId, DateOnly today, CancellationToken ct = default)
    {
        var title = await db.Atgardsplaner.AsNoTracking().Where(p => p.Id == planId).Select(p => p.Title).FirstOrDefaultAsync(ct);
        if (title is null)
        {
            return ("", []);
        }
        var measures = await db.Atgarder.AsNoTracking().Include(a => a.Progress).Include(a => a.Problems).Where(a => a.PlanId == planId)
            .OrderBy(a => a.DueDate).ThenBy(a => a.Title).ToListAsync(ct);
        var problemIds = measures.SelectMany(m => m.Problems).Select(p => p.ProblemId).Distinct().ToList();
        var problems = await db.Problems.AsNoTracking().Where(p => problemIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Title, ct);
        static string D(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
        static string M(decimal? m) => m?.ToString("0.##", CultureInfo.InvariantCulture) ?? "";
        return (title, [.. measures.Select(m => new[]
        {
            // The main problem first.
            m.Id.ToString(), m.Title, string.Join("; ", m.Problems.OrderBy(p => p.ProblemId != m.ProblemId).Select(p => problems.GetValueOrDefault(p.ProblemId, ""))), m.PreventionType.Display(), m.ResponsibleName,
            m.ResponsibleOrganisation, D(m.StartDate), D(m.DueDate), m.Status.Display(), m.IsOverdue(today) ? "Ja" : "Nej",
            M(m.PlannedCost), M(m.ActualCost), m.Outcome?.Display() ?? "", m.Learned,
            m.Progress.OrderByDescending(x => x.Date).Select(x => $"{D(x.Date)}: {x.Text}").FirstOrDefault() ?? "",
            "", // Ny uppföljning: the owner writes here, and uploads the file back (PlanSheet)
        })]);
    }

    public static IEndpointRouteBuilder MapPlanExport(this IEndpointRouteBuilder app)
    {
        app.MapGet("/{KommunSlug}/atgardsplaner/{id:guid}/export.{format:regex(^(xlsx|csv)$)}", async (Guid id, string format, AppDbContext db, TimeProvider time) =>
        {
            var (title, rows) = await RowsAsync(db, id, time.Today());
            if (title.Length == 0)
            {
                return Results.NotFound();
            }
            var name = $"atgardsplan-{time.Today():yyyy-MM-dd}";
            if (format == "xlsx")
            {
                return Results.File(Xlsx.Write(title, Header, rows), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx");
            }
            var csv = new StringBuilder(CsvReader.Line(Header)).Append("\r\n");
            foreach (var row in rows)
            {
                csv.Append(CsvReader.Line(row)).Append("\r\n");
            }
            return Results.File([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())], "text/csv; charset=utf-8", name + ".csv");
        }).RequireAuthorization(Policies.Lasare).NeverStored();
        return app;
    }
}
