using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using SakraStader.Domain;
using SakraStader.Features.Atgarder;
using SakraStader.Tests.Support;

namespace SakraStader.Tests.Integration;

/// <summary>Updating many measures at once by uploading the plan's exported sheet: preview, row errors, all or nothing.</summary>
[Trait("Category", "Integration")]
public sealed class PlanSheetTests(TestApp app) : IClassFixture<TestApp>
{
    private Task<Guid> PlanAsync(string slug) =>
        app.WithDbAsync(slug, db => db.Atgardsplaner.Where(p => p.Title == "EST:s åtgärdsplan hösten").Select(p => p.Id).SingleAsync());

    private static int Col(string name) => PlanExport.Header.ToList().IndexOf(name);

    private static async Task<(HttpResponseMessage Response, IHtmlDocument Page)> UploadAsync(AppClient client, string url, byte[] file, string note = "Uppföljning från Excel")
    {
        var response = await client.UploadAsync(url, "upload", new Dictionary<string, string> { ["RevisionNote"] = note }, "SheetFile", "plan.xlsx", file);
        return (response, AppClient.Parse(await response.Content.ReadAsStringAsync()));
    }

    private static Task<HttpResponseMessage> ConfirmAsync(AppClient client, string url, IHtmlDocument preview) =>
        client.Http.PostAsync(url, new FormUrlEncodedContent(AppClient.CurrentValues(AppClient.FindForm(preview, "commit"))));

    [Fact]
    public async Task Owners_update_status_evaluation_and_progress_of_several_measures_in_one_upload()
    {
        var plan = await PlanAsync("orebro");
        var url = $"/orebro/atgardsplaner/{plan}/uppdatera";
        using var client = await app.SignedInClientAsync(TestApp.Email("samordnare", "orebro"));
        var before = await app.WithDbAsync("orebro", db => db.Atgarder.Where(a => a.PlanId == plan).OrderBy(a => a.Id).ToListAsync());
        var open = before.Where(a => a.Status is AtgardStatus.Planerad or AtgardStatus.Pagar).Take(2).ToList();
        Assert.Equal(2, open.Count);

        using var export = await client.GetAsync($"/orebro/atgardsplaner/{plan}/export.xlsx");
        var sheet = Xlsx.Read(await export.Content.ReadAsStreamAsync());
        var firstRow = sheet.Single(r => r[Col("Id")] == open[0].Id.ToString());
        (firstRow[Col("Status")], firstRow[Col(PlanSheet.NewProgressColumn)]) = ("Pågår", "Halvvägs: tio av tjugo lampor bytta.");
        var secondRow = sheet.Single(r => r[Col("Id")] == open[1].Id.ToString());
        (secondRow[Col("Status")], secondRow[Col("Utfall")], secondRow[Col("Lärdomar")], secondRow[Col("Faktisk kostnad")]) = ("Genomförd", "Uppnådd", "Ljuset hjälpte.", "12 500");
        var file = Xlsx.Write("Åtgärder", sheet[0], sheet.Skip(1));

        // A decided plan needs a note on what changes; the preview says so and offers no confirmation.
        var (_, noNote) = await UploadAsync(client, url, file, note: "");
        Assert.Null(AppClient.FindFormOrNull(noNote, "commit"));
        Assert.Contains("Skriv kort vad som ändras", noNote.QuerySelector("#preview-heading")!.ParentElement!.TextContent, StringComparison.Ordinal);

        var (_, preview) = await UploadAsync(client, url, file);
        var changed = preview.QuerySelectorAll("#preview-heading ~ .table-wrap tbody tr").Select(tr => tr.TextContent).ToList();
        Assert.Equal(2, changed.Count);
        Assert.Contains(changed, c => c.Contains("Ny uppföljning: Halvvägs", StringComparison.Ordinal));
        Assert.Contains(changed, c => c.Contains("→ Genomförd", StringComparison.Ordinal) && c.Contains("Faktisk kostnad: – → 12500", StringComparison.Ordinal));
        // The preview saved nothing.
        Assert.Equal(open[1].Status, await app.WithDbAsync("orebro", db => db.Atgarder.Where(a => a.Id == open[1].Id).Select(a => a.Status).SingleAsync()));

        using var confirmed = await ConfirmAsync(client, url, preview);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal($"/orebro/atgardsplaner/{plan}?uppdaterade=2", confirmed.Headers.Location!.PathAndQuery);
        var after = await app.WithDbAsync("orebro", db => db.Atgarder.Include(a => a.Progress).Where(a => a.Id == open[0].Id || a.Id == open[1].Id).ToListAsync());
        var first = after.Single(a => a.Id == open[0].Id);
        Assert.Equal(AtgardStatus.Pagar, first.Status);
        Assert.Contains(first.Progress, p => p.Text == "Halvvägs: tio av tjugo lampor bytta." && p.Author.Length > 0);
        var second = after.Single(a => a.Id == open[1].Id);
        Assert.Equal((AtgardStatus.Genomford, Outcome.Uppnadd, 12_500m, "Ljuset hjälpte."), (second.Status, second.Outcome!.Value, second.ActualCost!.Value, second.Learned));
        Assert.True(await app.WithDbAsync("orebro", db => db.Set<PlanRevision>().AnyAsync(r => r.PlanId == plan && r.Note == "Uppföljning från Excel")));
    }

