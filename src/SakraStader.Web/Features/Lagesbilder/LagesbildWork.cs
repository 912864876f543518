using SakraStader.Components.Ui;
using Microsoft.EntityFrameworkCore;
using SakraStader.Data;
using SakraStader.Domain;
using SakraStader.Features.Commands;
using SakraStader.Features.Groups;
using SakraStader.Infrastructure;
using SakraStader.Tenancy;

namespace SakraStader.Features.Lagesbilder;

/// <summary>
/// The lägesbild page's reads and commands. Reads return <see cref="LagesbildPageModel"/> records; commands load the
/// lägesbild through the tenant filter, check that it belongs to the group whose right the command path checked and
/// that the user saw the stored text, and apply the model's rules. <see cref="Operations"/> saves, with the audit, in
/// one transaction.
/// </summary>
public sealed class LagesbildWork(AppDbContext db, LagesbildHandler lagesbilder, LagesbildCompiler compiler, KommunCache kept,
    GroupAccess access, TenantContext tenant, TimeProvider time)
{
    public const string ChangedMeanwhile = "Någon annan har ändrat det här sedan du började skriva. Din text finns kvar i fältet; deras står under. Spara igen om din ska gälla.";

    public async Task<LagesbildPageModel?> ReadAsync(Guid id, CancellationToken ct = default)
    {
        // What every reader sees is kept as a record until the kommun's records change (KommunCache: every change
        // writes an audit entry); what this user may do is worked out per read.
        var record = await kept.GetOrCompileAsync("lagesbild-record", id, () => KeepAsync(id, ct), ct);
        if (record is null)
        {
            return null;
        }
        var l = record;
        var rights = await access.ForAsync(l.GroupId, ct);
        var fixedNow = l.Status == LagesbildStatus.Faststalld;
        var editable = !fixedNow && rights.CanEdit;
        var organisation = tenant.Membership?.OrganisationName ?? "";
        var canWriteSection = editable && tenant.Has(Role.Medlem) && organisation.Length > 0;

        LagesbildView view;
        List<ProblemOption> openProblems = [];
        List<AreaOption> areaOptions = [];
        var areas = await AreasAsync(ct);
        if (fixedNow && l.LatestVersionId is { } versionId
            && await kept.GetOrCompileAsync("lagesbild-version", versionId, async () => LagesbildSnapshot.Read(
                await db.LagesbildVersions.Where(v => v.Id == versionId).Select(v => v.Content).SingleAsync(ct)), ct) is { } snapshot)
        {
            view = LagesbildView.From(snapshot);
        }
        else
        {
            var figures = await kept.GetOrCompileAsync("lagesbild", (l.Year, l.Month), () => compiler.CompileAsync(l.Year, l.Month, ct), ct);
            var problemIds = l.Assessments.Select(a => a.ProblemId).ToList();
            var known = await kept.GetOrCompileAsync("lagesbild-problems", "", () =>
                (from p in db.Problems.AsNoTracking()
                 join a in db.Areas on p.AreaId equals a.Id
                 select new KnownProblem(new ProblemOption(p.Id, p.Title, a.Name), p.Closed)).ToListAsync(ct), ct);
            var problems = known.Where(p => problemIds.Contains(p.Option.Id) || (!p.Closed && editable)).Select(p => p.Option).ToDictionary(p => p.Id);
            view = new LagesbildView(figures, l.Summary, l.Prognosis,
                [.. l.Sections.Select(x => new SnapshotSection(x.Organisation, x.Text, x.UpdatedBy))],
                [.. l.Assessments.Select(a =>
                {
                    problems.TryGetValue(a.ProblemId, out var p);
                    return new AssessmentView(a.Id, a.ProblemId, p?.Title ?? "", p?.Area ?? "", a.Art, a.Omfattning, a.Konsekvens, a.Trend, a.Priority, [.. a.Causes]);
                })]);
            if (editable)
            {
                openProblems = [.. problems.Values.Where(p => !problemIds.Contains(p.Id)).OrderBy(p => p.Area, Sv.Comparer).ThenBy(p => p.Title, Sv.Comparer)];
                areaOptions = [.. areas.Where(a => !a.Archived).OrderBy(a => a.Name, Sv.Comparer).Select(a => new AreaOption(a.Id, a.Name))];
            }
        }
        var boundaries = areas.Where(a => a.Boundary != null).ToList();
        List<MapArea> map = boundaries.Count == 0
            ? []
            : [.. view.Figures.ByArea.Select(r => new MapArea(r.Label, boundaries.FirstOrDefault(b => b.Name == r.Label)?.Boundary, r.Current))];
        var own = l.Sections.FirstOrDefault(x => x.Organisation == organisation);
        return new LagesbildPageModel(
            l.Id, l.GroupId, l.GroupName, l.Year, l.Month, l.Status, l.Version, l.PendingCorrectionReason, l.Versions,
            !fixedNow && Lagesbild.MonthRunning(l.Year, l.Month, time.GetUtcNow()), l.PresentedAt,
            view, map, rights, editable, canWriteSection, organisation, own?.Text ?? "",
            // A fixed lägesbild shows its sections as fixed in the version, not as they are now.
            fixedNow ? [.. view.Sections.Select(x => new SectionInfo(x.Organisation, x.Text, x.UpdatedBy, l.Versions.Count > 0 ? l.Versions[0].FixedAt : default))] : l.Sections,
            [.. l.Assessments.Select(a => new AssessmentText(a.Id, a.Art, a.Omfattning, a.Konsekvens))],
            l.Summary, l.Prognosis, openProblems, areaOptions);
    }

    /// <summary>The lägesbild as a record: for a draft its sections, assessments and causes; for a fixed one its versions.</summary>
    private async Task<KeptLagesbild?> KeepAsync(Guid id, CancellationToken ct)
    {
        var lagesbild = await lagesbilder.LoadForReadingAsync(id, ct);
        if (lagesbild is null)
        {
            return null;
        }
        var groupName = await db.Groups.Where(g => g.Id == lagesbild.GroupId).Select(g => g.Name).FirstOrDefaultAsync(ct) ?? "";
        var fixedNow = lagesbild.Status == LagesbildStatus.Faststalld;
        var presentedAt = fixedNow && lagesbild.MeetingId is { } meetingId
            ? await db.Meetings.Where(m => m.Id == meetingId).Select(m => (DateTimeOffset?)m.StartsAt).FirstOrDefaultAsync(ct)
            : null;
        return new KeptLagesbild(lagesbild.Id, lagesbild.GroupId, groupName, lagesbild.Year, lagesbild.Month, lagesbild.Status, lagesbild.Version,
            lagesbild.PendingCorrectionReason, presentedAt, lagesbild.Summary, lagesbild.Prognosis,
            [.. lagesbild.Versions.OrderByDescending(v => v.Number).Select(v => new VersionInfo(v.Number, v.FixedAt, v.FixedBy, v.CorrectionReason))],
            lagesbild.Versions.OrderByDescending(v => v.Number).Select(v => (Guid?)v.Id).FirstOrDefault(),
            fixedNow ? [] : [.. lagesbild.Sections.OrderBy(x => x.Organisation, Sv.Comparer).Select(x => new SectionInfo(x.Organisation, x.Text, x.UpdatedBy, x.UpdatedAt))],
            fixedNow ? [] : [.. lagesbild.Assessments.OrderBy(a => a.Priority).ThenBy(a => a.Order).Select(a => new KeptAssessment(a.Id, a.ProblemId, a.Art, a.Omfattning,
                a.Konsekvens, a.Trend, a.Priority, [.. a.Causes.Select(c => new SnapshotCause(c.Text, c.Kind, c.Evidence))]))]);
    }

    private sealed record KeptLagesbild(Guid Id, Guid GroupId, string GroupName, int Year, int Month, LagesbildStatus Status, Guid Version,
        string? PendingCorrectionReason, DateTimeOffset? PresentedAt, string Summary, string Prognosis, IReadOnlyList<VersionInfo> Versions, Guid? LatestVersionId,
        IReadOnlyList<SectionInfo> Sections, IReadOnlyList<KeptAssessment> Assessments);

    private sealed record KeptAssessment(Guid Id, Guid ProblemId, string Art, string Omfattning, string Konsekvens, Trend Trend, int Priority,
        IReadOnlyList<SnapshotCause> Causes);

    /// <summary>The user's organisation's section, written over the text they started from.</summary>
    public async Task<IVersioned> WriteSectionAsync(Guid id, Guid groupId, string text, string seen, CancellationToken ct = default)
    {
        var lagesbild = await LoadAsync(id, groupId, ct);
        var organisation = tenant.Membership?.OrganisationName ?? "";
        if (organisation.Length == 0 || !tenant.Has(Role.Medlem))
        {
            throw new ForbiddenException();
        }
        var current = lagesbild.Sections.FirstOrDefault(s => s.Organisation == organisation)?.Text ?? "";
        EnsureSeen(current, seen, "section");
        lagesbild.WriteSection(organisation, text, tenant.DisplayName, time.GetUtcNow());
        return lagesbild;
    }

    /// <summary>The summary or the prognosis, one at a time, so that two people can write one each.</summary>
    public async Task<IVersioned> WriteTextAsync(Guid id, Guid groupId, LagesbildTextField field, string text, string seen, CancellationToken ct = default)
    {
        var lagesbild = await LoadAsync(id, groupId, ct);
        var current = field == LagesbildTextField.Summary ? lagesbild.Summary : lagesbild.Prognosis;
        EnsureSeen(current, seen, field.ToString());
        lagesbild.WriteTexts(field == LagesbildTextField.Summary ? text : lagesbild.Summary, field == LagesbildTextField.Prognosis ? text : lagesbild.Prognosis);
        return lagesbild;
    }

    /// <summary>One of an assessment's three texts.</summary>
    public async Task<IVersioned> WriteAssessmentTextAsync(Guid id, Guid groupId, Guid assessmentId, AssessmentField field, string text, string seen, CancellationToken ct = default)
    {
        var lagesbild = await LoadAsync(id, groupId, ct);
        var a = lagesbild.Assessments.FirstOrDefault(x => x.Id == assessmentId) ?? throw new DomainException("Bedömningen finns inte i lägesbilden.");
        var current = field switch { AssessmentField.Art => a.Art, AssessmentField.Omfattning => a.Omfattning, _ => a.Konsekvens };
        EnsureSeen(current, seen, field.ToString());
        lagesbild.UpdateAssessment(assessmentId,
            field == AssessmentField.Art ? text : a.Art,
            field == AssessmentField.Omfattning ? text : a.Omfattning,
            field == AssessmentField.Konsekvens ? text : a.Konsekvens,
            a.Trend, a.Priority);
        return lagesbild;
    }

    public async Task<IVersioned> RateAssessmentAsync(Guid id, Guid groupId, Guid assessmentId, Trend trend, int priority, CancellationToken ct = default)
    {
        var lagesbild = await LoadAsync(id, groupId, ct);
        var a = lagesbild.Assessments.FirstOrDefault(x => x.Id == assessmentId) ?? throw new DomainException("Bedömningen finns inte i lägesbilden.");
        if (priority is < 1 or > 3)
        {
            throw new DomainException("Välj en prioritet.", "Priority");
        }
        lagesbild.UpdateAssessment(assessmentId, a.Art, a.Omfattning, a.Konsekvens, trend, priority);
        return lagesbild;
    }

    public async Task<IVersioned> AddCauseAsync(Guid id, Guid groupId, Guid assessmentId, CauseInput input, CancellationToken ct = default)
    {
        var lagesbild = await LoadAsync(id, groupId, ct);
        lagesbild.AddCause(assessmentId, input.Text, input.Kind, input.Evidence);
        return lagesbild;
    }

    public async Task<IVersioned> AddProblemAsync(Guid id, Guid groupId, ProblemInput input, CancellationToken ct = default)
    {
        var lagesbild = await LoadAsync(id, groupId, ct);
        Problem problem;
        if (input.ExistingProblemId is { } existing)
        {
            problem = await db.Problems.FirstOrDefaultAsync(p => p.Id == existing, ct) ?? throw new DomainException("Problemet finns inte.", nameof(ProblemInput.ExistingProblemId));
        }
        else
        {
            var area = input.AreaId is { } areaId ? await db.Areas.FirstOrDefaultAsync(a => a.Id == areaId && !a.Archived, ct) : null;
            if (area is null)
            {
                throw new DomainException("Välj ett område.", nameof(ProblemInput.AreaId));
            }
            if (string.IsNullOrWhiteSpace(input.Title))
            {
                throw new DomainException("Beskriv problemet med några ord, eller välj ett som redan finns.", nameof(ProblemInput.Title));
            }
            problem = db.Problems.Add(new Problem(area.Id, input.Title, time.GetUtcNow())).Entity;
        }
        lagesbild.Assess(problem);
        return lagesbild;
    }

    /// <summary>The chair fixes what they have seen: a lägesbild changed since is refused.</summary>
    public async Task<IVersioned> FixAsync(Guid id, Guid groupId, Guid seenVersion, CancellationToken ct = default)
    {
        var lagesbild = await LoadAsync(id, groupId, ct);
        if (lagesbild.Version != seenVersion)
        {
            throw new ConflictException("Lägesbilden har ändrats sedan du öppnade den. Läs igenom ändringarna och fastställ sedan.", null, null);
        }
        await lagesbilder.FixAsync(lagesbild, await access.ForAsync(groupId, ct), ct);
        return lagesbild;
    }

    public async Task<IVersioned> StartCorrectionAsync(Guid id, Guid groupId, string reason, CancellationToken ct = default)
    {
        var lagesbild = await LoadAsync(id, groupId, ct);
        lagesbild.StartCorrection(reason);
        return lagesbild;
    }

    private async Task<Lagesbild> LoadAsync(Guid id, Guid groupId, CancellationToken ct)
    {
        var lagesbild = await lagesbilder.LoadAsync(id, tracked: true, ct) ?? throw new DomainException("Lägesbilden finns inte.");
        // The command path checked the user's right in groupId; the record must be that group's.
        if (lagesbild.GroupId != groupId)
        {
            throw new ForbiddenException();
        }
        return lagesbild;
    }

    private static void EnsureSeen(string current, string seen, string field)
    {
        if (!string.Equals(Normalise(current), Normalise(seen), StringComparison.Ordinal))
        {
            throw new ConflictException(ChangedMeanwhile, field, current);
        }
    }

    private static string Normalise(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();

    private Task<List<KnownArea>> AreasAsync(CancellationToken ct) => kept.GetOrCompileAsync("lagesbild-areas", "", () =>
        db.Areas.AsNoTracking().Select(a => new KnownArea(a.Id, a.Name, a.Archived, a.Boundary)).ToListAsync(ct), ct);

    private sealed record KnownProblem(ProblemOption Option, bool Closed);

    private sealed record KnownArea(Guid Id, string Name, bool Archived, string? Boundary);
}

public enum LagesbildTextField
{
    Summary,
    Prognosis,
}

public enum AssessmentField
{
    Art,
    Omfattning,
    Konsekvens,
}

/// <summary>The lägesbild page as shown to one user: what it says and what they may do.</summary>
public sealed record LagesbildPageModel(
    Guid Id, Guid GroupId, string GroupName, int Year, int Month, LagesbildStatus Status, Guid Version, string? PendingCorrectionReason,
    IReadOnlyList<VersionInfo> Versions, bool Preliminary, DateTimeOffset? PresentedAt, LagesbildView View, IReadOnlyList<MapArea> Map, GroupRights Rights, bool Editable,
    bool CanWriteSection, string Organisation, string OwnSection, IReadOnlyList<SectionInfo> Sections, IReadOnlyList<AssessmentText> AssessmentTexts,
    string Summary, string Prognosis, IReadOnlyList<ProblemOption> OpenProblems, IReadOnlyList<AreaOption> Areas)
{
    public bool IsFixed => Status == LagesbildStatus.Faststalld;

    public string MonthName => Components.Ui.Sv.MonthName(Year, Month);

    /// <summary>What the page shows that others write: the lägesbild's version and the parts saved on their own (sections, assessments).</summary>
    public string Stamp => string.Join("|", [Version.ToString(), Summary, Prognosis,
        .. Sections.Select(s => $"{s.Organisation}:{s.UpdatedAt.UtcTicks}:{s.Text}"), .. AssessmentTexts.Select(a => a.ToString())]);
}

public sealed record VersionInfo(int Number, DateTimeOffset FixedAt, string FixedBy, string? CorrectionReason);

public sealed record SectionInfo(string Organisation, string Text, string UpdatedBy, DateTimeOffset UpdatedAt);

/// <summary>An assessment's texts as stored (the starting point of each autosaved field).</summary>
public sealed record AssessmentText(Guid Id, string Art, string Omfattning, string Konsekvens);

public sealed record AreaOption(Guid Id, string Name);

/// <summary>A cause from the group's analysis: the input of the cause form.</summary>
public sealed class CauseInput
{
    public string Text { get; set; } = "";
    public CauseKind Kind { get; set; } = CauseKind.Situationell;
    public string Evidence { get; set; } = "";
}

/// <summary>A problem to assess: one that exists, or a new one in an area.</summary>
public sealed class ProblemInput
{
    public Guid? ExistingProblemId { get; set; }
    public Guid? AreaId { get; set; }
    public string Title { get; set; } = "";
}
