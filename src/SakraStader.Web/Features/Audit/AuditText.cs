using SakraStader.Auditing;
using SakraStader.Domain;

namespace SakraStader.Features.Audit;

/// <summary>Turns stored audit rows into words a samordnare reads: Swedish field names and values, no internal ids.</summary>
public static class AuditText
{
    /// <summary>Each audited kind of record: its name in a sentence ("Ändrade möte") and in the filter ("Möten").</summary>
    private static readonly (string Type, string Singular, string Plural)[] Kinds =
    [
        (nameof(Group), "grupp", "Grupper"),
        (nameof(Membership), "medlemskap", "Medlemskap"),
        (nameof(GroupMember), "gruppmedlem", "Gruppmedlemmar"),
        (nameof(Meeting), "möte", "Möten"),
        (nameof(AgendaItem), "punkt på dagordningen", "Dagordning och protokoll"),
        (nameof(Attendance), "närvaro", "Närvaro"),
        (nameof(FollowUpItem), "uppföljningspunkt", "Uppföljningspunkter"),
        (nameof(MinutesVersion), "justerat protokoll", "Justeringar"),
        (nameof(Incident), "händelse", "Händelser"),
        (nameof(IncidentCategory), "kategori för händelser", "Kategorier för händelser"),
        (nameof(Area), "område", "Områden"),
        (nameof(ImportBatch), "import", "Importer"),
        (nameof(Problem), "problem", "Problem"),
        (nameof(Lagesbild), "lägesbild", "Lägesbilder"),
        (nameof(LagesbildSection), "rapport i lägesbild", "Rapporter i lägesbilder"),
        (nameof(ProblemAssessment), "bedömning av problem", "Bedömningar av problem"),
        (nameof(ProblemCause), "orsak", "Orsaker"),
        (nameof(LagesbildVersion), "fastställd lägesbild", "Fastställda lägesbilder"),
        (nameof(FordjupadLagesbild), "fördjupad lägesbild", "Fördjupade lägesbilder"),
        (nameof(WeeklySummary), "veckosammanfattning", "Veckosammanfattningar"),
        (nameof(Atgardsplan), "åtgärdsplan", "Åtgärdsplaner"),
        (nameof(PlanRevision), "revidering av åtgärdsplan", "Revideringar av åtgärdsplaner"),
        (nameof(Atgard), "åtgärd", "Åtgärder"),
        (nameof(AtgardProblem), "åtgärdens problem", "Åtgärdernas problem"),
        (nameof(AtgardCause), "åtgärdens orsak", "Åtgärdernas orsaker"),
        (nameof(AtgardProgress), "lägesrapport för åtgärd", "Lägesrapporter för åtgärder"),
        (nameof(Medborgarlofte), "medborgarlöfte", "Medborgarlöften"),
        (nameof(LofteParty), "part i medborgarlöfte", "Parter i medborgarlöften"),
        (nameof(Commitment), "åtagande", "Åtaganden"),
        (nameof(CommitmentFollowUp), "uppföljning av åtagande", "Uppföljningar av åtaganden"),
        (nameof(LofteLink), "koppling i medborgarlöfte", "Kopplingar i medborgarlöften"),
        (nameof(LofteVersion), "version av medborgarlöfte", "Versioner av medborgarlöften"),
        (nameof(LofteSignature), "underskrift", "Underskrifter"),
        (nameof(CooperationAgreement), "samverkansöverenskommelse", "Samverkansöverenskommelser"),
        (nameof(CooperationAgreementArea), "område i samverkansöverenskommelse", "Områden i samverkansöverenskommelser"),
        (nameof(CitizenDialogue), "medborgardialog", "Medborgardialoger"),
        (nameof(DialogueTheme), "tema från medborgardialog", "Teman från medborgardialoger"),
        (nameof(AnnualReport), "årsrapport", "Årsrapporter"),
        (nameof(ReportComment), "kommentar till årsrapport", "Kommentarer till årsrapporter"),
        (nameof(CrimeStatistic), "brottsstatistik", "Brottsstatistik"),
        (nameof(SurveyResult), "resultat från trygghetsundersökning", "Trygghetsundersökningar"),
    ];

