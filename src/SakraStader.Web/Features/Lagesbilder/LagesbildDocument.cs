using System.Globalization;
using SakraStader.Components.Ui;
using SakraStader.Domain;
using SakraStader.Features.AnnualReports;
using SakraStader.Infrastructure;
using SakraStader.Tenancy;

namespace SakraStader.Features.Lagesbilder;

/// <summary>
/// A month's lägesbild as a Word document, for the partners and the styrgrupp it is sent to: the kommun, group and
/// month; its status, and for a fixed one the version, the date it was fixed and by whom; summary and prognosis; the
/// figures (a native Word chart per category with its table, areas, places, the police's statistics); each problem
/// with its assessment and causes; and the organisations' sections. A fixed lägesbild is written from the version's
/// snapshot, exactly as it was fixed. Written with the Open XML SDK (<see cref="Docx"/>).
/// </summary>
public static class LagesbildDocument
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static string FileName(LagesbildPageModel m) =>
        $"lagesbild-{m.Year.ToString(CultureInfo.InvariantCulture)}-{m.Month.ToString("00", CultureInfo.InvariantCulture)}.docx";

    public static byte[] Write(Letterheads.LetterheadInfo letterhead, LagesbildPageModel m)
    {
        var title = $"Lägesbild {m.GroupName}, {m.MonthName}";
        var doc = new Docx().Frame(letterhead.Frame("Lägesbild", m.GroupName, m.MonthName));
        doc.Heading(0, title);
        if (m.IsFixed && m.Versions.Count > 0)
        {
            var v = m.Versions[0];
            doc.Labelled("Fastställd", $"{Sv.Date(v.FixedAt)} av {v.FixedBy} (version {v.Number.ToString(CultureInfo.InvariantCulture)}"
                + (v.CorrectionReason is { } r ? $", rättelse: {r})" : ")"));
        }
        else
        {
            doc.Labelled("Status", $"{m.Status.Display()}, inte fastställd. Siffrorna gäller när dokumentet skrevs.");
        }
        doc.Text("Lägesbilden beskriver platser, mönster och problem, inte enskilda personer.");

        var view = m.View;
        doc.Heading(1, "Sammanfattning").Text(view.Summary.Length > 0 ? view.Summary : "Ingen sammanfattning är skriven.");
        doc.Heading(1, "Prognos").Text(view.Prognosis.Length > 0 ? view.Prognosis : "Ingen prognos är skriven.");

        var f = view.Figures;
        doc.Heading(1, "Händelser i siffror")
            .Text($"{N(f.Total.Current)} händelser i {m.MonthName}. Månaden innan: {N(f.Total.Previous)} ({Change(f.Total.ChangeFromPrevious)}). "
                + $"Samma månad i fjol: {N(f.Total.LastYear)} ({Change(f.Total.ChangeFromLastYear)}).");
        var shown = f.ByCategory.Where(r => r.Current + r.Previous + r.LastYear > 0).ToList();
        doc.BarChart($"Händelser per kategori, {m.MonthName} jämfört med månaden innan och samma månad i fjol", [.. shown.Select(r => r.Label)],
        [
            ("Denna månad", [.. shown.Select(r => r.Current)]),
            ("Månaden innan", [.. shown.Select(r => r.Previous)]),
            ("Samma månad i fjol", [.. shown.Select(r => r.LastYear)]),
        ]);
        Figures(doc, $"Händelser per kategori i {m.MonthName}", "Kategori", f.ByCategory);
        if (AreaMapDrawing.Of(m.Map) is { } map)
        {
            Map(doc, map, $"Karta: händelser per område i {m.MonthName}");
        }
        Figures(doc, $"Händelser per område i {m.MonthName}", "Område", f.ByArea);
        if (f.TopPlaces.Count > 0)
        {
            doc.Table("Platser med flest rapporter", ["Plats", "Område", "Rapporter"],
                f.TopPlaces.Select(p => (IReadOnlyList<string>)[p.Place, p.Area, N(p.Count)]), numericFrom: 2);
        }
        else
        {
            doc.Text("Inga händelser med angiven plats den här månaden.");
        }
        if (f.ReportedCrimes.Count > 0)
        {
            var notLoaded = f.ReportedCrimes.All(r => r.Current == 0);
            if (notLoaded)
            {
                doc.Text($"Polisens statistik för {m.MonthName} är inte inläst ännu.");
            }
            doc.Table("Anmälda brott enligt polisens statistik", ["Brottskategori", m.MonthName, "Månaden innan", "I fjol"],
                f.ReportedCrimes.Select(r => (IReadOnlyList<string>)[r.Label, notLoaded ? "–" : N(r.Current), N(r.Previous), N(r.LastYear)]), numericFrom: 1);
        }

        doc.Heading(1, "Problem, bedömning och orsaker");
        if (view.Assessments.Count == 0)
        {
            doc.Text("Inga problem är bedömda i den här lägesbilden.");
        }
        foreach (var a in view.Assessments)
        {
            doc.Heading(2, a.Area.Length > 0 ? $"{a.Problem}, {a.Area}" : a.Problem)
                .Text($"Prioritet {LagesbildText.PriorityText(a.Priority).ToLowerInvariant()}, trend {a.Trend.Display().ToLowerInvariant()}.");
            Labelled(doc, "Art", a.Art);
            Labelled(doc, "Omfattning", a.Omfattning);
            Labelled(doc, "Konsekvens", a.Konsekvens);
            if (a.Causes.Count == 0)
            {
                doc.Text("Inga orsaker är antecknade.");
            }
            foreach (var c in a.Causes)
            {
                doc.Labelled($"Orsak ({c.Kind.Display().ToLowerInvariant()})", c.Evidence.Length > 0 ? $"{c.Text} Underlag: {c.Evidence}" : c.Text);
            }
        }

        doc.Heading(1, "Organisationernas rapporter");
        if (view.Sections.Count == 0)
        {
            doc.Text("Ingen organisation har skrivit sin del.");
        }
        foreach (var s in view.Sections)
        {
            doc.Heading(2, s.Organisation).Text(s.Text.Length > 0 ? s.Text : "Inget skrivet.");
            if (s.UpdatedBy.Length > 0)
            {
                doc.Text($"Skrivet av {s.UpdatedBy}.");
            }
        }
        return doc.Build(title);
    }

    /// <summary>The page's map as a picture, with the counts in its text alternative; the same figures follow as a table.</summary>
    internal static void Map(Docx doc, AreaMapDrawing map, string caption)
    {
        var (width, height) = AreaMapImage.Size(map);
        doc.Text(caption, "Caption").Image(AreaMapImage.Png(map), map.Description(caption), 13, 13.0 * height / width);
        if (map.Missing.Count > 0)
        {
            doc.Text($"Utan gräns på kartan: {string.Join(", ", map.Missing)}.");
        }
    }

    private static void Figures(Docx doc, string caption, string label, IReadOnlyList<FigureRow> rows) =>
        doc.Table(caption, [label, "Denna månad", "Månaden innan", "I fjol", "Förändring mot i fjol"],
            rows.Select(r => (IReadOnlyList<string>)[r.Label, N(r.Current), N(r.Previous), N(r.LastYear), Change(r.ChangeFromLastYear)]), numericFrom: 1);

    private static void Labelled(Docx doc, string label, string text)
    {
        if (text.Length > 0)
        {
            doc.Labelled(label, text);
        }
    }

    private static string N(int n) => n.ToString("N0", Sv.Culture);

    private static string Change(int change) => change switch
    {
        > 0 => $"+{change.ToString(CultureInfo.InvariantCulture)}",
        < 0 => $"−{(-change).ToString(CultureInfo.InvariantCulture)}",
        _ => "±0",
    };

    public static IEndpointRouteBuilder MapLagesbildDocument(this IEndpointRouteBuilder app)
    {
        app.MapGet("/{KommunSlug}/lagesbilder/{id:guid}/lagesbild.docx", async (Guid id, LagesbildWork work, Letterheads.LetterheadWork letterheads, CancellationToken ct) =>
            await work.ReadAsync(id, ct) is { } model
                ? Results.File(Write(await letterheads.ReadAsync(ct), model), ContentType, FileName(model))
                : Results.NotFound()).RequireAuthorization(Policies.Lasare).NeverStored();
        app.MapGet("/{KommunSlug}/lagesbilder/{id:guid}/lagesbild.pdf", async (Guid id, LagesbildWork work, Letterheads.LetterheadWork letterheads,
            Documents.PdfConverter pdf, CancellationToken ct) =>
            await work.ReadAsync(id, ct) is { } model
                ? await pdf.FileAsync(Write(await letterheads.ReadAsync(ct), model), Path.ChangeExtension(FileName(model), ".pdf"), ct)
                : Results.NotFound()).RequireAuthorization(Policies.Lasare).NeverStored();
        return app;
    }
}
