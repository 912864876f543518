using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SakraStader.Data;
using SakraStader.Domain;
using SakraStader.Features.Import;
using SakraStader.Infrastructure;
using SakraStader.Tenancy;

namespace SakraStader.Features.Demo;

/// <summary>
/// Timings that a page benchmark cannot show (bench/run.sh calls <c>SakraStader.Web measure-lagesbild</c>): compiling
/// the current month's draft for the largest kommun, the year's annual report and its Word document, and importing
/// 100 000 statistics rows, on the large data set.
/// </summary>
public static class BenchmarkMeasurements
{
    public static async Task RunAsync(IServiceProvider services, TextWriter output)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var tenant = services.GetRequiredService<TenantContext>();
        var largest = await db.Kommuner.AsNoTracking().OrderBy(k => k.Kod).FirstAsync();
        var other = await db.Kommuner.AsNoTracking().OrderBy(k => k.Kod).Skip(1).FirstAsync();
        tenant.SetUser(null, "Mätning");
        var time = services.GetRequiredService<TimeProvider>();
        var now = time.Today();

        using (tenant.Enter(new KommunInfo(largest.Id, largest.Name, largest.Slug, largest.Kod)))
        {
            var compiler = new Lagesbilder.LagesbildCompiler(db);
            await compiler.CompileAsync(now.Year, now.Month); // warm-up: connection, query compilation
            var times = new List<double>();
            for (var i = 0; i < 20; i++)
            {
                var watch = Stopwatch.StartNew();
                await compiler.CompileAsync(now.Year, now.Month);
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
            times.Sort();
            var incidents = await db.Incidents.CountAsync();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"kompilera utkast, {largest.Name} ({incidents} händelser): median {times[times.Count / 2]:0.0} ms, max {times[^1]:0.0} ms (budget 300 ms)"));
        }

        // The annual report of the current year, for the largest kommun and for an ordinary one: the time must follow
        // the kommun's own data, not the database's.
        foreach (var kommun in new[] { largest, other })
        {
            using (tenant.Enter(new KommunInfo(kommun.Id, kommun.Name, kommun.Slug, kommun.Kod)))
            {
                var reports = new AnnualReports.AnnualReportCompiler(db, new Lagesbilder.FordjupadCompiler(db, time), time);
                await reports.CompileAsync(now.Year); // warm-up
                var compile = new List<double>();
                var export = new List<double>();
                AnnualReports.AnnualReportFigures figures = null!;
                for (var i = 0; i < 5; i++)
                {
                    var watch = Stopwatch.StartNew();
                    figures = await reports.CompileAsync(now.Year);
                    compile.Add(watch.Elapsed.TotalMilliseconds);
                    var report = new AnnualReport(Guid.Empty, now.Year, now.Year);
                    watch.Restart();
                    var bytes = AnnualReports.AnnualReportDocument.Write(Letterheads.LetterheadInfo.Default(kommun.Name), report, AnnualReports.AnnualReportSnapshot.Of(figures, report), now);
                    export.Add(watch.Elapsed.TotalMilliseconds);
                    _ = bytes.Length;
                }
                compile.Sort();
                export.Sort();
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"årsrapport {now.Year}, {kommun.Name} ({figures.Incidents} händelser, {figures.Measures.Total} åtgärder under året): sammanställning median {compile[2]:0} ms (budget 1 000 ms), Word-dokument median {export[2]:0} ms (budget 2 000 ms)"));
            }
        }

        // "Att göra" of the benchmark user, samordnare in three kommuner: compiled from the records (cold: every
        // kommun's items read), and kept until a kommun's records change (warm: one stamp query per kommun).
        {
            var user = await db.Users.AsNoTracking().SingleAsync(u => u.Email == BenchmarkData.UserEmail);
            var asUser = new TenantContext();
            asUser.SetUser(user.Id, user.Email!, user.DisplayName);
            asUser.SetUserKommuner(await services.GetRequiredService<CrossTenant>().KommunerOfUserAsync(user.Id));
            var cold = new List<double>();
            var warm = new List<double>();
            var count = 0;
            for (var i = 0; i < 10; i++)
            {
                services.GetRequiredService<KommunCache.Store>().Cache.Clear();
                await using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<TenantContext>().CopyFrom(asUser);
                var inbox = scope.ServiceProvider.GetRequiredService<Inbox.InboxWork>();
                var watch = Stopwatch.StartNew();
                count = (await inbox.ForUserAsync()).Count;
                cold.Add(watch.Elapsed.TotalMilliseconds);
                watch.Restart();
                await inbox.ForUserAsync();
                warm.Add(watch.Elapsed.TotalMilliseconds);
            }
            cold.Sort();
            warm.Sort();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Att göra, samordnare i {asUser.UserKommuner.Count} kommuner ({count} saker): sammanställd median {cold[5]:0.0} ms, oförändrad median {warm[5]:0.0} ms (budget 100 ms)"));
        }

        // 100 000 statistics rows for two years long past, so that a re-run replaces its own rows.
        using (tenant.Enter(new KommunInfo(other.Id, other.Name, other.Slug, other.Kod),
                   new MembershipInfo(Guid.NewGuid(), Role.Samordnare, OrganisationKind.Kommunen, "Samordnare")))
        {
            var areas = await db.Areas.AsNoTracking().OrderBy(a => a.Name).Select(a => a.Name).ToListAsync();
            var csv = new StringBuilder("År;Månad;Område;Brottskategori;Antal\r\n");
            for (var i = 0; i < 100_000; i++)
            {
                csv.Append(2001 + i / 12 % 2).Append(';').Append(i % 12 + 1).Append(';').Append(areas[i / 24 % areas.Count]).Append(";Brott ")
                    .Append(i / (24 * areas.Count)).Append(';').Append(i % 50).Append("\r\n");
            }
            var imports = new ImportHandler(db, tenant, time, services.GetRequiredService<ILogger<ImportHandler>>());
            var watch = Stopwatch.StartNew();
            var id = await imports.UploadAsync(ImportKind.CrimeStatistics, "matning.csv", new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString())));
            var checkedAt = watch.Elapsed.TotalSeconds;
            var rows = await imports.CommitAsync(id);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"importera {rows} rader statistik: kontroll {checkedAt:0.0} s, totalt {watch.Elapsed.TotalSeconds:0.0} s"));
        }
    }
}
