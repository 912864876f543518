using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SakraStader.Data;
using SakraStader.Domain;
using SakraStader.Infrastructure;
using SakraStader.Tenancy;

namespace SakraStader.Features.Demo;

/// <summary>
/// The large data set for the benchmark (bench/run.sh): 290 kommuner with synthetic names, members and groups, and
/// five years of audit history. Run as <c>SakraStader.Web generate-bench-data [--kommuner N] [--years Y]</c>.
/// Later features add their own entities here at their stated sizes.
/// </summary>
public static class BenchmarkData
{
    public const string UserEmail = "bench@bench.sakrastader.se";
    public const string Password = "Bench-losenord-2026";

    /// <summary>Incidents of the largest kommun (Bänkstad) over the whole period; the others share the rest of a million.</summary>
    public const int LargestKommunIncidents = 100_000;
    public const int TotalIncidents = 1_000_000;

    /// <summary>Measures of the largest kommun; the others share the rest of 200 000. Plans hold 25 measures each.</summary>
    public const int LargestKommunMeasures = 20_000;
    public const int TotalMeasures = 200_000;
    private const int MeasuresPerPlan = 25;

    public static async Task<bool> TryRunAsync(WebApplication app, string[] args)
    {
        if (args.Length > 0 && args[0] == "measure-lagesbild")
        {
            await using var measureScope = app.Services.CreateAsyncScope();
            await BenchmarkMeasurements.RunAsync(measureScope.ServiceProvider, Console.Out);
            return true;
        }
        if (args.Length == 0 || args[0] != "generate-bench-data")
        {
            return false;
        }
        var kommuner = IntArg(args, "--kommuner", 290);
        var years = IntArg(args, "--years", 5);
        await app.MigrateDatabaseAsync();
        await using var scope = app.Services.CreateAsyncScope();
        await GenerateAsync(scope.ServiceProvider, kommuner, years, app.Logger);
        // Statistics for the query planner, as a database in use would have them.
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.ExecuteSqlRawAsync("ANALYZE;");
        return true;
    }

