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
    };

    public static IReadOnlyDictionary<string, string> EntityTypes { get; } = new Dictionary<string, string>
    {
        [nameof(Group)] = "Grupper",
        [nameof(Membership)] = "Medlemskap",
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
            _ => raw,
        };
    }
}
