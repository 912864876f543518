using SakraStader.Auditing;
using SakraStader.Domain;

namespace SakraStader.Features.Audit;

/// <summary>Turns stored audit rows into words a samordnare reads: Swedish field names and values, no internal ids.</summary>
public static class AuditText
{
    private static readonly Dictionary<string, string> EntityNames = new()
    {
        [nameof(Group)] = "grupp",
        [nameof(Membership)] = "medlemskap",
        [nameof(GroupMember)] = "gruppmedlem",
        [nameof(Meeting)] = "möte",
        [nameof(AgendaItem)] = "punkt på dagordningen",
        [nameof(Attendance)] = "närvaro",
        [nameof(FollowUpItem)] = "uppföljningspunkt",
        [nameof(MinutesVersion)] = "justerat protokoll",
    };

    private static readonly Dictionary<string, string> FieldNames = new()
    {
        [nameof(Group.Name)] = "Namn",
        [nameof(Group.Kind)] = "Typ",
        [nameof(Group.Cadence)] = "Träffas",
        [nameof(Group.Purpose)] = "Uppdrag",
        [nameof(Membership.UserId)] = "Person",
        [nameof(Membership.Role)] = "Roll",
        [nameof(Membership.Organisation)] = "Organisation",
        [nameof(Membership.OrganisationName)] = "Organisationens namn",
        [nameof(Membership.Title)] = "Titel",
        [nameof(Group.CadenceKind)] = "Rytm",
        [nameof(Group.TimesPerYear)] = "Gånger per år",
        [nameof(Group.MeetingDay)] = "Mötesdag",
        [nameof(GroupMember.IsChair)] = "Ordförande",
        [nameof(Meeting.StartsAt)] = "Börjar",
        [nameof(Meeting.EndsAt)] = "Slutar",
        [nameof(Meeting.Location)] = "Plats",
        [nameof(Meeting.Cancelled)] = "Inställt",
        [nameof(Meeting.MinutesApproved)] = "Justerat",
        [nameof(AgendaItem.Minutes)] = "Protokoll",
        [nameof(AgendaItem.Decision)] = "Beslut",
        [nameof(Attendance.Status)] = "Närvaro",
        [nameof(FollowUpItem.Text)] = "Att göra",
        [nameof(FollowUpItem.Owner)] = "Ansvarig",
        [nameof(FollowUpItem.Due)] = "Senast",
        [nameof(MinutesVersion.Number)] = "Version",
        [nameof(MinutesVersion.ApprovedBy)] = "Justerat av",
    };

    public static IReadOnlyDictionary<string, string> EntityTypes { get; } = new Dictionary<string, string>
    {
        [nameof(Group)] = "Grupper",
        [nameof(Membership)] = "Medlemskap",
        [nameof(GroupMember)] = "Gruppmedlemmar",
        [nameof(Meeting)] = "Möten",
        [nameof(AgendaItem)] = "Dagordning och protokoll",
        [nameof(MinutesVersion)] = "Justeringar",
    };

    public static string Entity(string entityType) => EntityNames.GetValueOrDefault(entityType, entityType);

    public static string Action(AuditAction action) => action switch
    {
        AuditAction.Created => "Skapade",
        AuditAction.Updated => "Ändrade",
        AuditAction.Deleted => "Tog bort",
        _ => action.ToString(),
    };

    /// <summary>The fields worth showing, in Swedish, with values resolved (user ids through <paramref name="people"/>).</summary>
    public static IEnumerable<(string Field, string? From, string? To)> Fields(IReadOnlyDictionary<string, AuditChange> changes,
        IReadOnlyDictionary<string, string> people)
    {
        foreach (var (property, change) in changes)
        {
            if (!FieldNames.TryGetValue(property, out var label))
            {
                continue; // ids and technical columns
            }
            yield return (label, Value(property, change.From, people), Value(property, change.To, people));
        }
    }

    /// <summary>All fields of a created or removed row on one line: "Namn: EST · Typ: EST · Träffas: Varje månad".</summary>
    public static string Summary(AuditAction action, IReadOnlyDictionary<string, AuditChange> changes, IReadOnlyDictionary<string, string> people) =>
        string.Join(" · ", Fields(changes, people)
            .Select(f => (f.Field, Value: action == AuditAction.Deleted ? f.From : f.To))
            .Where(f => !string.IsNullOrEmpty(f.Value))
            .Select(f => $"{f.Field}: {f.Value}"));

    private static string? Value(string property, string? raw, IReadOnlyDictionary<string, string> people)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return raw;
        }
        return property switch
        {
            nameof(Membership.UserId) => people.GetValueOrDefault(raw, "tidigare medlem"),
            nameof(Membership.Role) when Enum.TryParse<Role>(raw, out var role) => role.Display(),
            nameof(Membership.Organisation) when Enum.TryParse<OrganisationKind>(raw, out var org) => org.Display(),
            nameof(Group.Kind) when Enum.TryParse<GroupKind>(raw, out var kind) => kind.ShortName(),
            nameof(Group.CadenceKind) when Enum.TryParse<CadenceKind>(raw, out var cadence) => new Cadence(cadence, 1).Describe(),
            nameof(Group.MeetingDay) when Enum.TryParse<DayOfWeek>(raw, out var day) => Components.Ui.Sv.Culture.DateTimeFormat.GetDayName(day),
            nameof(Attendance.Status) when Enum.TryParse<AttendanceStatus>(raw, out var status) => status.Display(),
            nameof(Meeting.StartsAt) or nameof(Meeting.EndsAt) when DateTimeOffset.TryParse(raw, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var at) => Components.Ui.Sv.DateTime(at),
            _ => raw switch
            {
                "True" => "ja",
                "False" => "nej",
                _ => raw,
            },
        };
    }
}
