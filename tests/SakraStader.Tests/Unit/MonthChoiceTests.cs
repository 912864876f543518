using SakraStader.Features.Incidents;

namespace SakraStader.Tests.Unit;

/// <summary>
/// The incident list's month filter is a list of months, not the browser's month field (Chromium drew an empty one as
/// "--------- ----", and a phone's field differed from a desktop's).
/// </summary>
public sealed class MonthChoiceTests
{
    [Fact]
    public void The_filter_offers_two_years_of_months_this_month_first_by_their_Swedish_names()
    {
        var months = IncidentWork.MonthChoices(new DateOnly(2026, 12, 1), null);
        Assert.Equal(IncidentWork.MonthsOffered, months.Count);
        Assert.Equal(new MonthChoice("2026-12", "december 2026"), months[0]);
        Assert.Equal(new MonthChoice("2025-01", "januari 2025"), months[^1]);
    }

    [Fact]
    public void A_month_chosen_further_back_is_offered_too_in_its_place_and_nonsense_is_not()
    {
        var months = IncidentWork.MonthChoices(new DateOnly(2026, 1, 1), "2019-03");
        Assert.Equal(IncidentWork.MonthsOffered + 1, months.Count);
        Assert.Equal(new MonthChoice("2019-03", "mars 2019"), months[^1]);
        Assert.Equal(IncidentWork.MonthsOffered, IncidentWork.MonthChoices(new DateOnly(2026, 1, 1), "2019-13").Count);
        Assert.Equal(IncidentWork.MonthsOffered, IncidentWork.MonthChoices(new DateOnly(2026, 1, 1), "2025-06").Count);
    }
}
