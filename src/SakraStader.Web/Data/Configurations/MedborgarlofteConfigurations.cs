using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SakraStader.Domain;

namespace SakraStader.Data.Configurations;

internal sealed class MedborgarlofteConfiguration : IEntityTypeConfiguration<Medborgarlofte>
{
    public void Configure(EntityTypeBuilder<Medborgarlofte> b)
    {
        b.Property(x => x.Title).HasMaxLength(Medborgarlofte.TitleMax);
        b.Property(x => x.Background).HasMaxLength(Medborgarlofte.TextMax);
        b.Property(x => x.FinalReport).HasMaxLength(Medborgarlofte.TextMax);
        b.Ignore(x => x.CurrentVersion);
        b.Ignore(x => x.ValidSignatures);
        b.Ignore(x => x.IsPublished);
        b.Ignore(x => x.IsPublic);
        b.Ignore(x => x.RevisionPending);
        b.HasMany(x => x.Parties).WithOne().HasForeignKey(p => p.MedborgarlofteId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Commitments).WithOne().HasForeignKey(c => c.MedborgarlofteId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Links).WithOne().HasForeignKey(l => l.MedborgarlofteId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Versions).WithOne().HasForeignKey(v => v.MedborgarlofteId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Signatures).WithOne().HasForeignKey(s => s.MedborgarlofteId).OnDelete(DeleteBehavior.Cascade);
        foreach (var n in new[] { nameof(Medborgarlofte.Parties), nameof(Medborgarlofte.Commitments), nameof(Medborgarlofte.Links), nameof(Medborgarlofte.Versions), nameof(Medborgarlofte.Signatures) })
        {
            b.Navigation(n).UsePropertyAccessMode(PropertyAccessMode.Field);
        }
        b.HasIndex(x => new { x.KommunId, x.PublishedAt });
    }
}

internal sealed class LofteLinkConfiguration : IEntityTypeConfiguration<LofteLink>
{
    public void Configure(EntityTypeBuilder<LofteLink> b) => b.HasIndex(x => new { x.MedborgarlofteId, x.Kind, x.TargetId }).IsUnique();
}

internal sealed class LoftePartyConfiguration : IEntityTypeConfiguration<LofteParty>
{
    public void Configure(EntityTypeBuilder<LofteParty> b)
    {
        b.Property(x => x.Organisation).HasMaxLength(LofteParty.NameMax);
        b.Property(x => x.SignatoryName).HasMaxLength(200);
        b.Property(x => x.SignatoryTitle).HasMaxLength(200);
        // The "att underteckna" list finds a signatory's parties across kommuner.
        b.HasIndex(x => x.SignatoryUserId);
    }
}

internal sealed class CommitmentConfiguration : IEntityTypeConfiguration<Commitment>
{
    public void Configure(EntityTypeBuilder<Commitment> b)
    {
        b.Property(x => x.What).HasMaxLength(Commitment.TextMax);
        b.Property(x => x.HowShown).HasMaxLength(Commitment.TextMax);
        b.HasMany(x => x.FollowUps).WithOne().HasForeignKey(f => f.CommitmentId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Atgard>().WithMany().HasForeignKey(x => x.AtgardId).OnDelete(DeleteBehavior.SetNull);
        b.Navigation(x => x.FollowUps).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class CommitmentFollowUpConfiguration : IEntityTypeConfiguration<CommitmentFollowUp>
{
    public void Configure(EntityTypeBuilder<CommitmentFollowUp> b)
    {
        b.Property(x => x.Text).HasMaxLength(Commitment.TextMax);
        b.Property(x => x.Author).HasMaxLength(200);
    }
}

internal sealed class LofteVersionConfiguration : IEntityTypeConfiguration<LofteVersion>
{
    public void Configure(EntityTypeBuilder<LofteVersion> b)
    {
        b.Property(x => x.Hash).HasMaxLength(64);
        b.Property(x => x.VerificationCode).HasMaxLength(11);
        // Looked up without a kommun by the public verification page.
        b.HasIndex(x => x.VerificationCode).IsUnique();
    }
}

internal sealed class LofteSignatureConfiguration : IEntityTypeConfiguration<LofteSignature>
{
    public void Configure(EntityTypeBuilder<LofteSignature> b)
    {
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Organisation).HasMaxLength(LofteParty.NameMax);
        b.Property(x => x.RoleText).HasMaxLength(50);
        b.Property(x => x.Hash).HasMaxLength(64);
        b.Property(x => x.Method).HasMaxLength(100);
    }
}

internal sealed class CitizenDialogueConfiguration : IEntityTypeConfiguration<CitizenDialogue>
{
    public void Configure(EntityTypeBuilder<CitizenDialogue> b)
    {
        b.Property(x => x.Place).HasMaxLength(CitizenDialogue.TextMax);
        b.Property(x => x.Method).HasMaxLength(CitizenDialogue.TextMax);
        b.HasMany(x => x.Themes).WithOne().HasForeignKey(t => t.DialogueId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Themes).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class DialogueThemeConfiguration : IEntityTypeConfiguration<DialogueTheme>
{
    public void Configure(EntityTypeBuilder<DialogueTheme> b) => b.Property(x => x.Text).HasMaxLength(CitizenDialogue.TextMax);
}
