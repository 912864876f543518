using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SakraStader.Domain;

namespace SakraStader.Data.Configurations;

internal sealed class AnnualReportConfiguration : IEntityTypeConfiguration<AnnualReport>
{
    public void Configure(EntityTypeBuilder<AnnualReport> b)
    {
        b.Property(x => x.ApprovedBy).HasMaxLength(200);
        b.Property(x => x.CaseNumber).HasMaxLength(AnnualReport.CaseNumberMax);
        b.Ignore(x => x.IsFrozen);
        b.Ignore(x => x.UnansweredComments);
        b.HasOne<Group>().WithMany().HasForeignKey(x => x.GroupId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Meeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Comments).WithOne().HasForeignKey(c => c.ReportId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Comments).UsePropertyAccessMode(PropertyAccessMode.Field);
        // One report per kommun and year.
        b.HasIndex(x => new { x.KommunId, x.Year }).IsUnique();
    }
}

internal sealed class ReportCommentConfiguration : IEntityTypeConfiguration<ReportComment>
{
    public void Configure(EntityTypeBuilder<ReportComment> b)
    {
        b.Property(x => x.Text).HasMaxLength(ReportComment.TextMax);
        b.Property(x => x.Answer).HasMaxLength(ReportComment.TextMax);
        b.Property(x => x.AuthorName).HasMaxLength(200);
        b.Property(x => x.AnsweredBy).HasMaxLength(200);
        b.Ignore(x => x.IsAnswered);
    }
}

internal sealed class CooperationAgreementConfiguration : IEntityTypeConfiguration<CooperationAgreement>
{
    public void Configure(EntityTypeBuilder<CooperationAgreement> b)
    {
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Parties).HasMaxLength(500);
        b.Property(x => x.Focus).HasMaxLength(CooperationAgreement.TextMax);
        b.HasIndex(x => new { x.KommunId, x.ValidFrom });
        b.Ignore(x => x.AreaIds);
        b.HasMany(x => x.Areas).WithOne().HasForeignKey(a => a.AgreementId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Areas).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class CooperationAgreementAreaConfiguration : IEntityTypeConfiguration<CooperationAgreementArea>
{
    public void Configure(EntityTypeBuilder<CooperationAgreementArea> b)
    {
        b.HasOne<Area>().WithMany().HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.AgreementId, x.AreaId }).IsUnique();
    }
}
