using Microsoft.EntityFrameworkCore;
using SakraStader.Auditing;
using SakraStader.Data;
using SakraStader.Domain;
using SakraStader.Features.Audit;

namespace SakraStader.Tests.Unit;

/// <summary>
/// The audit log is evidence a samordnare reads: every kind of record the log keeps, and every field of it, has the
/// Swedish name the UI uses, and every coded value (a status, a role) is shown as the UI shows it. The records and
/// fields are read from the model, so a new one without a name fails here.
/// </summary>
public sealed class AuditTextTests
{
    private static SqlServerAppDbContext Context() => new(new DbContextOptionsBuilder<SqlServerAppDbContext>()
        .UseSqlServer("Server=localhost;Database=modell;TrustServerCertificate=true").Options);

    /// <summary>What the audit interceptor writes: every tenant-owned record but the audit itself.</summary>
    private static List<Microsoft.EntityFrameworkCore.Metadata.IEntityType> Audited(AppDbContext db) =>
        [.. db.Model.GetEntityTypes().Where(t => typeof(ITenantOwned).IsAssignableFrom(t.ClrType) && t.ClrType != typeof(AuditEntry))];

    [Fact]
    public void Every_audited_record_has_a_Swedish_name()
    {
        using var db = Context();
        var missing = Audited(db).Select(t => t.ClrType.Name).Where(n => !AuditText.EntityTypes.ContainsKey(n)).ToList();
        Assert.True(missing.Count == 0, "Inget svenskt namn i loggen för: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_field_of_an_audited_record_is_named_in_Swedish()
    {
        using var db = Context();
        var missing = Audited(db)
            .SelectMany(t => t.GetProperties()
                .Where(p => p.Name != nameof(ITenantOwned.KommunId) && !p.IsConcurrencyToken && !p.IsPrimaryKey())
                .Where(p => !AuditText.Describes(t.ClrType.Name, p.Name))
                .Select(p => $"{t.ClrType.Name}.{p.Name}"))
            .ToList();
        Assert.True(missing.Count == 0, "Fält utan svenskt namn i loggen: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_coded_value_is_shown_as_the_UI_shows_it()
    {
        using var db = Context();
        var raw = new List<string>();
        foreach (var type in Audited(db))
        {
            foreach (var property in type.GetProperties().Where(p => (Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType).IsEnum))
            {
                var enumType = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
                foreach (var value in Enum.GetNames(enumType))
                {
                    var changes = new Dictionary<string, AuditChange> { [property.Name] = new(null, value) };
                    var shown = AuditText.Fields(type.ClrType.Name, changes, new Dictionary<string, string>()).ToList();
                    if (shown.Count == 1 && !AuditText.IsShownAs(enumType, value, shown[0].To))
                    {
                        raw.Add($"{type.ClrType.Name}.{property.Name} = {value} → {shown[0].To}");
                    }
                }
            }
        }
        Assert.True(raw.Count == 0, "Kodade värden som visas som koden: " + string.Join(", ", raw));
    }

    /// <summary>The same priority words as on the lägesbild and the problem page.</summary>
    [Fact]
    public void A_priority_is_shown_in_the_same_words_as_everywhere()
    {
        var changes = new Dictionary<string, AuditChange> { [nameof(ProblemAssessment.Priority)] = new("3", "1") };
        Assert.Equal(("Prioritet", "Låg", "Hög"), Assert.Single(AuditText.Fields(nameof(ProblemAssessment), changes, new Dictionary<string, string>())));
        Assert.Equal(("Hög", "Låg"), (LagesbildText.PriorityText(1), LagesbildText.PriorityText(3)));
    }

    /// <summary>A reference is shown by the name of what it points at, or left out: an id says nothing to a reader.</summary>
    [Fact]
    public void A_reference_shows_the_name_it_points_at_or_nothing()
    {
        var lofte = Guid.CreateVersion7().ToString();
        var changes = new Dictionary<string, AuditChange> { ["MedborgarlofteId"] = new(null, lofte), ["What"] = new(null, "Belysning") };
        Assert.Equal([("Vad", null, "Belysning")], AuditText.Fields(nameof(Commitment), changes, new Dictionary<string, string>()));
        Assert.Contains(("Medborgarlöfte", null, "Tryggare Vivalla"),
            AuditText.Fields(nameof(Commitment), changes, new Dictionary<string, string> { [lofte] = "Tryggare Vivalla" }));
        var hash = new Dictionary<string, AuditChange> { ["Hash"] = new(null, new string('a', 64)) };
        Assert.Equal("aaaaaaaaaaaa…", Assert.Single(AuditText.Fields(nameof(LofteSignature), hash, new Dictionary<string, string>())).To);
    }
}
