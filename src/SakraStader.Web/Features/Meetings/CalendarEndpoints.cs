using Microsoft.EntityFrameworkCore;
using SakraStader.Data;
using SakraStader.Infrastructure;
using SakraStader.Tenancy;

namespace SakraStader.Features.Meetings;

/// <summary>
/// iCalendar downloads and feeds: one meeting, a group's plan (signed in, through the tenant filter), and a user's
/// personal feed at /kalender/{token}.ics that works without a browser session (the token is the credential).
/// </summary>
public static class CalendarEndpoints
{
    private const string ContentType = "text/calendar; charset=utf-8";

    public static IEndpointRouteBuilder MapCalendarEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/{KommunSlug}/moten/{id:guid}/kalender.ics", async (Guid id, AppDbContext db, TenantContext tenant, HttpContext http, TimeProvider time) =>
        {
            var events = await EventsAsync(db.Meetings.Where(m => m.Id == id), db, Base(http, tenant));
            return events.Count == 0 ? Results.NotFound() : Results.Text(Ics.Calendar(events[0].Summary, events, time.GetUtcNow()), ContentType);
        }).RequireAuthorization(Policies.Lasare).NeverStored();

        app.MapGet("/{KommunSlug}/grupper/{id:guid}/kalender.ics", async (Guid id, AppDbContext db, TenantContext tenant, HttpContext http, TimeProvider time) =>
        {
            var group = await db.Groups.AsNoTracking().Where(g => g.Id == id).Select(g => g.Name).FirstOrDefaultAsync();
            if (group is null)
            {
                return Results.NotFound();
            }
            var from = time.GetUtcNow().AddYears(-1);
            var events = await EventsAsync(db.Meetings.Where(m => m.GroupId == id && m.StartsAt >= from), db, Base(http, tenant));
            return Results.Text(Ics.Calendar($"{group} – {tenant.Kommun!.Name}", events, time.GetUtcNow()), ContentType);
        }).RequireAuthorization(Policies.Lasare).NeverStored();

        // The personal feed: anonymous by design (calendar apps send no cookie); the secret token is the credential.
        app.MapGet("/kalender/{token}.ics", async (string token, CrossTenant crossTenant, HttpContext http, TimeProvider time) =>
        {
            var feed = await crossTenant.CalendarFeedAsync(token, time.GetUtcNow().AddYears(-1));
            if (feed is null)
            {
                return Results.NotFound();
            }
            var root = $"{http.Request.Scheme}://{http.Request.Host}";
            var events = feed.Meetings.Select(m => new Ics.CalendarEvent(m.Id, $"{m.GroupName} ({m.KommunName})", m.StartsAt, m.EndsAt, m.Location,
                $"{root}/{m.KommunSlug}/moten/{m.Id}", m.Cancelled));
            return Results.Text(Ics.Calendar($"Säkra städer – {feed.UserName}", events, time.GetUtcNow()), ContentType);
        }).AllowAnonymous().NeverStored();

        return app;
    }

    private static string Base(HttpContext http, TenantContext tenant) => $"{http.Request.Scheme}://{http.Request.Host}/{tenant.Kommun!.Slug}";

    private static async Task<List<Ics.CalendarEvent>> EventsAsync(IQueryable<Domain.Meeting> meetings, AppDbContext db, string root) =>
        (await (from m in meetings.AsNoTracking()
                join g in db.Groups on m.GroupId equals g.Id
                orderby m.StartsAt
                select new { m.Id, g.Name, m.StartsAt, m.EndsAt, m.Location, m.Cancelled }).ToListAsync())
        .Select(m => new Ics.CalendarEvent(m.Id, m.Name, m.StartsAt, m.EndsAt, m.Location, $"{root}/moten/{m.Id}", m.Cancelled))
        .ToList();

    public static string NewToken() => Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
}
