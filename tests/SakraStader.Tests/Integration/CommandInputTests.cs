using System.Reflection;
using System.Runtime.ExceptionServices;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using SakraStader.Components.Lists;
using SakraStader.Domain;
using SakraStader.Features.Commands;
using SakraStader.Tenancy;
using SakraStader.Tests.Support;

namespace SakraStader.Tests.Integration;

/// <summary>
/// No input breaks a command. Every public method of every feature's *Work class (what the pages call, found by
/// reflection, so a new one is covered by itself) is sent through the command path as a samordnare, with real ids and
/// then with boundary, malformed and random values in every argument and every field of its input. Each call must come
/// back as a result, never as an exception (in the interactive app that would end the user's circuit), and a refusal
/// must be in Swedish and save nothing.
/// </summary>
[Trait("Category", "Integration")]
public sealed class CommandInputTests(TestApp app) : IClassFixture<TestApp>
{
    private const int Rounds = 20;

    private static readonly string[] Texts =
    [
        "", " ", "x", "Klotter vid busstorget.", "\0", "Rad\u0001", "\ud83d", "19811218-9876", "<script>alert(1)</script>",
        "' OR 1=1 --", "0001-01-01", "9999-12-31", "25:99", "-1", "NaN", new('x', 5000), new('å', 100_000),
    ];

    private static readonly int[] Numbers = [0, -1, 1, 12, 53, 2026, 9999, int.MaxValue, int.MinValue];

    private static readonly DateOnly[] Dates = [DateOnly.MinValue, DateOnly.MaxValue, new(1900, 1, 1), new(2026, 2, 28), new(2100, 12, 31)];

    /// <summary>English words that only a framework or an unexpected error puts into a message.</summary>
    private static readonly string[] EnglishTells = ["Exception", "Object reference", "The value", "is not valid", "Sequence contains", "Nullable object", "must be", "Value cannot",
        // Operations' answer when the database refused a save: input the model let through and the database did not.
        "Det gick inte att spara just nu"];

    private sealed record Pools(Dictionary<string, List<(Guid Id, Guid GroupId)>> ById, List<Guid> Any, Guid GroupId);

    [Fact]
    public async Task Every_command_and_read_with_boundary_malformed_and_random_values_answers_and_never_throws()
    {
        var pools = await app.WithDbAsync("orebro", async db =>
        {
            var byId = new Dictionary<string, List<(Guid, Guid)>>
            {
                ["Lagesbild"] = (await db.Lagesbilder.Select(l => new { l.Id, l.GroupId }).Take(5).ToListAsync()).Select(x => (x.Id, x.GroupId)).ToList(),
                ["Fordjupad"] = (await db.FordjupadeLagesbilder.Select(l => new { l.Id, l.GroupId }).Take(5).ToListAsync()).Select(x => (x.Id, x.GroupId)).ToList(),
                ["Meeting"] = (await db.Meetings.Select(l => new { l.Id, l.GroupId }).Take(5).ToListAsync()).Select(x => (x.Id, x.GroupId)).ToList(),
                ["Plan"] = (await db.Atgardsplaner.Select(l => new { l.Id, l.GroupId }).Take(5).ToListAsync()).Select(x => (x.Id, x.GroupId)).ToList(),
                ["Atgard"] = (await db.Atgarder.Select(a => new { a.Id, a.PlanId }).Take(5).ToListAsync())
                    .Select(x => (x.Id, db.Atgardsplaner.Where(p => p.Id == x.PlanId).Select(p => p.GroupId).Single())).ToList(),
                ["Group"] = (await db.Groups.Select(g => g.Id).Take(5).ToListAsync()).Select(id => (id, id)).ToList(),
                ["Problem"] = (await db.Problems.Select(p => p.Id).Take(5).ToListAsync()).Select(id => (id, Guid.Empty)).ToList(),
                ["Medborgarlofte"] = (await db.Medborgarloften.Select(p => p.Id).Take(5).ToListAsync()).Select(id => (id, Guid.Empty)).ToList(),
                ["Member"] = (await db.Memberships.Select(p => p.Id).Take(5).ToListAsync()).Select(id => (id, Guid.Empty)).ToList(),
                ["Area"] = (await db.Areas.Select(p => p.Id).Take(5).ToListAsync()).Select(id => (id, Guid.Empty)).ToList(),
            };
            var groupId = byId["Lagesbild"][0].Item2;
            var any = byId.Values.SelectMany(v => v.Select(x => x.Item1)).ToList();
            any.AddRange(await db.GroupMembers.Select(m => m.Id).Take(10).ToListAsync());
            any.AddRange(await db.IncidentCategories.Select(m => m.Id).Take(5).ToListAsync());
            return new Pools(byId, any, groupId);
        });

        var works = typeof(Program).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.Namespace?.StartsWith("SakraStader.Features", StringComparison.Ordinal) == true
                && t.Name.EndsWith("Work", StringComparison.Ordinal))
            .ToList();
        var methods = works.SelectMany(w => w.GetMethods(BindingFlags.Instance | BindingFlags.Public | BindingFlags.DeclaredOnly)
                .Where(m => typeof(Task).IsAssignableFrom(m.ReturnType) && m.GetParameters().All(p => Makeable(p.ParameterType))))
            .ToList();
        Assert.True(methods.Count >= 100, $"Bara {methods.Count} metoder hittades.");

