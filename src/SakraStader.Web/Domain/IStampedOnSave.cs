namespace SakraStader.Domain;

/// <summary>
/// An entity that records when a change happened without being told the time by its caller (a signature voided by an
/// edit of the promise's text): the save path stamps it with the injected clock's time, in the same SaveChanges.
/// </summary>
public interface IStampedOnSave
{
    void StampSaved(DateTimeOffset now);
}
