using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using SakraStader.Data;
using SakraStader.Domain;
using SakraStader.Infrastructure;
using SakraStader.Tenancy;

namespace SakraStader.Features.Platform;

/// <summary>
/// One kommun's data as a JSON archive, for hand-over to another system or for portability
/// (<c>/{kommun}/export.json</c>, samordnare only): every tenant table of the model with all its rows, read through
/// the tenant filter so nothing of another kommun can be in it, and the people who are members (name and e-mail; no
/// password hashes). Streamed table by table, so a large kommun does not need the whole archive in memory.
/// </summary>
public static class KommunExport
{
    private static readonly JsonSerializerOptions Options = new()
    {
        ReferenceHandler = ReferenceHandler.IgnoreCycles,
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    private static readonly MethodInfo WriteTable = typeof(KommunExport).GetMethod(nameof(WriteTableAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    public static IEndpointRouteBuilder MapKommunExport(this IEndpointRouteBuilder app)
    {
        app.MapGet("/{KommunSlug}/export.json", async (HttpContext http, AppDbContext db, TenantContext tenant, TimeProvider time, CancellationToken ct) =>
        {
            var kommun = tenant.Kommun!;
            http.Response.ContentType = "application/json; charset=utf-8";
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"{kommun.Slug}-{time.GetUtcNow():yyyy-MM-dd}.json\"";
            await WriteAsync(db, kommun, time.GetUtcNow(), http.Response.BodyWriter, ct);
        }).RequireAuthorization(Policies.Samordnare).NeverStored();
        return app;
    }

    /// <summary>Writes into the response's pipe (the serializer flushes synchronously, which a response stream refuses).</summary>
    public static async Task WriteAsync(AppDbContext db, KommunInfo kommun, DateTimeOffset at, System.IO.Pipelines.PipeWriter output, CancellationToken ct = default)
    {
        await using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = false });
        writer.WriteStartObject();
        writer.WriteString("format", "sakrastader-kommun-export/1");
        writer.WriteString("exportedAt", at);
        writer.WriteStartObject("kommun");
        writer.WriteString("id", kommun.Id);
        writer.WriteString("name", kommun.Name);
        writer.WriteString("slug", kommun.Slug);
        writer.WriteString("kod", kommun.Kod);
        writer.WriteEndObject();

        writer.WriteStartArray("people");
        var people = await (from m in db.Memberships.AsNoTracking()
                            join u in db.Users on m.UserId equals u.Id
                            orderby u.DisplayName
                            select new { u.Id, u.DisplayName, u.Email }).ToListAsync(ct);
        foreach (var person in people)
        {
            writer.WriteStartObject();
            writer.WriteString("id", person.Id);
            writer.WriteString("name", person.DisplayName);
            writer.WriteString("email", person.Email);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();

        writer.WriteStartObject("tables");
        foreach (var type in db.Model.GetEntityTypes().Select(t => t.ClrType).Where(typeof(ITenantOwned).IsAssignableFrom).Distinct().OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            await (Task)WriteTable.MakeGenericMethod(type).Invoke(null, [db, writer, output, ct])!;
        }
        writer.WriteEndObject();
        writer.WriteEndObject();
        await writer.FlushAsync(ct);
        await output.FlushAsync(ct);
    }

    private static async Task WriteTableAsync<T>(AppDbContext db, Utf8JsonWriter writer, System.IO.Pipelines.PipeWriter output, CancellationToken ct) where T : class
    {
        writer.WriteStartArray(typeof(T).Name);
        var rows = 0;
        await foreach (var row in db.Set<T>().AsNoTracking().AsAsyncEnumerable().WithCancellation(ct))
        {
            JsonSerializer.Serialize(writer, row, Options);
            if (++rows % 1000 == 0)
            {
                await output.FlushAsync(ct); // send what is written; the archive never sits whole in memory
            }
        }
        writer.WriteEndArray();
        await writer.FlushAsync(ct);
        await output.FlushAsync(ct);
    }
}
