using Microsoft.EntityFrameworkCore;
using SakraStader.Data;
using SakraStader.Domain;
using SakraStader.Features.Commands;
using SakraStader.Features.Groups;
using SakraStader.Features.Meetings;
using SakraStader.Infrastructure;
using SakraStader.Tenancy;

namespace SakraStader.Features.Lagesbilder;

/// <summary>
/// The fördjupad lägesbild page's reads and commands. The read returns a <see cref="FordjupadPageModel"/> (a draft's
/// figures are kept until the kommun's records change; an approved one shows its frozen snapshot). Commands load the
/// item through the tenant filter, check that it is the group's whose right the command path checked and that the user
/// saw the stored text or version, and apply the model's rules; <see cref="Operations"/> saves.
/// </summary>
public sealed class FordjupadWork(AppDbContext db, FordjupadCompiler compiler, KommunCache kept, GroupAccess access, TenantContext tenant, TimeProvider time)
{
    public const string ChangedMeanwhile = "Någon annan har ändrat texten sedan du började skriva. Din text finns kvar i fältet; den sparade står under. Spara igen om din ska gälla.";
    public const string StaleVersion = "Lägesbilden har ändrats sedan du öppnade den. Läs igenom ändringarna och godkänn sedan.";

    public async Task<FordjupadPageModel?> ReadAsync(Guid id, CancellationToken ct = default)
    {
        var item = await (from f in db.FordjupadeLagesbilder.AsNoTracking()
                          join g in db.Groups on f.GroupId equals g.Id
                          where f.Id == id
                          select new
                          {
                              f.Id, f.GroupId, Group = g.Name, f.FromYear, f.ToYear, f.Status, f.Version, f.ApprovedAt, f.ApprovedBy, f.MeetingId,
                              f.Snapshot, f.Summary, f.Development, f.Causes, f.Consequences, f.Priorities,
                          }).FirstOrDefaultAsync(ct);
        if (item is null)
        {
            return null;
        }
        var approved = item.Status == FordjupadStatus.Godkand;
        var snapshot = approved ? FordjupadSnapshot.Read(item.Snapshot) : null;
        var figures = snapshot?.Figures
            ?? await kept.GetOrCompileAsync("fordjupad-figures", (item.FromYear, item.ToYear), () => compiler.CompileAsync(item.FromYear, item.ToYear, ct), ct);
        var texts = snapshot ?? new FordjupadSnapshot(figures, item.Summary, item.Development, item.Causes, item.Consequences, item.Priorities);
        var rights = await access.ForAsync(item.GroupId, ct);
        IReadOnlyList<DecisionMeeting> meetings = [];
        if (!approved && (rights.IsChair || rights.CanManage))
        {
            meetings = await db.HeldMeetingsAsync(item.GroupId, time.GetUtcNow(), 12);
        }
        // The map of the period: each area's reports over all its years, on the outlines the samordnare uploaded.
        var boundaries = await kept.GetOrCompileAsync("area-boundaries", 0, async () => (IReadOnlyDictionary<string, string>)(await db.Areas.AsNoTracking()
            .Where(a => a.Boundary != null).OrderBy(a => a.Archived).Select(a => new { a.Name, a.Boundary }).ToListAsync(ct))
            .DistinctBy(a => a.Name).ToDictionary(a => a.Name, a => a.Boundary!), ct);
        IReadOnlyList<MapArea> map = boundaries.Count == 0 ? []
            : [.. texts.Figures.IncidentsByArea.Select(r => new MapArea(r.Label, boundaries.GetValueOrDefault(r.Label), r.Values.Sum(v => v ?? 0)))];
        return new FordjupadPageModel(item.Id, item.GroupId, item.Group, item.FromYear, item.ToYear, item.Status, item.Version, item.ApprovedAt,
            item.ApprovedBy, item.MeetingId, figures, texts, rights, meetings, map);
    }

    /// <summary>One analysis text, written over the text the user started from.</summary>
    public async Task<IVersioned> WriteTextAsync(Guid id, Guid groupId, FordjupadText field, string text, string seen, CancellationToken ct = default)
    {
        var item = await LoadAsync(id, groupId, ct);
        var current = item.Text(field);
        if (!string.Equals(Normalise(current), Normalise(seen), StringComparison.Ordinal))
        {
            throw new ConflictException(ChangedMeanwhile, field.ToString(), current);
        }
        item.WriteText(field, text);
        return item;
    }

    /// <summary>The chair (or the samordnare) records the styrgrupp's approval at a held meeting, of the version they saw.</summary>
    public async Task<IVersioned> ApproveAsync(Guid id, Guid groupId, Guid? meetingId, Guid seenVersion, CancellationToken ct = default)
    {
        var item = await LoadAsync(id, groupId, ct);
        if (item.Version != seenVersion)
        {
            throw new ConflictException(StaleVersion, null, null);
        }
        var meeting = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == meetingId, ct)
            ?? throw new DomainException("Välj mötet där styrgruppen fattade beslutet.", nameof(FordjupadLagesbild.MeetingId));
        var current = await compiler.CompileAsync(item.FromYear, item.ToYear, ct);
        var snapshot = new FordjupadSnapshot(current, item.Summary, item.Development, item.Causes, item.Consequences, item.Priorities);
        item.Approve(meeting, tenant.DisplayName, time.GetUtcNow(), snapshot.ToJson());
        return item;
    }

    private async Task<FordjupadLagesbild> LoadAsync(Guid id, Guid groupId, CancellationToken ct)
    {
        var item = await db.FordjupadeLagesbilder.FirstOrDefaultAsync(f => f.Id == id, ct)
            ?? throw new DomainException("Den fördjupade lägesbilden finns inte.");
        // The command path checked the user's right in groupId; the item must be that group's.
        if (item.GroupId != groupId)
        {
            throw new ForbiddenException();
        }
        return item;
    }

    private static string Normalise(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
}

/// <summary>The fördjupad lägesbild as shown to one user: what it says and what they may do.</summary>
public sealed record FordjupadPageModel(
    Guid Id, Guid GroupId, string GroupName, int FromYear, int ToYear, FordjupadStatus Status, Guid Version, DateTimeOffset? ApprovedAt,
    string? ApprovedBy, Guid? MeetingId, FordjupadFigures Figures, FordjupadSnapshot Texts, GroupRights Rights, IReadOnlyList<DecisionMeeting> Meetings,
    IReadOnlyList<MapArea> Map)
{
    public bool IsApproved => Status == FordjupadStatus.Godkand;

    public string Period => FromYear == ToYear ? $"{FromYear}" : $"{FromYear}–{ToYear}";

    public bool CanWrite => !IsApproved && Rights.CanEdit;

    public bool CanDecide => !IsApproved && (Rights.IsChair || Rights.CanManage);

    public string Text(FordjupadText field) => field switch
    {
        FordjupadText.Summary => Texts.Summary,
        FordjupadText.Development => Texts.Development,
        FordjupadText.Causes => Texts.Causes,
        FordjupadText.Consequences => Texts.Consequences,
        _ => Texts.Priorities,
    };
}
