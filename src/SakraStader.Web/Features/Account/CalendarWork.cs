using Microsoft.EntityFrameworkCore;
using SakraStader.Data;
using SakraStader.Features.Commands;
using SakraStader.Features.Meetings;
using SakraStader.Tenancy;

namespace SakraStader.Features.Account;

/// <summary>
/// The signed-in user's calendar address (a secret token in the URL of their meeting feed). Only the user's own row is
/// read or changed: the user comes from the circuit, never from the page. <see cref="Operations"/> saves.
/// </summary>
public sealed class CalendarWork(AppDbContext db, TenantContext tenant)
{
    public async Task<string?> ReadTokenAsync(CancellationToken ct = default) =>
        tenant.UserId is { } id ? await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.CalendarToken).FirstOrDefaultAsync(ct) : null;

    /// <summary>A new address; the old one (if any) stops working.</summary>
    public async Task<string> ReplaceAsync(CancellationToken ct = default)
    {
        var user = await LoadAsync(ct);
        user.CalendarToken = CalendarEndpoints.NewToken();
        return user.CalendarToken;
    }

    public async Task RevokeAsync(CancellationToken ct = default) => (await LoadAsync(ct)).CalendarToken = null;

    private async Task<Domain.AppUser> LoadAsync(CancellationToken ct) =>
        tenant.UserId is { } id && await db.Users.FirstOrDefaultAsync(u => u.Id == id, ct) is { } user
            ? user
            : throw new Groups.ForbiddenException();
}
