using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SakraStader.Domain;

namespace SakraStader.Data.Configurations;

internal sealed class KommunConfiguration : IEntityTypeConfiguration<Kommun>
{
    public void Configure(EntityTypeBuilder<Kommun> b)
    {
        b.ToTable("Kommuner");
        // The id is made in the domain. Were EF to generate it, a new row's empty KommunId (part of the key that
        // references point at) would be filled from this generator before the kommun is stamped.
        b.Property(k => k.Id).ValueGeneratedNever();
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
        b.Property(g => g.CadenceKind).HasConversion<string>().HasMaxLength(30);
        b.Property(g => g.MeetingDay).HasConversion<string>().HasMaxLength(10);
    }
}

internal sealed class GroupMemberConfiguration : IEntityTypeConfiguration<GroupMember>
{
    public void Configure(EntityTypeBuilder<GroupMember> b)
    {
        b.Property(m => m.Name).HasMaxLength(150);
        b.Property(m => m.Organisation).HasMaxLength(150);
        b.Property(m => m.Title).HasMaxLength(150);
        b.HasOne<Group>().WithMany().HasForeignKey(m => m.GroupId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AppUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(m => new { m.GroupId, m.UserId }).IsUnique();
        b.Ignore(m => m.IsExternal);
    }
}

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> b)
    {
        b.Property(m => m.Location).HasMaxLength(300);
        b.Property(m => m.OtherAttendees).HasMaxLength(Meeting.OtherAttendeesMaxLength);
        b.Property(m => m.Link).HasMaxLength(500);
        b.Property(m => m.PendingCorrectionReason).HasMaxLength(1000);
        b.Property(m => m.ChairJusteradBy).HasMaxLength(150);
        b.Property(m => m.JusterareJusteradBy).HasMaxLength(150);
        b.HasOne<Group>().WithMany().HasForeignKey(m => m.GroupId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(m => new { m.KommunId, m.StartsAt });
        b.HasIndex(m => new { m.GroupId, m.StartsAt });
        b.HasMany(m => m.Agenda).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(m => m.Attendance).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(m => m.FollowUps).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(m => m.Versions).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(m => m.Agenda).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(m => m.Attendance).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(m => m.FollowUps).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(m => m.Versions).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class AgendaItemConfiguration : IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<AgendaItem> b)
    {
        b.Property(a => a.Title).HasMaxLength(300);
        b.Property(a => a.Minutes).HasMaxLength(8000);
        b.Property(a => a.Decision).HasMaxLength(4000);
    }
}

internal sealed class AttendanceConfiguration : IEntityTypeConfiguration<Attendance>
{
    public void Configure(EntityTypeBuilder<Attendance> b)
    {
        b.ToTable("Attendances");
        b.Property(a => a.Name).HasMaxLength(150);
        b.Property(a => a.SubstituteName).HasMaxLength(150);
        b.Property(a => a.Status).HasConversion<string>().HasMaxLength(12);
    }
}

internal sealed class FollowUpItemConfiguration : IEntityTypeConfiguration<FollowUpItem>
{
    public void Configure(EntityTypeBuilder<FollowUpItem> b)
    {
        b.Property(f => f.Text).HasMaxLength(1000);
        b.Property(f => f.Owner).HasMaxLength(150);
    }
}

internal sealed class MinutesVersionConfiguration : IEntityTypeConfiguration<MinutesVersion>
{
    public void Configure(EntityTypeBuilder<MinutesVersion> b)
    {
        b.Property(v => v.ApprovedBy).HasMaxLength(150);
        b.Property(v => v.CorrectionReason).HasMaxLength(1000);
        b.HasIndex(v => new { v.MeetingId, v.Number }).IsUnique();
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("Outbox");
        b.Property(m => m.Id).ValueGeneratedNever();
        b.Property(m => m.To).HasMaxLength(256);
        b.Property(m => m.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(m => m.Subject).HasMaxLength(300);
        b.Property(m => m.Heading).HasMaxLength(300);
        b.Property(m => m.Link).HasMaxLength(1000);
        b.Property(m => m.LinkText).HasMaxLength(100);
        b.Property(m => m.DedupKey).HasMaxLength(200);
        b.Property(m => m.LastError).HasMaxLength(1000);
        b.HasIndex(m => m.DedupKey).IsUnique();
        // What the worker looks for: unsent, by when it is due.
        b.HasIndex(m => new { m.SentAt, m.NextAttemptAt });
        b.HasOne<AppUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LetterheadConfiguration : IEntityTypeConfiguration<Letterhead>
{
    public void Configure(EntityTypeBuilder<Letterhead> b)
    {
        b.Property(l => l.OrganisationName).HasMaxLength(Letterhead.NameMax);
        b.Property(l => l.Forvaltning).HasMaxLength(Letterhead.NameMax);
        b.Property(l => l.Address).HasMaxLength(Letterhead.AddressMax);
        b.Property(l => l.HandlaggareName).HasMaxLength(Letterhead.NameMax);
        b.Property(l => l.HandlaggareTitle).HasMaxLength(Letterhead.NameMax);
        b.Property(l => l.HandlaggarePhone).HasMaxLength(Letterhead.PhoneMax);
        b.Property(l => l.HandlaggareEmail).HasMaxLength(Letterhead.EmailMax);
        b.Property(l => l.Logo).HasMaxLength(Letterhead.LogoMaxBytes);
        b.Property(l => l.LogoContentType).HasMaxLength(20);
        // One letterhead per kommun.
        b.HasIndex(l => l.KommunId).IsUnique();
    }
}

internal sealed class MailPreferenceConfiguration : IEntityTypeConfiguration<MailPreference>
{
    public void Configure(EntityTypeBuilder<MailPreference> b)
    {
        b.HasKey(p => new { p.UserId, p.Kind });
        b.Property(p => p.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(p => p.Delivery).HasConversion<string>().HasMaxLength(10);
        b.HasOne<AppUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
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
        // The kommun's change stamp: its newest entry (KommunCache).
        b.HasIndex(a => new { a.KommunId, a.Id });
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
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(150);
        b.Property(u => u.CalendarToken).HasMaxLength(64);
        b.HasIndex(u => u.CalendarToken).IsUnique();
    }
}
