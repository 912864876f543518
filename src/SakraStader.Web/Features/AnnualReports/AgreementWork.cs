using Microsoft.EntityFrameworkCore;
using SakraStader.Components.Ui;
using SakraStader.Data;
using SakraStader.Domain;
using SakraStader.Features.Commands;
using SakraStader.Tenancy;

namespace SakraStader.Features.AnnualReports;

/// <summary>
/// The cooperation agreements with the police: read as records, registered and changed by the samordnare. The areas
/// ticked are claims to check: each must be one of this kommun's areas (the tenant filter finds no other kommun's).
/// A change is made over the agreement as the user saw it; a change made meanwhile is refused, not overwritten.
/// </summary>
public sealed class AgreementWork(AppDbContext db, TenantContext tenant)
{
    public const string ChangedMeanwhile = "Någon annan har ändrat överenskommelsen sedan du öppnade den. Det du skrev finns kvar; läs deras ändring och spara igen om ditt ska gälla.";

    public async Task<AgreementsModel> ReadAsync(CancellationToken ct = default)
    {
        var agreements = await db.CooperationAgreements.AsNoTracking().Include(a => a.Areas).OrderByDescending(a => a.ValidFrom).ToListAsync(ct);
        var areas = await db.Areas.AsNoTracking().Select(a => new AgreementArea(a.Id, a.Name, a.Archived)).ToListAsync(ct);
        var names = areas.ToDictionary(a => a.Id, a => a.Name);
        return new AgreementsModel(
            [.. agreements.Select(a => new AgreementView(a.Id, a.Title, a.Parties, a.ValidFrom, a.ValidTo, [.. a.AreaIds],
                [.. a.AreaIds.Where(names.ContainsKey).Select(id => names[id]).Order(Sv.Comparer)], a.Focus))],
            [.. areas.OrderBy(a => a.Name, Sv.Comparer)],
            tenant.Has(Role.Samordnare));
    }

    /// <summary>Registers a new agreement, or changes the one the user saw (<see cref="AgreementInput.Seen"/>).</summary>
    public async Task<Guid> SaveAsync(AgreementInput input, CancellationToken ct = default)
    {
        var areaIds = input.AreaIds.Distinct().ToList();
        var known = await db.Areas.Where(a => areaIds.Contains(a.Id)).Select(a => a.Id).ToListAsync(ct);
        if (known.Count != areaIds.Count)
        {
            throw new DomainException("Välj bland kommunens områden.", nameof(AgreementInput.AreaIds));
        }
        var from = input.ValidFrom is { } f ? DateOnly.FromDateTime(f) : (DateOnly?)null;
        var to = input.ValidTo is { } t ? DateOnly.FromDateTime(t) : (DateOnly?)null;
        if (input.Id is not { } id)
        {
            var created = new CooperationAgreement(input.Title, input.Parties, from, to, areaIds, input.Focus);
            db.CooperationAgreements.Add(created);
            return created.Id;
        }
        var existing = await db.CooperationAgreements.Include(a => a.Areas).FirstOrDefaultAsync(a => a.Id == id, ct)
            ?? throw new DomainException("Överenskommelsen finns inte längre.");
        if (input.Seen is not { } seen || !Same(existing, seen))
        {
            throw new ConflictException(ChangedMeanwhile, null, null);
        }
        existing.Update(input.Title, input.Parties, from, to, areaIds, input.Focus);
        return existing.Id;
    }

    private static bool Same(CooperationAgreement a, AgreementView seen) =>
        a.Title == seen.Title && a.Parties == seen.Parties && a.ValidFrom == seen.ValidFrom && a.ValidTo == seen.ValidTo && a.Focus == seen.Focus
        && a.AreaIds.Order().SequenceEqual(seen.AreaIds.Order());
}

public sealed record AgreementsModel(IReadOnlyList<AgreementView> Agreements, IReadOnlyList<AgreementArea> Areas, bool CanEdit);

public sealed record AgreementView(Guid Id, string Title, string Parties, DateOnly ValidFrom, DateOnly ValidTo, IReadOnlyList<Guid> AreaIds,
    IReadOnlyList<string> AreaNames, string Focus);

public sealed record AgreementArea(Guid Id, string Name, bool Archived);

/// <summary>The agreement form's input. <see cref="Seen"/> is the agreement as the user opened it for a change.</summary>
public sealed class AgreementInput
{
    public Guid? Id { get; set; }
    public AgreementView? Seen { get; set; }
    public string Title { get; set; } = "";
    public string Parties { get; set; } = "";
    public DateTime? ValidFrom { get; set; }
    public DateTime? ValidTo { get; set; }
    public HashSet<Guid> AreaIds { get; set; } = [];
    public string Focus { get; set; } = "";

    public static AgreementInput From(AgreementView a) => new()
    {
        Id = a.Id, Seen = a, Title = a.Title, Parties = a.Parties, Focus = a.Focus, AreaIds = [.. a.AreaIds],
        ValidFrom = a.ValidFrom.ToDateTime(TimeOnly.MinValue), ValidTo = a.ValidTo.ToDateTime(TimeOnly.MinValue),
    };
}
