using SakraStader.Tests.Support;
using SakraStader.Domain;

namespace SakraStader.Tests.Unit;

public sealed class AtgardRuleTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    [Theory]
    [InlineData(AtgardStatus.Planerad, "2026-11-21", true)]
    [InlineData(AtgardStatus.Pagar, "2026-11-21", true)]
    [InlineData(AtgardStatus.Pagar, "2026-11-22", false)]   // due today is not late yet
    [InlineData(AtgardStatus.Installd, "2026-01-01", false)]
    [InlineData(AtgardStatus.Planerad, null, false)]
    public void Forsenad_is_derived_from_the_due_date_and_status(AtgardStatus status, string? due, bool overdue)
    {
        var measure = new Atgard(Guid.NewGuid(), "Belysning i tunneln", null);
        measure.Schedule(null, due is null ? null : DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), null);
        measure.SetStatus(status);
        Assert.Equal(overdue, measure.IsOverdue(Today));
    }

    [Fact]
    public void A_measure_targets_several_problems_and_their_causes_and_keeps_its_main_problem()
    {
        var (fires, graffiti, tunnel) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var measure = new Atgard(Guid.NewGuid(), "Kameror", fires);
        Assert.Equal([fires], measure.Problems.Select(p => p.ProblemId));

        // A cause needs its problem chosen too.
        var refused = Assert.Throws<DomainException>(() => measure.Target([fires], [(graffiti, "Skymd sikt", CauseKind.Situationell)]));
        Assert.Equal(nameof(Atgard.Problems), refused.Field);
        Assert.Equal([fires], measure.Problems.Select(p => p.ProblemId));

        measure.Target([graffiti, fires], [(graffiti, "Skymd sikt", CauseKind.Situationell), (fires, "Oövervakade parkeringar", CauseKind.Situationell)]);
        Assert.Equal(fires, measure.ProblemId); // still chosen: still the main problem
        Assert.Equal(new[] { fires, graffiti }.Order(), measure.Problems.Select(p => p.ProblemId).Order());
        Assert.Equal(2, measure.AnalysedCauses.Count);

        // Dropping the main problem drops its causes' link too, and the next chosen becomes the main one.
        measure.Target([tunnel, graffiti], [(graffiti, "Skymd sikt", CauseKind.Situationell)]);
        Assert.Equal(tunnel, measure.ProblemId);
        Assert.Equal(["Skymd sikt"], measure.AnalysedCauses.Select(c => c.Text));
        measure.Target([], []);
        Assert.Null(measure.ProblemId);
        Assert.Empty(measure.Problems);
    }

    [Fact]
    public void A_finished_measure_is_never_late_and_needs_its_evaluation()
    {
        var measure = new Atgard(Guid.NewGuid(), "Belysning i tunneln", null);
        measure.Schedule(new DateOnly(2026, 1, 1), new DateOnly(2026, 2, 1), 50_000m);
        Assert.Equal(nameof(Atgard.Outcome), Assert.Throws<DomainException>(() => measure.SetStatus(AtgardStatus.Genomford)).Field);
        Assert.Equal(nameof(Atgard.Learned), Assert.Throws<DomainException>(() => measure.Complete(Outcome.Delvis, " ", 40_000m)).Field);
        Assert.Equal(nameof(Atgard.Outcome), Assert.Throws<DomainException>(() => measure.Complete(null, "Bättre ljus", 40_000m)).Field);

        measure.Complete(Outcome.Delvis, "Ljuset hjälpte, men samlingarna flyttade till parkeringen.", 42_500m);
        Assert.Equal((AtgardStatus.Genomford, 42_500m), (measure.Status, measure.ActualCost));
        Assert.False(measure.IsOverdue(Today));
    }

    [Fact]
    public void Bad_dates_and_costs_are_refused_with_the_field()
    {
        var measure = new Atgard(Guid.NewGuid(), "Belysning", null);
        Assert.Equal(nameof(Atgard.DueDate), Assert.Throws<DomainException>(() => measure.Schedule(new DateOnly(2026, 5, 1), new DateOnly(2026, 4, 30), null)).Field);
        Assert.Equal(nameof(Atgard.PlannedCost), Assert.Throws<DomainException>(() => measure.Schedule(null, null, -1m)).Field);
        Assert.Equal(nameof(Atgard.Title), Assert.Throws<DomainException>(() => new Atgard(Guid.NewGuid(), " ", null)).Field);
    }

    [Fact]
    public void A_decided_plan_records_every_change_as_a_revision_with_a_note()
    {
        var group = Guid.NewGuid();
        var plan = new Atgardsplan(group, PlanKind.Kortsiktig, "EST:s plan", null, null, null);
        Assert.Null(plan.Revise(null, "Anna", TestClock.Now)); // a draft needs no note

        var held = new Meeting(group, TestClock.Now.AddDays(-2), TestClock.Now.AddDays(-2).AddHours(2), "Stadshuset", null);
        var future = new Meeting(group, TestClock.Now.AddDays(2), TestClock.Now.AddDays(2).AddHours(2), "Stadshuset", null);
        Assert.Contains("inte hållits", Assert.Throws<DomainException>(() => plan.Decide(future, TestClock.Now)).Message);
        plan.Decide(held, TestClock.Now);

        Assert.Equal(nameof(PlanRevision.Note), Assert.Throws<DomainException>(() => plan.Revise(" ", "Anna", TestClock.Now)).Field);
        var revision = plan.Revise("Ny åtgärd efter branden i oktober.", "Anna", TestClock.Now)!;
        Assert.Equal((1, "Ny åtgärd efter branden i oktober."), (revision.Number, revision.Note));
    }
}
