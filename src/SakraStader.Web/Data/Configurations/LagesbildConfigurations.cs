using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SakraStader.Domain;

namespace SakraStader.Data.Configurations;

internal sealed class AreaConfiguration : IEntityTypeConfiguration<Area>
{
    public void Configure(EntityTypeBuilder<Area> b)
    {
        b.Property(a => a.Name).HasMaxLength(Area.NameMax);
        b.HasIndex(a => new { a.KommunId, a.Name }).IsUnique();
    }
}

internal sealed class IncidentCategoryConfiguration : IEntityTypeConfiguration<IncidentCategory>
{
    public void Configure(EntityTypeBuilder<IncidentCategory> b)
    {
        b.ToTable("IncidentCategories");
        b.Property(c => c.Name).HasMaxLength(IncidentCategory.NameMax);
        b.HasIndex(c => new { c.KommunId, c.Name }).IsUnique();
    }
}

internal sealed class IncidentConfiguration : IEntityTypeConfiguration<Incident>
{
    public void Configure(EntityTypeBuilder<Incident> b)
    {
        b.Property(i => i.Place).HasMaxLength(Incident.PlaceMax);
        b.Property(i => i.Organisation).HasMaxLength(Incident.OrganisationMax);
        b.Property(i => i.Description).HasMaxLength(Incident.DescriptionMax);
        b.HasOne<IncidentCategory>().WithMany().HasForeignKey(i => i.CategoryId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Area>().WithMany().HasForeignKey(i => i.AreaId).OnDelete(DeleteBehavior.Restrict);
        // The lägesbild and the week count a kommun's incidents of a period by category, area and place. The index
        // covers those queries: a range scan on (KommunId, OccurredAt) that never visits the table rows, which on the
        // large data set are spread over a gigabyte.
        b.HasIndex(i => new { i.KommunId, i.OccurredAt, i.CategoryId, i.AreaId, i.Place });
    }
}

internal sealed class CrimeStatisticConfiguration : IEntityTypeConfiguration<CrimeStatistic>
{
    public void Configure(EntityTypeBuilder<CrimeStatistic> b)
    {
        b.Property(s => s.Category).HasMaxLength(CrimeStatistic.CategoryMax);
        b.HasOne<Area>().WithMany().HasForeignKey(s => s.AreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(s => new { s.KommunId, s.Year, s.Month, s.AreaId, s.Category }).IsUnique();
    }
}

internal sealed class SurveyResultConfiguration : IEntityTypeConfiguration<SurveyResult>
{
    public void Configure(EntityTypeBuilder<SurveyResult> b)
    {
        b.Property(s => s.Question).HasMaxLength(SurveyResult.QuestionMax);
        b.Property(s => s.Value).HasPrecision(9, 2);
        b.HasOne<Area>().WithMany().HasForeignKey(s => s.AreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(s => new { s.KommunId, s.Year, s.AreaId, s.Question }).IsUnique();
    }
}

internal sealed class ProblemConfiguration : IEntityTypeConfiguration<Problem>
{
    public void Configure(EntityTypeBuilder<Problem> b)
    {
        b.Property(p => p.Title).HasMaxLength(Problem.TitleMax);
        b.HasOne<Area>().WithMany().HasForeignKey(p => p.AreaId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class LagesbildConfiguration : IEntityTypeConfiguration<Lagesbild>
{
    public void Configure(EntityTypeBuilder<Lagesbild> b)
    {
        b.ToTable("Lagesbilder");
        b.Ignore(l => l.Period);
        b.Property(l => l.Status).HasConversion<string>().HasMaxLength(12);
        b.Property(l => l.Summary).HasMaxLength(Lagesbild.TextMax);
        b.Property(l => l.Prognosis).HasMaxLength(Lagesbild.TextMax);
        b.Property(l => l.PendingCorrectionReason).HasMaxLength(Lagesbild.TextMax);
        b.HasOne<Group>().WithMany().HasForeignKey(l => l.GroupId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Meeting>().WithMany().HasForeignKey(l => l.MeetingId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(l => new { l.GroupId, l.Year, l.Month }).IsUnique();
        b.HasMany(l => l.Sections).WithOne().HasForeignKey(s => s.LagesbildId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(l => l.Assessments).WithOne().HasForeignKey(a => a.LagesbildId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(l => l.Versions).WithOne().HasForeignKey(v => v.LagesbildId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(l => l.Sections).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(l => l.Assessments).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(l => l.Versions).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class LagesbildSectionConfiguration : IEntityTypeConfiguration<LagesbildSection>
{
    public void Configure(EntityTypeBuilder<LagesbildSection> b)
    {
        b.Property(s => s.Organisation).HasMaxLength(150);
        b.Property(s => s.Text).HasMaxLength(Lagesbild.TextMax);
        b.Property(s => s.UpdatedBy).HasMaxLength(150);
    }
}

internal sealed class ProblemAssessmentConfiguration : IEntityTypeConfiguration<ProblemAssessment>
{
    public void Configure(EntityTypeBuilder<ProblemAssessment> b)
    {
        b.Property(a => a.Art).HasMaxLength(Lagesbild.TextMax);
        b.Property(a => a.Omfattning).HasMaxLength(Lagesbild.TextMax);
        b.Property(a => a.Konsekvens).HasMaxLength(Lagesbild.TextMax);
        b.Property(a => a.Trend).HasConversion<string>().HasMaxLength(12);
        b.HasOne<Problem>().WithMany().HasForeignKey(a => a.ProblemId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => new { a.ProblemId, a.LagesbildId }).IsUnique();
        b.HasMany(a => a.Causes).WithOne().HasForeignKey(c => c.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(a => a.Causes).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ProblemCauseConfiguration : IEntityTypeConfiguration<ProblemCause>
{
    public void Configure(EntityTypeBuilder<ProblemCause> b)
    {
        b.Property(c => c.Text).HasMaxLength(1000);
        b.Property(c => c.Evidence).HasMaxLength(1000);
        b.Property(c => c.Kind).HasConversion<string>().HasMaxLength(12);
    }
}

internal sealed class LagesbildVersionConfiguration : IEntityTypeConfiguration<LagesbildVersion>
{
    public void Configure(EntityTypeBuilder<LagesbildVersion> b)
    {
        b.Property(v => v.FixedBy).HasMaxLength(150);
        b.Property(v => v.CorrectionReason).HasMaxLength(Lagesbild.TextMax);
        b.HasIndex(v => new { v.LagesbildId, v.Number }).IsUnique();
    }
}

internal sealed class ImportBatchConfiguration : IEntityTypeConfiguration<ImportBatch>
{
    public void Configure(EntityTypeBuilder<ImportBatch> b)
    {
        b.Property(x => x.FileName).HasMaxLength(ImportBatch.FileNameMax);
        b.Property(x => x.ContentHash).HasMaxLength(64);
        b.Property(x => x.UploadedByName).HasMaxLength(200);
        b.Property(x => x.Periods).HasMaxLength(4000);
        b.HasIndex(x => new { x.KommunId, x.UploadedAt });
        b.HasIndex(x => new { x.KommunId, x.ContentHash });
    }
}

internal sealed class WeeklySummaryConfiguration : IEntityTypeConfiguration<WeeklySummary>
{
    public void Configure(EntityTypeBuilder<WeeklySummary> b)
    {
        b.Property(x => x.Happened).HasMaxLength(WeeklySummary.TextMax);
        b.Property(x => x.Doing).HasMaxLength(WeeklySummary.TextMax);
        b.Property(x => x.Expected).HasMaxLength(WeeklySummary.TextMax);
        b.Property(x => x.UpdatedBy).HasMaxLength(200);
        b.Ignore(x => x.Monday);
        b.HasIndex(x => new { x.KommunId, x.Year, x.Week }).IsUnique();
    }
}

internal sealed class FordjupadLagesbildConfiguration : IEntityTypeConfiguration<FordjupadLagesbild>
{
    public void Configure(EntityTypeBuilder<FordjupadLagesbild> b)
    {
        b.Property(x => x.Summary).HasMaxLength(FordjupadLagesbild.TextMax);
        b.Property(x => x.Development).HasMaxLength(FordjupadLagesbild.TextMax);
        b.Property(x => x.Causes).HasMaxLength(FordjupadLagesbild.TextMax);
        b.Property(x => x.Consequences).HasMaxLength(FordjupadLagesbild.TextMax);
        b.Property(x => x.Priorities).HasMaxLength(FordjupadLagesbild.TextMax);
        b.Property(x => x.ApprovedBy).HasMaxLength(200);
        b.Ignore(x => x.Period);
        b.HasOne<Group>().WithMany().HasForeignKey(x => x.GroupId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Meeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.KommunId, x.ToYear });
    }
}
