using Microsoft.EntityFrameworkCore;
using SakraStader.Components.Lists;
using SakraStader.Components.Ui;
using SakraStader.Data;
using SakraStader.Domain;
using SakraStader.Features.Commands;
using SakraStader.Infrastructure;
using SakraStader.Tenancy;

namespace SakraStader.Features.Lagesbilder;

/// <summary>
/// The list of lägesbilder (searched, filtered, sorted and paged in the database, kept until the kommun's records
/// change) and the two commands that start one: a month's lägesbild for a group and a styrgrupp's fördjupad lägesbild.
/// The command path checks the right in the group; <see cref="Operations"/> saves.
/// </summary>
public sealed class LagesbildListWork(AppDbContext db, KommunCache kept, LagesbildHandler lagesbilder, TenantContext tenant, TimeProvider time)
{
    public const int PageSize = 24;

    private static readonly SortKey<ListRow>[] Keys =
    [
        new("manad", r => r.Year * 100 + r.Month),
        new("grupp", r => r.Group),
        new("status", r => r.Status),
        new("problem", r => r.Problems),
    ];

    public async Task<LagesbildListModel> ReadAsync(ListView view, LagesbildFilter filter, CancellationToken ct = default)
    {
        // Kept until the kommun's records change: lägesbilder, groups and group membership are all audited.
        var rows = await kept.GetOrCompileAsync("lagesbild-list", (view, filter), async () =>
        {
            var query = from l in db.Lagesbilder.AsNoTracking()
                        join g in db.Groups on l.GroupId equals g.Id
                        select new ListRow { Id = l.Id, Year = l.Year, Month = l.Month, GroupId = g.Id, Group = g.Name, Status = l.Status, Problems = l.Assessments.Count };
            if (filter.GroupId is { } groupId)
            {
                query = query.Where(r => r.GroupId == groupId);
            }
            if (filter.Status is { } status)
            {
                query = query.Where(r => r.Status == status);
            }
            if (filter.Year is { } year)
            {
                query = query.Where(r => r.Year == year);
            }
            var page = await query.Matching(view, r => r.Group)
                .SortedBy(view, Keys, "manad", true, r => r.Id)
                .PageAsync(view, PageSize, ct);
            return new PageOf<LagesbildRow>([.. page.Items.Select(r => new LagesbildRow(r.Id, r.Year, r.Month, r.Group, r.Status, r.Problems))], page.Page, page.HasNext);
        }, ct);
        var deep = await kept.GetOrCompileAsync("fordjupade", "", async () => (IReadOnlyList<FordjupadRow>)await (
            from d in db.FordjupadeLagesbilder.AsNoTracking()
            join g in db.Groups on d.GroupId equals g.Id
            orderby d.ToYear descending, d.FromYear descending
            select new FordjupadRow(d.Id, d.FromYear, d.ToYear, g.Name, d.Status)).ToListAsync(ct), ct);
        // Every group (for the filter), with whether the user edits its material: their own (members) or all (samordnare).
        var userId = tenant.UserId ?? Guid.Empty;
        var all = tenant.Has(Role.Samordnare);
        var member = tenant.Has(Role.Medlem);
        var groups = await kept.GetOrCompileAsync("lagesbild-groups", (all, member, userId), async () => (IReadOnlyList<LagesbildGroup>)await db.Groups.AsNoTracking()
            .OrderBy(g => g.Kind == GroupKind.Est ? 0 : 1).ThenBy(g => g.Name)
            .Select(g => new LagesbildGroup(g.Id, g.Name, g.Kind, all || (member && db.GroupMembers.Any(m => m.GroupId == g.Id && m.UserId == userId))))
            .ToListAsync(ct), ct);
        return new LagesbildListModel(rows, deep, groups, time.Today());
    }

