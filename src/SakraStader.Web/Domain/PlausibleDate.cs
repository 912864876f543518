namespace SakraStader.Domain;

/// <summary>
/// The one rule for a date a person enters: it lies in this century (a year typed as 0026 or 20026 is a slip, and a
/// date far outside makes every view of the record wrong or broken), and a period lasts at most a few years. Rules
/// that know more (an incident is not in the future; a report is handed over after its approval) come on top.
/// </summary>
public static class PlausibleDate
{
    public const int FirstYear = 2000;
    public const int LastYear = 2100;

    public static string OutOfRange => $"Ange ett datum mellan år {FirstYear} och {LastYear}.";

    public static void Ensure(DateOnly date, string field)
    {
        if (date.Year is < FirstYear or > LastYear)
        {
            throw new DomainException(OutOfRange, field);
        }
    }

    public static void Ensure(DateOnly? date, string field)
    {
        if (date is { } d)
        {
            Ensure(d, field);
        }
    }

    public static void Ensure(DateTimeOffset at, string field) => Ensure(DateOnly.FromDateTime(at.UtcDateTime), field);

    /// <summary>From and to in this century, to not before from, and at most <paramref name="maxYears"/> years long.</summary>
    public static void EnsurePeriod(DateOnly from, DateOnly to, int maxYears, string what, string fromField, string toField)
    {
        Ensure(from, fromField);
        Ensure(to, toField);
        if (to < from)
        {
            throw new DomainException("Slutdatumet kan inte ligga före startdatumet.", toField);
        }
        if (to >= from.AddYears(maxYears))
        {
            throw new DomainException($"{what} kan gälla i högst {maxYears} år. Välj ett tidigare slutdatum.", toField);
        }
    }
}
