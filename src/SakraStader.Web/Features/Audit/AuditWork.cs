using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using SakraStader.Auditing;
using SakraStader.Components.Lists;
using SakraStader.Data;
using SakraStader.Domain;

namespace SakraStader.Features.Audit;

/// <summary>
/// The change log's reads: one page of the kommun's audit entries, filtered by who, what, when and which record,
/// searched and sorted in the database, with people named by name and organisation (never their e-mail) and ids of
/// areas and categories resolved to names. The CSV export reads the same filtered view.
/// </summary>
public sealed class AuditWork(AppDbContext db)
{
    public const int PageSize = 25;

    /// <summary>The most rows one export holds; the filters narrow a larger log.</summary>
    public const int ExportMax = 100_000;

    public static readonly SortKey<AuditEntry>[] SortKeys =
    [
        new("nar", a => a.At),
        new("typ", a => a.EntityType),
        new("vem", a => a.UserName),
    ];

    public async Task<AuditPageModel> ReadAsync(AuditFilter filter, ListView view, CancellationToken ct = default)
    {
        var (query, ignored) = Filtered(filter, view);
        var page = await query.SortedBy(view, SortKeys, "nar", true, a => a.Id)
            .Select(a => new LogRow(a.Id, a.At, a.UserId, a.UserName, a.Action, a.EntityType, a.EntityId, a.Changes))
            .PageAsync(view, PageSize, ct);
        var parsed = page.Items.Select(a => (Row: a, Changes: AuditJson.Parse(a.Changes))).ToList();
        var names = await NamesAsync(parsed.Select(p => p.Row.UserId).OfType<Guid>()
            .Concat(parsed.SelectMany(p => p.Changes.Values.SelectMany(c => new[] { c.From, c.To })).Select(IdOf).OfType<Guid>()), ct);
        var rows = parsed.Select(p => new AuditRow(p.Row.At, Who(p.Row.UserId, p.Row.UserName, names), p.Row.Action, p.Row.EntityType,
            p.Row.EntityId, p.Changes)).ToList();
        var people = await PeopleAsync(ct);
        return new AuditPageModel(new PageOf<AuditRow>(rows, page.Page, page.HasNext), names, people, ignored);
    }

    /// <summary>The filtered view as CSV rows (newest first, or in the view's order), for the export endpoint.</summary>
    public async IAsyncEnumerable<string[]> ExportAsync(AuditFilter filter, ListView view, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var (query, _) = Filtered(filter, view);
        var people = await PeopleAsync(ct);
        var names = people.ToDictionary(p => p.Id.ToString(), p => p.Label);
        foreach (var (id, name) in await RecordNamesAsync(null, ct))
        {
            names.TryAdd(id, name);
        }
        var rows = query.SortedBy(view, SortKeys, "nar", true, a => a.Id).Take(ExportMax)
            .Select(a => new LogRow(a.Id, a.At, a.UserId, a.UserName, a.Action, a.EntityType, a.EntityId, a.Changes)).AsAsyncEnumerable();
        await foreach (var a in rows.WithCancellation(ct))
        {
            var changes = AuditJson.Parse(a.Changes);
            var text = a.Action == AuditAction.Updated
                ? string.Join(" · ", AuditText.Fields(a.EntityType, changes, names).Select(f => $"{f.Field}: {(string.IsNullOrEmpty(f.From) ? "(tomt)" : f.From)} → {(string.IsNullOrEmpty(f.To) ? "(tomt)" : f.To)}"))
                : AuditText.Summary(a.EntityType, a.Action, changes, names);
            yield return [Components.Ui.Sv.DateTime(a.At), Who(a.UserId, a.UserName, names), AuditText.Action(a.Action), AuditText.Entity(a.EntityType), a.EntityId, text];
        }
    }

    public static readonly string[] ExportHeader = ["Tid", "Vem", "Åtgärd", "Vad", "Post", "Ändring"];

    private (IQueryable<AuditEntry> Query, string? Ignored) Filtered(AuditFilter filter, ListView view)
    {
        var query = db.AuditEntries.AsNoTracking();
        var ignored = new List<string>();
        if (!string.IsNullOrEmpty(filter.Type))
        {
            if (AuditText.EntityTypes.ContainsKey(filter.Type))
            {
                var type = filter.Type;
                query = query.Where(a => a.EntityType == type);
            }
            else
            {
                ignored.Add("slaget av uppgift");
            }
        }
        if (!string.IsNullOrEmpty(filter.User))
        {
            if (Guid.TryParse(filter.User, CultureInfo.InvariantCulture, out var userId))
            {
                query = query.Where(a => a.UserId == userId);
            }
            else
            {
                ignored.Add("personen");
            }
        }
        if (!string.IsNullOrEmpty(filter.From))
        {
            if (filter.FromDate is { } from)
            {
                var start = SwedishTime.StartOf(from);
                query = query.Where(a => a.At >= start);
            }
            else
            {
                ignored.Add("datumet från");
            }
        }
        if (!string.IsNullOrEmpty(filter.To))
        {
            if (filter.ToDate is { } to)
            {
                var end = SwedishTime.StartOf(to.AddDays(1));
                query = query.Where(a => a.At < end);
            }
            else
            {
                ignored.Add("datumet till");
            }
        }
        if (QueryValue.Text(filter.Record) is { } record)
        {
            if (record.Length <= 100)
            {
                query = query.Where(a => a.EntityId == record);
            }
            else
            {
                ignored.Add("posten");
            }
        }
        // The search looks in what changed (the stored values) and in who changed it.
        query = query.Matching(view, a => a.Changes, a => a.UserName);
        return (query, ignored.Count == 0 ? null : $"Adressen hade ett värde för {string.Join(", ", ignored)} som inte förstods. Det filtret används inte.");
    }