    /// <summary>Opens the group's lägesbild for the month, or starts it (with last month's open problems carried over).</summary>
    public async Task<Guid> CreateAsync(NewLagesbildInput input, CancellationToken ct = default)
    {
        if (input.GroupId is not { } groupId)
        {
            throw new DomainException("Välj en av dina grupper.", nameof(NewLagesbildInput.GroupId));
        }
        if (input.Month is not { } month)
        {
            throw new DomainException("Välj en månad, till exempel 2026-11.", nameof(NewLagesbildInput.Month));
        }
        if (!await db.Groups.AnyAsync(g => g.Id == groupId, ct))
        {
            throw new DomainException("Gruppen finns inte.", nameof(NewLagesbildInput.GroupId));
        }
        var latest = time.Today().AddMonths(1);
        if (month.Year < 2000 || new DateOnly(month.Year, month.Month, 1) > latest)
        {
            throw new DomainException($"Välj en månad från år 2000 till och med {Sv.MonthName(latest.Year, latest.Month)}.", nameof(NewLagesbildInput.Month));
        }
        return await lagesbilder.CreateAsync(groupId, month.Year, month.Month, ct);
    }

    /// <summary>A styrgrupp's fördjupad lägesbild over one to five years.</summary>
    public async Task<Guid> CreateFordjupadAsync(NewFordjupadInput input, CancellationToken ct = default)
    {
        if (input.GroupId is not { } groupId || !await db.Groups.AnyAsync(g => g.Id == groupId && g.Kind == GroupKind.Styrgrupp, ct))
        {
            throw new DomainException("Välj en styrgrupp som du är med i.", nameof(NewFordjupadInput.GroupId));
        }
        var item = new FordjupadLagesbild(groupId, input.FromYear ?? 0, input.ToYear ?? 0, time.Today().Year);
        db.FordjupadeLagesbilder.Add(item);
        return item.Id;
    }

    private sealed class ListRow
    {
        public Guid Id { get; init; }
        public int Year { get; init; }
        public int Month { get; init; }
        public Guid GroupId { get; init; }
        public string Group { get; init; } = "";
        public LagesbildStatus Status { get; init; }
        public int Problems { get; init; }
    }
}

/// <summary>The list's filters, from the address (<c>?grupp=…&amp;status=utkast&amp;ar=2026</c>).</summary>
public sealed record LagesbildFilter(Guid? GroupId, LagesbildStatus? Status, int? Year)
{
    public static LagesbildStatus? StatusFrom(string? value) => value switch
    {
        "utkast" => LagesbildStatus.Utkast,
        "faststalld" => LagesbildStatus.Faststalld,
        _ => null,
    };

    public static string? StatusToken(LagesbildStatus? status) => status switch
    {
        LagesbildStatus.Utkast => "utkast",
        LagesbildStatus.Faststalld => "faststalld",
        _ => null,
    };
}

public sealed record LagesbildListModel(PageOf<LagesbildRow> Rows, IReadOnlyList<FordjupadRow> Deep, IReadOnlyList<LagesbildGroup> Groups, DateOnly Today)
{
    public IReadOnlyList<LagesbildGroup> EditableGroups => [.. Groups.Where(g => g.Editable)];

    public IReadOnlyList<LagesbildGroup> SteeringGroups => [.. Groups.Where(g => g.Editable && g.Kind == GroupKind.Styrgrupp)];
}

public sealed record LagesbildRow(Guid Id, int Year, int Month, string Group, LagesbildStatus Status, int Problems);

public sealed record FordjupadRow(Guid Id, int FromYear, int ToYear, string Group, FordjupadStatus Status)
{
    public string Period => FromYear == ToYear ? $"{FromYear}" : $"{FromYear}–{ToYear}";
}

/// <summary>A group of the kommun, and whether the user writes its material.</summary>
public sealed record LagesbildGroup(Guid Id, string Name, GroupKind Kind, bool Editable);

/// <summary>The month's lägesbild to open or start: the input of the form on the list.</summary>
public sealed class NewLagesbildInput
{
    public Guid? GroupId { get; set; }
    public DateTime? Month { get; set; }
}

/// <summary>A fördjupad lägesbild to start: the styrgrupp and the years.</summary>
public sealed class NewFordjupadInput
{
    public Guid? GroupId { get; set; }
    public int? FromYear { get; set; }
    public int? ToYear { get; set; }
}
