using SakraStader.Domain;

namespace SakraStader.Features.Lagesbilder;

/// <summary>What the lägesbild page shows, from the live draft or from a fixed version's snapshot.</summary>
public sealed record LagesbildView(
    LagesbildFigures Figures,
    string Summary,
    string Prognosis,
    List<SnapshotSection> Sections,
    List<AssessmentView> Assessments)
{
    public static LagesbildView From(LagesbildSnapshot s) => new(
        s.Figures, s.Summary, s.Prognosis, s.Sections,
        [.. s.Assessments.Select(a => new AssessmentView(null, null, a.Problem, a.Area, a.Art, a.Omfattning, a.Konsekvens, a.Trend, a.Priority, a.Causes))]);

    public static LagesbildView From(Lagesbild l, LagesbildFigures figures, IReadOnlyDictionary<Guid, ProblemOption> problems) => new(
        figures, l.Summary, l.Prognosis,
        [.. l.Sections.OrderBy(s => s.Organisation).Select(s => new SnapshotSection(s.Organisation, s.Text, s.UpdatedBy))],
        [.. l.Assessments.OrderBy(a => a.Priority).ThenBy(a => a.Order).Select(a =>
        {
            problems.TryGetValue(a.ProblemId, out var p);
            return new AssessmentView(a.Id, a.ProblemId, p?.Title ?? "", p?.Area ?? "", a.Art, a.Omfattning, a.Konsekvens, a.Trend, a.Priority,
                [.. a.Causes.Select(c => new SnapshotCause(c.Text, c.Kind, c.Evidence))]);
        })]);
}

/// <summary>An assessment as shown; the ids are there only for a live draft (to edit it and link the problem).</summary>
public sealed record AssessmentView(Guid? AssessmentId, Guid? ProblemId, string Problem, string Area, string Art, string Omfattning,
    string Konsekvens, Trend Trend, int Priority, List<SnapshotCause> Causes);

public sealed record ProblemOption(Guid Id, string Title, string Area);

/// <summary>An area on the lägesbild's map: its boundary (GeoJSON, when uploaded) and the month's number of reports.</summary>
public sealed record MapArea(string Name, string? Boundary, int Count);
