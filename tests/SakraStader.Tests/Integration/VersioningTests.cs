using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using SakraStader.Data;
using SakraStader.Domain;
using SakraStader.Features.Commands;
using SakraStader.Features.Groups;
using SakraStader.Features.Meetings;
using SakraStader.Tests.Support;

namespace SakraStader.Tests.Integration;

/// <summary>
/// No update is lost: the save path gives an edited aggregate its new version (not a method of the model), so two saves
/// made from the same version are never both accepted, whichever part of the aggregate each changed. The aggregates and
/// their parts are read from the model (the versioned roots and what they reach through their navigations), not listed.
/// </summary>
[Trait("Category", "Integration")]
public sealed class VersioningTests(TestApp app) : IClassFixture<TestApp>
{
    /// <summary>One row of a type: its kommun and its key.</summary>
    private sealed record Row(Type Type, string Kommun, object?[] Key, string? Property);

    [Fact]
    public async Task Two_saves_from_the_same_version_of_any_part_of_any_aggregate_are_not_both_accepted()
    {
        var slugs = await app.WithDbAsync(null, db => db.Kommuner.ToDictionaryAsync(k => k.Id, k => k.Slug));
        // The demo data has no import waiting to be confirmed: one, as an upload makes it.
        await app.WithDbAsync("orebro", async db =>
        {
            var user = await db.Memberships.OrderBy(m => m.Id).Select(m => m.UserId).FirstAsync();
            db.ImportBatches.Add(new ImportBatch(ImportKind.Incidents, "handelser.csv", "a;b\n1;2"u8.ToArray(), "00", user, "Testare", TestClock.Now));
            return await db.SaveChangesAsync();
        });
        var types = await app.WithDbAsync(null, db => Task.FromResult(db.Model.GetEntityTypes()
            .Where(t => Versioning.RootTypeOf(t) is not null).Select(t => t.ClrType).ToList()));
        // Every aggregate people edit together, with its parts: a new part or a new versioned root joins by itself.
        Assert.Contains(typeof(Lagesbild), types);
        Assert.Contains(typeof(LagesbildSection), types);
        Assert.Contains(typeof(ProblemCause), types); // a part of a part
        Assert.Contains(typeof(AgendaItem), types);
        Assert.Contains(typeof(LofteSignature), types);
        Assert.True(types.Count >= 20, $"Bara {types.Count} typer i versionerade helheter.");

        var lost = new List<string>();
        var untried = new List<string>();
        var notStamped = new List<string>();
        foreach (var type in types)
        {
            var row = await app.WithDbAsync(null, db => FindRowAsync(db, type, slugs));
            if (row is null)
            {
                untried.Add(type.Name);
                continue;
            }
            var (rootType, rootKey) = await app.WithDbAsync(row.Kommun, db => RootOfAsync(db, row));
            var before = await app.WithDbAsync(row.Kommun, db => VersionAsync(db, rootType, rootKey));
            try
            {
                // Two people open the same version; the second one's save lands first; the first one's save is refused.
                // A row with nothing to change but its keys is removed by the second, and the first changes the root.
                await app.WithDbAsync(row.Kommun, async first =>
                {
                    // Each opens the aggregate as a command does: the root, then the part.
                    var root = await first.FindAsync(rootType, rootKey) ?? throw new InvalidOperationException(rootType.Name);
                    var mine = await first.FindAsync(type, row.Key) ?? throw new InvalidOperationException(type.Name);
                    if (row.Property is null)
                    {
                        Change(first, root, ChangeableProperty(first.Model.FindEntityType(rootType)!)!.Name, "a");
                    }
                    else
                    {
                        Change(first, mine, row.Property, "a");
                    }
                    await app.WithDbAsync(row.Kommun, async second =>
                    {
                        await second.FindAsync(rootType, rootKey);
                        var theirs = await second.FindAsync(type, row.Key) ?? throw new InvalidOperationException(type.Name);
                        if (row.Property is null)
                        {
                            second.Remove(theirs);
                        }
                        else
                        {
                            Change(second, theirs, row.Property, "b");
                        }
                        return await second.SaveChangesAsync();
                    });
                    return await first.SaveChangesAsync();
                });
                lost.Add($"{type.Name}.{row.Property ?? "(borttagen)"}");
            }
            catch (DbUpdateConcurrencyException)
            {
                // Refused: the aggregate's version is no longer the one the first save started from.
            }
            if (await app.WithDbAsync(row.Kommun, db => VersionAsync(db, rootType, rootKey)) == before)
            {
                notStamped.Add(type.Name);
            }
        }

        Assert.True(lost.Count == 0, "Båda ändringarna sparades (den första skrevs över): " + string.Join(", ", lost));
        Assert.True(notStamped.Count == 0, "Ändringen gav inte helheten en ny version: " + string.Join(", ", notStamped));
        Assert.True(untried.Count == 0, "Ingen rad att pröva för: " + string.Join(", ", untried));
    }

