using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SakraStader.Data;
using SakraStader.Domain;
using SakraStader.Tenancy;

namespace SakraStader.Infrastructure;

public sealed class RetentionOptions
{
    /// <summary>Incident descriptions older than this many years are cleared; the incident, its category, area and time stay.</summary>
    public int IncidentDescriptionYears { get; set; } = 5;

    /// <summary>How often the job looks; it does nothing when nothing is old enough.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(24);

    public bool Enabled { get; set; } = true;
}

/// <summary>
/// Data retention: clears the free-text description of incidents older than <see cref="RetentionOptions.IncidentDescriptionYears"/>
/// in every kommun, keeping counts and categories for the statistics. Runs on every instance's timer but does the
/// work once: the run holds a PostgreSQL advisory lock for its transaction, and a second instance finds nothing left.
/// Each kommun's trail gets one audit entry saying how many descriptions were cleared and up to when.
/// </summary>
public sealed class RetentionJob(IServiceScopeFactory scopes, IOptions<RetentionOptions> options, TimeProvider time, ILogger<RetentionJob> logger)
    : BackgroundService
{
    public const string AuditEntityType = "Gallring";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }
        // Let start-up (migrations) finish first.
        await Task.Delay(TimeSpan.FromMinutes(1), time, stoppingToken);
        using var timer = new PeriodicTimer(options.Value.Interval, time);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var cleared = await RunOnceAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), time.GetUtcNow(), options.Value.IncidentDescriptionYears, stoppingToken);
                if (cleared > 0)
                {
                    logger.LogInformation("Gallring: {Count} händelsebeskrivningar äldre än {Years} år rensade", cleared, options.Value.IncidentDescriptionYears);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Gallringen misslyckades; den försöker igen vid nästa tillfälle");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Clears the old descriptions in all kommuner in one transaction; returns how many were cleared.</summary>
    public static async Task<int> RunOnceAsync(AppDbContext db, DateTimeOffset now, int years, CancellationToken ct = default)
    {
        if (years < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(years), "Minst ett år.");
        }
        var before = now.AddYears(-years);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await DatabaseLock.HoldAsync(db, "retention", ct);
        var old = db.Incidents.IgnoreQueryFilters().Where(i => i.OccurredAt < before && i.Description != "");
        var perKommun = await old.GroupBy(i => i.KommunId).Select(g => new { KommunId = g.Key, Count = g.Count() }).ToListAsync(ct);
        if (perKommun.Count == 0)
        {
            return 0;
        }
        var cleared = await old.ExecuteUpdateAsync(s => s.SetProperty(i => i.Description, ""), ct);
        var ids = perKommun.Select(k => k.KommunId).ToList();
        var kommuner = await db.Kommuner.AsNoTracking().Where(k => ids.Contains(k.Id)).ToDictionaryAsync(k => k.Id, ct);
        foreach (var k in perKommun)
        {
            var kommun = kommuner[k.KommunId];
            var changes = JsonSerializer.Serialize(new Dictionary<string, string>
            {
                ["Beskrivningar rensade"] = k.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Händelser före"] = before.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            });
            // Written as the kommun's own entry: the data layer refuses rows outside the current kommun.
            using (db.Tenant.Enter(new KommunInfo(kommun.Id, kommun.Name, kommun.Slug, kommun.Kod)))
            {
                db.AuditEntries.Add(new AuditEntry(k.KommunId, null, "Gallring", now, AuditEntityType, "Incident", AuditAction.Updated, changes));
                await db.SaveChangesAsync(ct);
            }
        }
        await tx.CommitAsync(ct);
        return cleared;
    }
}
