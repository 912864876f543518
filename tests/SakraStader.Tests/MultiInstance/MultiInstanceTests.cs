using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Npgsql;
using SakraStader.Features.Demo;
using SakraStader.Tests.Support;

// This test measures real processes being killed: when an answer came, relative to the kill, is wall-clock time.
#pragma warning disable RS0030

namespace SakraStader.Tests.MultiInstance;

/// <summary>
/// Three app instances behind nginx (round-robin, no sticky sessions) on one PostgreSQL, started by
/// scripts/multi-instance.sh, which passes their addresses and process ids. Users sign in, read and write through the
/// balancer; one instance is killed mid-run; then the database is stopped and started again. Every acknowledged write
/// must be in the database at the end. Last, another instance is killed while it commits a large import: nothing of it
/// may remain. Run only by that script (Category=MultiInstance).
/// </summary>
[Trait("Category", "MultiInstance")]
public sealed class MultiInstanceTests
{
    private static string Env(string name) => Environment.GetEnvironmentVariable(name)
        ?? throw new InvalidOperationException($"{name} saknas: testet körs av scripts/multi-instance.sh.");

    private sealed record Outcome(string Method, string Path, int Status, DateTimeOffset At);

    /// <summary>An answer that ended before it was whole (not an HTTP status; 5xx so that it counts as a failure).</summary>
    private const HttpStatusCode Cut = (HttpStatusCode)599;

    /// <summary>A browser without JavaScript: its own cookies, no automatic redirects.</summary>
    private sealed class User(string baseUrl, string email, string slug) : IDisposable
    {
        public void Dispose() => http.Dispose();

        private readonly HttpClient http = new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(baseUrl),
            Timeout = TimeSpan.FromSeconds(20),
        };

        public string Slug { get; } = slug;

        public string Email { get; } = email;