    /// <summary>Adding a part counts as a change of the whole: two agenda items added from the same version, one is refused.</summary>
    [Fact]
    public async Task Adding_a_part_from_an_old_version_is_refused_too()
    {
        var meeting = await app.WithDbAsync("orebro", async db =>
        {
            var est = await db.Groups.FirstAsync(g => g.Kind == GroupKind.Est);
            var start = SwedishTime.At(SwedishTime.DateOf(TestClock.Now).AddDays(8), new TimeOnly(10, 0));
            var m = db.Meetings.Add(new Meeting(est.Id, start, start.AddHours(2), "Stadshuset", null)).Entity;
            await db.SaveChangesAsync();
            return m.Id;
        });
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => app.WithDbAsync("orebro", async first =>
        {
            (await first.Meetings.Include(m => m.Agenda).SingleAsync(m => m.Id == meeting)).AddAgendaItem("Första punkten");
            await app.WithDbAsync("orebro", async second =>
            {
                (await second.Meetings.Include(m => m.Agenda).SingleAsync(m => m.Id == meeting)).AddAgendaItem("Andra punkten");
                return await second.SaveChangesAsync();
            });
            return await first.SaveChangesAsync();
        }));
        var agenda = await app.WithDbAsync("orebro", db => db.AgendaItems.Where(a => a.MeetingId == meeting).Select(a => a.Title).ToListAsync());
        Assert.Contains("Andra punkten", agenda);
        Assert.DoesNotContain("Första punkten", agenda);
    }

    /// <summary>
    /// Through the command path: a form that saves from a version someone has replaced meanwhile gets a conflict, and
    /// the version the command hands back is the one now stored (the form's next save starts from it).
    /// </summary>
    [Fact]
    public async Task The_command_path_hands_back_the_stored_version_and_refuses_a_replaced_one()
    {
        var (meeting, group, input) = await app.WithDbAsync("orebro", async db =>
        {
            var est = await db.Groups.FirstAsync(g => g.Kind == GroupKind.Est);
            var start = SwedishTime.At(SwedishTime.DateOf(TestClock.Now).AddDays(7), new TimeOnly(10, 0));
            var m = db.Meetings.Add(new Meeting(est.Id, start, start.AddHours(2), "Stadshuset", null)).Entity;
            await db.SaveChangesAsync();
            return (m.Id, est.Id, MeetingInput.From(m));
        });
        var seen = input.Version;
        var editor = TestApp.Email("medlem", "orebro");
        input.Location = "Stadshuset, sal 2";

        var saved = await app.AsUserAsync(editor, "orebro", ops => ops.SaveAsync<MeetingWork>(GroupRightRequirement.Edit, group,
            (w, ct) => w.RescheduleAsync(meeting, group, input, ct), "Sparat."));
        Assert.True(saved.Succeeded, saved.Message);
        Assert.NotEqual(seen, saved.Value);
        Assert.Equal(saved.Value, await app.WithDbAsync("orebro", db => db.Meetings.Where(m => m.Id == meeting).Select(m => m.Version).SingleAsync()));
        Assert.Equal(new SavedVersion(meeting, seen, saved.Value), Assert.Single(saved.Saved));

        // The same form sent again from the version it was opened with: refused, with the stored meeting to show.
        input.Location = "Biblioteket";
        var stale = await app.AsUserAsync(editor, "orebro", ops => ops.SaveAsync<MeetingWork>(GroupRightRequirement.Edit, group,
            (w, ct) => w.RescheduleAsync(meeting, group, input, ct), "Sparat."));
        Assert.True(stale.Conflict);
        Assert.Contains("Stadshuset, sal 2", stale.Current, StringComparison.Ordinal);
        Assert.Equal("Stadshuset, sal 2", await app.WithDbAsync("orebro", db => db.Meetings.Where(m => m.Id == meeting).Select(m => m.Location).SingleAsync()));
    }

    private static async Task<Row?> FindRowAsync(AppDbContext db, Type type, Dictionary<Guid, string> slugs)
    {
        var entityType = db.Model.FindEntityType(type)!;
        // A link row with nothing but its keys (a measure's problem) is removed instead of changed.
        var property = ChangeableProperty(entityType)?.Name;
        var query = (IQueryable<object>)typeof(VersioningTests).GetMethod(nameof(Rows), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(type).Invoke(null, [db])!;
        var row = await query.FirstOrDefaultAsync();
        if (row is null)
        {
            return null;
        }
        var entry = db.Entry(row);
        var key = entityType.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue).ToArray();
        return new Row(type, slugs[((ITenantOwned)row).KommunId], key, property);
    }

    private static IQueryable<object> Rows<T>(AppDbContext db) where T : class =>
        db.Set<T>().IgnoreQueryFilters([AppDbContext.TenantFilter]).AsNoTracking();

    /// <summary>A plain value the test can change without breaking a unique index or a key.</summary>
    private static IProperty? ChangeableProperty(IEntityType type) => type.GetProperties().FirstOrDefault(p =>
        !p.IsKey() && !p.IsForeignKey() && !p.IsConcurrencyToken && !p.IsShadowProperty() && p.GetValueConverter() is null
        && !p.GetContainingIndexes().Any(i => i.IsUnique)
        && (p.ClrType == typeof(string) || p.ClrType == typeof(bool) || p.ClrType == typeof(int) || p.ClrType == typeof(DateTimeOffset)));

    private static void Change(AppDbContext db, object row, string property, string mark)
    {
        var value = db.Entry(row).Property(property);
        value.CurrentValue = value.CurrentValue switch
        {
            string { Length: > 0 } s => s[..^1] + mark,
            string or null => mark,
            bool b => !b,
            int i => i + 1,
            DateTimeOffset d => d.AddMinutes(1),
            var other => throw new InvalidOperationException($"{row.GetType().Name}.{property}: {other}"),
        };
    }

    private static async Task<(Type, object)> RootOfAsync(AppDbContext db, Row row)
    {
        object entity = await db.FindAsync(row.Type, row.Key) ?? throw new InvalidOperationException(row.Type.Name);
        while (entity is not IVersioned)
        {
            var owner = Versioning.OwnerOf(db.Model.FindEntityType(entity.GetType())!)!;
            var id = db.Entry(entity).Property(owner.Properties[^1].Name).CurrentValue!;
            entity = await db.FindAsync(owner.PrincipalEntityType.ClrType, id) ?? throw new InvalidOperationException(owner.PrincipalEntityType.ClrType.Name);
        }
        return (entity.GetType(), ((IVersioned)entity).Id);
    }

    private static async Task<Guid> VersionAsync(AppDbContext db, Type type, object id) =>
        ((IVersioned)(await db.FindAsync(type, id))!).Version;
}
