using Microsoft.AspNetCore.Identity;

namespace SakraStader.Domain;

/// <summary>A person who signs in. Not tenant-owned: one login may hold memberships in several kommuner.</summary>
public sealed class AppUser : IdentityUser<Guid>
{
    public AppUser() => Id = Guid.CreateVersion7();

    public string DisplayName { get; set; } = "";

    /// <summary>Platform administrators create kommuner and their first samordnare. They see no tenant data by it.</summary>
    public bool IsPlatformAdmin { get; set; }

    /// <summary>Secret in the user's calendar feed address (/kalender/{token}.ics); replaced to revoke the old address.</summary>
    public string? CalendarToken { get; set; }
}
