using Microsoft.EntityFrameworkCore;
using SakraStader.Data;
using SakraStader.Domain;
using SakraStader.Infrastructure;
using SakraStader.Components.Ui;
using SakraStader.Tenancy;

namespace SakraStader.Features.Inbox;

public enum InboxKind
{
    Sign,
    Publish,
    SignaturesVoided,
    Justera,
    WriteSection,
    AnswerComments,
    ApproveReport,
    MeasureOverdue,
    MeasureDue,
    MeasuresWithoutOwner,
    MeetingWithoutAgenda,
    ReportIncidents,
}

/// <summary>
/// One thing that waits for the user: what (<see cref="What"/>, <see cref="Title"/>), where (the kommun), since when
/// (<see cref="Since"/>, or the date it is due), and why it is theirs (<see cref="Why"/>), with a link straight to it.
/// </summary>
public sealed record InboxItem(InboxKind Kind, string KommunSlug, string KommunName, string What, string Title, string Why,
    DateTimeOffset? Since, DateOnly? Due, string Href)
{
    /// <summary>Stable across reads, for keys in lists and in tests.</summary>
    public string Key => $"{Kind}:{Href}";
}

/// <summary>
/// "Att göra": what waits for the signed-in user in every kommun where they are a member, derived from the records
/// each time it is read (nothing is stored, so an item is gone the moment the work is done). Each kommun is read in
/// its own scope as the user's membership there, through the tenant filter, so nothing shows that the user could not
/// open. What is read is kept per user and kommun until that kommun's records change (<see cref="KommunCache"/>):
/// an unchanged inbox costs one query per kommun.
/// </summary>
public sealed class InboxWork(IServiceScopeFactory scopes, TenantContext tenant, TimeProvider time)
{
    /// <summary>How far ahead a measure's due date or a meeting without agenda counts as waiting.</summary>
    public const int DaysAhead = 14;

    public async Task<IReadOnlyList<InboxItem>> ForUserAsync(CancellationToken ct = default)
    {
        if (tenant.UserId is not { } userId)
        {
            return [];
        }
        var items = new List<InboxItem>();
        foreach (var kommun in tenant.UserKommuner)
        {
            await using var scope = scopes.CreateAsyncScope();
            var scoped = scope.ServiceProvider.GetRequiredService<TenantContext>();
            scoped.CopyFrom(tenant);
            scoped.SetKommun(new KommunInfo(kommun.KommunId, kommun.Name, kommun.Slug, ""),
                new MembershipInfo(kommun.MembershipId, kommun.Role, kommun.Organisation, kommun.Title, kommun.OrganisationName));
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            // Kept until the kommun's records change (one stamp query per kommun then), and at most KommunCache's
            // lifetime, so that what is due "within 14 days" moves on with the clock.
            var kept = scope.ServiceProvider.GetRequiredService<KommunCache>();
            items.AddRange(await kept.GetOrCompileAsync("inbox", (userId, kommun.Role, kommun.OrganisationName),
                async () => (IReadOnlyList<InboxItem>)await InKommunAsync(db, kommun, userId, ct), ct));
        }
        return [.. items.OrderBy(i => i.Due ?? (i.Since is { } s ? SwedishTime.DateOf(s) : DateOnly.MaxValue)).ThenBy(i => i.KommunName, Sv.Comparer).ThenBy(i => i.Title, Sv.Comparer)];
    }

    public async Task<int> CountAsync(CancellationToken ct = default) => (await ForUserAsync(ct)).Count;

