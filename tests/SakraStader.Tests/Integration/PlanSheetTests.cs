using System.Net;
using Microsoft.EntityFrameworkCore;
using SakraStader.Domain;
using SakraStader.Features.Atgarder;
using SakraStader.Features.Commands;
using SakraStader.Features.Groups;
using SakraStader.Tests.Support;

namespace SakraStader.Tests.Integration;

/// <summary>
/// Updating many measures at once from the plan's exported sheet, through the command path: the preview saves nothing,
/// every bad row is listed, the confirmation saves all or nothing and is refused after a save in between.
/// </summary>
[Trait("Category", "Integration")]
public sealed class PlanSheetTests(TestApp app) : IClassFixture<TestApp>
{
    private Task<(Guid Plan, Guid Group)> PlanAsync(string slug) =>
        app.WithDbAsync(slug, async db => await db.Atgardsplaner.Where(p => p.Title == "EST:s åtgärdsplan hösten").Select(p => new ValueTuple<Guid, Guid>(p.Id, p.GroupId)).SingleAsync());

    private static int Col(string name) => PlanExport.Header.ToList().IndexOf(name);

    private static Task<SheetPreview> Preview(Operations ops, Guid plan, Guid group, byte[] file, string note = "Uppföljning från Excel", string name = "plan.xlsx") =>
        ops.ReadAsync<PlanWork, SheetPreview>((w, ct) => w.PreviewSheetAsync(plan, group, name, file, note, ct));

    private static Task<CommandResult<int>> Commit(Operations ops, Guid plan, Guid group, byte[] file, SheetPreview preview, string note = "Uppföljning från Excel") =>
        ops.SendAsync<PlanWork, int>(GroupRightRequirement.Edit, group, (w, ct) => w.CommitSheetAsync(plan, group, "plan.xlsx", file, note, preview.Versions, ct), "Sparat.");

    private async Task<List<string[]>> SheetAsync(string slug, Guid plan)
    {
        using var client = await app.SignedInClientAsync(TestApp.Email("samordnare", slug));
        using var export = await client.GetAsync($"/{slug}/atgardsplaner/{plan}/export.xlsx");
        return Xlsx.Read(await export.Content.ReadAsStreamAsync());
    }

    [Fact]
    public async Task Owners_update_status_evaluation_and_progress_of_several_measures_in_one_upload()
    {
        var (plan, group) = await PlanAsync("orebro");
        var before = await app.WithDbAsync("orebro", db => db.Atgarder.Where(a => a.PlanId == plan).OrderBy(a => a.Id).ToListAsync());
        var open = before.Where(a => a.Status is AtgardStatus.Planerad or AtgardStatus.Pagar).Take(2).ToList();
        Assert.Equal(2, open.Count);

        var sheet = await SheetAsync("orebro", plan);
        var firstRow = sheet.Single(r => r[Col("Id")] == open[0].Id.ToString());
        (firstRow[Col("Status")], firstRow[Col(PlanSheet.NewProgressColumn)]) = ("Pågår", "Halvvägs: tio av tjugo lampor bytta.");
        var secondRow = sheet.Single(r => r[Col("Id")] == open[1].Id.ToString());
        (secondRow[Col("Status")], secondRow[Col("Utfall")], secondRow[Col("Lärdomar")], secondRow[Col("Faktisk kostnad")]) = ("Genomförd", "Uppnådd", "Ljuset hjälpte.", "12 500");
        var file = Xlsx.Write("Åtgärder", sheet[0], sheet.Skip(1));

        await app.AsUserAsync(TestApp.Email("samordnare", "orebro"), "orebro", async ops =>
        {
            // A decided plan needs a note on what changes; the preview says so and cannot be confirmed.
            var noNote = await Preview(ops, plan, group, file, note: "");
            Assert.False(noNote.CanCommit);
            Assert.Contains("Skriv kort vad som ändras", noNote.NoteError, StringComparison.Ordinal);
            var refused = await Commit(ops, plan, group, file, noNote, note: "");
            Assert.Equal(nameof(PlanRevision.Note), refused.Field);

            var preview = await Preview(ops, plan, group, file);
            Assert.True(preview.CanCommit);
            Assert.Equal(2, preview.Changes.Count);
            Assert.Contains(preview.Changes, c => c.Changes.Contains("Ny uppföljning: Halvvägs: tio av tjugo lampor bytta."));
            Assert.Contains(preview.Changes, c => c.Changes.Any(x => x.EndsWith("→ Genomförd", StringComparison.Ordinal)) && c.Changes.Contains("Faktisk kostnad: – → 12500"));
            // The preview saved nothing.
            Assert.Equal(open[1].Status, await app.WithDbAsync("orebro", db => db.Atgarder.Where(a => a.Id == open[1].Id).Select(a => a.Status).SingleAsync()));

            var confirmed = await Commit(ops, plan, group, file, preview);
            Assert.True(confirmed.Succeeded, confirmed.Message);
            Assert.Equal(2, confirmed.Value);
            return true;
        });
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
        var (plan, group) = await PlanAsync("boras");
        var before = await app.WithDbAsync("boras", db => db.Atgarder.Where(a => a.PlanId == plan).Select(a => new { a.Id, a.Status, a.DueDate, a.Version }).ToListAsync());
        var sheet = await SheetAsync("boras", plan);
        sheet[1][Col(PlanSheet.NewProgressColumn)] = "Den här raden är rätt.";
        sheet[2][Col("Klart senast")] = "31/12/2026";
        sheet[3][Col("Status")] = "Klar";
        sheet[4][Col("Status")] = "Genomförd"; // without an evaluation
        var unknown = (string[])sheet[1].Clone();
        unknown[Col("Id")] = Guid.NewGuid().ToString();
        var duplicate = (string[])sheet[1].Clone();
        var rows = sheet.Skip(1).Append(unknown).Append(duplicate).ToList();
        var file = Xlsx.Write("Åtgärder", sheet[0], rows);

        await app.AsUserAsync(TestApp.Email("samordnare", "boras"), "boras", async ops =>
        {
            var preview = await Preview(ops, plan, group, file);
            var errors = preview.Errors.ToDictionary(e => e.Line, e => e.Message);
            // Line 1 is the header; the plan's own rows follow, then the unknown and the duplicated row.
            var (unknownLine, duplicateLine) = (sheet.Count + 1, sheet.Count + 2);
            Assert.Equal([3, 4, 5, unknownLine, duplicateLine], errors.Keys.Order());
            Assert.Contains("inget datum", errors[3], StringComparison.Ordinal);
            Assert.Contains("”Klar” finns inte", errors[4], StringComparison.Ordinal);
            Assert.Contains("Välj om effekten blev uppnådd", errors[5], StringComparison.Ordinal);
            Assert.Contains("finns inte i den här planen", errors[unknownLine], StringComparison.Ordinal);
            Assert.Equal("Åtgärden finns redan på rad 2.", errors[duplicateLine]);
            Assert.False(preview.CanCommit);
            var refused = await Commit(ops, plan, group, file, preview);
            Assert.False(refused.Succeeded);
            Assert.Equal("Sheet", refused.Field);

            // A file that is not a workbook at all is refused for the file field.
            var junk = await Assert.ThrowsAsync<DomainException>(() => Preview(ops, plan, group, "inte en arbetsbok"u8.ToArray()));
            Assert.Contains("Filen gick inte att läsa", junk.Message, StringComparison.Ordinal);
            Assert.Equal("Sheet", junk.Field);
            return true;
        });
        var after = await app.WithDbAsync("boras", db => db.Atgarder.Where(a => a.PlanId == plan).Select(a => new { a.Id, a.Status, a.DueDate, a.Version }).ToListAsync());
        Assert.Equal(before.OrderBy(a => a.Id), after.OrderBy(a => a.Id));
    }

