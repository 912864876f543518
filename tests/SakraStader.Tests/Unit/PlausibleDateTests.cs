using SakraStader.Domain;

namespace SakraStader.Tests.Unit;

/// <summary>Dates a person enters lie in this century and periods last at most a few years, by one rule in the model.</summary>
public sealed class PlausibleDateTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);

    private static string FieldOf(Action action) => Assert.Throws<DomainException>(action).Field!;

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(1999, 12, 31)]
    [InlineData(2101, 1, 1)]
    [InlineData(9999, 12, 31)]
    public void A_date_outside_this_century_is_refused_at_its_field_wherever_it_is_entered(int year, int month, int day)
    {
        var date = new DateOnly(year, month, day);
        var measure = new Atgard(Guid.NewGuid(), "Belysning i tunneln", null);

        Assert.Equal(nameof(Atgard.DueDate), FieldOf(() => measure.Schedule(new DateOnly(2026, 1, 1), date, null)));
        Assert.Equal(nameof(Atgard.StartDate), FieldOf(() => measure.Schedule(date, null, null)));
        Assert.Equal(nameof(AtgardProgress.Date), FieldOf(() => measure.AddProgress(date, "Lamporna är bytta.", "Anna", Now)));
        Assert.Equal(nameof(CitizenDialogue.Date), FieldOf(() => _ = new CitizenDialogue(date, "Vivalla centrum", "Trygghetsvandring", 12)));
        Assert.Equal(nameof(CooperationAgreement.ValidFrom), FieldOf(() => _ = new CooperationAgreement("Överenskommelse", "Kommunen och polisen", date, new DateOnly(2026, 12, 31), [], "")));
        var at = new DateTimeOffset(date.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
        Assert.Equal(nameof(Meeting.StartsAt), FieldOf(() => _ = new Meeting(Guid.NewGuid(), at, at.AddHours(1), "Rådhuset", null)));
        Assert.Equal(PlausibleDate.OutOfRange, Assert.Throws<DomainException>(() => measure.Schedule(null, date, null)).Message);
        // Nothing was changed by the refused calls.
        Assert.Null(measure.DueDate);
        Assert.Empty(measure.Progress);
    }

    [Fact]
    public void A_period_lasts_at_most_a_few_years_and_a_meeting_at_most_a_day()
    {
        var from = new DateOnly(2026, 1, 1);
        Assert.Equal(nameof(CooperationAgreement.ValidTo), FieldOf(() => _ = new CooperationAgreement("Överenskommelse", "Kommunen och polisen", from, from.AddYears(CooperationAgreement.MaxYears), [], "")));
        Assert.Equal(nameof(Meeting.EndsAt), FieldOf(() => _ = new Meeting(Guid.NewGuid(), Now, Now.AddDays(2), "Rådhuset", null)));

        // The edges are allowed.
        Assert.Equal(from.AddYears(CooperationAgreement.MaxYears).AddDays(-1),
            new CooperationAgreement("Överenskommelse", "Kommunen och polisen", from, from.AddYears(CooperationAgreement.MaxYears).AddDays(-1), [], "").ValidTo);
        var measure = new Atgard(Guid.NewGuid(), "Belysning i tunneln", null);
        measure.Schedule(new DateOnly(PlausibleDate.FirstYear, 1, 1), new DateOnly(PlausibleDate.LastYear, 12, 31), null);
        Assert.Equal(new DateOnly(PlausibleDate.LastYear, 12, 31), measure.DueDate);
    }
}