        public async Task<(HttpStatusCode Status, string Body, string? Location)> SendAsync(HttpMethod method, string path, Dictionary<string, string>? form = null)
        {
            using var request = new HttpRequestMessage(method, path);
            if (form is not null)
            {
                request.Content = new FormUrlEncodedContent(form);
            }
            using var response = await http.SendAsync(request);
            return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.Location?.OriginalString);
        }

        /// <summary>
        /// As <see cref="SendAsync"/>, for the users' work through the balancer: an answer that ends short because its
        /// instance died while sending it (nginx had passed its start on and cannot answer 502 instead) is
        /// <see cref="Cut"/>, counted like nginx's 502 for a request in flight at the kill.
        /// </summary>
        public async Task<(HttpStatusCode Status, string Body, string? Location)> SendOrCutAsync(HttpMethod method, string path, Dictionary<string, string>? form = null)
        {
            try
            {
                return await SendAsync(method, path, form);
            }
            catch (HttpRequestException e) when (e.InnerException is HttpIOException)
            {
                return (Cut, "", null);
            }
        }

        /// <summary>Uploads an import file as the import page's form does; returns the batch's id.</summary>
        public async Task<Guid> UploadAsync(string pagePath, string kind, byte[] content)
        {
            var (_, body, _) = await SendAsync(HttpMethod.Get, pagePath);
            using var multipart = new MultipartFormDataContent();
            foreach (var (name, value) in FormValues(AppClient.Parse(body), "upload"))
            {
                multipart.Add(new StringContent(value), name);
            }
            multipart.Add(new StringContent(kind), "Kind");
            multipart.Add(new ByteArrayContent(content), "File", "stor.csv");
            using var response = await http.PostAsync(pagePath, multipart);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"uppladdningen gav {(int)response.StatusCode}");
            return Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
        }

        public static Dictionary<string, string> FormValues(IHtmlDocument page, string formName) =>
            AppClient.CurrentValues(AppClient.FindForm(page, formName));

        public async Task SignInAsync()
        {
            var (_, body, _) = await SendAsync(HttpMethod.Get, "/konto/logga-in");
            var form = FormValues(AppClient.Parse(body), "login");
            form["Input.Email"] = Email;
            form["Input.Password"] = DemoSeeder.Password;
            var (status, _, location) = await SendAsync(HttpMethod.Post, "/konto/logga-in", form);
            Assert.True(status == HttpStatusCode.Redirect && location?.Contains("logga-in", StringComparison.Ordinal) != true, $"{Email}: inloggningen gav {(int)status}");
        }
    }

    [Fact]
    public async Task Users_work_through_the_balancer_while_an_instance_dies_and_the_database_restarts_and_nothing_acknowledged_is_lost()
    {
        var baseUrl = Env("SAKRASTADER_LB_URL");
        var pids = Env("SAKRASTADER_INSTANCE_PIDS").Split(',').Select(int.Parse).ToList();
        var database = Env("SAKRASTADER_MULTI_DB");
        Assert.Equal(3, pids.Count);

        User[] users =
        [
            new User(baseUrl, DemoSeeder.EmailFor("samordnare", "orebro"), "orebro"),
            new User(baseUrl, DemoSeeder.EmailFor("medlem", "orebro"), "orebro"),
            new User(baseUrl, DemoSeeder.EmailFor("inrapportor", "orebro"), "orebro"),
            new User(baseUrl, DemoSeeder.EmailFor("samordnare", "boras"), "boras"),
            new User(baseUrl, DemoSeeder.EmailFor("medlem", "boras"), "boras"),
            new User(baseUrl, DemoSeeder.EmailFor("inrapportor", "karlstad"), "karlstad"),
        ];
        using var disposeUsers = new UsersDisposer(users);
        foreach (var user in users)
        {
            await user.SignInAsync();
        }

        var outcomes = new ConcurrentBag<Outcome>();
        var acknowledged = new ConcurrentBag<string>();
        var signedOut = new ConcurrentBag<string>();
        var killAt = DateTimeOffset.MaxValue;
        string? firstRefusal = null;
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(24));
        var killer = Task.Run(async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(10));
            killAt = DateTimeOffset.UtcNow;
            Process.GetProcessById(pids[1]).Kill(); // SIGKILL: no graceful shutdown
        });

        async Task WorkAsync(User user, int number)
        {
            var n = 0;
            string[] reads = user.Email.StartsWith("inrapportor", StringComparison.Ordinal)
                ? [$"/{user.Slug}/handelser"]
                : [$"/{user.Slug}", $"/{user.Slug}/lagesbilder", $"/{user.Slug}/atgardsplaner", $"/{user.Slug}/handelser", $"/{user.Slug}/moten"];
            while (!stop.IsCancellationRequested)
            {
                foreach (var path in reads)
                {
                    var (status, _, location) = await user.SendOrCutAsync(HttpMethod.Get, path);
                    outcomes.Add(new("GET", path, (int)status, DateTimeOffset.UtcNow));
                    if (location?.Contains("logga-in", StringComparison.Ordinal) == true)
                    {
                        signedOut.Add($"{user.Email} {path}");
                    }
                }
                // Log an incident: the form from one instance, posted (most likely) to another.
                var formPath = $"/{user.Slug}/handelser/ny";
                var (formStatus, body, _) = await user.SendOrCutAsync(HttpMethod.Get, formPath);
                outcomes.Add(new("GET", formPath, (int)formStatus, DateTimeOffset.UtcNow));
                if (formStatus != HttpStatusCode.OK)
                {
                    continue;
                }
                var page = AppClient.Parse(body);
                var form = User.FormValues(page, "incident");
                foreach (var select in AppClient.FindForm(page, "incident").QuerySelectorAll<IHtmlSelectElement>("select[name]"))
                {
                    // The first choice of each list ("Välj …") is empty; take the first real one.
                    form[select.Name!] = select.Options.First(o => o.Value.Length > 0).Value;
                }
                var description = $"Flerinstanstest {number}-{++n} {Guid.NewGuid():N}";
                form["Input.Description"] = description;
                form["Input.Place"] = "Torget";
                var (postStatus, postBody, postLocation) = await user.SendOrCutAsync(HttpMethod.Post, formPath, form);
                outcomes.Add(new("POST", formPath, (int)postStatus, DateTimeOffset.UtcNow));
                if (postStatus == HttpStatusCode.Redirect && postLocation?.Contains("sparad=1", StringComparison.Ordinal) == true)
                {
                    acknowledged.Add(description);
                }
                else
                {
                    firstRefusal ??= $"{(int)postStatus} {postLocation} {string.Join(" ", AppClient.Parse(postBody).QuerySelectorAll(".validation-message, .field-error, .alert").Select(e => e.TextContent))}";
                }
            }
        }

        await Task.WhenAll(users.Select((u, i) => WorkAsync(u, i)).Append(killer));

        // Requests on the killed instance at the moment it died may fail (nginx does not resend a POST that reached
        // it, and an answer it had begun to pass on ends short); nothing else may. Every one of those was not
        // acknowledged, so the check below still covers them.
        var failures = outcomes.Where(o => o.Status >= 500).ToList();
        var inFlight = failures.Where(o => ((o.Method == "POST" && o.Status == 502) || o.Status == (int)Cut) && Math.Abs((o.At - killAt).TotalSeconds) < 2).ToList();
        Assert.True(failures.Count == inFlight.Count && inFlight.Count <= users.Length,
            $"5xx: {string.Join(", ", failures.Select(f => $"{f.Method} {f.Path} {f.Status} {(f.At - killAt).TotalSeconds:0.0}s"))}");
        Assert.Empty(signedOut);
        Assert.True(acknowledged.Count >= 30, $"{acknowledged.Count} sparade händelser; POST: "
            + string.Join(", ", outcomes.Where(o => o.Method == "POST").GroupBy(o => o.Status).Select(g => $"{g.Key}×{g.Count()}")) + " " + firstRefusal);
        Assert.Contains(outcomes, o => o.At > killAt.AddSeconds(3) && o.Status == 200); // served after the kill
        Assert.Equal(acknowledged.Count, await CountIncidentsAsync(database, [.. acknowledged]));

        // The database goes away: pages answer 503 quickly, readiness fails; it comes back: pages work without a restart.
        var survivor = users[0];
        await RunAsync(Env("SAKRASTADER_PG_STOP"));
        try
        {
            var watch = Stopwatch.StartNew();
            var (down, downBody, _) = await survivor.SendAsync(HttpMethod.Get, "/orebro/lagesbilder");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, down);
            Assert.Contains("tillfälligt otillgänglig", downBody, StringComparison.Ordinal);
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"503 efter {watch.Elapsed}");
            var (ready, _, _) = await survivor.SendAsync(HttpMethod.Get, "/health/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready);
        }
        finally
        {
            await RunAsync(Env("SAKRASTADER_PG_START"));
        }
        var back = HttpStatusCode.ServiceUnavailable;
        for (var i = 0; i < 20 && back != HttpStatusCode.OK; i++)
        {
            await Task.Delay(500);
            (back, _, _) = await survivor.SendAsync(HttpMethod.Get, "/orebro/lagesbilder");
        }
        Assert.Equal(HttpStatusCode.OK, back);
        Assert.Equal(acknowledged.Count, await CountIncidentsAsync(database, [.. acknowledged]));

        await AnImportInterruptedByAKilledInstanceLeavesNothingAsync(Env("SAKRASTADER_INSTANCE_URLS").Split(',')[2], pids[2], database);
    }

    /// <summary>
    /// A 100 000-row statistics import that replaces a year of Örebro's figures is confirmed on one instance, which is
    /// killed while its transaction is writing rows: the year's figures are exactly as before and the import is still
    /// waiting for confirmation.
    /// </summary>
    private static async Task AnImportInterruptedByAKilledInstanceLeavesNothingAsync(string instanceUrl, int pid, string database)
    {
        await using var db = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database) { Pooling = false }.ToString());
        await db.OpenAsync();
        var kommun = (Guid)(await Scalar(db, """SELECT "Id" FROM "Kommuner" WHERE "Slug" = 'orebro'"""))!;
        var year = (int)(await Scalar(db, """SELECT min("Year") FROM "CrimeStatistics" WHERE "KommunId" = @k""", kommun))!;
        var areas = new List<string>();
        await using (var command = new NpgsqlCommand("""SELECT "Name" FROM "Areas" WHERE "KommunId" = @k ORDER BY "Name" """, db))
        {
            command.Parameters.AddWithValue("k", kommun);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                areas.Add(reader.GetString(0));
            }
        }
        async Task<string> YearAsync() => (string)(await Scalar(db,
            """SELECT count(*) || ' rader, summa ' || coalesce(sum("Count"), 0) FROM "CrimeStatistics" WHERE "KommunId" = @k AND "Year" = @y""", kommun, year))!;
        var before = await YearAsync();
        Assert.DoesNotContain("0 rader", before, StringComparison.Ordinal);

        var file = new System.Text.StringBuilder("År;Månad;Område;Brottskategori;Antal\r\n");
        for (var i = 0; i < 100_000; i++)
        {
            file.Append(year).Append(';').Append(i % 12 + 1).Append(';').Append(areas[i / 12 % areas.Count]).Append(";Brott ")
                .Append(i / (12 * areas.Count)).Append(';').Append(i % 50).Append("\r\n");
        }
        using var user = new User(instanceUrl, DemoSeeder.EmailFor("samordnare", "orebro"), "orebro");
        await user.SignInAsync();
        var batch = await user.UploadAsync("/orebro/import", "CrimeStatistics", System.Text.Encoding.UTF8.GetBytes(file.ToString()));
        var (_, preview, _) = await user.SendAsync(HttpMethod.Get, $"/orebro/import/{batch}");
        var confirm = user.SendAsync(HttpMethod.Post, $"/orebro/import/{batch}", User.FormValues(AppClient.Parse(preview), "commit"));

        // Kill the instance once its transaction has replaced the year and is inserting the file's rows.
        const string Writing = """SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND xact_start IS NOT NULL AND query LIKE 'INSERT INTO "CrimeStatistics"%'""";
        var watch = Stopwatch.StartNew();
        while ((long)(await Scalar(db, Writing))! == 0)
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60) && !confirm.IsCompleted, "importen började aldrig skriva rader");
            await Task.Delay(10);
        }
        Process.GetProcessById(pid).Kill();
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => confirm);

        // PostgreSQL rolls the dead connection's transaction back.
        watch.Restart();
        while ((long)(await Scalar(db, Writing))! > 0 && watch.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(100);
        }
        Assert.Equal(before, await YearAsync());
        Assert.Equal(0L, await Scalar(db, """SELECT count(*) FROM "ImportBatches" WHERE "Id" = @k AND "CompletedAt" IS NOT NULL""", batch));
    }

    /// <summary>One value from <paramref name="sql"/>, whose parameters are @k (a kommun or batch id) and @y (a year).</summary>
    private static async Task<object?> Scalar(NpgsqlConnection connection, string sql, object? k = null, object? y = null)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in new[] { ("k", k), ("y", y) }.Where(p => p.Item2 is not null))
        {
            command.Parameters.AddWithValue(name, value!);
        }
        return await command.ExecuteScalarAsync();
    }

    private sealed class UsersDisposer(User[] users) : IDisposable
    {
        public void Dispose()
        {
            foreach (var user in users)
            {
                user.Dispose();
            }
        }
    }

    private static async Task<long> CountIncidentsAsync(string connectionString, string[] descriptions)
    {
        // No pooling: the server restarts in between, and a pooled connection would be a dead one.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""SELECT count(*) FROM "Incidents" WHERE "Description" = ANY(@d)""", connection);
        command.Parameters.AddWithValue("d", descriptions);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task RunAsync(string shellCommand)
    {
        using var process = Process.Start(new ProcessStartInfo("bash", ["-c", shellCommand]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{shellCommand}: {await process.StandardError.ReadToEndAsync()}");
    }
}