    public static async Task GenerateAsync(IServiceProvider services, int kommunCount, int years, ILogger logger)
    {
        var db = services.GetRequiredService<AppDbContext>();
        if (await db.Kommuner.AnyAsync())
        {
            // A data set from before the åtgärdsplan gets its measures, promises and agreements added; nothing else changes.
            if (!await db.Atgarder.IgnoreQueryFilters().AnyAsync())
            {
                await AddFollowUpDataToAllAsync(services, logger);
                await AddDocumentDataAsync(services);
                return;
            }
            // A data set from before the documents' benchmark gets the largest kommun's annual report, fördjupad
            // lägesbild and a signed promise.
            if (!await AddDocumentDataAsync(services))
            {
                logger.LogInformation("Databasen har redan data; inget genererat.");
            }
            return;
        }
        var tenant = services.GetRequiredService<TenantContext>();
        tenant.SetUser(null, "Testdata");
        var hasher = services.GetRequiredService<IPasswordHasher<AppUser>>();
        var random = new Random(2026);
        // One hash for every generated user: hashing 6 000 passwords would take minutes and prove nothing.
        var hash = hasher.HashPassword(new AppUser(), Password);

        var bench = NewUser(UserEmail, "Bänk Användare", hash);
        db.Users.Add(bench);
        await db.SaveChangesAsync();

        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        for (var i = 0; i < kommunCount; i++)
        {
            var name = i == 0 ? "Bänkstad" : $"Testkommun {i:000}";
            var kommun = new Kommun(name, (1000 + i).ToString("0000", System.Globalization.CultureInfo.InvariantCulture), Kommun.SlugFor(name));
            db.Kommuner.Add(kommun);
            await db.SaveChangesAsync();
            using (tenant.Enter(new KommunInfo(kommun.Id, kommun.Name, kommun.Slug, kommun.Kod)))
            {
                if (i < 3)
                {
                    db.Memberships.Add(new Membership(bench.Id, Role.Samordnare, OrganisationKind.Kommunen, name, "Samordnare"));
                }
                for (var m = 0; m < 20; m++)
                {
                    var user = NewUser($"user{m}.k{i}@bench.sakrastader.se", $"Person {m} i {name}", hash);
                    db.Users.Add(user);
                    db.Memberships.Add(new Membership(user.Id, (Role)(m % 4), (OrganisationKind)(m % 5), "Organisation", "Handläggare"));
                }
                var groups = new List<Group>
                {
                    new("Styrgrupp", GroupKind.Styrgrupp, "Strategisk styrning.", CadenceKind.TimesPerYear, 2),
                    new("EST", GroupKind.Est, "Lokal lägesbild.", CadenceKind.MonthlyExceptJulyDecember),
                    new("SSPF", GroupKind.Sspf, "Social prevention.", CadenceKind.TimesPerYear, 4),
                };
                groups.AddRange(Enumerable.Range(1, 3).Select(g => new Group($"Samverkansgrupp {g}", GroupKind.Annan, "Lokal samverkan.", CadenceKind.TimesPerYear, 4)));
                db.Groups.AddRange(groups);
                var users = db.ChangeTracker.Entries<AppUser>().Select(e => e.Entity).Where(u => u.Email!.EndsWith($".k{i}@bench.sakrastader.se", StringComparison.Ordinal)).ToList();
                await db.SaveChangesAsync();
                // Members, and five years of meetings with agenda and approved minutes for those already held.
                foreach (var group in groups)
                {
                    var members = users.Take(5).Select(u => GroupMember.ForUser(group.Id, u.Id, u.DisplayName, "Organisation", "Handläggare")).ToList();
                    members[0].MakeChair();
                    if (i < 3 && group.Kind == GroupKind.Est)
                    {
                        var benchMember = GroupMember.ForUser(group.Id, bench.Id, bench.DisplayName, name, "Samordnare");
                        members.Add(benchMember);
                    }
                    db.GroupMembers.AddRange(members);
                    for (var y = now.Year - years + 1; y <= now.Year + 1; y++)
                    {
                        foreach (var date in group.Rule.DatesIn(y, group.MeetingDay))
                        {
                            var start = SwedishTime.At(date, Features.Meetings.MeetingPlanner.DefaultStart);
                            var meeting = new Meeting(group.Id, start, start.AddHours(2), "Stadshuset", null);
                            var first = meeting.AddAgendaItem("Lägesbild");
                            meeting.AddAgendaItem("Åtgärder");
                            if (start < now)
                            {
                                meeting.RecordMinutes(first.Id, "Inga större förändringar sedan förra mötet.", "");
                                meeting.ApproveMinutes(members[0], start.AddDays(2), Features.Meetings.MeetingHandler.Snapshot(meeting));
                            }
                            db.Meetings.Add(meeting);
                        }
                    }
                }
                await db.SaveChangesAsync();

                // Five years of change history: about 300 audit rows per kommun and year.
                var history = new List<AuditEntry>(300 * years);
                for (var a = 0; a < 300 * years; a++)
                {
                    var at = now.AddMinutes(-random.Next(0, years * 365 * 24 * 60));
                    history.Add(new AuditEntry(kommun.Id, null, "Testdata", at, nameof(Group), Guid.NewGuid().ToString(), AuditAction.Updated,
                        "{\"Cadence\":{\"From\":\"Varje månad\",\"To\":\"Varannan månad\"}}"));
                }
                db.AuditEntries.AddRange(history);
                await db.SaveChangesAsync();

                var incidents = i == 0 ? LargestKommunIncidents : (TotalIncidents - LargestKommunIncidents) / Math.Max(1, kommunCount - 1);
                await AddLagesbildDataAsync(db, groups.Single(g => g.Kind == GroupKind.Est), incidents, years, now, random);
                await AddFollowUpDataAsync(db, i == 0, kommunCount, years, now, random);
            }
            db.ChangeTracker.Clear();
            if ((i + 1) % 50 == 0)
            {
                logger.LogInformation("{Count} av {Total} kommuner genererade", i + 1, kommunCount);
            }
        }
        await AddDocumentDataAsync(services);
    }

