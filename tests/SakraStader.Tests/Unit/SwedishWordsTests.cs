using SakraStader.Components.Ui;

namespace SakraStader.Tests.Unit;

/// <summary>Counts and lists as Swedish writes them (Sv): the pages use these, not a hand-made join per page.</summary>
public sealed class SwedishWordsTests
{
    [Fact]
    public void Dates_in_text_made_in_code_are_kept_whole_with_a_time_that_follows()
    {
        Assert.Equal([("Slutdatum: ", false), ("2026-12-31", true), (" → ", false), ("2027-01-15 09:30", true), (".", false)],
            WholeDates.Parts("Slutdatum: 2026-12-31 → 2027-01-15 09:30.").ToArray());
        Assert.Equal([("Inget datum", false)], WholeDates.Parts("Inget datum").ToArray());
        Assert.Empty(WholeDates.Parts(null));
    }

    [Theory]
    [InlineData(0, "åtgärder")]
    [InlineData(1, "åtgärd")]
    [InlineData(2, "åtgärder")]
    public void One_takes_the_singular_every_other_count_the_plural(int count, string word) =>
        Assert.Equal(word, Sv.Plural(count, "åtgärd", "åtgärder"));

    [Fact]
    public void Names_are_joined_with_commas_and_och_before_the_last()
    {
        Assert.Equal("", Sv.List([]));
        Assert.Equal("Sara", Sv.List(["Sara"]));
        Assert.Equal("Sara och Mikael", Sv.List(["Sara", "Mikael"]));
        Assert.Equal("Sara, Mikael och Anna", Sv.List(["Sara", "Mikael", "Anna"]));
    }

    [Fact]
    public void A_count_in_a_name_is_shown_only_when_there_is_one() =>
        Assert.Equal(("Rapporter (3)", "Rapporter"), (Sv.Counted("Rapporter", 3), Sv.Counted("Rapporter", 0)));
}
