using SakraStader.Domain;

namespace SakraStader.Features.Medborgarloften;

/// <summary>One row of the list of promises.</summary>
/// <param name="Published">The current, fully signed version is the one citizens read.</param>
public sealed record LofteRow(Guid Id, string Title, DateOnly ValidFrom, DateOnly ValidTo, LofteStatus Status, bool Published,
    int Parties, int Signatures);

/// <summary>The list's status filter, as written in the address (<c>?status=utkast</c>).</summary>
public enum LofteFilter
{
    Alla,
    Utkast,
    ForUnderskrift,
    Gallande,
    Publicerade,
}

/// <summary>The promise's page as shown to one user: what it says, who signs, what changed, and what the user may do.</summary>
public sealed record LoftePageModel(
    Guid Id, string Title, DateOnly ValidFrom, DateOnly ValidTo, string Background, LofteStatus Status, DateTimeOffset? PublishedAt,
    int? PublishedVersionNumber, string FinalReport, Guid Version, VersionView? CurrentVersion, int? LastVersionNumber,
    IReadOnlyList<PartyView> Parties, IReadOnlyList<CommitmentView> Commitments, IReadOnlyList<VoidedSignature> Voided,
    IReadOnlyList<string> ChangesSinceSigned,
    IReadOnlyList<NamedOption> Areas, IReadOnlyList<NamedOption> Dialogues, IReadOnlyList<NamedOption> Problems,
    IReadOnlyList<NamedOption> AreaOptions, IReadOnlyList<NamedOption> DialogueOptions, IReadOnlyList<NamedOption> ProblemOptions,
    IReadOnlyList<NamedOption> MeasureOptions, IReadOnlyList<PersonOption> People,
    bool CanEdit, bool CanFollowUp, Guid? UserId)
{
    /// <summary>The current, fully signed version is the public one.</summary>
    public bool IsPublished => PublishedVersionNumber is { } n && Status == LofteStatus.Gallande && CurrentVersion?.Number == n;

    /// <summary>Some signed version is public (perhaps an earlier one, while this one is changed and signed again).</summary>
    public bool IsPublic => PublishedVersionNumber is not null;

    public bool IsDraft => Status == LofteStatus.Utkast;

    /// <summary>The content may be changed here and now: a samordnare, in a draft.</summary>
    public bool Editable => CanEdit && IsDraft;

    public int SignedCount => Parties.Count(p => p.SignedAt is not null);

    public IEnumerable<PartyView> SignedParties => Parties.Where(p => p.SignedAt is not null);

    public IEnumerable<PartyView> Missing => Parties.Where(p => p.SignedAt is null);

    public string StatusText => Status.Display(IsPublished);
}

public sealed record VersionView(int Number, DateTimeOffset CreatedAt, string VerificationCode);

public sealed record PartyView(Guid Id, PartyKind Kind, string Organisation, Guid? SignatoryUserId, string SignatoryName, string SignatoryTitle,
    DateTimeOffset? SignedAt, bool HasCommitments)
{
    public string Signatory => SignatoryName.Length == 0 ? "" : SignatoryTitle.Length > 0 ? $"{SignatoryName}, {SignatoryTitle}" : SignatoryName;
}

public sealed record CommitmentView(Guid Id, int Order, string What, Guid PartyId, string Party, string HowShown, Guid? AtgardId, string? Atgard,
    IReadOnlyList<FollowUpView> FollowUps);

public sealed record FollowUpView(DateOnly Date, string Text, string Author, bool IsPublic);

public sealed record VoidedSignature(string Name, string Organisation, DateTimeOffset SignedAt, DateTimeOffset VoidedAt);

public sealed record NamedOption(Guid Id, string Name);

public sealed record PersonOption(Guid UserId, string Name, string Organisation, string Title);

public enum CommitmentField
{
    What,
    HowShown,
}

/// <summary>The new-promise form.</summary>
public sealed class NewLofteInput
{
    public string Title { get; set; } = "";
    public DateTime? ValidFrom { get; set; }
    public DateTime? ValidTo { get; set; }
}

/// <summary>Title, period and what the promise builds on.</summary>
public sealed class DescribeInput
{
    public string Title { get; set; } = "";
    public DateTime? ValidFrom { get; set; }
    public DateTime? ValidTo { get; set; }
    public IReadOnlyCollection<Guid> AreaIds { get; set; } = [];
    public IReadOnlyCollection<Guid> DialogueIds { get; set; } = [];
    public IReadOnlyCollection<Guid> ProblemIds { get; set; } = [];

    public static DescribeInput From(LoftePageModel m) => new()
    {
        Title = m.Title,
        ValidFrom = m.ValidFrom.ToDateTime(TimeOnly.MinValue),
        ValidTo = m.ValidTo.ToDateTime(TimeOnly.MinValue),
        AreaIds = [.. m.Areas.Select(a => a.Id)],
        DialogueIds = [.. m.Dialogues.Select(d => d.Id)],
        ProblemIds = [.. m.Problems.Select(p => p.Id)],
    };
}

/// <summary>A new commitment.</summary>
public sealed class CommitmentInput
{
    public string What { get; set; } = "";
    public Guid? PartyId { get; set; }
    public string HowShown { get; set; } = "";
    public Guid? AtgardId { get; set; }
}

/// <summary>A new partner (<see cref="PartyId"/> null) or another signatory for a party.</summary>
public sealed class PartyInput
{
    public Guid? PartyId { get; set; }
    public string PartnerName { get; set; } = "";
    public Guid? SignatoryUserId { get; set; }
}

/// <summary>A follow-up of one commitment.</summary>
public sealed class FollowUpInput
{
    public Guid? CommitmentId { get; set; }
    public DateTime? Date { get; set; }
    public string Text { get; set; } = "";
    public bool IsPublic { get; set; } = true;
}