    [Fact]
    public async Task A_save_between_preview_and_confirmation_refuses_the_confirmation_and_readers_cannot_upload()
    {
        var (plan, group) = await PlanAsync("karlstad");
        var sheet = await SheetAsync("karlstad", plan);
        var id = Guid.Parse(sheet[1][Col("Id")]);
        sheet[1][Col(PlanSheet.NewProgressColumn)] = "Uppdaterat i Excel.";
        var file = Xlsx.Write("Åtgärder", sheet[0], sheet.Skip(1));
        var email = TestApp.Email("samordnare", "karlstad");
        var preview = await app.AsUserAsync(email, "karlstad", ops => Preview(ops, plan, group, file));
        Assert.True(preview.CanCommit);

        // Someone else changes one of the plan's measures on its page meanwhile.
        await app.WithDbAsync("karlstad", async db =>
        {
            var other = await db.Atgarder.FirstAsync(a => a.PlanId == plan && a.Id != id);
            other.AddProgress(new DateOnly(2026, 11, 1), "Ändrat på sidan.", "Någon annan", TestClock.Now);
            other.SetStatus(other.Status == AtgardStatus.Installd ? AtgardStatus.Pagar : AtgardStatus.Installd);
            return await db.SaveChangesAsync();
        });
        var confirmed = await app.AsUserAsync(email, "karlstad", ops => Commit(ops, plan, group, file, preview));
        Assert.True(confirmed.Conflict);
        Assert.Equal(PlanWork.SheetChangedMeanwhile, confirmed.Message);
        Assert.False(await app.WithDbAsync("karlstad", db => db.Set<AtgardProgress>().AnyAsync(p => p.Text == "Uppdaterat i Excel.")));

        // A läsare: the page is refused, the link is not shown, and neither the preview nor the save is allowed.
        var lasare = TestApp.Email("lasare", "karlstad");
        await app.AsUserAsync(lasare, "karlstad", async ops =>
        {
            await Assert.ThrowsAsync<ForbiddenException>(() => Preview(ops, plan, group, file));
            Assert.True((await Commit(ops, plan, group, file, preview)).Forbidden);
            return true;
        });
        using var client = await app.SignedInClientAsync(lasare);
        var url = $"/karlstad/atgardsplaner/{plan}/uppdatera";
        using var denied = await client.GetAsync(url);
        Assert.NotEqual(HttpStatusCode.OK, denied.StatusCode);
        Assert.Null((await client.PageAsync($"/karlstad/atgardsplaner/{plan}")).QuerySelector($"a[href='{url}']"));
    }
}