    private static readonly Dictionary<string, string> EntityNames = Kinds.ToDictionary(k => k.Type, k => k.Singular);

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
        [nameof(Attendance.Status)] = "Status",
        [nameof(FollowUpItem.Text)] = "Text",
        [nameof(FollowUpItem.Owner)] = "Ansvarig",
        [nameof(FollowUpItem.Due)] = "Senast",
        [nameof(MinutesVersion.Number)] = "Version",
        [nameof(MinutesVersion.ApprovedBy)] = "Justerat av",
        [nameof(Incident.CategoryId)] = "Kategori",
        [nameof(Incident.AreaId)] = "Område",
        [nameof(CooperationAgreementArea.AgreementId)] = "Samverkansöverenskommelse",
        [nameof(Incident.Place)] = "Plats",
        [nameof(Incident.OccurredAt)] = "Inträffade",
        [nameof(Incident.Description)] = "Beskrivning",
        [nameof(Incident.ReportedBy)] = "Rapporterad av",
        ["Summary"] = "Sammanfattning",
        ["Prognosis"] = "Prognos",
        ["Art"] = "Art",
        ["Omfattning"] = "Omfattning",
        ["Konsekvens"] = "Konsekvens",
        ["Trend"] = "Trend",
        ["Priority"] = "Prioritet",
        ["Evidence"] = "Underlag",
        ["Year"] = "År",
        ["Month"] = "Månad",
        ["Week"] = "Vecka",
        ["Hidden"] = "Dold",
        ["Archived"] = "Arkiverad",
        ["Closed"] = "Avslutat",
        ["Order"] = "Ordning",
        ["FileName"] = "Fil",
        ["RowCount"] = "Rader",
        ["ErrorCount"] = "Rader med fel",
        ["ReplacedCount"] = "Ersatta rader",
        ["Happened"] = "Det här har hänt",
        ["Expected"] = "Det här väntas",
        ["Background"] = "Bakgrund",
        ["Outcome"] = "Resultat",
        ["PlannedCost"] = "Planerad kostnad",
        ["ActualCost"] = "Verklig kostnad",
        ["StartDate"] = "Start",
        ["DueDate"] = "Klart senast",
        ["ResponsibleName"] = "Ansvarig",
        ["ResponsibleOrganisation"] = "Ansvarig organisation",
        ["ExpectedEffect"] = "Förväntad effekt",
        ["HowMeasured"] = "Så mäts det",
        ["HowShown"] = "Så visas det",
        ["What"] = "Vad",
        ["Note"] = "Anteckning",
        ["Question"] = "Fråga",
        ["Value"] = "Värde",
        ["Count"] = "Antal",
        ["Category"] = "Kategori",
        ["ValidFrom"] = "Gäller från",
        ["ValidTo"] = "Gäller till",
        ["SignatoryName"] = "Undertecknare",
        ["SignatoryTitle"] = "Undertecknarens titel",
        ["SignedAt"] = "Undertecknat",
        ["VoidedAt"] = "Ogiltigförklarat",
        ["PublishedAt"] = "Publicerat",
        ["PublishedVersionNumber"] = "Publicerad version",
        ["CorrectionReason"] = "Skäl till rättelse",
        ["PendingCorrectionReason"] = "Skäl till rättelse",
        ["FixedAt"] = "Fastställt",
        ["FixedBy"] = "Fastställt av",
        ["ApprovedAt"] = "Godkänt",
        ["CaseNumber"] = "Diarienummer",
        ["HandedOverOn"] = "Överlämnat",
        ["Date"] = "Datum",
        ["Participants"] = "Deltagare",
        ["Method"] = "Metod",
        ["Focus"] = "Fokus",
        ["Learned"] = "Lärdomar",
        ["Answer"] = "Svar",
        ["Contact"] = "Kontakt",
        ["Done"] = "Klart",
        ["Doing"] = "Pågår",
        ["Section"] = "Avsnitt",
        ["AuthorName"] = "Skrivet av",
        ["UpdatedBy"] = "Ändrat av",
    };

    /// <summary>The kinds of record the filter offers, by their names in the menus.</summary>
    public static IReadOnlyDictionary<string, string> EntityTypes { get; } = Kinds.ToDictionary(k => k.Type, k => k.Plural);

    public static string Entity(string entityType) => EntityNames.GetValueOrDefault(entityType, entityType);

    public static string Action(AuditAction action) => action switch
    {
        AuditAction.Created => "Skapade",
        AuditAction.Updated => "Ändrade",
        AuditAction.Deleted => "Tog bort",
        _ => action.ToString(),
    };

    /// <summary>The fields worth showing, in Swedish, with values resolved (ids of people, areas and categories through
    /// <paramref name="people"/>, which names them).</summary>
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
            nameof(Membership.UserId) or nameof(Incident.ReportedBy) => people.GetValueOrDefault(raw, "tidigare medlem"),
            nameof(Incident.AreaId) or nameof(Incident.CategoryId) => people.GetValueOrDefault(raw, "borttagen"),
            nameof(Incident.OccurredAt) when DateTimeOffset.TryParse(raw, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var occurred) => Components.Ui.Sv.DateTime(occurred),
            nameof(Membership.Role) when Enum.TryParse<Role>(raw, out var role) => role.Display(),
            nameof(Membership.Organisation) when Enum.TryParse<OrganisationKind>(raw, out var org) => org.Display(),
            nameof(Group.Kind) when Enum.TryParse<GroupKind>(raw, out var kind) => kind.ShortName(),
            nameof(Group.CadenceKind) when Enum.TryParse<CadenceKind>(raw, out var cadence) => new Cadence(cadence, 1).Describe(),
            nameof(Group.MeetingDay) when Enum.TryParse<DayOfWeek>(raw, out var day) => Components.Ui.Sv.Culture.DateTimeFormat.GetDayName(day),
            nameof(Attendance.Status) when Enum.TryParse<AttendanceStatus>(raw, out var status) && Enum.IsDefined(status) => status.Display(),
            nameof(ImportBatch.Status) when Enum.TryParse<ImportStatus>(raw, out var import) && Enum.IsDefined(import) => import switch
            {
                ImportStatus.Committed => "importerad",
                ImportStatus.Discarded => "avbruten",
                _ => "väntar på bekräftelse",
            },
            nameof(Lagesbild.Status) when Enum.TryParse<LagesbildStatus>(raw, out var lagesbild) && Enum.IsDefined(lagesbild) => lagesbild.Display(),
            nameof(Meeting.StartsAt) or nameof(Meeting.EndsAt) when DateTimeOffset.TryParse(raw, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var at) => Components.Ui.Sv.DateTime(at),
            _ => raw switch
            {
                "True" => "ja",
                "False" => "nej",
                _ => DateText(raw) ?? raw,
            },
        };
    }

    /// <summary>
    /// Dates are kept in the log as the invariant culture writes them (a date as 07/31/2026, a time as ISO 8601 with
    /// offset); they are shown the Swedish way, a time in Swedish local time. Anything else is not a date.
    /// </summary>
    private static string? DateText(string raw)
    {
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        if (raw.Length == 10 && DateOnly.TryParseExact(raw, "MM/dd/yyyy", invariant, System.Globalization.DateTimeStyles.None, out var date))
        {
            return Components.Ui.Sv.Date(date);
        }
        if (raw.Length >= 20 && raw[4] == '-' && raw[10] == 'T'
            && DateTimeOffset.TryParseExact(raw, "O", invariant, System.Globalization.DateTimeStyles.None, out var at))
        {
            return Components.Ui.Sv.DateTime(at);
        }
        return null;
    }
}
