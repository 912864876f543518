using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using SakraStader.Components.Ui;
using SakraStader.Data;
using SakraStader.Domain;
using SakraStader.Features.Meetings;

namespace SakraStader.Features.Mail;

/// <summary>
/// Writes the e-mail a change causes into the outbox in the same SaveChanges as the change, so that both commit or
/// neither does, whichever form or handler made it: a medborgarlöfte sent for signature (its signatories), signed by
/// every party (the samordnare), its signatures voided (their signers and the samordnare); a comment on the annual report
/// (the samordnare) and its answer (the comment's author); the first minutes of a held meeting (the chair, for
/// justering); a meeting planned, moved or cancelled (the group's members, with an .ics). Only changes made by a person
/// (not the demo or an import), never to that person, and only to people who are members of the kommun. Each person's
/// choice per kind (<see cref="MailPreference"/>) decides: sent at once, held for the weekly digest, or not written.
/// A message carries a title and a link, never the content of the work.
/// </summary>
public sealed class MailInterceptor(IOptions<MailOptions> options, TimeProvider time) : SaveChangesInterceptor
{
    private sealed record Pending(Guid UserId, MailKind Kind, string Subject, string Heading, string Text, string Path, string LinkText,
        string? Calendar = null, string? DedupKey = null);

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        // Only the data-protection key store saves synchronously; it causes no mail. A change that would is refused
        // rather than saved without its message.
        if (eventData.Context is AppDbContext db && db.Tenant.UserId is not null && Detect(db).Count > 0)
        {
            throw new InvalidOperationException("Ändringar som skickar e-post sparas med SaveChangesAsync.");
        }
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is AppDbContext db && db.Tenant.UserId is not null && db.Tenant.Kommun is not null)
        {
            var events = Detect(db);
            if (events.Count > 0)
            {
                var pending = await ResolveAsync(db, events, cancellationToken);
                if (pending.Count > 0)
                {
                    await WriteAsync(db, pending, cancellationToken);
                }
            }
        }
        return result;
    }

    private abstract record Event;
    private sealed record SentForSignature(Guid LofteId, string Title) : Event;
    private sealed record FullySigned(Guid LofteId, string Title) : Event;
    private sealed record SignaturesVoided(Guid LofteId, IReadOnlyList<Guid> Signers) : Event;
    private sealed record CommentPosted(Guid ReportId) : Event;
    private sealed record CommentAnswered(Guid ReportId, Guid AuthorUserId) : Event;
    private sealed record MinutesStarted(Guid MeetingId) : Event;
    private sealed record MeetingChanged(Meeting Meeting, string Change) : Event;

    /// <summary>What in the pending changes causes mail (no database reads; one pass over the tracked entries).</summary>
    private static List<Event> Detect(AppDbContext db)
    {
        var events = new List<Event>();
        var voided = new Dictionary<Guid, HashSet<Guid>>();
        foreach (var e in db.ChangeTracker.Entries())
        {
            if (e.State is not (EntityState.Added or EntityState.Modified))
            {
                continue;
            }
            switch (e.Entity)
            {
                case Medborgarlofte l when e.State == EntityState.Modified:
                    var status = e.Property(nameof(Medborgarlofte.Status));
                    if (status.IsModified && (LofteStatus)status.OriginalValue! != l.Status)
                    {
                        if (l.Status == LofteStatus.ForUnderskrift)
                        {
                            events.Add(new SentForSignature(l.Id, l.Title));
                        }
                        else if (l.Status == LofteStatus.Gallande)
                        {
                            events.Add(new FullySigned(l.Id, l.Title));
                        }
                    }
                    break;
                case LofteSignature sig when e.State == EntityState.Modified && sig.VoidedAt is not null
                                             && e.Property(nameof(LofteSignature.VoidedAt)).OriginalValue is null:
                    if (!voided.TryGetValue(sig.MedborgarlofteId, out var signers))
                    {
                        voided[sig.MedborgarlofteId] = signers = [];
                    }
                    signers.Add(sig.UserId);
                    break;
                case ReportComment c when e.State == EntityState.Added:
                    events.Add(new CommentPosted(c.ReportId));
                    break;
                case ReportComment c when ((string?)e.Property(nameof(ReportComment.Answer)).OriginalValue ?? "").Length == 0 && c.IsAnswered:
                    events.Add(new CommentAnswered(c.ReportId, c.AuthorUserId));
                    break;
                case AgendaItem a:
                    var had = e.State == EntityState.Modified
                        && (((string?)e.Property(nameof(AgendaItem.Minutes)).OriginalValue ?? "").Length > 0
                            || ((string?)e.Property(nameof(AgendaItem.Decision)).OriginalValue ?? "").Length > 0);
                    if (!had && (a.Minutes.Length > 0 || a.Decision.Length > 0))
                    {
                        events.Add(new MinutesStarted(a.MeetingId));
                    }
                    break;
                case Meeting m when e.State == EntityState.Added:
                    if (!m.Cancelled)
                    {
                        events.Add(new MeetingChanged(m, "planned"));
                    }
                    break;
                case Meeting m:
                    if (m.Cancelled && !(bool)e.Property(nameof(Meeting.Cancelled)).OriginalValue!)
                    {
                        events.Add(new MeetingChanged(m, "cancelled"));
                    }
                    else if (!m.Cancelled && ((DateTimeOffset)e.Property(nameof(Meeting.StartsAt)).OriginalValue! != m.StartsAt
                        || (DateTimeOffset)e.Property(nameof(Meeting.EndsAt)).OriginalValue! != m.EndsAt
                        || (string)e.Property(nameof(Meeting.Location)).OriginalValue! != m.Location))
                    {
                        events.Add(new MeetingChanged(m, "moved"));
                    }
                    break;
            }
        }
        events.AddRange(voided.Select(v => new SignaturesVoided(v.Key, [.. v.Value])));
        return events;
    }

    /// <summary>Who each event reaches and what it says.</summary>
    private async Task<List<Pending>> ResolveAsync(AppDbContext db, List<Event> events, CancellationToken ct)
    {
        var kommun = db.Tenant.Kommun!;
        var now = time.GetUtcNow();
        var pending = new List<Pending>();
        List<Guid>? samordnare = null;
        async Task<List<Guid>> SamordnareAsync() => samordnare ??= await db.Memberships.AsNoTracking()
            .Where(m => m.Role == Role.Samordnare).Select(m => m.UserId).ToListAsync(ct);
        var where = $"i {kommun.Name}";

        foreach (var e in events)
        {
            switch (e)
            {
                case SentForSignature s:
                    var parties = await db.LofteParties.AsNoTracking().Where(p => p.MedborgarlofteId == s.LofteId && p.SignatoryUserId != null)
                        .Select(p => new { p.Id, p.Organisation, UserId = p.SignatoryUserId!.Value }).ToListAsync(ct);
                    pending.AddRange(parties.Select(p => new Pending(p.UserId, MailKind.ReadyToSign,
                        $"Medborgarlöfte att skriva under: {s.Title}", $"Medborgarlöftet ”{s.Title}” väntar på din underskrift",
                        $"Du skriver under för {p.Organisation} {where}. Läs löftet och skriv under i Säkra städer.",
                        $"{kommun.Slug}/loften/{s.LofteId}/underteckna/{p.Id}", "Läs och skriv under")));
                    break;
                case FullySigned s:
                    pending.AddRange((await SamordnareAsync()).Select(u => new Pending(u, MailKind.ReadyToPublish,
                        $"Medborgarlöftet är undertecknat: {s.Title}", $"Alla parter har skrivit under ”{s.Title}”",
                        $"Löftet {where} kan nu publiceras för invånarna. Du är samordnare.", $"{kommun.Slug}/loften/{s.LofteId}", "Öppna löftet")));
                    break;
                case SignaturesVoided s:
                    var title = await db.Medborgarloften.AsNoTracking().Where(l => l.Id == s.LofteId).Select(l => l.Title).FirstAsync(ct);
                    foreach (var u in s.Signers.Concat(await SamordnareAsync()).Distinct())
                    {
                        pending.Add(new Pending(u, MailKind.SignaturesVoided, $"Underskrifterna gäller inte längre: {title}",
                            $"Medborgarlöftet ”{title}” har ändrats efter att det skrevs under",
                            $"Underskrifterna {where} gäller därför inte längre. Löftet skickas för underskrift igen när det är klart.",
                            $"{kommun.Slug}/loften/{s.LofteId}", "Öppna löftet"));
                    }
                    break;
                case CommentPosted c:
                    var year = await ReportYearAsync(db, c.ReportId, ct);
                    pending.AddRange((await SamordnareAsync()).Select(u => new Pending(u, MailKind.Comments,
                        $"Ny kommentar på årsrapporten {year}", $"Styrgruppen har kommenterat årsrapporten {year}",
                        $"Kommentaren {where} väntar på ditt svar. Du är samordnare.", $"{kommun.Slug}/arsrapporter/{year}", "Läs och svara")));
                    break;
                case CommentAnswered c:
                    var answeredYear = await ReportYearAsync(db, c.ReportId, ct);
                    pending.Add(new Pending(c.AuthorUserId, MailKind.Comments, $"Svar på din kommentar om årsrapporten {answeredYear}",
                        $"Din kommentar på årsrapporten {answeredYear} har fått svar", $"Samordnaren {where} har svarat.",
                        $"{kommun.Slug}/arsrapporter/{answeredYear}", "Läs svaret"));
                    break;
                case MinutesStarted m:
                    var meeting = await db.Meetings.AsNoTracking().Where(x => x.Id == m.MeetingId && !x.Cancelled && !x.MinutesApproved && x.StartsAt <= now)
                        .Select(x => new { x.Id, x.StartsAt, x.GroupId, Justerare = x.JusterareMemberId, Group = db.Groups.Where(g => g.Id == x.GroupId).Select(g => g.Name).First(), Round = db.MinutesVersions.Count(v => v.MeetingId == x.Id) })
                        .FirstOrDefaultAsync(ct);
                    if (meeting is null)
                    {
                        break;
                    }
                    var chairs = await db.GroupMembers.AsNoTracking()
                        .Where(g => g.GroupId == meeting.GroupId && (g.IsChair || g.Id == meeting.Justerare) && g.UserId != null)
                        .Select(g => g.UserId!.Value).ToListAsync(ct);
                    pending.AddRange(chairs.Select(u => new Pending(u, MailKind.Justering, $"Protokoll att justera: {meeting.Group} {Sv.Date(meeting.StartsAt)}",
                        $"Protokollet från {meeting.Group} {Sv.Date(meeting.StartsAt)} skrivs och ska justeras",
                        $"Du justerar protokollet från {meeting.Group} {where}. Justera det när det är klart.",
                        $"{kommun.Slug}/moten/{meeting.Id}", "Öppna protokollet", null, $"justering:{meeting.Id:N}:{meeting.Round}:{u:N}")));
                    break;
                case MeetingChanged m:
                    var group = await db.Groups.AsNoTracking().Where(g => g.Id == m.Meeting.GroupId).Select(g => g.Name).FirstAsync(ct);
                    var members = await db.GroupMembers.AsNoTracking().Where(g => g.GroupId == m.Meeting.GroupId && g.UserId != null)
                        .Select(g => g.UserId!.Value).Distinct().ToListAsync(ct);
                    var path = $"{kommun.Slug}/moten/{m.Meeting.Id}";
                    var calendar = Ics.Calendar(group, [new Ics.CalendarEvent(m.Meeting.Id, $"{group} ({kommun.Name})", m.Meeting.StartsAt, m.Meeting.EndsAt,
                        m.Meeting.Location, options.Value.Link(path), m.Meeting.Cancelled)], now);
                    var when = $"{Sv.Date(m.Meeting.StartsAt)} {Sv.Time(m.Meeting.StartsAt)}–{Sv.Time(m.Meeting.EndsAt)}";
                    var (subject, heading) = m.Change switch
                    {
                        "cancelled" => ($"Inställt: {group} {when}", $"Mötet i {group} {when} är inställt"),
                        "moved" => ($"Ändrat möte: {group} {when}", $"Mötet i {group} är ändrat: {when}"),
                        _ => ($"Inbjudan: {group} {when}", $"Möte i {group} {when}"),
                    };
                    pending.AddRange(members.Select(u => new Pending(u, MailKind.MeetingInvitation, subject, heading,
                        $"Du är med i {group} {where}. Kalenderfilen i meddelandet lägger in mötet i din kalender.", path, "Öppna mötet", calendar)));
                    break;
            }
        }
        return pending;
    }

    private static Task<int> ReportYearAsync(AppDbContext db, Guid reportId, CancellationToken ct) =>
        db.AnnualReports.AsNoTracking().Where(r => r.Id == reportId).Select(r => r.Year).FirstAsync(ct);

    /// <summary>The types whose changes may have written mail: the worker looks at the outbox when one of them is saved.</summary>
    public static readonly string[] Causes = [nameof(Medborgarlofte), nameof(LofteSignature), nameof(ReportComment), nameof(AgendaItem), nameof(Meeting)];

    /// <summary>Adds the messages for members of the kommun other than the person acting, by their choices; returns how many are to be sent now.</summary>
    private async Task<int> WriteAsync(AppDbContext db, List<Pending> pending, CancellationToken ct)
    {
        var actor = db.Tenant.UserId!.Value;
        var ids = pending.Select(p => p.UserId).Where(u => u != actor).Distinct().ToList();
        if (ids.Count == 0)
        {
            return 0;
        }
        // Members of this kommun only (the tenant filter), with their address and choices: one query.
        var people = await db.Memberships.AsNoTracking().Where(m => ids.Contains(m.UserId))
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { u.Id, u.Email })
            .ToListAsync(ct);
        var choices = await db.MailPreferences.AsNoTracking().Where(p => ids.Contains(p.UserId)).ToListAsync(ct);
        var keys = pending.Where(p => p.DedupKey is not null).Select(p => p.DedupKey!).ToList();
        var existing = keys.Count == 0 ? [] : await db.Outbox.AsNoTracking().Where(m => keys.Contains(m.DedupKey)).Select(m => m.DedupKey).ToListAsync(ct);
        var now = time.GetUtcNow();
        var kommunId = db.Tenant.KommunId;
        var toSend = 0;
        var written = new HashSet<(Guid, MailKind, string)>();
        foreach (var p in pending.Where(p => p.UserId != actor))
        {
            var person = people.FirstOrDefault(x => x.Id == p.UserId);
            var delivery = choices.FirstOrDefault(c => c.UserId == p.UserId && c.Kind == p.Kind)?.Delivery ?? MailDelivery.AtOnce;
            if (person?.Email is not { Length: > 0 } email || delivery == MailDelivery.Never
                || (p.DedupKey is not null && existing.Contains(p.DedupKey)) || !written.Add((p.UserId, p.Kind, p.Path)))
            {
                continue;
            }
            db.Outbox.Add(new OutboxMessage(p.UserId, email, p.Kind, kommunId, p.Subject, p.Heading, p.Text, options.Value.Link(p.Path), p.LinkText,
                p.Calendar, delivery == MailDelivery.Weekly, now, p.DedupKey));
            if (delivery == MailDelivery.AtOnce)
            {
                toSend++;
            }
        }
        return toSend;
    }
}
