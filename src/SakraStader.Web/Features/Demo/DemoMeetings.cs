using SakraStader.Data;
using SakraStader.Domain;
using SakraStader.Features.Meetings;

namespace SakraStader.Features.Demo;

/// <summary>
/// A realistic meeting year for the demo groups: members and chairs, the meetings of each group's cadence over the last
/// twelve months, this year and next, and for meetings already held an agenda with minutes, decisions, attendance and
/// follow-ups, approved except the latest.
/// </summary>
internal static class DemoMeetings
{
    private static readonly string[] Places = ["Stadshuset, sammanträdesrum Kvarnen", "Polishuset, konferensrum 3", "Digitalt (Teams)"];

    public static void Add(AppDbContext db, List<Group> groups, Dictionary<string, (AppUser User, string Org, string Title)> people, DateTimeOffset now)
    {
        var today = SwedishTime.DateOf(now);
        var year = today.Year;
        foreach (var group in groups)
        {
            var members = Members(group, people);
            db.GroupMembers.AddRange(members);
            var chair = members.First(m => m.IsChair);
            // The last twelve months' meetings, this year's and next year's plan: "Kommande möten" has something in
            // every season, and every group with a cadence has held meetings whatever the date (on New Year's Day
            // none of this year's has been held yet, and a styrgrupp meeting twice a year has none before March).
            var dates = group.Rule.DatesIn(year - 1, group.MeetingDay).Where(d => d > today.AddYears(-1))
                .Concat(group.Rule.DatesIn(year, group.MeetingDay))
                .Concat(group.Rule.DatesIn(year + 1, group.MeetingDay))
                .ToList();
            var past = dates.Where(d => SwedishTime.At(d, MeetingPlanner.DefaultEnd) < now).ToList();
            foreach (var (date, index) in dates.Select((d, i) => (d, i)))
            {
                var meeting = new Meeting(group.Id, SwedishTime.At(date, MeetingPlanner.DefaultStart), SwedishTime.At(date, MeetingPlanner.DefaultEnd),
                    Places[index % Places.Length], null);
                db.Meetings.Add(meeting);
                var agenda = AgendaFor(group.Kind, date);
                var items = agenda.Select(meeting.AddAgendaItem).ToList();
                if (!past.Contains(date))
                {
                    continue;
                }
                for (var i = 0; i < items.Count; i++)
                {
                    meeting.RecordMinutes(items[i].Id, MinutesFor(group.Kind, i, date), i == 1 ? DecisionFor(group.Kind, date) : "");
                }
                foreach (var (m, n) in members.Select((m, n) => (m, n)))
                {
                    var status = (n + index) % 7 == 3 ? AttendanceStatus.Absent : AttendanceStatus.Present;
                    meeting.RecordAttendance(m.Id, m.Name, status, null);
                }
                // Officials who are not members take part too, as in a real protokoll's "Övriga".
                meeting.RecordOtherAttendees(group.Kind == GroupKind.Styrgrupp
                    ? "Karin Ek, nämndsekreterare"
                    : "Jonas Berg, trygghetssamordnare; Maria Lund, fältassistent");
                meeting.AddFollowUp("Återkoppla läget i de prioriterade områdena till nästa möte", chair.Name, date.AddDays(28));
                if (date != past[^1])
                {
                    meeting.ApproveMinutes(chair, SwedishTime.At(date.AddDays(3), new TimeOnly(10, 0)), MeetingHandler.Snapshot(meeting));
                }
                else if (group.Kind == GroupKind.Sspf && people.TryGetValue("lasare", out var reader))
                {
                    // SSPF's latest minutes wait for the folkhälsostrateg as second justerare as well as for the chair.
                    meeting.ChooseJusterare(members.Single(m => m.UserId == reader.User.Id));
                }
            }
        }
    }

    private static List<GroupMember> Members(Group group, Dictionary<string, (AppUser User, string Org, string Title)> people)
    {
        var keys = group.Kind switch
        {
            GroupKind.Styrgrupp => new[] { "styrgrupp", "samordnare", "lasare" },
            GroupKind.Est => ["samordnare", "medlem", "raddningstjanst", "polis"],
            GroupKind.Sspf => ["samordnare", "lasare", "polis"],
            _ => ["samordnare", "medlem", "styrgrupp"],
        };
        var members = keys.Where(people.ContainsKey)
            .Select(k => GroupMember.ForUser(group.Id, people[k].User.Id, people[k].User.DisplayName, people[k].Org, people[k].Title))
            .ToList();
        members[0].MakeChair();
        members.Add(group.Kind switch
        {
            GroupKind.Sspf => GroupMember.External(group.Id, "Eva Lindahl", "Grundskolan", "Rektor"),
            GroupKind.Est => GroupMember.External(group.Id, "Per Holmgren", "Centrumföreningen", "Verksamhetsledare"),
            _ => GroupMember.External(group.Id, "Lars Öberg", "Räddningstjänsten", "Insatsledare"),
        });
        return members;
    }

    private static string[] AgendaFor(GroupKind kind, DateOnly date) => kind switch
    {
        GroupKind.Est => ["Mötet öppnas och föregående protokoll", $"Lägesbild {Sv(date)}: händelser sedan förra mötet", "Orsaker och prioriterade platser", "Åtgärder och ansvar till nästa möte"],
        GroupKind.Sspf => ["Mötet öppnas", "Läget bland unga i kommunen: risk- och skyddsfaktorer", "Insatser inför lov och helger"],
        GroupKind.Styrgrupp => ["Mötet öppnas", "Uppföljning av åtgärdsplanen", "Inriktning för kommande period"],
        _ => ["Mötet öppnas", "Aktuellt från medlemmarna", "Gemensamma insatser"],
    };

    private static string MinutesFor(GroupKind kind, int item, DateOnly date) => (kind, item) switch
    {
        (_, 0) => "Ordföranden öppnade mötet. Föregående protokoll lades till handlingarna.",
        (GroupKind.Est, 1) => $"Polisen och bostadsbolaget redovisade händelser i {Sv(date)}: skadegörelse och klotter vid centrumhuset, två anlagda bränder i soprum och oro kring en samlingsplats vid busstorget på kvällstid.",
        (GroupKind.Est, 2) => "Samlingsplatsen bedöms hänga ihop med dålig belysning och att lokalen för unga stänger tidigt på fredagar.",
        (GroupKind.Sspf, 1) => "Skolan och fritidsgårdarna ser ökad frånvaro i årskurs 8–9 i ett av områdena. Polisen bekräftar fler ungdomar ute sent på helger.",
        (GroupKind.Styrgrupp, 1) => "Samordnaren redovisade åtgärdsplanens genomförande: de flesta åtgärder löper enligt plan, två är försenade.",
        _ => "Medlemmarna informerade om läget i sina verksamheter. Inga särskilda avvikelser.",
    };

    private static string DecisionFor(GroupKind kind, DateOnly date) => kind switch
    {
        GroupKind.Est => "Bostadsbolaget förbättrar belysningen vid busstorget; räddningstjänsten gör en brandskyddsgenomgång av soprummen.",
        GroupKind.Sspf => "Fältassistenter och fritidsgård samordnar kvällsvandringar inför helgerna.",
        GroupKind.Styrgrupp => $"Styrgruppen godkände uppföljningen {date:yyyy-MM-dd} och gav samordnaren i uppdrag att ta fram åtgärder för de försenade punkterna.",
        _ => "Gruppen beslutade att fortsätta enligt plan.",
    };

    private static string Sv(DateOnly date) => date.ToString("MMMM", Components.Ui.Sv.Culture);
}
