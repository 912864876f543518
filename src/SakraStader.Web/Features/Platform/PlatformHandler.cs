using Microsoft.EntityFrameworkCore;
using SakraStader.Data;
using SakraStader.Domain;
using SakraStader.Features.Members;
using SakraStader.Tenancy;

namespace SakraStader.Features.Platform;

/// <summary>The platform administrator's work: creating a kommun together with its first samordnare.</summary>
public sealed class PlatformHandler(AppDbContext db, TenantContext tenant, MemberHandler members)
{
    private static readonly HashSet<string> ReservedSlugs = ["admin", "konto", "health", "status", "fel", "hittades-inte", "tillganglighet", "api", "_content", "_framework"];

    public sealed record CreateKommunResult(Kommun Kommun, string? TemporaryPassword);

    public async Task<CreateKommunResult> CreateKommunAsync(string name, string kod, string? slug, string samordnareEmail,
        string samordnareName, string samordnareTitle, CancellationToken ct = default)
    {
        slug = string.IsNullOrWhiteSpace(slug) ? Kommun.SlugFor(name) : slug.Trim();
        if (ReservedSlugs.Contains(slug))
        {
            throw new DomainException($"Adressnamnet ”{slug}” är reserverat. Välj ett annat.", "Slug");
        }
        if (await db.Kommuner.AnyAsync(k => k.Slug == slug, ct))
        {
            throw new DomainException($"Adressnamnet ”{slug}” används redan.", "Slug");
        }
        if (await db.Kommuner.AnyAsync(k => k.Kod == kod, ct))
        {
            throw new DomainException($"Kommunkoden {kod} finns redan.", "Kod");
        }
        var kommun = new Kommun(name, kod, slug);

        // Joins the caller's transaction when there is one (the command path): the kommun and its samordnare, or neither.
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        db.Kommuner.Add(kommun);
        await db.SaveChangesAsync(ct);
        MemberHandler.AddResult added;
        using (tenant.Enter(new KommunInfo(kommun.Id, kommun.Name, kommun.Slug, kommun.Kod)))
        {
            added = await members.AddAsync(samordnareEmail, samordnareName, Role.Samordnare, OrganisationKind.Kommunen, kommun.Name, samordnareTitle, ct);
            // Every kommun starts with the common incident categories; its samordnare adjusts the list.
            db.IncidentCategories.AddRange(IncidentCategory.Defaults.Select((c, i) => new IncidentCategory(c, i + 1)));
            await db.SaveChangesAsync(ct);
        }
        if (tx is not null)
        {
            await tx.CommitAsync(ct);
        }
        return new CreateKommunResult(kommun, added.TemporaryPassword);
    }
}
