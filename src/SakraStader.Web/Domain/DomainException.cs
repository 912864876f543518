namespace SakraStader.Domain;

/// <summary>A broken business rule. The message is Swedish and is shown to the user as it is.</summary>
public sealed class DomainException : Exception
{
    public DomainException(string message) : base(message) { }

    public DomainException(string message, string field) : base(message) => Field = field;

    public DomainException() { }

    public DomainException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>The input field the message belongs next to, when there is one.</summary>
    public string? Field { get; }
}
