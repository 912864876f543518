using Microsoft.EntityFrameworkCore;
using SakraStader.Components.Ui;
using SakraStader.Data;
using SakraStader.Domain;
using SakraStader.Infrastructure;
using SakraStader.Tenancy;

namespace SakraStader.Features.Overview;

/// <summary>
/// The kommun's start page for one user: their groups and next meetings, the measures they answer for, their groups'
/// latest lägesbilder, the annual report waiting for their review, and for the samordnare what needs doing in the
/// whole kommun. It is the most visited page: everything is kept per user until the kommun's records change
/// (<see cref="KommunCache"/>), so a view costs one SQL command once warm.
/// </summary>
public sealed class OverviewWork(AppDbContext db, KommunCache kept, TenantContext tenant, TimeProvider time)
{
    private static readonly AtgardStatus[] Open = [AtgardStatus.Planerad, AtgardStatus.Pagar];

    public async Task<OverviewModel> ReadAsync(CancellationToken ct = default)
    {
        var userId = tenant.UserId ?? Guid.Empty;
        var role = tenant.Membership?.Role ?? Role.Lasare;
        var today = time.Today();
        var model = await kept.GetOrCompileAsync("overview", (userId, role, today), () => CompileAsync(userId, role, today, ct), ct);
        // Meetings are kept for a short while: the ones that have begun since drop out here.
        var now = time.GetUtcNow();
        return model with { Meetings = [.. model.Meetings.Where(m => m.StartsAt >= now).Take(5)] };
    }

    private async Task<OverviewModel> CompileAsync(Guid userId, Role role, DateOnly today, CancellationToken ct)
    {
        var groups = await db.Groups.AsNoTracking()
            .Select(g => new OverviewGroup(g.Id, g.Name, g.Kind, g.Cadence, g.CadenceKind, g.TimesPerYear,
                db.GroupMembers.Where(m => m.GroupId == g.Id && m.UserId == userId).Select(m => (bool?)m.IsChair).FirstOrDefault()))
            .ToListAsync(ct);
        // Styrgrupp, EST, SSPF, then the kommun's own groups: the kind is stored as text, so order here.
        groups = [.. groups.OrderBy(g => g.Kind).ThenBy(g => g.Name, Sv.Comparer)];
        var mine = groups.Where(g => g.Chair is not null).Select(g => g.Id).ToList();
        var memberCount = await db.Memberships.CountAsync(ct);
        var since = time.GetUtcNow();
        var meetings = mine.Count == 0 ? [] : await (
            from m in db.Meetings.AsNoTracking()
            join g in db.Groups on m.GroupId equals g.Id
            where m.StartsAt >= since && !m.Cancelled && mine.Contains(g.Id)
            orderby m.StartsAt
            select new OverviewMeeting(m.Id, g.Name, m.StartsAt, m.Location)).Take(8).ToListAsync(ct);
        var measures = await db.Atgarder.AsNoTracking()
            .Where(a => a.ResponsibleUserId == userId && Open.Contains(a.Status))
            .OrderBy(a => a.DueDate == null).ThenBy(a => a.DueDate)
            .Select(a => new OverviewMeasure(a.Id, a.Title, a.Status, a.DueDate)).Take(6).ToListAsync(ct);
        var lagesbilder = mine.Count == 0 ? [] : await (
            from l in db.Lagesbilder.AsNoTracking()
            join g in db.Groups on l.GroupId equals g.Id
            where mine.Contains(g.Id)
            orderby l.Year descending, l.Month descending
            select new OverviewLagesbild(l.Id, g.Name, l.Year, l.Month, l.Status)).Take(4).ToListAsync(ct);
        // The styrgrupp's members are asked for their review of the annual report here (the samordnare writes it).
        ReviewWaiting? review = null;
        var samordnare = role >= Role.Samordnare;
        var reviewer = !samordnare && (role >= Role.Styrgrupp || role >= Role.Medlem && groups.Any(g => g.Chair is not null && g.Kind == GroupKind.Styrgrupp));
        if (reviewer)
        {
            review = await db.AnnualReports.AsNoTracking().Where(r => r.Status == AnnualReportStatus.Granskning).OrderByDescending(r => r.Year)
                .Select(r => new ReviewWaiting(r.Year, r.Comments.Count(c => c.AuthorUserId == userId))).FirstOrDefaultAsync(ct);
        }
        KommunTasks? tasks = null;
        if (samordnare)
        {
            var thisMonth = today.Year * 12 + today.Month;
            tasks = new KommunTasks(
                OverdueMeasures: await db.Atgarder.CountAsync(a => Open.Contains(a.Status) && a.DueDate < today, ct),
                UnfixedLagesbilder: await db.Lagesbilder.CountAsync(l => l.Status == LagesbildStatus.Utkast && l.Year * 12 + l.Month < thisMonth, ct),
                ReportInReview: await db.AnnualReports.Where(r => r.Status == AnnualReportStatus.Granskning).Select(r => (int?)r.Year).FirstOrDefaultAsync(ct));
        }
        return new OverviewModel(groups, memberCount, meetings, measures, lagesbilder, review, tasks, today);
    }
}

public sealed record OverviewModel(IReadOnlyList<OverviewGroup> Groups, int MemberCount, IReadOnlyList<OverviewMeeting> Meetings,
    IReadOnlyList<OverviewMeasure> MyMeasures, IReadOnlyList<OverviewLagesbild> Lagesbilder, ReviewWaiting? Review, KommunTasks? Tasks, DateOnly Today)
{
    public IReadOnlyList<OverviewGroup> Mine => [.. Groups.Where(g => g.Chair is not null)];

    public IReadOnlyList<OverviewGroup> Others => [.. Groups.Where(g => g.Chair is null)];

    public int OverdueOfMine => MyMeasures.Count(m => m.DueDate < Today);
}

/// <summary>A group of the kommun. Chair: null when the user is not a member, otherwise whether they chair it.</summary>
public sealed record OverviewGroup(Guid Id, string Name, GroupKind Kind, string Note, CadenceKind CadenceKind, int TimesPerYear, bool? Chair)
{
    public string Cadence => Group.DescribeCadence(CadenceKind, TimesPerYear, Note);
}

public sealed record OverviewMeeting(Guid Id, string GroupName, DateTimeOffset StartsAt, string Location);

public sealed record OverviewMeasure(Guid Id, string Title, AtgardStatus Status, DateOnly? DueDate);

public sealed record OverviewLagesbild(Guid Id, string Group, int Year, int Month, LagesbildStatus Status);

public sealed record ReviewWaiting(int Year, int MyComments);

/// <summary>What needs doing in the whole kommun, for the samordnare.</summary>
public sealed record KommunTasks(int OverdueMeasures, int UnfixedLagesbilder, int? ReportInReview);
