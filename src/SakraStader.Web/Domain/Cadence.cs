namespace SakraStader.Domain;

/// <summary>How often a group meets. Kommuner differ, so "other" with a note in words is always possible.</summary>
public enum CadenceKind
{
    Other = 0,
    Weekly = 1,
    Monthly = 2,
    MonthlyExceptJulyDecember = 3,
    TimesPerYear = 4,
}

/// <summary>A group's meeting rhythm and the dates it gives for a year.</summary>
public readonly record struct Cadence(CadenceKind Kind, int TimesPerYear = 0)
{
    /// <summary>Months a "N times per year" group can meet in: July is the summer break.</summary>
    private static readonly int[] WorkingMonths = [1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12];

    public string Describe() => Kind switch
    {
        CadenceKind.Weekly => "Varje vecka",
        CadenceKind.Monthly => "Varje månad",
        CadenceKind.MonthlyExceptJulyDecember => "Varje månad utom juli och december",
        CadenceKind.TimesPerYear => TimesPerYear switch
        {
            1 => "En gång per år",
            2 => "Två gånger per år",
            3 => "Tre gånger per år",
            4 => "Fyra gånger per år",
            6 => "Sex gånger per år",
            _ => $"{TimesPerYear} gånger per år",
        },
        _ => "Efter behov",
    };

    public static void Validate(CadenceKind kind, int timesPerYear)
    {
        if (kind == CadenceKind.TimesPerYear && timesPerYear is < 1 or > 11)
        {
            throw new DomainException("Ange hur många gånger per år gruppen träffas, 1–11.", nameof(TimesPerYear));
        }
    }

    /// <summary>
    /// The meeting dates of <paramref name="year"/> on <paramref name="weekday"/>: weekly every such day; monthly the
    /// second such day of each month; N per year spread evenly over the working months (never July).
    /// </summary>
    public IReadOnlyList<DateOnly> DatesIn(int year, DayOfWeek weekday)
    {
        switch (Kind)
        {
            case CadenceKind.Weekly:
                var dates = new List<DateOnly>();
                for (var d = Nth(year, 1, weekday, 1); d.Year == year; d = d.AddDays(7))
                {
                    dates.Add(d);
                }
                return dates;
            case CadenceKind.Monthly:
                return [.. Enumerable.Range(1, 12).Select(m => Nth(year, m, weekday, 2))];
            case CadenceKind.MonthlyExceptJulyDecember:
                return [.. Enumerable.Range(1, 12).Where(m => m is not (7 or 12)).Select(m => Nth(year, m, weekday, 2))];
            case CadenceKind.TimesPerYear when TimesPerYear > 0:
                // Evenly spaced over the eleven working months, centred in each share of the year.
                var times = TimesPerYear;
                return [.. Enumerable.Range(0, times)
                    .Select(i => WorkingMonths[(int)Math.Floor((i + 0.5) * WorkingMonths.Length / times)])
                    .Distinct()
                    .Select(m => Nth(year, m, weekday, 2))];
            default:
                return [];
        }
    }

    /// <summary>The <paramref name="n"/>th <paramref name="weekday"/> of a month.</summary>
    private static DateOnly Nth(int year, int month, DayOfWeek weekday, int n)
    {
        var first = new DateOnly(year, month, 1);
        var offset = ((int)weekday - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(offset + (7 * (n - 1)));
    }
}
