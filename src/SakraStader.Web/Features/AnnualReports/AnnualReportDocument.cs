using System.Globalization;
using SakraStader.Components.Ui;
using SakraStader.Domain;

namespace SakraStader.Features.AnnualReports;

/// <summary>
/// The annual report as the tjänsteskrivelse a kansli files (issue 20): the kommun's letterhead on every page (logo,
/// sender, "Tjänsteskrivelse", date and diarienummer; address and "Sida x av y" at the foot); date, diarienummer and
/// handläggare; förslag till beslut, sammanfattning, beskrivning av ärendet, the consequence sections, beslutsunderlag,
/// beslutet skickas till and the signature lines; then the report itself as bilaga 1 (one heading per section with its
/// tables and charts, bedömning and the proposals for next year). No workflow text of ours.
/// </summary>
public static class AnnualReportDocument
{
    /// <summary>Completed measures listed in the document; the counts above the list cover them all.</summary>
    private const int ListedMeasures = 100;

    public static string FileName(int year) => $"arsrapport-{year}.docx";

    /// <param name="decidedAt">When the meeting that approved the report was held: the decision's date, which the
    /// registration in the app (<see cref="AnnualReport.ApprovedAt"/>) may follow by days.</param>
    public static byte[] Write(Letterheads.LetterheadInfo letterhead, AnnualReport report, AnnualReportSnapshot content, DateOnly today,
        DateTimeOffset? decidedAt = null)
    {
        var f = content.Figures;
        var title = $"Årsrapport {f.Year}: trygghetsskapande och brottsförebyggande arbete";
        var date = (report.HandedOverOn ?? today).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var dnr = report.CaseNumber ?? "–";
        var doc = new Docx().Frame(letterhead.Frame("Tjänsteskrivelse", date, $"Dnr {dnr}"));
        doc.Labelled("Datum", date).Labelled("Diarienummer", dnr);
        if (letterhead.Handlaggare.Length > 0)
        {
            doc.Labelled("Handläggare", letterhead.Handlaggare);
        }
        doc.Heading(0, title);

        // The tjänsteskrivelse, in the order a kansli expects.
        doc.Heading(1, "Förslag till beslut")
            .Text($"Kommunstyrelsen föreslår kommunfullmäktige att lägga årsrapporten om det trygghetsskapande och brottsförebyggande arbetet {f.Year} till handlingarna.");
        doc.Heading(1, "Sammanfattning").Text(Written(content, ReportSection.Sammanfattning));
        doc.Heading(1, "Beskrivning av ärendet")
            .Text("Kommunstyrelsen leder det trygghetsskapande och brottsförebyggande arbetet och rapporterar minst en gång per år till kommunfullmäktige. "
                + "Rapporten är sammanställd ur det som kommunen och dess samverkansparter har registrerat under året och har granskats av styrgruppen.")
            .Text($"Rapporten i sin helhet finns i bilaga 1: arbetets organisation, utvecklingen i kommunen, problemen och deras orsaker, åtgärderna och deras utfall, medborgarlöftena och samverkansöverenskommelsen med polisen, styrgruppens bedömning och förslag inför {f.Year + 1}.");
        if (f.IsEmpty)
        {
            doc.Text($"Det finns inga registrerade uppgifter för {f.Year}: inga händelser, ingen statistik, inga möten, lägesbilder, åtgärder eller medborgarlöften.");
        }
        var m = f.Measures;
        doc.Heading(1, "Ekonomiska konsekvenser")
            .Text($"Beslutet innebär inga ekonomiska konsekvenser. Åtgärderna under året hade en planerad kostnad om {Money(m.PlannedCost)} kronor och en faktisk kostnad om {Money(m.ActualCost)} kronor inom befintliga budgetar.");
        doc.Heading(1, "Barnrättsperspektiv")
            .Text("Beslutet innebär inga konsekvenser för enskilda barn. Rapporten beskriver arbetet på gruppnivå och innehåller inga uppgifter om enskilda barn; arbetet för barn och unga redovisas i bilagan.");
        doc.Heading(1, "Jämställdhetsperspektiv").Text("Beslutet bedöms inte ha några konsekvenser för jämställdheten.");
        doc.Heading(1, "Miljö och hållbarhet").Text("Beslutet bedöms inte ha några konsekvenser för miljön.");
        doc.Heading(1, "Juridiska konsekvenser").Text("Beslutet innebär inga juridiska konsekvenser. Rapporteringen följer lagen (2023:196) om kommuners ansvar för brottsförebyggande arbete.");
        doc.Heading(1, "Beslutsunderlag")
            .Text($"Tjänsteskrivelse {date}")
            .Text($"Bilaga 1: Årsrapport {f.Year}, trygghetsskapande och brottsförebyggande arbete"
                + ((decidedAt ?? report.ApprovedAt) is { } approved ? $", godkänd av styrgruppen {Sv.Date(approved)}" : ""));
        doc.Heading(1, "Beslutet skickas till").Text("Kommunstyrelsen\nStyrgruppen för det brottsförebyggande arbetet\nPolisen, lokalpolisområdet");
        doc.Spacer().Text(letterhead.Forvaltning.Length > 0 ? $"{letterhead.OrganisationName}\n{letterhead.Forvaltning}" : letterhead.OrganisationName);
        doc.SignatureLine("Förvaltningschef");
        doc.SignatureLine(letterhead.HandlaggareName.Length > 0
            ? $"{letterhead.HandlaggareName}{(letterhead.HandlaggareTitle.Length > 0 ? ", " + letterhead.HandlaggareTitle : "")}"
            : "Handläggare");

        // Bilaga 1: the report itself.
        doc.PageBreak().Heading(0, $"Bilaga 1. Årsrapport {f.Year}").Text($"Trygghetsskapande och brottsförebyggande arbete i {letterhead.OrganisationName}. Diarienummer {dnr}.");
        Section(doc, content, ReportSection.Organisation);
        doc.Table("Samverkansgrupper och möten under året", ["Grupp", "Ordförande", "Medlemmar", "Planerade möten", "Hållna möten"],
            f.Groups.Select(g => (IReadOnlyList<string>)[$"{g.Name} ({g.Kind})", Sv.OrDash(g.Chairs), N(g.Members), N(g.Planned), N(g.Held)]), numericFrom: 2);

        Section(doc, content, ReportSection.Utveckling);
        var d = f.Development;
        doc.Text($"Kommunens rapporterade händelser per år: {string.Join(", ", d.YearLabels.Select((y, i) => $"{y}: {N(d.IncidentTotal.Values[i])}"))}.");
        var newestFirst = Enumerable.Range(0, d.Years.Count).Reverse().ToList();
        doc.BarChart($"Händelser per kategori {d.Years[0]}–{d.Years[^1]}", [.. d.IncidentsByCategory.Select(r => r.Label)],
            [.. newestFirst.Where(i => d.IncidentTotal.Values[i] is not null)
                .Select(i => (d.Years[i].ToString(CultureInfo.InvariantCulture), (IReadOnlyList<int>)[.. d.IncidentsByCategory.Select(r => r.Values[i] ?? 0)]))]);
        YearTable(doc, "Händelser per kategori och år", "Kategori", d.YearLabels, d.IncidentsByCategory);
        YearTable(doc, "Händelser per område och år", "Område", d.YearLabels, d.IncidentsByArea);
        if (d.ReportedCrimes.Count > 0)
        {
            YearTable(doc, "Anmälda brott per brottskategori och år (polisens statistik)", "Brottskategori", d.YearLabels, d.ReportedCrimes);
        }
        else
        {
            doc.Text("Ingen brottsstatistik är inläst för perioden.");
        }
        if (d.Surveys.Count > 0)
        {
            doc.Table("Trygghetsundersökningen per område och år (procent)", ["Fråga", "Område", .. d.Years.Select(y => y.ToString(CultureInfo.InvariantCulture))],
                d.Surveys.Select(s => (IReadOnlyList<string>)[s.Question, s.Area, .. s.Values.Select(v => v?.ToString("0.#", Sv.Culture) ?? "–")]), numericFrom: 2);
        }

        Section(doc, content, ReportSection.Problem);
        doc.Text($"Under {f.Year} fastställde arbetsgrupperna {N(f.FixedLagesbilder)} månadslägesbilder.");
        foreach (var p in f.Problems)
        {
            doc.Heading(2, $"{p.Title}, {p.Area}")
                .Text($"Prioritet {LagesbildText.PriorityText(p.Priority).ToLowerInvariant()}, trend {p.Trend.Display().ToLowerInvariant()}, bedömt i {p.Months} {(p.Months == 1 ? "månad" : "månader")}, senast {p.LatestMonth}.");
            if (p.Konsekvens.Length > 0)
            {
                doc.Labelled("Konsekvens", p.Konsekvens);
            }
            foreach (var c in p.Causes)
            {
                doc.Labelled($"Orsak ({c.Kind.Display().ToLowerInvariant()})", c.Text);
            }
        }
        if (f.Problems.Count == 0)
        {
            doc.Text($"Inga problem är bedömda i lägesbilderna {f.Year}.");
        }

        Section(doc, content, ReportSection.Atgarder);
        doc.Table("Åtgärder under året", ["Genomförda", "Pågår", "Planerade", "Inställda", "Försenade", "Planerad kostnad, kr", "Faktisk kostnad, kr"],
            [[N(m.Completed), N(m.Ongoing), N(m.Planned), N(m.Cancelled), N(m.Overdue), Money(m.PlannedCost), Money(m.ActualCost)]], numericFrom: 0);
        if (m.Completed > 0)
        {
            doc.Text($"Av de genomförda åtgärderna nådde {N(m.Achieved)} sitt mål, {N(m.PartlyAchieved)} delvis och {N(m.NotAchieved)} inte.");
        }
        var evaluated = m.Rows.Where(r => r.Status == AtgardStatus.Genomford).Take(ListedMeasures).ToList();
        if (evaluated.Count > 0)
        {
            doc.Table(m.Completed > ListedMeasures ? $"De första {ListedMeasures} av {m.Completed} genomförda åtgärderna och deras utfall" : "Genomförda åtgärder och deras utfall", ["Åtgärd", "Problem", "Ansvarig", "Utfall", "Lärdomar"],
                evaluated.Select(r => (IReadOnlyList<string>)[r.Title, Sv.OrDash(r.Problem), Sv.OrDash(r.Responsible), r.Outcome?.Display() ?? "Ej utvärderad", Sv.OrDash(r.Learned)]));
        }

        Section(doc, content, ReportSection.Medborgarloften);
        if (f.Loften.Count == 0)
        {
            doc.Text($"Inga medborgarlöften gällde under {f.Year}.");
        }
        else
        {
            doc.Table("Medborgarlöften under året", ["Medborgarlöfte", "Period", "Status", "Löften", "Uppföljningar under året", "Slutrapport"],
                f.Loften.Select(l => (IReadOnlyList<string>)[l.Title, l.Period, l.Status, N(l.Commitments), N(l.FollowUps), l.FinalReport ? "Skriven" : "Inte skriven"]), numericFrom: 3);
        }

        Section(doc, content, ReportSection.Overenskommelse);
        if (f.Agreement is { } a)
        {
            doc.Labelled("Överenskommelse", a.Title).Labelled("Parter", a.Parties)
                .Labelled("Period", $"{a.ValidFrom:yyyy-MM-dd} – {a.ValidTo:yyyy-MM-dd}")
                .Labelled("Områden", a.Areas.Count > 0 ? string.Join(", ", a.Areas) : "Hela kommunen");
            if (a.Focus.Length > 0)
            {
                doc.Text(a.Focus);
            }
        }
        else
        {
            doc.Text($"Ingen samverkansöverenskommelse med polisen är registrerad för {f.Year}.");
        }

        doc.Heading(1, ReportSection.Bedomning.Heading()).Text(Written(content, ReportSection.Bedomning));
        doc.Heading(1, ReportSection.Forslag.Heading()).Text(Written(content, ReportSection.Forslag));
        return doc.Build(title);
    }

    private static void Section(Docx doc, AnnualReportSnapshot content, ReportSection section)
    {
        doc.Heading(1, section.Heading());
        if (content.Text(section) is { Length: > 0 } text)
        {
            doc.Text(text);
        }
    }

    private static string Written(AnnualReportSnapshot content, ReportSection section) =>
        content.Text(section) is { Length: > 0 } text ? text : "Inget skrivet.";

    /// <summary>A table of counts per year (rows of categories, areas, crime types); "inga uppgifter" when there are none.</summary>
    internal static void YearTable(Docx doc, string caption, string rowHeader, List<string> years, List<Lagesbilder.YearRow> rows)
    {
        if (rows.Count == 0)
        {
            doc.Text($"{caption}: inga uppgifter.");
            return;
        }
        doc.Table(caption, [rowHeader, .. years], rows.Select(r => (IReadOnlyList<string>)[r.Label, .. r.Values.Select(N)]), numericFrom: 1);
    }

    private static string N(int? n) => Sv.Number(n);

    private static string Money(decimal amount) => amount.ToString("N0", Sv.Culture);
}
