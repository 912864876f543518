namespace SakraStader.Domain;

/// <summary>The kinds of e-mail a user can choose to get at once, in the weekly digest, or never.</summary>
public enum MailKind
{
    /// <summary>A medborgarlöfte waits for the user's signature.</summary>
    ReadyToSign = 0,
    /// <summary>Every party has signed: the samordnare can publish.</summary>
    ReadyToPublish = 1,
    /// <summary>A change voided the signatures.</summary>
    SignaturesVoided = 2,
    /// <summary>A comment on the annual report was posted (to the samordnare) or answered (to its author).</summary>
    Comments = 3,
    /// <summary>Minutes of a held meeting wait for the chair's justering.</summary>
    Justering = 4,
    /// <summary>A meeting of one of the user's groups was planned, moved or cancelled (with its .ics).</summary>
    MeetingInvitation = 5,
}

public enum MailDelivery
{
    AtOnce = 0,
    Weekly = 1,
    Never = 2,
}

/// <summary>
/// A user's choice for one kind of mail. No row means <see cref="MailDelivery.AtOnce"/>. Not tenant data: a person's
/// choice holds in every kommun where they are a member.
/// </summary>
public sealed class MailPreference
{
    private MailPreference() { }

    public MailPreference(Guid userId, MailKind kind, MailDelivery delivery) => (UserId, Kind, Delivery) = (userId, kind, delivery);

    public Guid UserId { get; private set; }
    public MailKind Kind { get; private set; }
    public MailDelivery Delivery { get; set; }
}

/// <summary>
/// One message to one person, written in the same transaction as the change that caused it and sent by the outbox
/// worker (<c>Features/Mail/OutboxWorker</c>), or held for the person's weekly digest. It carries a title and a link,
/// never the content of the work. Sent messages are removed after <see cref="KeepSentDays"/> days.
/// </summary>
public sealed class OutboxMessage
{
    public const int KeepSentDays = 30;

    private OutboxMessage() { }

    public OutboxMessage(Guid userId, string to, MailKind kind, Guid? kommunId, string subject, string heading, string text, string link,
        string linkText, string? calendar, bool forDigest, DateTimeOffset createdAt, string? dedupKey = null)
    {
        Id = Guid.CreateVersion7(createdAt);
        UserId = userId;
        To = to;
        Kind = kind;
        KommunId = kommunId;
        Subject = subject;
        Heading = heading;
        Text = text;
        Link = link;
        LinkText = linkText;
        Calendar = calendar;
        ForDigest = forDigest;
        CreatedAt = createdAt;
        NextAttemptAt = createdAt;
        DedupKey = dedupKey ?? Id.ToString("N");
    }

    public Guid Id { get; private set; }
    public Guid UserId { get; private set; }
    public string To { get; private set; } = "";
    public MailKind Kind { get; private set; }

    /// <summary>The kommun the work is in (null for a digest across kommuner).</summary>
    public Guid? KommunId { get; private set; }

    public string Subject { get; private set; } = "";

    /// <summary>One line: what waits (the message's heading, and its line in a digest).</summary>
    public string Heading { get; private set; } = "";

    /// <summary>A sentence or two: where and why it is theirs. No content of the work.</summary>
    public string Text { get; private set; } = "";

    public string Link { get; private set; } = "";
    public string LinkText { get; private set; } = "";

    /// <summary>An iCalendar attachment (a meeting's invitation, move or cancellation), or null.</summary>
    public string? Calendar { get; private set; }

    /// <summary>Held for the weekly digest rather than sent by itself.</summary>
    public bool ForDigest { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Unique: the same event never makes two messages for one person (a digest per person and week).</summary>
    public string DedupKey { get; private set; } = "";

    public int Attempts { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }

    /// <summary>An instance sending the message holds it until then; another instance leaves it alone meanwhile.</summary>
    public DateTimeOffset? ClaimedUntil { get; private set; }

    /// <summary>The sending attempt that holds the claim (one worker pass on one instance).</summary>
    public Guid? ClaimedBy { get; private set; }

    /// <summary>The weekly digest: <see cref="Text"/> holds its lines (heading, tab, link), one per held message.</summary>
    public bool IsDigest { get; private set; }

    /// <summary>Sent, or (held for the digest) included in a digest that was written.</summary>
    public DateTimeOffset? SentAt { get; private set; }

    public string? LastError { get; private set; }

    /// <summary>The weekly digest of the messages held for one person, one per person and week.</summary>
    public static OutboxMessage Digest(Guid userId, string to, IEnumerable<OutboxMessage> held, string week, DateTimeOffset at)
    {
        var lines = held.OrderBy(m => m.CreatedAt).Select(m => $"{m.Heading}\t{m.Link}").ToList();
        return new OutboxMessage(userId, to, MailKind.ReadyToSign, null, $"Veckans sammanfattning från Säkra städer ({lines.Count})",
            "Det här har hänt i veckan", string.Join('\n', lines), "", "", null, false, at, $"digest:{userId:N}:{week}")
        {
            IsDigest = true,
        };
    }

    /// <summary>Back-off after a failed attempt: 15 s, 30 s, 1 min … at most an hour.</summary>
    public static TimeSpan RetryAfter(int attempts) => TimeSpan.FromSeconds(Math.Min(3600, 15 * Math.Pow(2, Math.Min(attempts - 1, 12))));
}