    /// <summary>
    /// What the documents' benchmark (bench/documents.sh) reads in the largest kommun, where it is missing: this year's
    /// annual report and a fördjupad lägesbild of the last three years (both drafts, so they are compiled from the
    /// records on every request), and a medborgarlöfte signed by both parties and published. False when all was there.
    /// </summary>
    private static async Task<bool> AddDocumentDataAsync(IServiceProvider services)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var tenant = services.GetRequiredService<TenantContext>();
        tenant.SetUser(null, "Testdata");
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var year = now.Year;
        // Only in the benchmark's own data set: its largest kommun, Bänkstad (never a real kommun's records).
        var kommun = await db.Kommuner.AsNoTracking().FirstOrDefaultAsync(k => k.Slug == "bankstad");
        if (kommun is null || !await db.Users.AnyAsync(u => u.Email == UserEmail))
        {
            return false;
        }
        var added = false;
        using (tenant.Enter(new KommunInfo(kommun.Id, kommun.Name, kommun.Slug, kommun.Kod)))
        {
            var styrgrupp = await db.Groups.AsNoTracking().Where(g => g.Kind == GroupKind.Styrgrupp).Select(g => g.Id).FirstAsync();
            if (!await db.AnnualReports.AnyAsync(r => r.Year == year))
            {
                db.AnnualReports.Add(new AnnualReport(styrgrupp, year, year));
                added = true;
            }
            if (!await db.FordjupadeLagesbilder.AnyAsync())
            {
                db.FordjupadeLagesbilder.Add(new FordjupadLagesbild(styrgrupp, year - 3, year - 1, year));
                added = true;
            }
            if (!await db.Medborgarloften.AnyAsync(l => l.Status == LofteStatus.Gallande))
            {
                var lofte = await db.Medborgarloften.Include(l => l.Parties).Include(l => l.Commitments).Include(l => l.Versions).Include(l => l.Signatures)
                    .AsSplitQuery().Where(l => l.Status == LofteStatus.Utkast).OrderBy(l => l.Title).FirstOrDefaultAsync();
                if (lofte is null)
                {
                    await db.SaveChangesAsync();
                    db.ChangeTracker.Clear();
                    return added;
                }
                var areas = await db.Areas.AsNoTracking().OrderBy(a => a.Name).Select(a => a.Name).Take(2).ToListAsync();
                var version = lofte.SendForSigning(Medborgarloften.MedborgarlofteHandler.ContentOf(kommun.Name, lofte, areas), now.AddDays(-20));
                foreach (var party in lofte.Parties.OrderBy(p => p.Order).ToList())
                {
                    lofte.Sign(party.Id, party.SignatoryUserId!.Value, party.SignatoryName, party.SignatoryTitle, "Samordnare", version.Hash, "Lösenord", now.AddDays(-18));
                }
                lofte.Publish(now.AddDays(-17));
                added = true;
            }
            await db.SaveChangesAsync();
        }
        db.ChangeTracker.Clear();
        return added;
    }

    private static readonly string[] CrimeCategories = ["Skadegörelse", "Misshandel", "Stöld och snatteri", "Inbrott i bostad", "Narkotikabrott", "Fordonsbrott"];

    /// <summary>
    /// The lägesbild's data of one kommun: four areas with boundaries, the default categories, incidents spread over the
    /// years (not audited one by one, as an import), reported crimes per month, survey results per year, three problems
    /// and the EST's monthly lägesbilder of the last six months, fixed but the current one.
    /// </summary>
    private static async Task AddLagesbildDataAsync(AppDbContext db, Group est, int incidentCount, int years, DateTimeOffset now, Random random)
    {
        var areas = Enumerable.Range(1, 4).Select(a => new Area($"Område {a}")).ToList();
        for (var a = 0; a < areas.Count; a++)
        {
            areas[a].SetBoundary(DemoLagesbilder.DemoBoundary((15.2, 59.3), a, random));
        }
        var categories = IncidentCategory.Defaults.Select((name, c) => new IncidentCategory(name, c + 1)).ToList();
        db.Areas.AddRange(areas);
        db.IncidentCategories.AddRange(categories);
        await db.SaveChangesAsync();

        var start = now.AddYears(-years);
        var span = (now - start).TotalMinutes;
        db.BulkImport = true;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            for (var n = 0; n < incidentCount; n++)
            {
                var at = start.AddMinutes(random.NextDouble() * span);
                db.Incidents.Add(new Incident(categories[random.Next(categories.Count)].Id, areas[random.Next(areas.Count)].Id,
                    $"Plats {random.Next(1, 40)}", at, "Bostadsbolaget", "Händelse vid entrén, anmäld av personal.", null, now));
                if ((n + 1) % 10_000 == 0)
                {
                    await db.SaveChangesAsync();
                    db.ChangeTracker.Clear();
                }
            }
            var firstMonth = new DateOnly(start.Year, start.Month, 1);
            for (var month = firstMonth; month <= DateOnly.FromDateTime(now.DateTime); month = month.AddMonths(1))
            {
                foreach (var area in areas)
                {
                    foreach (var crime in CrimeCategories)
                    {
                        db.CrimeStatistics.Add(new CrimeStatistic(area.Id, month.Year, month.Month, crime, random.Next(0, 25)));
                    }
                }
            }
            for (var y = now.Year - years + 1; y <= now.Year; y++)
            {
                foreach (var area in areas)
                {
                    db.SurveyResults.Add(new SurveyResult(area.Id, y, "Känner sig otrygg ute sent på kvällen", random.Next(150, 400) / 10m));
                }
            }
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
        finally
        {
            db.BulkImport = false;
            db.ChangeTracker.AutoDetectChangesEnabled = true;
        }

        var problems = Enumerable.Range(1, 3).Select(p => new Problem(areas[p - 1].Id, $"Problem {p} i {areas[p - 1].Name}", now.AddYears(-1))).ToList();
        db.Problems.AddRange(problems);
        await db.SaveChangesAsync();
        var chair = await db.GroupMembers.FirstAsync(m => m.GroupId == est.Id && m.IsChair);
        var handler = new Lagesbilder.LagesbildHandler(db, new Lagesbilder.LagesbildCompiler(db), new FixedClock(now));
        var thisMonth = new DateOnly(now.Year, now.Month, 1);
        for (var m = -5; m <= 0; m++)
        {
            var month = thisMonth.AddMonths(m);
            var lagesbild = new Lagesbild(est.Id, month.Year, month.Month);
            foreach (var problem in problems.Take(2))
            {
                var assessment = lagesbild.Assess(problem);
                lagesbild.UpdateAssessment(assessment.Id, "Skadegörelse och klotter kvällstid.", "Ett tiotal händelser i månaden.", "Otrygghet bland boende.", Trend.Oforandrad, 2);
                lagesbild.AddCause(assessment.Id, "Dålig belysning", CauseKind.Situationell, "Trygghetsvandring.");
            }
            lagesbild.WriteSection("Polisen", "Ökad närvaro kvällstid.", "Kommunpolis", now);
            lagesbild.WriteTexts("Läget är oförändrat.", "Vi väntar oss ett lugnare läge.");
            db.Lagesbilder.Add(lagesbild);
            await db.SaveChangesAsync();
            if (m < 0)
            {
                lagesbild.Fix(chair, now, (await handler.SnapshotAsync(lagesbild)).ToJson(), meeting: null);
                await db.SaveChangesAsync();
            }
        }
    }

    private static async Task AddFollowUpDataToAllAsync(IServiceProvider services, ILogger logger)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var tenant = services.GetRequiredService<TenantContext>();
        tenant.SetUser(null, "Testdata");
        var kommuner = await db.Kommuner.AsNoTracking().OrderBy(k => k.Kod).ToListAsync();
        var random = new Random(2027);
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        foreach (var (kommun, i) in kommuner.Select((k, i) => (k, i)))
        {
            using (tenant.Enter(new KommunInfo(kommun.Id, kommun.Name, kommun.Slug, kommun.Kod)))
            {
                await AddFollowUpDataAsync(db, i == 0, kommuner.Count, 5, now, random);
            }
            db.ChangeTracker.Clear();
            if ((i + 1) % 50 == 0)
            {
                logger.LogInformation("Åtgärder för {Count} av {Total} kommuner genererade", i + 1, kommuner.Count);
            }
        }
    }

    /// <summary>
    /// The follow-up side of one kommun: the EST's åtgärdsplaner of 25 measures each over the years (every status,
    /// some late, costs, outcomes), two medborgarlöften in force and the samverkansöverenskommelse.
    /// </summary>
    private static async Task AddFollowUpDataAsync(AppDbContext db, bool largest, int kommunCount, int years, DateTimeOffset now, Random random)
    {
        var est = await db.Groups.AsNoTracking().SingleAsync(g => g.Kind == GroupKind.Est);
        var problems = await db.Problems.AsNoTracking().Select(p => p.Id).ToListAsync();
        var areas = await db.Areas.AsNoTracking().Select(a => a.Id).ToListAsync();
        var owner = await db.GroupMembers.AsNoTracking().Where(m => m.GroupId == est.Id && m.UserId != null).Select(m => new { m.UserId, m.Name }).FirstAsync();
        var count = largest ? LargestKommunMeasures : (TotalMeasures - LargestKommunMeasures) / Math.Max(1, kommunCount - 1);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var first = today.AddYears(-years);
        var statuses = new[] { AtgardStatus.Planerad, AtgardStatus.Pagar, AtgardStatus.Genomford, AtgardStatus.Installd };
        var outcomes = new[] { Outcome.Uppnadd, Outcome.Delvis, Outcome.EjUppnadd };
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            for (var p = 0; p * MeasuresPerPlan < count; p++)
            {
                var planStart = first.AddDays(p * (years * 365) / Math.Max(1, count / MeasuresPerPlan));
                var plan = new Atgardsplan(est.Id, PlanKind.Kortsiktig, $"Åtgärdsplan {p + 1}, {planStart:yyyy-MM}", null, null, null);
                db.Atgardsplaner.Add(plan);
                for (var m = 0; m < MeasuresPerPlan && p * MeasuresPerPlan + m < count; m++)
                {
                    var measure = new Atgard(plan.Id, $"Åtgärd {m + 1} i plan {p + 1}", problems.Count > 0 ? problems[random.Next(problems.Count)] : null);
                    var start = planStart.AddDays(random.Next(0, 30));
                    measure.Schedule(start, start.AddDays(random.Next(30, 240)), random.Next(0, 50) * 1000m);
                    measure.Assign("Kommunen", owner.UserId, owner.Name, "");
                    var status = statuses[random.Next(statuses.Length)];
                    if (status == AtgardStatus.Genomford)
                    {
                        measure.Complete(outcomes[random.Next(outcomes.Length)], "Lärdomar från genomförandet.", random.Next(0, 50) * 1000m);
                    }
                    else
                    {
                        measure.SetStatus(status);
                    }
                    db.Atgarder.Add(measure);
                }
                if (p % 40 == 39)
                {
                    await db.SaveChangesAsync();
                    db.ChangeTracker.Clear();
                }
            }
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = true;
        }

        db.CooperationAgreements.Add(new CooperationAgreement("Samverkansöverenskommelse", "Kommunen och Polisen", today.AddYears(-2), today.AddYears(1), areas.Take(2), "Lokal samverkan."));
        for (var l = 0; l < 2; l++)
        {
            var lofte = new Medborgarlofte($"Medborgarlöfte {l + 1}", today.AddMonths(-6 - l * 12), today.AddMonths(6 - l * 12));
            var kommunParty = lofte.AddParty(PartyKind.Kommunen, "Kommunen", owner.UserId, owner.Name, "Samordnare");
            var police = lofte.AddParty(PartyKind.Polisen, "Polisen", owner.UserId, owner.Name, "Kommunpolis");
            lofte.AddCommitment("Kommunen städar och lagar belysning inom en vecka.", kommunParty.Id, "Antal åtgärdade platser per kvartal.");
            lofte.AddCommitment("Polisen är synlig i området fredagskvällar.", police.Id, "Antal kvällar per kvartal.");
            db.Medborgarloften.Add(lofte);
        }
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
    }

    private static AppUser NewUser(string email, string name, string hash) => new()
    {
        UserName = email,
        NormalizedUserName = email.ToUpperInvariant(),
        Email = email,
        NormalizedEmail = email.ToUpperInvariant(),
        DisplayName = name,
        EmailConfirmed = true,
        PasswordHash = hash,
        SecurityStamp = Guid.NewGuid().ToString("N"),
        LockoutEnabled = true,
    };

    private static int IntArg(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var v) ? v : fallback;
    }
}
