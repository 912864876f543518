using System.Globalization;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SakraStader.Data;
using SakraStader.Domain;
using SakraStader.Infrastructure;

namespace SakraStader.Features.Mail;

/// <summary>
/// Sends what the outbox holds, on every instance: each pass claims a batch of due messages with one conditional
/// UPDATE (a message claimed by another pass is left alone until its claim runs out), sends them over one SMTP
/// connection with MailKit, and marks each sent. A failed attempt is tried again after a growing pause
/// (<see cref="OutboxMessage.RetryAfter"/>), so a mail server that is down delays mail and loses none. It also writes
/// the weekly digests on Monday mornings (one per person and week: a unique key) and removes sent messages after
/// <see cref="OutboxMessage.KeepSentDays"/> days. It runs every <see cref="MailOptions.PollInterval"/> and as soon as
/// a change that may have written mail is saved on any instance (the change feed).
/// </summary>
public sealed class OutboxWorker(IServiceScopeFactory scopes, IOptions<MailOptions> options, MailMessages messages, ChangeFeed feed,
    TimeProvider time, ILogger<OutboxWorker> logger) : BackgroundService
{
    private const int BatchSize = 50;
    private static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(2);
    private readonly SemaphoreSlim wake = new(0, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.WorkerEnabled)
        {
            return;
        }
        using var listening = feed.Listen(change =>
        {
            if (change.Touches(MailInterceptor.Causes) && wake.CurrentCount == 0)
            {
                try
                {
                    wake.Release();
                }
                catch (SemaphoreFullException)
                {
                    // Already woken.
                }
            }
            return Task.CompletedTask;
        });
        long? lastFullPass = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Woken by a change, only what it may have written is due; the digests and the clean-up follow the
                // clock, at least once per poll interval however busy the kommuner are (a change every few seconds
                // must not hold them back).
                if (lastFullPass is not { } last || time.GetElapsedTime(last) >= options.Value.PollInterval)
                {
                    lastFullPass = time.GetTimestamp();
                    await RunOnceAsync(stoppingToken);
                }
                else
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await SendDueAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), stoppingToken);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Utkorgen kunde inte gås igenom; nästa försök om en stund");
            }
            try
            {
                await wake.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One pass: digests due, messages due, old ones removed. Returns how many messages were sent.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await WriteDigestsAsync(db, ct);
        var sent = await SendDueAsync(db, ct);
        var old = time.GetUtcNow().AddDays(-OutboxMessage.KeepSentDays);
        await db.Outbox.Where(m => m.SentAt != null && m.SentAt < old).ExecuteDeleteAsync(ct);
        return sent;
    }

    private async Task<int> SendDueAsync(AppDbContext db, CancellationToken ct)
    {
        var o = options.Value;
        if (string.IsNullOrWhiteSpace(o.Host))
        {
            return 0; // no mail server configured: the messages wait
        }
        var now = time.GetUtcNow();
        var due = await db.Outbox.AsNoTracking()
            .Where(m => m.SentAt == null && !m.ForDigest && m.NextAttemptAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .OrderBy(m => m.NextAttemptAt).Select(m => m.Id).Take(BatchSize).ToListAsync(ct);
        if (due.Count == 0)
        {
            return 0;
        }
        // The claim: only rows nobody holds become ours, in one statement; another pass (here or on another instance)
        // that read the same ids claims none of them.
        var pass = Guid.NewGuid();
        var until = now + ClaimFor;
        await db.Outbox.Where(m => due.Contains(m.Id) && m.SentAt == null && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntil, until).SetProperty(m => m.ClaimedBy, pass), ct);
        var mine = await db.Outbox.AsNoTracking().Where(m => m.ClaimedBy == pass && m.SentAt == null).OrderBy(m => m.CreatedAt).ToListAsync(ct);
        if (mine.Count == 0)
        {
            return 0;
        }

        var sent = 0;
        using var smtp = new SmtpClient { Timeout = 20_000 };
        try
        {
            var security = Enum.TryParse<SecureSocketOptions>(o.Security, true, out var s) ? s : SecureSocketOptions.StartTlsWhenAvailable;
            await smtp.ConnectAsync(o.Host, o.Port, security, ct);
            if (!string.IsNullOrEmpty(o.UserName))
            {
                await smtp.AuthenticateAsync(o.UserName, o.Password ?? "", ct);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("E-postservern {Host}:{Port} nås inte ({Error}); {Count} meddelanden försöker igen senare", o.Host, o.Port, e.Message, mine.Count);
            foreach (var m in mine)
            {
                await FailedAsync(db, m, pass, e.Message, ct);
            }
            return 0;
        }
        foreach (var m in mine)
        {
            // The claim is renewed for each message just before it is sent. A batch slower than the claim (a slow mail
            // server) lets another pass take what this one has not sent yet; this pass then leaves what it no longer
            // holds, so the two never send the same message.
            var held = await db.Outbox.Where(x => x.Id == m.Id && x.ClaimedBy == pass && x.SentAt == null)
                .ExecuteUpdateAsync(x => x.SetProperty(y => y.ClaimedUntil, time.GetUtcNow() + ClaimFor), ct);
            if (held == 0)
            {
                continue;
            }
            try
            {
                await smtp.SendAsync(messages.Build(m), ct);
                var at = time.GetUtcNow();
                await db.Outbox.Where(x => x.Id == m.Id && x.ClaimedBy == pass)
                    .ExecuteUpdateAsync(x => x.SetProperty(y => y.SentAt, at).SetProperty(y => y.ClaimedUntil, (DateTimeOffset?)null)
                        .SetProperty(y => y.Attempts, m.Attempts + 1).SetProperty(y => y.LastError, (string?)null), CancellationToken.None);
                sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning("Ett meddelande kunde inte skickas ({Error}); det försöker igen senare", e.Message);
                await FailedAsync(db, m, pass, e.Message, ct);
                if (!smtp.IsConnected)
                {
                    // The connection is gone: the rest of the batch waits for its next attempt.
                    foreach (var rest in mine.SkipWhile(x => x.Id != m.Id).Skip(1))
                    {
                        await FailedAsync(db, rest, pass, e.Message, ct);
                    }
                    break;
                }
            }
        }
        if (smtp.IsConnected)
        {
            await smtp.DisconnectAsync(true, CancellationToken.None);
        }
        if (sent > 0)
        {
            logger.LogInformation("{Count} e-postmeddelanden skickade", sent);
        }
        return sent;
    }

    /// <summary>A message this pass holds failed: tried again later. A message another pass has taken since is left to it.</summary>
    private async Task FailedAsync(AppDbContext db, OutboxMessage m, Guid pass, string error, CancellationToken ct)
    {
        var attempts = m.Attempts + 1;
        var next = time.GetUtcNow() + OutboxMessage.RetryAfter(attempts);
        var reason = error.Length > 1000 ? error[..1000] : error;
        await db.Outbox.Where(x => x.Id == m.Id && x.SentAt == null && x.ClaimedBy == pass)
            .ExecuteUpdateAsync(x => x.SetProperty(y => y.Attempts, attempts).SetProperty(y => y.NextAttemptAt, next)
                .SetProperty(y => y.LastError, reason).SetProperty(y => y.ClaimedUntil, (DateTimeOffset?)null), ct);
    }

    /// <summary>
    /// From Monday at <see cref="MailOptions.DigestHour"/> (Swedish time): for each person with messages held for the
    /// digest from before then, one digest with them all. The digest and the marking of what it holds commit together;
    /// a second instance doing the same finds the week's digest key taken and leaves it.
    /// </summary>
    private async Task WriteDigestsAsync(AppDbContext db, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var today = SwedishTime.DateOf(now);
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var from = SwedishTime.StartOf(monday).AddHours(options.Value.DigestHour);
        if (now < from)
        {
            from = from.AddDays(-7);
        }
        var people = await db.Outbox.AsNoTracking().Where(m => m.ForDigest && m.SentAt == null && m.CreatedAt < from)
            .Select(m => m.UserId).Distinct().ToListAsync(ct);
        var mondayOfDigest = SwedishTime.DateOf(from);
        var week = $"{ISOWeek.GetYear(mondayOfDigest.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(mondayOfDigest.ToDateTime(TimeOnly.MinValue)):00}";
        foreach (var person in people)
        {
            var held = await db.Outbox.Where(m => m.UserId == person && m.ForDigest && m.SentAt == null && m.CreatedAt < from)
                .OrderBy(m => m.CreatedAt).ToListAsync(ct);
            if (held.Count == 0)
            {
                continue;
            }
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            try
            {
                db.Outbox.Add(OutboxMessage.Digest(person, held[^1].To, held, week, now));
                await db.SaveChangesAsync(ct);
                var ids = held.Select(m => m.Id).ToList();
                await db.Outbox.Where(m => ids.Contains(m.Id) && m.SentAt == null).ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAt, now), ct);
                await transaction.CommitAsync(ct);
            }
            catch (DbUpdateException)
            {
                await transaction.RollbackAsync(ct); // this week's digest was written by another instance
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }
    }
}
