using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SakraStader.Components.Lists;
using SakraStader.Data;
using SakraStader.Domain;
using SakraStader.Features.Commands;
using SakraStader.Infrastructure;
using SakraStader.Tenancy;

namespace SakraStader.Features.Incidents;

/// <summary>
/// The incident pages' reads and the report command. Reads return records; the report checks the category and the
/// area through the tenant filter, lets <see cref="Incident"/> apply its rules (no personnummer, no control
/// characters, a plausible date) and leaves the save, with its audit, to <see cref="Operations"/>.
/// </summary>
public sealed class IncidentWork(AppDbContext db, TenantContext tenant, TimeProvider time, KommunCache kept)
{
    /// <summary>The report form: the kommun's choices and a fresh input with good defaults (now, the user's usual area).</summary>
    public async Task<IncidentFormModel> ReadFormAsync(CancellationToken ct = default)
    {
        var categories = await db.IncidentCategories.AsNoTracking().Where(c => !c.Hidden).OrderBy(c => c.Order).ThenBy(c => c.Name)
            .Select(c => new IncidentOption(c.Id, c.Name)).ToListAsync(ct);
        var areas = await db.Areas.AsNoTracking().Where(a => !a.Archived).OrderBy(a => a.Name)
            .Select(a => new IncidentOption(a.Id, a.Name)).ToListAsync(ct);
        // The usual area: where the user's latest report was (a trygghetsvärd walks the same blocks every night).
        var userId = tenant.UserId;
        var usual = userId is null ? null : await db.Incidents.AsNoTracking().Where(i => i.ReportedBy == userId)
            .OrderByDescending(i => i.ReportedAt).Select(i => (Guid?)i.AreaId).FirstOrDefaultAsync(ct);
        return new IncidentFormModel([.. categories], [.. areas.OrderBy(a => a.Name, Components.Ui.Sv.Comparer)],
            areas.Any(a => a.Id == usual) ? usual : null, tenant.Membership?.OrganisationName ?? "");
    }

    /// <summary>A fresh input: now, in Swedish time, the usual area and the user's organisation.</summary>
    public static IncidentInput NewInput(IncidentFormModel form, TimeProvider time, Guid? area = null)
    {
        var now = time.LocalNow();
        return new IncidentInput
        {
            Date = now.Date,
            Time = now.ToString("HH:mm", CultureInfo.InvariantCulture),
            AreaId = area ?? form.UsualAreaId,
            Organisation = form.Organisation,
        };
    }

