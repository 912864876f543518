using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SakraStader.Data;
using SakraStader.Domain;

namespace SakraStader.Features.Members;

/// <summary>Adds, changes and removes memberships of the current kommun.</summary>
public sealed class MemberHandler(AppDbContext db, UserManager<AppUser> users)
{
    public sealed record AddResult(Membership Membership, string? TemporaryPassword);

    /// <summary>
    /// Adds a person to the kommun. An existing account (police and fire-service staff often serve several kommuner)
    /// gets a new membership; otherwise an account is created with a temporary password to hand over.
    /// Everything is saved in one transaction or not at all.
    /// </summary>
    public async Task<AddResult> AddAsync(string email, string displayName, Role role, OrganisationKind organisation,
        string organisationName, string title, CancellationToken ct = default)
    {
        email = email.Trim();
        // Joins the caller's transaction when there is one (creating a kommun with its first samordnare).
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var user = await users.FindByEmailAsync(email);
        string? password = null;
        if (user is null)
        {
            if (string.IsNullOrWhiteSpace(displayName))
            {
                throw new DomainException("Ange namn för den nya användaren.", "DisplayName");
            }
            user = new AppUser { UserName = email, Email = email, DisplayName = displayName.Trim(), EmailConfirmed = true };
            password = NewTemporaryPassword();
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                throw new DomainException(string.Join(" ", created.Errors.Select(e => e.Description)), "Email");
            }
        }
        else if (await db.Memberships.AnyAsync(m => m.UserId == user.Id, ct))
        {
            throw new DomainException($"{user.DisplayName} är redan medlem i kommunen.", "Email");
        }
        var membership = db.Memberships.Add(new Membership(user.Id, role, organisation, organisationName, title)).Entity;
        await db.SaveChangesAsync(ct);
        if (tx is not null)
        {
            await tx.CommitAsync(ct);
        }
        return new AddResult(membership, password);
    }

    public async Task ChangeAsync(Membership membership, Role role, OrganisationKind organisation, string organisationName,
        string title, CancellationToken ct = default)
    {
        var samordnare = await db.Memberships.CountAsync(m => m.Role == Role.Samordnare, ct);
        Membership.EnsureNotLastSamordnare(membership, role, samordnare);
        // The caller saves (the command path, with the audit, in its transaction).
        membership.Change(role, organisation, organisationName, title);
    }

    public async Task RemoveAsync(Membership membership, CancellationToken ct = default)
    {
        var samordnare = await db.Memberships.CountAsync(m => m.Role == Role.Samordnare, ct);
        Membership.EnsureNotLastSamordnare(membership, Role.Lasare, samordnare);
        // The person leaves the kommun's audit trail as a pseudonym: what they did stays, who they were does not.
        // The same pseudonym for all their entries, so the trail still shows that one person made them.
        // Joins the caller's transaction when there is one (the command path), so the pseudonyms and the removal go together.
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var pseudonym = Pseudonym(membership.UserId);
        await db.AuditEntries.Where(a => a.UserId == membership.UserId)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.UserName, pseudonym).SetProperty(a => a.UserId, (Guid?)null), ct);
        db.Memberships.Remove(membership);
        await db.SaveChangesAsync(ct);
        if (tx is not null)
        {
            await tx.CommitAsync(ct);
        }
    }

    /// <summary>"Borttagen användare 3F9A2C": stable for one person, not reversible to them.</summary>
    public static string Pseudonym(Guid userId) =>
        "Borttagen användare " + Convert.ToHexString(SHA256.HashData(userId.ToByteArray()))[..6];

    /// <summary>Four groups of four readable characters; 20 bits each is plenty for a password that must be changed.</summary>
    public static string NewTemporaryPassword()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
        var chars = RandomNumberGenerator.GetItems<char>(alphabet, 16);
        return string.Join('-', chars.Chunk(4).Select(c => new string(c)));
    }
}
