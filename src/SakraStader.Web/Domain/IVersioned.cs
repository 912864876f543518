namespace SakraStader.Domain;

/// <summary>
/// An aggregate that people edit: the root and what it reaches through its navigations (a lägesbild's sections and
/// assessments, a meeting's agenda and attendance …). <see cref="Version"/> is its concurrency token. The save path
/// (<c>Data/Versioning</c>) gives it a new value whenever the root or any of its parts is added, changed or removed, so no
/// method of the model has to remember to; the database refuses a save made from an older version. A form carries the
/// version its user saw, and the command compares it before changing anything.
/// </summary>
public interface IVersioned
{
    Guid Id { get; }

    Guid Version { get; }
}
