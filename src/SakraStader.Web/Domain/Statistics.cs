namespace SakraStader.Domain;

/// <summary>
/// Reported crimes (anmälda brott) of one category in one area and month, imported from the police's statistics.
/// The category is the statistics' own wording (not the kommun's incident categories).
/// </summary>
public sealed class CrimeStatistic : TenantEntity, IBulkImported
{
    public const int CategoryMax = 100;

    private CrimeStatistic() { }

    public CrimeStatistic(Guid areaId, int year, int month, string category, int count)
    {
        AreaId = areaId;
        Year = year;
        Month = month;
        Category = category;
        Count = count;
    }

    public Guid AreaId { get; private set; }

    public int Year { get; private set; }

    public int Month { get; private set; }

    public string Category { get; private set; } = "";

    public int Count { get; private set; }
}

/// <summary>A trygghet survey result for an area and year, e.g. "Otrygg ute sent på kvällen" 31,5 (per cent).</summary>
public sealed class SurveyResult : TenantEntity, IBulkImported
{
    public const int QuestionMax = 200;

    private SurveyResult() { }

    public SurveyResult(Guid areaId, int year, string question, decimal value)
    {
        AreaId = areaId;
        Year = year;
        Question = question;
        Value = value;
    }

    public Guid AreaId { get; private set; }

    public int Year { get; private set; }

    public string Question { get; private set; } = "";

    /// <summary>Per cent of respondents, or an index, as the survey reports it.</summary>
    public decimal Value { get; private set; }
}
