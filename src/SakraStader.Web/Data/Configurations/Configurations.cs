using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SakraStader.Domain;

namespace SakraStader.Data.Configurations;

internal sealed class KommunConfiguration : IEntityTypeConfiguration<Kommun>
{
    public void Configure(EntityTypeBuilder<Kommun> b)
    {
        b.ToTable("Kommuner");
        b.Property(k => k.Name).HasMaxLength(100);
        b.Property(k => k.Kod).HasMaxLength(4);
        b.Property(k => k.Slug).HasMaxLength(60);
        b.HasIndex(k => k.Slug).IsUnique();
        b.HasIndex(k => k.Kod).IsUnique();
    }
}

internal sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> b)
    {
        b.Property(m => m.Title).HasMaxLength(150);
        b.Property(m => m.OrganisationName).HasMaxLength(150);
        b.Property(m => m.Role).HasConversion<string>().HasMaxLength(20);
        b.Property(m => m.Organisation).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(m => new { m.KommunId, m.UserId }).IsUnique();
        b.HasIndex(m => m.UserId);
        b.HasOne<AppUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class GroupConfiguration : IEntityTypeConfiguration<Group>
{
    public void Configure(EntityTypeBuilder<Group> b)
    {
        b.Property(g => g.Name).HasMaxLength(150);
        b.Property(g => g.Purpose).HasMaxLength(4000);
        b.Property(g => g.Cadence).HasMaxLength(200);
        b.Property(g => g.Kind).HasConversion<string>().HasMaxLength(20);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.Property(a => a.UserName).HasMaxLength(256);
        b.Property(a => a.EntityType).HasMaxLength(100);
        b.Property(a => a.EntityId).HasMaxLength(100);
        b.Property(a => a.Action).HasConversion<string>().HasMaxLength(10);
        b.HasIndex(a => new { a.KommunId, a.At });
    }
}

internal sealed class AccessibilityReportConfiguration : IEntityTypeConfiguration<AccessibilityReport>
{
    public void Configure(EntityTypeBuilder<AccessibilityReport> b)
    {
        b.Property(a => a.Page).HasMaxLength(500);
        b.Property(a => a.Description).HasMaxLength(4000);
        b.Property(a => a.Contact).HasMaxLength(256);
    }
}

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b) => b.Property(u => u.DisplayName).HasMaxLength(150);
}
