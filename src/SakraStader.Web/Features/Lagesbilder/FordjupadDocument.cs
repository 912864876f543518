using System.Globalization;
using SakraStader.Components.Ui;
using SakraStader.Domain;
using SakraStader.Features.AnnualReports;
using SakraStader.Infrastructure;
using SakraStader.Tenancy;

namespace SakraStader.Features.Lagesbilder;

/// <summary>
/// The styrgrupp's fördjupad lägesbild as a Word (and PDF) document with the kommun's letterhead: the period and the
/// approval (or that it is a draft); summary; crime and insecurity over the years (a native chart per category with
/// its figures, the map of the period as a picture and tables per area, the police's statistics and the safety surveys); the problems with their assessment
/// and causes; causes, consequences, and the conclusions for the åtgärdsplan. An approved one is written from the
/// snapshot frozen at approval.
/// </summary>
public static class FordjupadDocument
{
    public static string FileName(FordjupadPageModel m) => $"fordjupad-lagesbild-{m.Period.Replace('–', '-')}.docx";

    public static byte[] Write(Letterheads.LetterheadInfo letterhead, FordjupadPageModel m)
    {
        var title = $"Fördjupad lägesbild {m.Period}";
        var doc = new Docx().Frame(letterhead.Frame("Fördjupad lägesbild", m.GroupName, m.Period));
        doc.Heading(0, title).Labelled("Grupp", m.GroupName);
        doc.Labelled("Status", m.IsApproved && m.ApprovedAt is { } at
            ? $"Godkänd av styrgruppen {Sv.Date(at)}{(m.ApprovedBy is { Length: > 0 } by ? $" ({by})" : "")}. Siffrorna är de som gällde vid beslutet."
            : "Utkast, inte godkänt. Siffrorna gäller när dokumentet skrevs.");
        var f = m.Figures;
        doc.Text($"Bygger på {Sv.Number(f.FixedMonthlyLagesbilder)} fastställda månadslägesbilder, kommunens händelser, polisens statistik och trygghetsundersökningar {m.Period}.");

        doc.Heading(1, "Sammanfattning").Text(Written(m.Texts.Summary));
        doc.Heading(1, "Brottslighet och otrygghet").Text(Written(m.Texts.Development));
        doc.Text($"Rapporterade händelser per år: {string.Join(", ", f.YearLabels.Select((y, i) => $"{y}: {Sv.Number(f.IncidentTotal.Values[i])}"))}.");
        var newestFirst = Enumerable.Range(0, f.Years.Count).Reverse().ToList();
        doc.BarChart($"Händelser per kategori {m.Period}", [.. f.IncidentsByCategory.Select(r => r.Label)],
            [.. newestFirst.Where(i => f.IncidentTotal.Values[i] is not null)
                .Select(i => (f.Years[i].ToString(CultureInfo.InvariantCulture), (IReadOnlyList<int>)[.. f.IncidentsByCategory.Select(r => r.Values[i] ?? 0)]))]);
        AnnualReportDocument.YearTable(doc, "Händelser per kategori och år", "Kategori", f.YearLabels, f.IncidentsByCategory);
        if (AreaMapDrawing.Of(m.Map) is { } map)
        {
            LagesbildDocument.Map(doc, map, $"Karta: händelser per område {m.Period}");
        }
        AnnualReportDocument.YearTable(doc, "Händelser per område och år", "Område", f.YearLabels, f.IncidentsByArea);
        if (f.ReportedCrimes.Count > 0)
        {
            AnnualReportDocument.YearTable(doc, "Anmälda brott per brottskategori och år (polisens statistik)", "Brottskategori", f.YearLabels, f.ReportedCrimes);
        }
        if (f.Surveys.Count > 0)
        {
            doc.Table("Trygghetsundersökningen per område och år (procent)", ["Fråga", "Område", .. f.Years.Select(y => y.ToString(CultureInfo.InvariantCulture))],
                f.Surveys.Select(s => (IReadOnlyList<string>)[s.Question, s.Area, .. s.Values.Select(v => v?.ToString("0.#", Sv.Culture) ?? "–")]), numericFrom: 2);
        }

        doc.Heading(1, "Problemen, deras orsaker och konsekvenser");
        if (f.Problems.Count == 0)
        {
            doc.Text($"Inga problem är bedömda i månadslägesbilderna {m.Period}.");
        }
        foreach (var p in f.Problems)
        {
            doc.Heading(2, p.Area.Length > 0 ? $"{p.Title}, {p.Area}" : p.Title)
                .Text($"Prioritet {LagesbildText.PriorityText(p.Priority).ToLowerInvariant()}, trend {p.Trend.Display().ToLowerInvariant()}, bedömt i {p.Months} {(p.Months == 1 ? "månad" : "månader")}, senast {p.LatestMonth}.");
            foreach (var (label, text) in new[] { ("Art", p.Art), ("Omfattning", p.Omfattning), ("Konsekvens", p.Konsekvens) }.Where(x => x.Item2.Length > 0))
            {
                doc.Labelled(label, text);
            }
            foreach (var c in p.Causes)
            {
                doc.Labelled($"Orsak ({c.Kind.Display().ToLowerInvariant()})", c.Evidence.Length > 0 ? $"{c.Text} Underlag: {c.Evidence}" : c.Text);
            }
        }
        doc.Heading(2, "Orsaker").Text(Written(m.Texts.Causes));
        doc.Heading(2, "Konsekvenser").Text(Written(m.Texts.Consequences));
        doc.Heading(1, "Slutsatser och prioriteringar").Text(Written(m.Texts.Priorities));
        return doc.Build(title);
    }

    private static string Written(string text) => text.Length > 0 ? text : "Inget skrivet.";

    public static IEndpointRouteBuilder MapFordjupadDocument(this IEndpointRouteBuilder app)
    {
        app.MapGet("/{KommunSlug}/fordjupad/{id:guid}/fordjupad-lagesbild.docx", async (Guid id, FordjupadWork work, Letterheads.LetterheadWork letterheads, CancellationToken ct) =>
            await work.ReadAsync(id, ct) is { } model
                ? Results.File(Write(await letterheads.ReadAsync(ct), model), LagesbildDocument.ContentType, FileName(model))
                : Results.NotFound()).RequireAuthorization(Policies.Lasare).NeverStored();
        app.MapGet("/{KommunSlug}/fordjupad/{id:guid}/fordjupad-lagesbild.pdf", async (Guid id, FordjupadWork work, Letterheads.LetterheadWork letterheads,
            Documents.PdfConverter pdf, CancellationToken ct) =>
            await work.ReadAsync(id, ct) is { } model
                ? await pdf.FileAsync(Write(await letterheads.ReadAsync(ct), model), Path.ChangeExtension(FileName(model), ".pdf"), ct)
                : Results.NotFound()).RequireAuthorization(Policies.Lasare).NeverStored();
        return app;
    }
}
