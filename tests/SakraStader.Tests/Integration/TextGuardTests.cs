using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using SakraStader.Data;
using SakraStader.Domain;
using SakraStader.Features.Commands;
using SakraStader.Features.Groups;
using SakraStader.Tenancy;
using SakraStader.Tests.Support;

namespace SakraStader.Tests.Integration;

/// <summary>
/// Text is guarded where everything is saved (<see cref="TextGuard"/>): every string property of the model, found
/// from the model and not from a list, refuses a personnummer and a control character unless it is exempt by name
/// with a reason; and the save path really applies it, so nothing is half-saved and the message names the field.
/// </summary>
[Trait("Category", "Integration")]
public sealed class TextGuardTests(TestApp app) : IClassFixture<TestApp>
{
    private const string WithPersonnummer = "Samtal med boende, 19811218-9876 nämndes.";
    private const string WithNul = "Rad ett\0rad två";

    private static List<IProperty> TextProperties(AppDbContext db) =>
        [.. db.Model.GetEntityTypes().SelectMany(t => t.GetDeclaredProperties()).Where(p => p.ClrType == typeof(string))];

    [Fact]
    public async Task Every_text_property_of_the_model_refuses_a_personnummer_and_control_characters_unless_exempt_by_name_with_a_reason()
    {
        var properties = await app.WithDbAsync(null, db => Task.FromResult(TextProperties(db)));

        var guarded = properties.Where(p => TextGuard.Exemption(p) is null).ToList();
        Assert.True(guarded.Count >= 80, $"Bara {guarded.Count} textegenskaper skyddas.");
        Assert.All(guarded, p =>
        {
            Assert.Equal(PersonalData.Message, TextGuard.Refusal(p, WithPersonnummer));
            Assert.Equal(TextGuard.ControlMessage, TextGuard.Refusal(p, WithNul));
            Assert.Equal(TextGuard.ControlMessage, TextGuard.Refusal(p, "Halvt tecken \ud83d slut"));
            Assert.Null(TextGuard.Refusal(p, "Klotter vid busstorget.\r\nTvå rader\tmed tabb, å ä ö och 🙂, telefon 08-123 45 67."));
        });
        // Every exemption says why, in a sentence.
        Assert.All(properties.Where(p => TextGuard.Exemption(p) is not null), p => Assert.True(TextGuard.Exemption(p)!.Length >= 25, $"{p.DeclaringType.ClrType.Name}.{p.Name}"));

        // Every exemption names a text property (or an entity type with text) of the model: none is left behind by a rename.
        var names = properties.Select(p => (p.DeclaringType.ClrType, p.Name)).ToHashSet();
        Assert.All(TextGuard.ExemptNames, x => Assert.True(x.Property is null ? properties.Any(p => p.DeclaringType.ClrType == x.Entity) : names.Contains((x.Entity, x.Property)),
            $"{x.Entity.Name}.{x.Property}"));

        // The texts found without a guard are all guarded now.
        string[] found =
        [
            "Meeting.Location", "AgendaItem.Title", "AgendaItem.Minutes", "AgendaItem.Decision", "FollowUpItem.Text",
            "Atgard.Title", "CitizenDialogue.Method", "CitizenDialogue.Place", "Group.Purpose", "GroupMember.Name",
        ];
        var guardedNames = guarded.Select(p => $"{p.DeclaringType.ClrType.Name}.{p.Name}").ToHashSet();
        Assert.All(found, name => Assert.Contains(name, guardedNames));
    }

    [Fact]
    public async Task A_typed_telephone_number_or_meeting_address_may_look_like_a_personnummer_but_not_hold_control_characters()
    {
        var properties = await app.WithDbAsync(null, db => Task.FromResult(TextProperties(db)));
        var link = properties.Single(p => p.DeclaringType.ClrType == typeof(Meeting) && p.Name == nameof(Meeting.Link));

        Assert.Null(TextGuard.Refusal(link, "https://zoom.us/j/8112189876"));
        Assert.Equal(TextGuard.ControlMessage, TextGuard.Refusal(link, "https://zoom.us/j/1\u0001"));
    }

    [Fact]
    public async Task The_save_path_refuses_a_personnummer_in_a_groups_purpose_at_its_field_and_saves_nothing()
    {
        var samordnare = TestApp.Email("samordnare", "orebro");
        var group = await app.WithDbAsync("orebro", db => db.Groups.OrderBy(g => g.Name).Select(g => new { g.Id, g.Purpose }).FirstAsync());
        var (groupId, before) = (group.Id, group.Purpose);
        var audited = await app.WithDbAsync("orebro", db => db.AuditEntries.CountAsync());

        var refused = await app.AsUserAsync(samordnare, "orebro", ops => ops.SendAsync<GroupWork>(new KommunRoleRequirement(Role.Samordnare), null,
            (w, ct) => w.WritePurposeAsync(groupId, WithPersonnummer, before, ct), "Sparat."));
        var control = await app.AsUserAsync(samordnare, "orebro", ops => ops.SendAsync<GroupWork>(new KommunRoleRequirement(Role.Samordnare), null,
            (w, ct) => w.WritePurposeAsync(groupId, WithNul, before, ct), "Sparat."));

        Assert.False(refused.Succeeded);
        Assert.Equal(PersonalData.Message, refused.Message);
        Assert.Equal(nameof(Group.Purpose), refused.Field);
        Assert.False(control.Succeeded);
        Assert.Equal(TextGuard.ControlMessage, control.Message);
        Assert.Equal(nameof(Group.Purpose), control.Field);
        Assert.Equal(before, await app.WithDbAsync("orebro", db => db.Groups.Where(g => g.Id == groupId).Select(g => g.Purpose).SingleAsync()));
        Assert.Equal(audited, await app.WithDbAsync("orebro", db => db.AuditEntries.CountAsync()));

        // The same text without the number saves.
        var saved = await app.AsUserAsync(samordnare, "orebro", ops => ops.SendAsync<GroupWork>(new KommunRoleRequirement(Role.Samordnare), null,
            (w, ct) => w.WritePurposeAsync(groupId, "Samtal med boende om belysningen.", before, ct), "Sparat."));
        Assert.True(saved.Succeeded, saved.Message);
    }

    [Fact]
    public async Task A_citizens_accessibility_report_with_a_control_character_is_answered_at_the_field_not_with_a_500()
    {
        using var client = app.NewClient();
        using var response = await client.SubmitAsync("/tillganglighet", "a11y-report", new Dictionary<string, string>
        {
            ["Input.Page"] = "/medborgarloften",
            ["Input.Description"] = "Knappen går inte att nå\u0001 med tangentbordet.",
        });
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(TextGuard.ControlMessage, body, StringComparison.Ordinal);
        Assert.Contains("/medborgarloften", body, StringComparison.Ordinal);   // what was typed is kept
        Assert.DoesNotContain("Tack för din rapport", body, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(null, db => db.AccessibilityReports.AnyAsync(r => r.Description.Contains("tangentbordet"))));
    }
}
