namespace SakraStader.Features.Mail;

/// <summary>Configuration section "Mail".</summary>
public sealed class MailOptions
{
    /// <summary>The SMTP server. Without one, messages wait in the outbox (nothing is lost) until one is configured.</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    /// <summary>STARTTLS when the server offers it (the default), or "None" for a local test server.</summary>
    public string Security { get; set; } = "StartTlsWhenAvailable";

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "Säkra städer <no-reply@sakrastader.se>";

    /// <summary>The app's public address, for the links in the messages.</summary>
    public string AppUrl { get; set; } = "http://localhost:5080";

    /// <summary>How often the worker looks for messages to send (it also looks as soon as one is written here).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The weekly digest is written on Mondays from this hour (Swedish time).</summary>
    public int DigestHour { get; set; } = 7;

    public bool WorkerEnabled { get; set; } = true;

    public string Link(string path) => AppUrl.TrimEnd('/') + "/" + path.TrimStart('/');
}