    private async Task<List<InboxItem>> InKommunAsync(AppDbContext db, UserKommun k, Guid me, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var today = time.Today();
        var samordnare = k.Role >= Role.Samordnare;
        var items = new List<InboxItem>();
        InboxItem Item(InboxKind kind, string what, string title, string why, DateTimeOffset? since, DateOnly? due, string path) =>
            new(kind, k.Slug, k.Name, what, title, why, since, due, $"/{k.Slug}/{path}");
        // Each group's next meeting that is not cancelled: what an item "before the meeting" is due by.
        Task<Dictionary<Guid, DateTimeOffset>> NextMeetingsAsync(List<Guid> groupIds) => db.Meetings.AsNoTracking()
            .Where(m => groupIds.Contains(m.GroupId) && !m.Cancelled && m.StartsAt > now)
            .GroupBy(m => m.GroupId).Select(g => new { GroupId = g.Key, Next = g.Min(m => m.StartsAt) })
            .ToDictionaryAsync(g => g.GroupId, g => g.Next, ct);

        // Medborgarlöften: to sign (the party's signatory), to publish and to send again (the samordnare).
        var toSign = await (from p in db.LofteParties.AsNoTracking()
                            join l in db.Medborgarloften on p.MedborgarlofteId equals l.Id
                            where p.SignatoryUserId == me && l.Status == LofteStatus.ForUnderskrift
                                  && !db.LofteSignatures.Any(s => s.PartyId == p.Id && s.VoidedAt == null)
                            select new
                            {
                                l.Id, l.Title, PartyId = p.Id, p.Organisation,
                                Since = db.LofteVersions.Where(v => v.MedborgarlofteId == l.Id).Max(v => (DateTimeOffset?)v.CreatedAt),
                            }).ToListAsync(ct);
        items.AddRange(toSign.Select(s => Item(InboxKind.Sign, "Skriv under medborgarlöftet", s.Title,
            $"Du skriver under för {s.Organisation}.", s.Since, null, $"loften/{s.Id}/underteckna/{s.PartyId}")));
        if (samordnare)
        {
            var toPublish = await db.Medborgarloften.AsNoTracking()
                .Where(l => l.Status == LofteStatus.Gallande && (l.PublishedVersionNumber == null || l.PublishedVersionNumber != l.Versions.Max(v => v.Number)))
                .Select(l => new { l.Id, l.Title, Since = db.LofteSignatures.Where(s => s.MedborgarlofteId == l.Id && s.VoidedAt == null).Max(s => (DateTimeOffset?)s.SignedAt) })
                .ToListAsync(ct);
            items.AddRange(toPublish.Select(l => Item(InboxKind.Publish, "Publicera medborgarlöftet", l.Title,
                "Alla parter har skrivit under. Du är samordnare och publicerar löftet för invånarna.", l.Since, null, $"loften/{l.Id}")));
            var voided = await db.Medborgarloften.AsNoTracking()
                .Where(l => l.Status == LofteStatus.Utkast && db.LofteSignatures.Any(s => s.MedborgarlofteId == l.Id && s.VoidedAt != null))
                .Select(l => new { l.Id, l.Title, Since = db.LofteSignatures.Where(s => s.MedborgarlofteId == l.Id).Max(s => s.VoidedAt) })
                .ToListAsync(ct);
            items.AddRange(voided.Select(l => Item(InboxKind.SignaturesVoided, "Skicka löftet för underskrift igen", l.Title,
                "Löftet ändrades efter att det skrivits under, så underskrifterna gäller inte längre. Du är samordnare.", l.Since, null, $"loften/{l.Id}")));
        }

        // Groups where the user is a member, and those they chair.
        var myGroups = await db.GroupMembers.AsNoTracking().Where(m => m.UserId == me)
            .Join(db.Groups, m => m.GroupId, g => g.Id, (m, g) => new { g.Id, g.Name, m.IsChair, MemberId = m.Id }).ToListAsync(ct);
        var chaired = myGroups.Where(g => g.IsChair).Select(g => g.Id).ToList();
        var memberIds = myGroups.Select(g => g.MemberId).ToList();

        // Minutes written for a held meeting, waiting for the chair's justering, and the second justerare's if one is chosen.
        if (myGroups.Count > 0)
        {
            var toJustera = await db.Meetings.AsNoTracking()
                .Where(m => !m.Cancelled && !m.MinutesApproved && m.StartsAt <= now
                            && ((chaired.Contains(m.GroupId) && m.ChairJusteradBy == null)
                                || (m.JusterareMemberId != null && memberIds.Contains(m.JusterareMemberId.Value) && m.JusterareJusteradBy == null))
                            && db.AgendaItems.Any(a => a.MeetingId == m.Id && (a.Minutes != "" || a.Decision != "")))
                .Join(db.Groups, m => m.GroupId, g => g.Id, (m, g) => new { m.Id, m.StartsAt, m.EndsAt, m.GroupId, g.Name })
                .ToListAsync(ct);
            items.AddRange(toJustera.Select(m => Item(InboxKind.Justera, "Justera protokollet", $"{m.Name} {Sv.Date(m.StartsAt)}",
                chaired.Contains(m.GroupId) ? $"Du är ordförande i {m.Name}." : $"Du är vald att justera protokollet tillsammans med ordföranden.",
                m.EndsAt, null, $"moten/{m.Id}")));
        }

        // The user's organisation's part of a lägesbild in progress in one of their groups, before the group meets.
        if (k.Role >= Role.Medlem && k.OrganisationName.Length > 0 && myGroups.Count > 0)
        {
            var groupIds = myGroups.Select(g => g.Id).ToList();
            var drafts = await db.Lagesbilder.AsNoTracking()
                .Where(l => groupIds.Contains(l.GroupId) && l.Status == LagesbildStatus.Utkast
                            && !db.LagesbildSections.Any(s => s.LagesbildId == l.Id && s.Organisation == k.OrganisationName && s.Text != ""))
                .Select(l => new { l.Id, l.GroupId, l.Year, l.Month })
                .ToListAsync(ct);
            var nextMeetings = drafts.Count == 0 ? [] : await NextMeetingsAsync(groupIds);
            foreach (var l in drafts)
            {
                var group = myGroups.First(g => g.Id == l.GroupId);
                var before = nextMeetings.TryGetValue(l.GroupId, out var next) ? SwedishTime.DateOf(next) : (DateOnly?)null;
                items.Add(Item(InboxKind.WriteSection, "Skriv din organisations del av lägesbilden",
                    $"{group.Name} {Sv.MonthName(l.Year, l.Month)}",
                    $"Du är med i {group.Name} för {k.OrganisationName}.",
                    SwedishTime.StartOf(new DateOnly(l.Year, l.Month, 1)), before, $"lagesbilder/{l.Id}"));
            }
        }

        // An inrapportör's reports feed the lägesbild in progress: until they have reported something from its month, it
        // waits for them, due at the group's next meeting (only the group and the month are shown, nothing of its content).
        if (k.Role == Role.Inrapportor)
        {
            var inProgress = await db.Lagesbilder.AsNoTracking().Where(l => l.Status == LagesbildStatus.Utkast)
                .Join(db.Groups, l => l.GroupId, g => g.Id, (l, g) => new { l.GroupId, g.Name, l.Year, l.Month })
                .ToListAsync(ct);
            if (inProgress.Count > 0)
            {
                // What counts: a report since the start of the lägesbild's month, or within the last two weeks (a
                // lägesbild drafted ahead for next month is fed by what is reported now).
                DateTimeOffset Counts(DateTimeOffset start) => start < now.AddDays(-DaysAhead) ? start : now.AddDays(-DaysAhead);
                var from = Counts(SwedishTime.StartOf(inProgress.Min(l => new DateOnly(l.Year, l.Month, 1))));
                var reported = await db.Incidents.AsNoTracking().Where(i => i.ReportedBy == me && i.ReportedAt >= from)
                    .Select(i => (DateTimeOffset?)i.ReportedAt).MaxAsync(ct);
                var groupIds = inProgress.Select(l => l.GroupId).ToList();
                var nextMeetings = await NextMeetingsAsync(groupIds);
                // One item per kommun: the lägesbild whose meeting comes first among those the user has not reported to.
                var waiting = inProgress
                    .Select(l => new { l, Start = SwedishTime.StartOf(new DateOnly(l.Year, l.Month, 1)), Next = nextMeetings.TryGetValue(l.GroupId, out var n) ? n : (DateTimeOffset?)null })
                    .Where(x => reported is not { } last || last < Counts(x.Start))
                    .OrderBy(x => x.Next ?? DateTimeOffset.MaxValue).FirstOrDefault();
                if (waiting is not null)
                {
                    items.Add(Item(InboxKind.ReportIncidents, "Rapportera det du har sett", $"Lägesbild {Sv.MonthName(waiting.l.Year, waiting.l.Month)} i {waiting.l.Name}",
                        $"Du rapporterar händelser för {(k.OrganisationName.Length > 0 ? k.OrganisationName : k.Name)}. Det du rapporterar kommer med i gruppens lägesbild.",
                        waiting.Start, waiting.Next is { } next ? SwedishTime.DateOf(next) : null, "handelser/ny"));
                }
            }
        }

        // The annual report in review: comments to answer (the samordnare), approval (the styrgrupp's chair).
        var inReview = await db.AnnualReports.AsNoTracking().Where(r => r.Status == AnnualReportStatus.Granskning)
            .Select(r => new
            {
                r.Id, r.Year, r.GroupId, r.ReviewStartedAt,
                Unanswered = db.ReportComments.Count(c => c.ReportId == r.Id && c.Answer == ""),
                OldestUnanswered = db.ReportComments.Where(c => c.ReportId == r.Id && c.Answer == "").Min(c => (DateTimeOffset?)c.CreatedAt),
            }).ToListAsync(ct);
        foreach (var r in inReview)
        {
            if (samordnare && r.Unanswered > 0)
            {
                items.Add(Item(InboxKind.AnswerComments, r.Unanswered == 1 ? "Svara på en kommentar" : $"Svara på {r.Unanswered} kommentarer",
                    $"Årsrapport {r.Year}", "Styrgruppen granskar rapporten. Du är samordnare och svarar på kommentarerna.", r.OldestUnanswered, null, $"arsrapporter/{r.Year}"));
            }
            if (chaired.Contains(r.GroupId))
            {
                items.Add(Item(InboxKind.ApproveReport, "Godkänn årsrapporten", $"Årsrapport {r.Year}",
                    r.Unanswered > 0 ? $"Du är ordförande i styrgruppen. {r.Unanswered} kommentarer väntar ännu på svar." : "Du är ordförande i styrgruppen och godkänner rapporten till kommunfullmäktige.",
                    r.ReviewStartedAt, null, $"arsrapporter/{r.Year}"));
            }
        }

        // Measures the user owns that are overdue or due soon.
        var horizon = today.AddDays(DaysAhead);
        var mine = k.Role < Role.Lasare ? [] : await db.Atgarder.AsNoTracking()
            .Where(a => a.ResponsibleUserId == me && (a.Status == AtgardStatus.Planerad || a.Status == AtgardStatus.Pagar)
                        && a.DueDate != null && a.DueDate <= horizon)
            .Select(a => new { a.Id, a.Title, a.DueDate }).ToListAsync(ct);
        items.AddRange(mine.Select(a => a.DueDate < today
            ? Item(InboxKind.MeasureOverdue, "Åtgärden är försenad", a.Title, "Du är ansvarig för åtgärden.", null, a.DueDate, $"atgarder/{a.Id}")
            : Item(InboxKind.MeasureDue, "Åtgärden ska vara klar snart", a.Title, "Du är ansvarig för åtgärden.", null, a.DueDate, $"atgarder/{a.Id}")));

        if (samordnare)
        {
            // Measures in progress that nobody owns, one item per plan.
            var ownerless = await db.Atgarder.AsNoTracking()
                .Where(a => (a.Status == AtgardStatus.Planerad || a.Status == AtgardStatus.Pagar) && a.ResponsibleUserId == null && a.ResponsibleName == "")
                .Join(db.Atgardsplaner, a => a.PlanId, p => p.Id, (a, p) => new { p.Id, p.Title })
                .GroupBy(p => new { p.Id, p.Title }).Select(g => new { g.Key.Id, g.Key.Title, Count = g.Count() })
                .ToListAsync(ct);
            items.AddRange(ownerless.Select(p => Item(InboxKind.MeasuresWithoutOwner,
                p.Count == 1 ? "En åtgärd saknar ansvarig" : $"{p.Count} åtgärder saknar ansvarig", p.Title,
                "Du är samordnare och ser till att varje åtgärd har någon som ansvarar för den.", null, null, $"atgardsplaner/{p.Id}")));
        }

        // Meetings coming up without an agenda: the samordnare and the group's chair prepare it.
        var until = SwedishTime.StartOf(horizon.AddDays(1));
        var preparing = samordnare ? null : chaired;
        if (preparing is null || preparing.Count > 0)
        {
            var bare = await db.Meetings.AsNoTracking()
                .Where(m => !m.Cancelled && m.StartsAt > now && m.StartsAt < until && (preparing == null || preparing.Contains(m.GroupId))
                            && !db.AgendaItems.Any(a => a.MeetingId == m.Id))
                .Join(db.Groups, m => m.GroupId, g => g.Id, (m, g) => new { m.Id, m.StartsAt, m.GroupId, g.Name })
                .ToListAsync(ct);
            items.AddRange(bare.Select(m => Item(InboxKind.MeetingWithoutAgenda, "Mötet saknar dagordning", $"{m.Name} {Sv.Date(m.StartsAt)}",
                chaired.Contains(m.GroupId) ? $"Du är ordförande i {m.Name}." : "Du är samordnare och förbereder gruppernas möten.",
                null, SwedishTime.DateOf(m.StartsAt), $"moten/{m.Id}")));
        }
        return items;
    }
}
