using Microsoft.EntityFrameworkCore;
using SakraStader.Data;
using SakraStader.Domain;
using SakraStader.Features.Groups;
using SakraStader.Tenancy;

namespace SakraStader.Features.Mail;

public sealed record MailChoice(MailKind Kind, string Name, MailDelivery Delivery);

/// <summary>
/// The signed-in person's e-mail choices, one per kind (no row: at once). Only their own: the user comes from the
/// circuit, never from the page. The unsubscribe link sets one kind to "never" for the person its token names.
/// </summary>
public sealed class MailPreferencesWork(AppDbContext db, TenantContext tenant, ILogger<MailPreferencesWork> logger)
{
    public async Task<IReadOnlyList<MailChoice>> ReadAsync(CancellationToken ct = default)
    {
        var me = tenant.UserId ?? throw new ForbiddenException();
        var stored = await db.MailPreferences.AsNoTracking().Where(p => p.UserId == me).ToDictionaryAsync(p => p.Kind, p => p.Delivery, ct);
        return [.. Enum.GetValues<MailKind>().Select(k => new MailChoice(k, MailMessages.KindName(k), stored.GetValueOrDefault(k, MailDelivery.AtOnce)))];
    }

    public async Task SetAsync(MailKind kind, MailDelivery delivery, CancellationToken ct = default)
    {
        if (!Enum.IsDefined(kind) || !Enum.IsDefined(delivery))
        {
            throw new DomainException("Välj ett av alternativen.", nameof(delivery));
        }
        await SetAsync(db, tenant.UserId ?? throw new ForbiddenException(), kind, delivery, ct);
        logger.LogInformation("E-postval ändrat: {Kind} {Delivery}", kind, delivery);
    }

    /// <summary>
    /// A stop link followed: that kind is never sent again, or for the weekly digest (no kind) every kind chosen for it,
    /// and what waits for the next digest is dropped (what it held still shows in Att göra). Not saved here: the caller saves. False when the person does not exist.
    /// </summary>
    public static async Task<bool> StopAsync(AppDbContext db, Guid userId, MailKind? kind, CancellationToken ct)
    {
        if (kind is { } k)
        {
            return await SetAsync(db, userId, k, MailDelivery.Never, ct);
        }
        if (!await db.Users.AnyAsync(u => u.Id == userId, ct))
        {
            return false;
        }
        foreach (var row in await db.MailPreferences.Where(p => p.UserId == userId && p.Delivery == MailDelivery.Weekly).ToListAsync(ct))
        {
            row.Delivery = MailDelivery.Never;
        }
        // What waits for the next digest is not sent either: the link stops the digest, not only the ones after it.
        db.Outbox.RemoveRange(await db.Outbox.Where(m => m.UserId == userId && m.ForDigest && m.SentAt == null).ToListAsync(ct));
        return true;
    }

    /// <summary>Sets one choice (not saved here: the caller saves). False when the person does not exist.</summary>
    public static async Task<bool> SetAsync(AppDbContext db, Guid userId, MailKind kind, MailDelivery delivery, CancellationToken ct)
    {
        if (!await db.Users.AnyAsync(u => u.Id == userId, ct))
        {
            return false;
        }
        var row = await db.MailPreferences.FirstOrDefaultAsync(p => p.UserId == userId && p.Kind == kind, ct);
        if (row is null)
        {
            db.MailPreferences.Add(new MailPreference(userId, kind, delivery));
        }
        else
        {
            row.Delivery = delivery;
        }
        return true;
    }
}
