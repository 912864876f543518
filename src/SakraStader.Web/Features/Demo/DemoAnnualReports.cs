using SakraStader.Data;
using SakraStader.Domain;
using SakraStader.Features.Meetings;

namespace SakraStader.Features.Demo;

/// <summary>
/// Demo samverkansöverenskommelser for every demo kommun, and in Örebro this year's annual report in the styrgrupp's
/// review: the samordnare's texts written, one comment answered and one waiting.
/// </summary>
public static class DemoAnnualReports
{
    public static void Add(AppDbContext db, string slug, string kommunName, string? polisRegion, IReadOnlyList<Area> areas,
        IReadOnlyDictionary<string, (AppUser User, string Org, string Title)> people, DateTimeOffset now)
    {
        var year = SwedishTime.DateOf(now).Year;
        db.CooperationAgreements.Add(new CooperationAgreement(
            $"Samverkansöverenskommelse {year - 1}–{year + 1}",
            $"{kommunName} och Polisen, {polisRegion ?? "lokalpolisområdet"}",
            new DateOnly(year - 1, 1, 1), new DateOnly(year + 1, 12, 31),
            areas.Take(2).Select(a => a.Id),
            "Parterna samverkar om den gemensamma lägesbilden varje månad, om trygghet i de utpekade områdena och om medborgarlöften. "
            + "Kommunen ansvarar för samordningen och för den fysiska miljön; polisen för närvaro och problemorienterat arbete i områdena."));

        if (slug != "orebro" || db.Groups.Local.FirstOrDefault(g => g.Kind == GroupKind.Styrgrupp && g.KommunId == areas[0].KommunId) is not { } styrgrupp)
        {
            return;
        }
        var report = new AnnualReport(styrgrupp.Id, year, year);
        db.AnnualReports.Add(report);
        report.WriteText(ReportSection.Sammanfattning,
            $"Under {year} arbetade kommunen och polisen enligt Brås modell med månatliga lägesbilder i EST. "
            + "Klotter och skadegörelse vid Vivalla centrum minskade efter att belysningen byttes och fastighetsägaren städade snabbare. "
            + "Otryggheten i gångtunnlarna finns kvar och är prioriterad även nästa år.");
        report.WriteText(ReportSection.Bedomning,
            "Samverkan fungerar väl i det operativa arbetet. Uppföljningen av åtgärdernas effekt behöver bli mer systematisk.");
        report.WriteText(ReportSection.Forslag,
            "Fortsätt arbetet med gångtunnlarna, utvärdera kameraövervakningen vid centrum och ta fram en ny fördjupad lägesbild.");
        report.StartReview(now.AddDays(-5));
        var (reviewer, _, _) = people["styrgrupp"];
        var answered = report.Comment(ReportSection.Sammanfattning, reviewer.Id, reviewer.DisplayName,
            "Nämn gärna att antalet anmälda skadegörelsebrott minskade.", now.AddDays(-4));
        report.Answer(answered.Id, "Tillagt i avsnittet om brottslighet och trygghet.", people["samordnare"].User.DisplayName, now.AddDays(-3));
        report.Comment(ReportSection.Forslag, reviewer.Id, reviewer.DisplayName,
            "Vilka av förslagen behöver ny finansiering? Det bör framgå inför budgetarbetet.", now.AddDays(-2));
    }
}
