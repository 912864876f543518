using System.Globalization;
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
    /// <summary>
    /// The columns, readable ones first. <c>Id</c> is last (and hidden in the workbook): the sheet update needs it to
    /// know which measure a row is, a reader does not.
    /// </summary>
    public static readonly IReadOnlyList<XlsxColumn> Columns =
    [
        new("Åtgärd", 40), new("Problem", 30), new("Typ", 14), new("Ansvarig", 22), new("Organisation", 22),
        new("Start", 12, XlsxKind.Date), new("Klart senast", 13, XlsxKind.Date), new("Status", 12), new("Försenad", 10),
        new("Planerad kostnad", 16, XlsxKind.Number), new("Faktisk kostnad", 16, XlsxKind.Number), new("Utfall", 15), new("Lärdomar", 40),
        new("Senaste uppföljning", 40), new(PlanSheet.NewProgressColumn, 40), new("Id", 38, Hidden: true),
    ];

    public static readonly IReadOnlyList<string> Header = [.. Columns.Select(c => c.Header)];

    /// <summary>The plan's title and one row per measure, in the order of <see cref="Columns"/>: text, dates and amounts.</summary>
    public static async Task<(string Title, List<object?[]> Rows)> RowsAsync(AppDbContext db, Guid planId, DateOnly today, CancellationToken ct = default)
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
        return (title, [.. measures.Select(m => new object?[]
        {
            // The main problem first.
            m.Title, string.Join("; ", m.Problems.OrderBy(p => p.ProblemId != m.ProblemId).Select(p => problems.GetValueOrDefault(p.ProblemId, ""))), m.PreventionType.Display(), m.ResponsibleName,
            m.ResponsibleOrganisation, m.StartDate, m.DueDate, m.Status.Display(), m.IsOverdue(today) ? "Ja" : "Nej",
            m.PlannedCost, m.ActualCost, m.Outcome?.Display() ?? "", m.Learned,
            m.Progress.OrderByDescending(x => x.Date).Select(x => $"{Text(x.Date)}: {x.Text}").FirstOrDefault() ?? "",
            "", // Ny uppföljning: the owner writes here, and uploads the file back (PlanSheet)
            m.Id.ToString(),
        })]);
    }

    /// <summary>A cell as CSV text: dates as 2026-11-22, amounts with a decimal point, as <see cref="PlanSheet"/> reads them.</summary>
    public static string Text(object? value) => value switch
    {
        null => "",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        decimal m => m.ToString("0.##", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

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
            return format == "xlsx"
                ? Results.File(Xlsx.Write(title, Columns, rows), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx")
                : Results.File(Csv.Write(Header, rows.Select(r => r.Select(Text).ToArray())), Csv.ContentType, name + ".csv");
        }).RequireAuthorization(Policies.Lasare).NeverStored();
        return app;
    }
}