    [Fact]
    public async Task Every_bad_row_is_listed_with_its_line_and_nothing_is_saved()
    {
        var plan = await PlanAsync("boras");
        var url = $"/boras/atgardsplaner/{plan}/uppdatera";
        using var client = await app.SignedInClientAsync(TestApp.Email("samordnare", "boras"));
        var before = await app.WithDbAsync("boras", db => db.Atgarder.Where(a => a.PlanId == plan).Select(a => new { a.Id, a.Status, a.DueDate, a.Version }).ToListAsync());

        using var response = await client.GetAsync($"/boras/atgardsplaner/{plan}/export.xlsx");
        var sheet = Xlsx.Read(await response.Content.ReadAsStreamAsync());
        sheet[1][Col(PlanSheet.NewProgressColumn)] = "Den här raden är rätt.";
        sheet[2][Col("Klart senast")] = "31/12/2026";
        sheet[3][Col("Status")] = "Klar";
        sheet[4][Col("Status")] = "Genomförd"; // without an evaluation
        var unknown = (string[])sheet[1].Clone();
        unknown[Col("Id")] = Guid.NewGuid().ToString();
        var duplicate = (string[])sheet[1].Clone();
        var rows = sheet.Skip(1).Append(unknown).Append(duplicate).ToList();
        var (_, preview) = await UploadAsync(client, url, Xlsx.Write("Åtgärder", sheet[0], rows));

        var errors = preview.QuerySelectorAll(".error-list tbody tr").ToDictionary(tr => tr.Children[0].TextContent, tr => tr.Children[1].TextContent);
        Assert.Equal(["3", "4", "5", "6", "7"], errors.Keys.Order());
        Assert.Contains("inget datum", errors["3"], StringComparison.Ordinal);
        Assert.Contains("”Klar” finns inte", errors["4"], StringComparison.Ordinal);
        Assert.Contains("Välj om effekten blev uppnådd", errors["5"], StringComparison.Ordinal);
        Assert.Contains("finns inte i den här planen", errors["6"], StringComparison.Ordinal);
        Assert.Equal("Åtgärden finns redan på rad 2.", errors["7"]);
        Assert.Null(AppClient.FindFormOrNull(preview, "commit"));

        // A file that is not a workbook at all is refused next to the field.
        var (_, junk) = await UploadAsync(client, url, "inte en arbetsbok"u8.ToArray());
        Assert.Contains("Filen gick inte att läsa", junk.QuerySelector("#sheet + .field-error")!.TextContent, StringComparison.Ordinal);

        var after = await app.WithDbAsync("boras", db => db.Atgarder.Where(a => a.PlanId == plan).Select(a => new { a.Id, a.Status, a.DueDate, a.Version }).ToListAsync());
        Assert.Equal(before.OrderBy(a => a.Id), after.OrderBy(a => a.Id));
    }

    [Fact]
    public async Task A_save_between_preview_and_confirmation_refuses_the_confirmation_and_readers_cannot_upload()
    {
        var plan = await PlanAsync("karlstad");
        var url = $"/karlstad/atgardsplaner/{plan}/uppdatera";
        using var client = await app.SignedInClientAsync(TestApp.Email("samordnare", "karlstad"));
        using var response = await client.GetAsync($"/karlstad/atgardsplaner/{plan}/export.xlsx");
        var sheet = Xlsx.Read(await response.Content.ReadAsStreamAsync());
        var id = Guid.Parse(sheet[1][Col("Id")]);
        sheet[1][Col(PlanSheet.NewProgressColumn)] = "Uppdaterat i Excel.";
        var (_, preview) = await UploadAsync(client, url, Xlsx.Write("Åtgärder", sheet[0], sheet.Skip(1)));
        Assert.NotNull(AppClient.FindFormOrNull(preview, "commit"));

        // Someone else changes one of the plan's measures on its page meanwhile.
        await app.WithDbAsync("karlstad", async db =>
        {
            var other = await db.Atgarder.FirstAsync(a => a.PlanId == plan && a.Id != id);
            other.AddProgress(new DateOnly(2026, 11, 1), "Ändrat på sidan.", "Någon annan", TestClock.Now);
            other.SetStatus(other.Status == AtgardStatus.Installd ? AtgardStatus.Pagar : AtgardStatus.Installd);
            return await db.SaveChangesAsync();
        });
        using var confirmed = await ConfirmAsync(client, url, preview);
        var page = AppClient.Parse(await confirmed.Content.ReadAsStringAsync());
        Assert.Contains("Någon har ändrat åtgärderna sedan förhandsgranskningen", page.QuerySelector(".alert--error")!.TextContent, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync("karlstad", db => db.Set<AtgardProgress>().AnyAsync(p => p.Text == "Uppdaterat i Excel.")));

        using var lasare = await app.SignedInClientAsync(TestApp.Email("lasare", "karlstad"));
        using var denied = await lasare.GetAsync(url);
        Assert.NotEqual(HttpStatusCode.OK, denied.StatusCode);
        Assert.Null((await lasare.PageAsync($"/karlstad/atgardsplaner/{plan}")).QuerySelector($"a[href='{url}']"));
    }
}