    /// <summary>Reports a händelse as the signed-in user. Returns its id.</summary>
    public async Task<Guid> ReportAsync(IncidentInput input, CancellationToken ct = default)
    {
        if (input.CategoryId is not { } categoryId || !await db.IncidentCategories.AnyAsync(c => c.Id == categoryId && !c.Hidden, ct))
        {
            throw new DomainException("Välj vad som hände i listan.", nameof(IncidentInput.CategoryId));
        }
        if (input.AreaId is not { } areaId || !await db.Areas.AnyAsync(a => a.Id == areaId && !a.Archived, ct))
        {
            throw new DomainException("Välj ett område i listan.", nameof(IncidentInput.AreaId));
        }
        if (input.Date is not { } date)
        {
            throw new DomainException("Ange datum, till exempel 2026-03-14.", nameof(IncidentInput.Date));
        }
        if (!TimeOnly.TryParseExact((input.Time ?? "").Trim(), ["H:mm", "HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            throw new DomainException("Ange klockslaget som tt:mm, till exempel 21:30.", nameof(IncidentInput.Time));
        }
        if (string.IsNullOrWhiteSpace(input.Description))
        {
            throw new DomainException("Beskriv kort vad som hände.", nameof(IncidentInput.Description));
        }
        Incident incident;
        try
        {
            incident = new Incident(categoryId, areaId, input.Place, SwedishTime.At(DateOnly.FromDateTime(date), at), input.Organisation,
                input.Description, tenant.UserId, time.GetUtcNow());
        }
        catch (DomainException e)
        {
            // The model names its own fields; the form names the inputs.
            throw new DomainException(e.Message, e.Field switch
            {
                nameof(Incident.Place) => nameof(IncidentInput.Place),
                nameof(Incident.OccurredAt) => nameof(IncidentInput.Date),
                nameof(Incident.Organisation) => nameof(IncidentInput.Organisation),
                _ => nameof(IncidentInput.Description),
            });
        }
        db.Incidents.Add(incident);
        return incident.Id;
    }

    /// <summary>
    /// One page of the list, sorted, searched and filtered in the database. An inrapportör sees only their own
    /// reports. Odd filter values in the address are ignored (and said so), never an error.
    /// </summary>
    public async Task<IncidentListModel> ListAsync(IncidentFilter filter, ListView view, CancellationToken ct = default)
    {
        var ownOnly = !tenant.Has(Role.Lasare);
        var userId = tenant.UserId;
        var choices = await kept.GetOrCompileAsync("incident-choices", "", async () => new IncidentChoices(
            [.. (await db.Areas.AsNoTracking().Select(a => new IncidentOption(a.Id, a.Name)).ToListAsync(ct)).OrderBy(a => a.Name, Components.Ui.Sv.Comparer)],
            [.. await db.IncidentCategories.AsNoTracking().OrderBy(c => c.Order).ThenBy(c => c.Name).Select(c => new IncidentOption(c.Id, c.Name)).ToListAsync(ct)]), ct);
        var (period, ignored) = Period(filter);
        var page = await kept.GetOrCompileAsync("incidents", (ownOnly ? userId : null, period, filter.AreaId, filter.CategoryId, view), async () =>
        {
            var query = db.Incidents.AsNoTracking();
            if (ownOnly)
            {
                query = query.Where(i => i.ReportedBy == userId);
            }
            if (period is { } p)
            {
                query = query.Where(i => i.OccurredAt >= p.From && i.OccurredAt < p.To);
            }
            if (filter.AreaId is { } areaId)
            {
                query = query.Where(i => i.AreaId == areaId);
            }
            if (filter.CategoryId is { } categoryId)
            {
                query = query.Where(i => i.CategoryId == categoryId);
            }
            var rows = from i in query
                       join c in db.IncidentCategories on i.CategoryId equals c.Id
                       join a in db.Areas on i.AreaId equals a.Id
                       select new IncidentRow
                       {
                           Id = i.Id, OccurredAt = i.OccurredAt, Category = c.Name, Area = a.Name, Place = i.Place, Description = i.Description,
                           Organisation = i.Organisation,
                       };
            return await rows.Matching(view, r => r.Description, r => r.Place, r => r.Organisation, r => r.Category, r => r.Area)
                .SortedBy(view, SortKeys, "nar", true, r => r.Id)
                .PageAsync(view, ct: ct);
        }, ct);
        return new IncidentListModel(page, choices.Areas, choices.Categories, ownOnly, period?.Text, ignored, MonthChoices(time.ThisMonth(), filter.Month));
    }

    /// <summary>How many months back the month filter offers (two years: this year's and last year's lägesbilder).</summary>
    public const int MonthsOffered = 24;

    /// <summary>
    /// The months the filter offers, this month first (value "2026-12", text "december 2026"), and a chosen month further
    /// back (a bookmarked address) as well, so that the filter shows what the list shows.
    /// </summary>
    public static IReadOnlyList<MonthChoice> MonthChoices(DateOnly thisMonth, string? chosen)
    {
        var months = Enumerable.Range(0, MonthsOffered).Select(i => thisMonth.AddMonths(-i)).ToList();
        if (!string.IsNullOrEmpty(chosen)
            && DateOnly.TryParseExact(chosen + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)
            && month.Year is >= 1990 and <= 2100 && !months.Contains(month))
        {
            months.Add(month);
            months.Sort((a, b) => b.CompareTo(a));
        }
        return [.. months.Select(m => new MonthChoice(m.ToString("yyyy-MM", CultureInfo.InvariantCulture), Components.Ui.Sv.MonthName(m.Year, m.Month)))];
    }

    public static readonly SortKey<IncidentRow>[] SortKeys =
    [
        new("nar", r => r.OccurredAt),
        new("kategori", r => r.Category),
        new("omrade", r => r.Area),
        new("organisation", r => r.Organisation),
    ];

    /// <summary>The period the filter names (a month, an ISO week or a year), and a message when a value made no sense.</summary>
    public static (IncidentPeriod? Period, string? Ignored) Period(IncidentFilter filter)
    {
        if (!string.IsNullOrEmpty(filter.Month))
        {
            if (DateOnly.TryParseExact(filter.Month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)
                && month.Year is >= 1990 and <= 2100)
            {
                var (from, to) = SwedishTime.MonthBounds(month.Year, month.Month);
                return (new IncidentPeriod(from, to, Components.Ui.Sv.MonthName(month.Year, month.Month)), null);
            }
            return (null, $"Månaden \"{Shorten(filter.Month)}\" förstods inte och visas inte. Välj en månad i listan.");
        }
        if (!string.IsNullOrEmpty(filter.Week))
        {
            var w = filter.Week;
            if (w.Length == 8 && w[4..6] == "-W" && int.TryParse(w[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var wy)
                && int.TryParse(w[6..], NumberStyles.None, CultureInfo.InvariantCulture, out var wn) && wy is >= 1990 and <= 2100
                && wn >= 1 && wn <= ISOWeek.GetWeeksInYear(wy))
            {
                var monday = SwedishTime.MondayOf(wy, wn);
                return (new IncidentPeriod(SwedishTime.StartOf(monday), SwedishTime.StartOf(monday.AddDays(7)), $"vecka {wn} {wy}"), null);
            }
            return (null, $"Veckan \"{Shorten(w)}\" förstods inte och visas inte.");
        }
        if (!string.IsNullOrEmpty(filter.Year))
        {
            if (int.TryParse(filter.Year, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1990 and <= 2100)
            {
                var (from, to) = SwedishTime.YearBounds(year);
                return (new IncidentPeriod(from, to, year.ToString(CultureInfo.InvariantCulture)), null);
            }
            return (null, $"Året \"{Shorten(filter.Year)}\" förstods inte och visas inte.");
        }
        return (null, null);
    }

    private static string Shorten(string text) => text.Length > 20 ? text[..20] + "…" : text;

    private sealed record IncidentChoices(IReadOnlyList<IncidentOption> Areas, IReadOnlyList<IncidentOption> Categories);
}

public sealed record IncidentOption(Guid Id, string Name);

public sealed record IncidentFormModel(IReadOnlyList<IncidentOption> Categories, IReadOnlyList<IncidentOption> Areas, Guid? UsualAreaId, string Organisation);

/// <summary>The report form's input.</summary>
public sealed class IncidentInput
{
    public Guid? CategoryId { get; set; }
    public Guid? AreaId { get; set; }
    public string Place { get; set; } = "";
    public DateTime? Date { get; set; }
    public string Time { get; set; } = "";
    public string Organisation { get; set; } = "";
    public string Description { get; set; } = "";
}

/// <summary>The list's filters as the address holds them (raw text, so that an odd value is ignored rather than an error).</summary>
public sealed record IncidentFilter(string? Month, string? Week, string? Year, string? Area, string? Category)
{
    public Guid? AreaId => Guid.TryParse(Area, CultureInfo.InvariantCulture, out var id) ? id : null;

    public Guid? CategoryId => Guid.TryParse(Category, CultureInfo.InvariantCulture, out var id) ? id : null;
}

public sealed record IncidentPeriod(DateTimeOffset From, DateTimeOffset To, string Text);

/// <summary>A row of the list (init properties, not a positional record: the database sorts and searches on them).</summary>
public sealed record IncidentRow
{
    public Guid Id { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
    public string Category { get; init; } = "";
    public string Area { get; init; } = "";
    public string Place { get; init; } = "";
    public string Description { get; init; } = "";
    public string Organisation { get; init; } = "";
}

public sealed record IncidentListModel(PageOf<IncidentRow> Page, IReadOnlyList<IncidentOption> Areas, IReadOnlyList<IncidentOption> Categories,
    bool OwnOnly, string? PeriodText, string? Ignored, IReadOnlyList<MonthChoice> Months);

/// <summary>A month the list can be filtered by: its value in the address ("2026-12") and its name ("december 2026").</summary>
public sealed record MonthChoice(string Value, string Text);
