namespace SakraStader.Domain;

/// <summary>A report of an accessibility problem, sent from the public tillgänglighetsredogörelse.</summary>
public sealed class AccessibilityReport
{
    private AccessibilityReport() { }

    public AccessibilityReport(string page, string description, string? contact, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(description))
        {
            throw new DomainException("Beskriv problemet.", nameof(Description));
        }
        Page = (page ?? "").Trim();
        Description = description.Trim();
        Contact = string.IsNullOrWhiteSpace(contact) ? null : contact.Trim();
        At = at;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public string Page { get; private set; } = "";
    public string Description { get; private set; } = "";
    public string? Contact { get; private set; }
    public DateTimeOffset At { get; private set; }
}