        var samordnare = TestApp.Email("samordnare", "orebro");
        var random = new Random(2026);
        var wrong = new List<string>();
        var calls = 0;
        var succeeded = new HashSet<string>();
        foreach (var method in methods)
        {
            for (var round = 0; round < Rounds; round++)
            {
                var args = method.GetParameters().Select(p => Make(p.ParameterType, p.Name!, method.DeclaringType!, pools, random, round)).ToArray();
                var audited = await app.WithDbAsync("orebro", db => db.AuditEntries.CountAsync());
                CommandResult result;
                try
                {
                    result = await app.AsUserAsync(samordnare, "orebro", ops => (Task<CommandResult>)typeof(CommandInputTests)
                        .GetMethod(nameof(SendAsync), BindingFlags.Static | BindingFlags.NonPublic)!
                        .MakeGenericMethod(method.DeclaringType!).Invoke(null, [ops, method, args])!);
                }
                catch (Exception e)
                {
                    wrong.Add($"{method.DeclaringType!.Name}.{method.Name}({Describe(args)}): {e.GetType().Name}: {e.Message}");
                    continue;
                }
                finally
                {
                    calls++;
                }
                if (result.Succeeded)
                {
                    succeeded.Add($"{method.DeclaringType!.Name}.{method.Name}");
                }
                else
                {
                    if (EnglishTells.FirstOrDefault(t => result.Message.Contains(t, StringComparison.Ordinal)) is { } tell)
                    {
                        wrong.Add($"{method.DeclaringType!.Name}.{method.Name}({Describe(args)}): meddelandet är inte svenska: {result.Message}");
                    }
                    if (await app.WithDbAsync("orebro", db => db.AuditEntries.CountAsync()) != audited)
                    {
                        wrong.Add($"{method.DeclaringType!.Name}.{method.Name}({Describe(args)}): nekades men sparade ändå");
                    }
                }
            }
        }
        Assert.True(wrong.Count == 0, $"{wrong.Count} av {calls} anrop ({methods.Count} metoder):\n" + string.Join("\n", wrong.Distinct().Take(60)));
        // The values reach the work, not only the doors (rights, versions, ids): many methods did their work at least
        // once. Those that compare the version or text the user saw are mostly refused as conflicts, which is also an
        // answer the page must take.
        Assert.True(succeeded.Count * 10 >= methods.Count * 4, $"Bara {succeeded.Count} av {methods.Count} metoder lyckades någon gång: "
            + string.Join(", ", methods.Select(m => $"{m.DeclaringType!.Name}.{m.Name}").Except(succeeded)));
    }

    /// <summary>Sends one call through the command path, as a page does; the method's value is the result's.</summary>
    private static async Task<CommandResult> SendAsync<TWork>(Operations ops, MethodInfo method, object?[] args) where TWork : notnull =>
        await ops.SendAsync<TWork, object?>(new KommunRoleRequirement(Role.Samordnare), null, async (work, ct) =>
        {
            var call = (object?[])args.Clone();
            var token = Array.FindIndex(method.GetParameters(), p => p.ParameterType == typeof(CancellationToken));
            if (token >= 0)
            {
                call[token] = ct;
            }
            Task task;
            try
            {
                task = (Task)method.Invoke(work, call)!;
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                ExceptionDispatchInfo.Capture(e.InnerException).Throw();
                throw;
            }
            await task;
            return task.GetType().GetProperty("Result")?.GetValue(task);
        }, "Klart.");

    private static bool Makeable(Type type) =>
        type == typeof(CancellationToken) || Scalar(Nullable.GetUnderlyingType(type) ?? type)
        || type == typeof(byte[]) || type == typeof(Stream) || type == typeof(ListView)
        || (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) && Makeable(type.GetGenericArguments()[0]))
        || (type.IsClass && type.Namespace?.StartsWith("SakraStader.Features", StringComparison.Ordinal) == true
            && !type.Name.EndsWith("Work", StringComparison.Ordinal));

    private static bool Scalar(Type type) =>
        type == typeof(string) || type == typeof(Guid) || type == typeof(int) || type == typeof(bool) || type == typeof(decimal)
        || type == typeof(DateOnly) || type == typeof(DateTime) || type == typeof(TimeOnly) || type.IsEnum;

    private static object? Make(Type type, string name, Type work, Pools pools, Random random, int round)
    {
        var nullable = Nullable.GetUnderlyingType(type);
        if (nullable is not null)
        {
            return round > 0 && random.Next(4) == 0 ? null : Make(nullable, name, work, pools, random, round);
        }
        if (type == typeof(CancellationToken))
        {
            return CancellationToken.None;
        }
        if (type == typeof(string))
        {
            return round == 0 ? "Belysningen vid gångtunneln." : Texts[random.Next(Texts.Length)];
        }
        if (type == typeof(Guid))
        {
            return MakeId(name, work, pools, random, round);
        }
        if (type == typeof(int))
        {
            return round == 0 ? (name.Contains("year", StringComparison.OrdinalIgnoreCase) ? 2026 : 1) : Numbers[random.Next(Numbers.Length)];
        }
        if (type == typeof(decimal))
        {
            return round == 0 ? 1000m : new[] { 0m, -1m, decimal.MaxValue, decimal.MinValue, 0.001m }[random.Next(5)];
        }
        if (type == typeof(bool))
        {
            return random.Next(2) == 0;
        }
        if (type == typeof(DateOnly))
        {
            return round == 0 ? new DateOnly(2026, 11, 20) : Dates[random.Next(Dates.Length)];
        }
        if (type == typeof(DateTime))
        {
            return round == 0 ? new DateTime(2026, 11, 20) : Dates[random.Next(Dates.Length)].ToDateTime(TimeOnly.MinValue);
        }
        if (type == typeof(TimeOnly))
        {
            return round == 0 ? new TimeOnly(18, 30) : new[] { TimeOnly.MinValue, TimeOnly.MaxValue }[random.Next(2)];
        }
        if (type.IsEnum)
        {
            var values = Enum.GetValues(type);
            return round > 0 && random.Next(3) == 0 ? Enum.ToObject(type, 999) : values.GetValue(random.Next(values.Length));
        }
        if (type == typeof(byte[]))
        {
            var bytes = new byte[round == 0 ? 0 : random.Next(1, 5000)];
            random.NextBytes(bytes);
            return bytes;
        }
        if (type == typeof(Stream))
        {
            return new MemoryStream((byte[])Make(typeof(byte[]), name, work, pools, random, round)!);
        }
        if (type == typeof(ListView))
        {
            return round == 0 ? ListView.Default : ListView.From((string?)Make(typeof(string), name, work, pools, random, round),
                (string?)Make(typeof(string), name, work, pools, random, round), Numbers[random.Next(Numbers.Length)]);
        }
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            var element = type.GetGenericArguments()[0];
            var list = Array.CreateInstance(element, round == 0 ? 1 : random.Next(0, 4));
            for (var i = 0; i < list.Length; i++)
            {
                list.SetValue(Make(element, name, work, pools, random, round), i);
            }
            return list;
        }
        return MakeInput(type, work, pools, random, round);
    }

    /// <summary>An input record: through its parameterless constructor and settable properties, or its primary constructor.</summary>
    private static object MakeInput(Type type, Type work, Pools pools, Random random, int round)
    {
        if (type.GetConstructor(Type.EmptyTypes) is { } empty)
        {
            var input = empty.Invoke(null);
            foreach (var property in type.GetProperties().Where(p => p.CanWrite && p.SetMethod!.IsPublic && Makeable(p.PropertyType)))
            {
                property.SetValue(input, Make(property.PropertyType, property.Name, work, pools, random, round));
            }
            return input;
        }
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        return constructor.Invoke([.. constructor.GetParameters().Select(p => Make(p.ParameterType, p.Name!, work, pools, random, round))]);
    }

    private static Guid MakeId(string name, Type work, Pools pools, Random random, int round)
    {
        if (round > 0 && random.Next(3) == 0)
        {
            return random.Next(2) == 0 ? Guid.Empty : Guid.NewGuid();
        }
        var own = pools.ById.FirstOrDefault(p => work.Name.StartsWith(p.Key, StringComparison.Ordinal)).Value;
        var first = own?.FirstOrDefault() ?? default;
        return name switch
        {
            "id" when own is { Count: > 0 } => first.Id,
            "groupId" => own is { Count: > 0 } && first.GroupId != Guid.Empty ? first.GroupId : pools.GroupId,
            "planId" => pools.ById["Plan"][0].Id,
            "problemId" => pools.ById["Problem"][0].Id,
            _ => pools.Any[random.Next(pools.Any.Count)],
        };
    }

    private static string Describe(object?[] args) =>
        string.Join(", ", args.Select(a => a switch
        {
            null => "null",
            string s => "\"" + (s.Length > 20 ? s[..20] + $"…({s.Length})" : s).Replace("\0", "\\0", StringComparison.Ordinal) + "\"",
            CancellationToken => "ct",
            _ => a.ToString() is { Length: > 60 } t ? t[..60] + "…" : a.ToString(),
        }));
}
