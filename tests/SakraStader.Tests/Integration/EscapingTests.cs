using Microsoft.EntityFrameworkCore;
using SakraStader.Domain;
using SakraStader.Features.AnnualReports;
using SakraStader.Features.Meetings;
using SakraStader.Tests.Support;

namespace SakraStader.Tests.Integration;

/// <summary>
/// Text that users type is shown as text everywhere: markup and script stored in names, titles and descriptions come
/// out escaped on every page that shows them, and no element from them reaches the page.
/// </summary>
[Trait("Category", "Integration")]
public sealed class EscapingTests(TestApp app) : IClassFixture<TestApp>
{
    private const string Payload = "<script>window.pwned=1</script><img src=x onerror=\"window.pwned=2\"><b>fet</b>";

    [Fact]
    public async Task Stored_markup_and_script_are_rendered_escaped_on_every_page_that_shows_user_text()
    {
        var ids = await app.WithDbAsync("kristianstad", async db =>
        {
            var area = db.Areas.Add(new Area("Område " + Payload)).Entity;
            var category = await db.IncidentCategories.FirstAsync();
            var group = db.Groups.Add(new Group("Grupp " + Payload, GroupKind.Annan, "Syfte " + Payload, CadenceKind.Monthly)).Entity;
            var now = DateTimeOffset.UtcNow;
            db.Incidents.Add(new Incident(category.Id, area.Id, "Plats " + Payload, now.AddHours(-1), "Org " + Payload, "Beskrivning " + Payload, null, now));
            var meeting = db.Meetings.Add(new Meeting(group.Id, now.AddDays(-1), now.AddDays(-1).AddHours(1), "Lokal " + Payload, null)).Entity;
            meeting.AddAgendaItem("Punkt " + Payload);
            var problem = db.Problems.Add(new Problem(area.Id, "Problem " + Payload, now)).Entity;
            var plan = db.Atgardsplaner.Add(new Atgardsplan(group.Id, PlanKind.Kortsiktig, "Plan " + Payload, null, null, null)).Entity;
            var measure = db.Atgarder.Add(new Atgard(plan.Id, "Åtgärd " + Payload, problem.Id)).Entity;
            var lofte = db.Medborgarloften.Add(new Medborgarlofte("Löfte " + Payload, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31))).Entity;
            lofte.Describe("Löfte " + Payload, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), "Bakgrund " + Payload);
            var styrgrupp = await db.Groups.FirstAsync(g => g.Kind == GroupKind.Styrgrupp);
            var report = db.AnnualReports.Add(new AnnualReport(styrgrupp.Id, 2025, 2026)).Entity;
            report.WriteText(ReportSection.Sammanfattning, "Sammanfattning " + Payload);
            db.CooperationAgreements.Add(new CooperationAgreement("Avtal " + Payload, "Parter " + Payload, new DateOnly(2025, 1, 1), new DateOnly(2026, 12, 31), [area.Id], "Inriktning " + Payload));
            await db.SaveChangesAsync();
            return new { Group = group.Id, Meeting = meeting.Id, Problem = problem.Id, Plan = plan.Id, Measure = measure.Id, Lofte = lofte.Id };
        });

        using var client = await app.SignedInClientAsync(TestApp.Email("samordnare", "kristianstad"));
        string[] pages =
        [
            "/kristianstad/grupper", $"/kristianstad/grupper/{ids.Group}", $"/kristianstad/moten/{ids.Meeting}", "/kristianstad/moten",
            "/kristianstad/handelser", "/kristianstad/omraden", $"/kristianstad/problem/{ids.Problem}",
            "/kristianstad/atgardsplaner", $"/kristianstad/atgardsplaner/{ids.Plan}", $"/kristianstad/atgarder/{ids.Measure}", "/kristianstad/atgarder?vy=alla",
            "/kristianstad/loften", $"/kristianstad/loften/{ids.Lofte}", "/kristianstad/arsrapporter/2025", "/kristianstad/overenskommelser",
            "/kristianstad/logg",
        ];
        foreach (var url in pages)
        {
            using var response = await client.GetAsync(url);
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode}");
            var page = AppClient.Parse(html);
            // The text is there, as text ...
            Assert.Contains("window.pwned=1", page.Body!.TextContent, StringComparison.Ordinal);
            // ... and none of it became markup.
            Assert.DoesNotContain(page.QuerySelectorAll("script"), s => s.TextContent.Contains("pwned", StringComparison.Ordinal));
            Assert.Empty(page.QuerySelectorAll("img[onerror], [onerror]"));
            Assert.DoesNotContain("<script>window.pwned", html, StringComparison.Ordinal);
        }
    }
}