    /// <summary>The kommun's members (and former ones who still appear in the log), named as the filter lists them.</summary>
    private async Task<List<AuditPerson>> PeopleAsync(CancellationToken ct)
    {
        var members = await (from m in db.Memberships.AsNoTracking()
                             join u in db.Users on m.UserId equals u.Id
                             select new PersonRow(u.Id, u.DisplayName, m.OrganisationName)).ToListAsync(ct);
        return [.. members.DistinctBy(p => p.Id).Select(p => new AuditPerson(p.Id, Label(p.Name, p.Organisation)))
            .OrderBy(p => p.Label, Components.Ui.Sv.Comparer)];
    }

    /// <summary>Names for the ids on one page: people (with their organisation) and the records changes refer to.</summary>
    private async Task<Dictionary<string, string>> NamesAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        var names = new Dictionary<string, string>();
        if (wanted.Count == 0)
        {
            return names;
        }
        var people = await (from u in db.Users.AsNoTracking()
                            where wanted.Contains(u.Id)
                            join m in db.Memberships on u.Id equals m.UserId into ms
                            from m in ms.DefaultIfEmpty()
                            select new PersonRow(u.Id, u.DisplayName, m == null ? null : m.OrganisationName)).ToListAsync(ct);
        foreach (var p in people)
        {
            names.TryAdd(p.Id.ToString(), Label(p.Name, p.Organisation));
        }
        foreach (var (id, name) in await RecordNamesAsync(wanted, ct))
        {
            names.TryAdd(id, name);
        }
        return names;
    }

    /// <summary>
    /// The records a change refers to (an area, a category, a group, a problem, a promise, a plan) by name, in one query:
    /// those with the <paramref name="wanted"/> ids, or all of the kommun's (tens of each at most) for the export.
    /// </summary>
    private async Task<List<(string Id, string Name)>> RecordNamesAsync(List<Guid>? wanted, CancellationToken ct)
    {
        var records = db.Areas.AsNoTracking().Select(a => new { a.Id, a.Name })
            .Concat(db.IncidentCategories.AsNoTracking().Select(c => new { c.Id, c.Name }))
            .Concat(db.Groups.AsNoTracking().Select(g => new { g.Id, g.Name }))
            .Concat(db.Problems.AsNoTracking().Select(p => new { p.Id, Name = p.Title }))
            .Concat(db.Medborgarloften.AsNoTracking().Select(l => new { l.Id, Name = l.Title }))
            .Concat(db.Atgardsplaner.AsNoTracking().Select(p => new { p.Id, Name = p.Title }));
        if (wanted is not null)
        {
            records = records.Where(r => wanted.Contains(r.Id));
        }
        return [.. (await records.ToListAsync(ct)).Select(r => (r.Id.ToString(), r.Name))];
    }

    private static Guid? IdOf(string? value) => value is { Length: 36 } && Guid.TryParse(value, CultureInfo.InvariantCulture, out var id) ? id : null;

    private static string Label(string name, string? organisation) => string.IsNullOrWhiteSpace(organisation) ? name : $"{name}, {organisation}";

    /// <summary>Who made a change: their name and organisation; a removed member by the pseudonym stored in the entry;
    /// an address that no longer belongs to anyone is not shown.</summary>
    private static string Who(Guid? userId, string userName, Dictionary<string, string> names) =>
        userId is { } id && names.TryGetValue(id.ToString(), out var name) ? name
        : userName == "system" ? "Systemet"
        : userName.Contains('@', StringComparison.Ordinal) ? "Tidigare användare"
        : userName;

    // Named records, not tuples: Npgsql would read a projected tuple as a PostgreSQL ROW value.
    private sealed record LogRow(long Id, DateTimeOffset At, Guid? UserId, string UserName, AuditAction Action, string EntityType, string EntityId, string Changes);

    private sealed record PersonRow(Guid Id, string Name, string? Organisation);

}

/// <summary>The log's filters as the address holds them: who (a user id), what (an entity type), when (from/to,
/// ÅÅÅÅ-MM-DD) and which record (its id). Raw text: an odd value is ignored, never an error.</summary>
public sealed record AuditFilter(string? Type, string? User, string? From, string? To, string? Record)
{
    public DateOnly? FromDate => Date(From);

    public DateOnly? ToDate => Date(To);

    private static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d.Year is >= 2000 and <= 2100 ? d : null;
}

public sealed record AuditPerson(Guid Id, string Label);

public sealed record AuditRow(DateTimeOffset At, string Who, AuditAction Action, string EntityType, string EntityId, Dictionary<string, AuditChange> Changes);

public sealed record AuditPageModel(PageOf<AuditRow> Page, IReadOnlyDictionary<string, string> Names, IReadOnlyList<AuditPerson> People, string? Ignored);
