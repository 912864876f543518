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
        (nameof(Letterhead), "brevhuvud", "Brevhuvuden"),
    ];

    /// <summary>Coded values as the UI shows them.</summary>
    private static readonly Dictionary<Type, Func<Enum, string>> EnumTexts = new()
    {
        [typeof(Role)] = e => ((Role)e).Display(),
        [typeof(OrganisationKind)] = e => ((OrganisationKind)e).Display(),
        [typeof(GroupKind)] = e => ((GroupKind)e).ShortName(),
        [typeof(CadenceKind)] = e => new Cadence((CadenceKind)e, 1).Describe(),
        [typeof(DayOfWeek)] = e => Components.Ui.Sv.Culture.DateTimeFormat.GetDayName((DayOfWeek)e),
        [typeof(AttendanceStatus)] = e => ((AttendanceStatus)e).Display(),
        [typeof(ImportStatus)] = e => (ImportStatus)e switch
        {
            ImportStatus.Committed => "importerad",
            ImportStatus.Discarded => "avbruten",
            _ => "väntar på bekräftelse",
        },
        [typeof(ImportKind)] = e => (ImportKind)e switch
        {
            ImportKind.CrimeStatistics => "brottsstatistik",
            ImportKind.SurveyResults => "trygghetsundersökning",
            _ => "händelser",
        },
        [typeof(LagesbildStatus)] = e => ((LagesbildStatus)e).Display(),
        [typeof(Trend)] = e => ((Trend)e).Display(),
        [typeof(CauseKind)] = e => ((CauseKind)e).Display(),
        [typeof(FordjupadStatus)] = e => (FordjupadStatus)e == FordjupadStatus.Godkand ? "Godkänd" : "Utkast",
        [typeof(PlanKind)] = e => (PlanKind)e == PlanKind.Langsiktig ? "Långsiktig" : "Kortsiktig",
        [typeof(PlanStatus)] = e => (PlanStatus)e == PlanStatus.Beslutad ? "Beslutad" : "Utkast",
        [typeof(AtgardStatus)] = e => ((AtgardStatus)e).Display(),
        [typeof(PreventionType)] = e => ((PreventionType)e).Display(),
        [typeof(Outcome)] = e => ((Outcome)e).Display(),
        [typeof(LofteStatus)] = e => Medborgarloften.LofteDisplay.Display((LofteStatus)e, published: false),
        [typeof(PartyKind)] = e => Medborgarloften.LofteDisplay.Display((PartyKind)e),
        [typeof(LinkKind)] = e => (LinkKind)e switch
        {
            LinkKind.Area => "Område",
            LinkKind.Dialogue => "Medborgardialog",
            _ => "Problem",
        },
        [typeof(AnnualReportStatus)] = e => ((AnnualReportStatus)e).Display(),
        [typeof(ReportSection)] = e => ((ReportSection)e).Heading(),
    };

    /// <summary>Values kept as evidence but too long or too technical to read in a log line (frozen copies, hashes, files).</summary>
    private static readonly HashSet<string> LongTechnical = ["Content", "Snapshot", "TextsJson", "InspectionJson", "Logo", "Boundary"];

    private static readonly Dictionary<(string Entity, string Property), Type> PropertyTypes = typeof(TenantEntity).Assembly.GetTypes()
        .Where(t => t.Namespace == typeof(TenantEntity).Namespace && typeof(ITenantOwned).IsAssignableFrom(t))
        .SelectMany(t => t.GetProperties().Select(p => (Key: (t.Name, p.Name), Type: Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType)))
        .ToDictionary(x => x.Key, x => x.Type);

    private static Type? PropertyType(string entityType, string property) => PropertyTypes.GetValueOrDefault((entityType, property));

    /// <summary>A field whose name differs by record (an agreement's "Parties" is not a letter's).</summary>
    private static readonly Dictionary<(string Entity, string Property), string> EntityFieldNames = new()
    {
    };

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
        [nameof(Meeting.OtherAttendees)] = "Övriga närvarande",
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
        // References: the record named, resolved to its name where the log knows it.
        ["MeetingId"] = "Möte",
        ["GroupId"] = "Grupp",
        ["PlanId"] = "Åtgärdsplan",
        ["ProblemId"] = "Problem",
        ["AtgardId"] = "Åtgärd",
        ["LagesbildId"] = "Lägesbild",
        ["FordjupadId"] = "Fördjupad lägesbild",
        ["MedborgarlofteId"] = "Medborgarlöfte",
        ["PartyId"] = "Part",
        ["CommitmentId"] = "Åtagande",
        ["DialogueId"] = "Medborgardialog",
        ["GroupMemberId"] = "Gruppmedlem",
        ["AssessmentId"] = "Bedömning",
        ["ReportId"] = "Årsrapport",
        ["VersionId"] = "Version",
        ["TargetId"] = "Kopplad till",
        ["ResponsibleUserId"] = "Ansvarig",
        ["SignatoryUserId"] = "Undertecknare",
        ["AuthorUserId"] = "Skrivet av",
        ["UploadedBy"] = "Uppladdad av",
        ["JusterareMemberId"] = "Andra justerare",
        // Times and people of the work itself.
        ["CreatedAt"] = "Skapat",
        ["UpdatedAt"] = "Ändrat",
        ["ReviewStartedAt"] = "Granskning startad",
        ["DecidedAt"] = "Beslutad",
        ["CompletedAt"] = "Klar",
        ["UploadedAt"] = "Uppladdad",
        ["UploadedByName"] = "Uppladdad av",
        ["ReportedAt"] = "Rapporterad",
        ["AnsweredAt"] = "Besvarat",
        ["AnsweredBy"] = "Besvarat av",
        ["At"] = "Tidpunkt",
        ["Author"] = "Skrivet av",
        ["ChairJusteradBy"] = "Justerat av ordföranden",
        ["JusterareJusteradBy"] = "Justerat av andra justeraren",
        // Texts and values.
        ["Causes"] = "Orsaker",
        ["Consequences"] = "Konsekvenser",
        ["Development"] = "Utveckling",
        ["Priorities"] = "Prioriteringar",
        ["Partners"] = "Samverkanspartner",
        ["PreventionType"] = "Typ av förebyggande arbete",
        ["FromYear"] = "Från år",
        ["ToYear"] = "Till år",
        ["SubstituteName"] = "Ersättare",
        ["IsPublic"] = "Visas för invånarna",
        ["Parties"] = "Parter",
        ["Mentions"] = "Antal omnämnanden",
        ["Periods"] = "Perioder",
        ["RoleText"] = "Roll",
        ["FinalReport"] = "Slutrapport",
        ["Link"] = "Länk",
        ["VerificationCode"] = "Kontrollkod",
        // Kept as evidence, shown as such rather than as their content.
        ["Content"] = "Innehåll",
        ["Snapshot"] = "Låst innehåll",
        ["TextsJson"] = "Texter",
        ["InspectionJson"] = "Granskning av filen",
        ["Hash"] = "Kontrollsumma",
        ["ContentHash"] = "Kontrollsumma",
        ["Boundary"] = "Gräns på kartan",
        // The letterhead.
        ["Address"] = "Postadress",
        ["Forvaltning"] = "Förvaltning",
        ["HandlaggareName"] = "Handläggare",
        ["HandlaggareTitle"] = "Handläggarens titel",
        ["HandlaggarePhone"] = "Handläggarens telefon",
        ["HandlaggareEmail"] = "Handläggarens e-post",
        ["Logo"] = "Logotyp",
        ["LogoContentType"] = "Logotypens filtyp",
        ["LogoWidth"] = "Logotypens bredd",
        ["LogoHeight"] = "Logotypens höjd",
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
    public static IEnumerable<(string Field, string? From, string? To)> Fields(string entityType, IReadOnlyDictionary<string, AuditChange> changes,
        IReadOnlyDictionary<string, string> people)
    {
        foreach (var (property, change) in changes)
        {
            if (Label(entityType, property) is not { } label)
            {
                continue; // a column the log does not know (never in the model: AuditTextTests)
            }
            var (from, to) = (Value(entityType, property, change.From, people), Value(entityType, property, change.To, people));
            if (from is null && to is null && (change.From is not null || change.To is not null))
            {
                continue; // a reference the log cannot name
            }
            // One side a record the log cannot name: said so, not shown as empty.
            yield return (label, from ?? (change.From is null ? null : "en annan post"), to ?? (change.To is null ? null : "en annan post"));
        }
    }

    /// <summary>Whether the log names this field of this record (every field of the model must be: AuditTextTests).</summary>
    public static bool Describes(string entityType, string property) => Label(entityType, property) is not null;

    private static string? Label(string entityType, string property) =>
        EntityFieldNames.TryGetValue((entityType, property), out var own) ? own : FieldNames.GetValueOrDefault(property);

    /// <summary>Whether a coded value is shown in the log as the UI shows it (not as its code).</summary>
    public static bool IsShownAs(Type enumType, string value, string? shown) =>
        EnumTexts.TryGetValue(enumType, out var text) && Enum.TryParse(enumType, value, out var parsed) && text((Enum)parsed!) == shown;

    /// <summary>All fields of a created or removed row on one line: "Namn: EST · Typ: EST · Träffas: Varje månad".</summary>
    public static string Summary(string entityType, AuditAction action, IReadOnlyDictionary<string, AuditChange> changes, IReadOnlyDictionary<string, string> people) =>
        string.Join(" · ", Fields(entityType, changes, people)
            .Select(f => (f.Field, Value: action == AuditAction.Deleted ? f.From : f.To))
            .Where(f => !string.IsNullOrEmpty(f.Value))
            .Select(f => $"{f.Field}: {f.Value}"));

    private static string? Value(string entityType, string property, string? raw, IReadOnlyDictionary<string, string> people)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return raw;
        }
        if (PropertyType(entityType, property) is { IsEnum: true } enumType && EnumTexts.TryGetValue(enumType, out var text)
            && Enum.TryParse(enumType, raw, out var coded) && Enum.IsDefined(enumType, coded!))
        {
            return text((Enum)coded!);
        }
        if (LongTechnical.Contains(property))
        {
            return "(sparat som underlag)";
        }
        if (property is "Hash" or "ContentHash" && raw.Length > 16)
        {
            return raw[..12] + "…";
        }
        if (raw.Length == 36 && Guid.TryParse(raw, out _) && property is not (nameof(Membership.UserId) or nameof(Incident.ReportedBy) or nameof(Incident.AreaId) or nameof(Incident.CategoryId)))
        {
            // Another record: its name where the log knows it (people, areas, categories); otherwise the row's own link
            // leads to it, and an id says nothing to a reader, so the field is left out.
            return people.TryGetValue(raw, out var named) ? named : null;
        }
        return property switch
        {
            nameof(Membership.UserId) or nameof(Incident.ReportedBy) => people.GetValueOrDefault(raw, "tidigare medlem"),
            nameof(Incident.AreaId) or nameof(Incident.CategoryId) => people.GetValueOrDefault(raw, "borttagen"),
            nameof(Incident.OccurredAt) when DateTimeOffset.TryParse(raw, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var occurred) => Components.Ui.Sv.DateTime(occurred),
            nameof(ProblemAssessment.Priority) when int.TryParse(raw, out var priority) => LagesbildText.PriorityText(priority),
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
