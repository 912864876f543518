using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SakraStader.Domain;

namespace SakraStader.Data.Configurations;

internal sealed class AtgardsplanConfiguration : IEntityTypeConfiguration<Atgardsplan>
{
    public void Configure(EntityTypeBuilder<Atgardsplan> b)
    {
        b.Property(x => x.Title).HasMaxLength(Atgardsplan.TitleMax);
        b.HasOne<Group>().WithMany().HasForeignKey(x => x.GroupId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Lagesbild>().WithMany().HasForeignKey(x => x.LagesbildId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<FordjupadLagesbild>().WithMany().HasForeignKey(x => x.FordjupadId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Meeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Revisions).WithOne().HasForeignKey(r => r.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Revisions).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class PlanRevisionConfiguration : IEntityTypeConfiguration<PlanRevision>
{
    public void Configure(EntityTypeBuilder<PlanRevision> b)
    {
        b.Property(x => x.Note).HasMaxLength(PlanRevision.NoteMax);
        b.Property(x => x.Author).HasMaxLength(200);
    }
}

internal sealed class AtgardConfiguration : IEntityTypeConfiguration<Atgard>
{
    public void Configure(EntityTypeBuilder<Atgard> b)
    {
        b.Property(x => x.Title).HasMaxLength(Atgard.TitleMax);
        foreach (var p in new[] { nameof(Atgard.Description), nameof(Atgard.Causes), nameof(Atgard.Method), nameof(Atgard.ExpectedEffect), nameof(Atgard.HowMeasured), nameof(Atgard.Learned) })
        {
            b.Property(p).HasMaxLength(Atgard.TextMax);
        }
        b.Property(x => x.ResponsibleOrganisation).HasMaxLength(150);
        b.Property(x => x.ResponsibleName).HasMaxLength(200);
        b.Property(x => x.Partners).HasMaxLength(500);
        b.Property(x => x.PlannedCost).HasPrecision(14, 2);
        b.Property(x => x.ActualCost).HasPrecision(14, 2);
        b.HasOne<Atgardsplan>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Problem>().WithMany().HasForeignKey(x => x.ProblemId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Progress).WithOne().HasForeignKey(p => p.AtgardId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Progress).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasMany(x => x.Problems).WithOne().HasForeignKey(p => p.AtgardId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Problems).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasMany(x => x.AnalysedCauses).WithOne().HasForeignKey(p => p.AtgardId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.AnalysedCauses).UsePropertyAccessMode(PropertyAccessMode.Field);
        // Work lists: a person's measures.
        b.HasIndex(x => new { x.KommunId, x.ResponsibleUserId });
        // Late measures are read in due-date order, their status checked on the way; an index that starts with the
        // status made SQLite sort every late measure to show one page.
        b.HasIndex(x => new { x.KommunId, x.DueDate });
        // A plan's measures: every query also carries the tenant filter, and with (KommunId) alone SQLite would walk
        // all the kommun's measures to find one plan's.
        b.HasIndex(x => new { x.KommunId, x.PlanId });
        b.HasIndex(x => new { x.KommunId, x.ProblemId });
    }
}

internal sealed class AtgardProblemConfiguration : IEntityTypeConfiguration<AtgardProblem>
{
    public void Configure(EntityTypeBuilder<AtgardProblem> b)
    {
        b.HasOne<Problem>().WithMany().HasForeignKey(x => x.ProblemId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.AtgardId, x.ProblemId }).IsUnique();
        // A problem's measures (its page, the list's problem filter).
        b.HasIndex(x => new { x.KommunId, x.ProblemId });
    }
}

internal sealed class AtgardCauseConfiguration : IEntityTypeConfiguration<AtgardCause>
{
    public void Configure(EntityTypeBuilder<AtgardCause> b)
    {
        b.Property(x => x.Text).HasMaxLength(1000);
        b.HasOne<Problem>().WithMany().HasForeignKey(x => x.ProblemId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AtgardProgressConfiguration : IEntityTypeConfiguration<AtgardProgress>
{
    public void Configure(EntityTypeBuilder<AtgardProgress> b)
    {
        b.Property(x => x.Text).HasMaxLength(Atgard.TextMax);
        b.Property(x => x.Author).HasMaxLength(200);
    }
}
