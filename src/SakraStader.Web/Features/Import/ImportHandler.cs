using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using SakraStader.Components.Ui;
using SakraStader.Data;
using SakraStader.Domain;
using SakraStader.Tenancy;

namespace SakraStader.Features.Import;

/// <summary>
/// Upload, check and commit of CSV imports. Upload reads the file once, row by row, stores it with a summary of what was
/// found (rows, every error's count, the first errors and rows for the preview) and commits nothing. Commit reads the
/// stored file again and, in one transaction, deletes the periods the file covers and inserts its rows in chunks: all
/// rows or none, and a re-import of a period replaces it instead of doubling it.
/// </summary>
public sealed class ImportHandler(AppDbContext db, TenantContext tenant, TimeProvider time, ILogger<ImportHandler> logger)
{
    public const int MaxBytes = 30 * 1024 * 1024;
    public const int StoredErrors = 200;
    public const int PreviewRows = 10;
    private const int Chunk = 2_000;

    public static readonly string TooLargeMessage =
        $"Filen är större än {MaxBytes / 1024 / 1024} MB och har inte laddats upp. Dela upp den i flera filer, till exempel en per år, och ladda upp dem en i taget.";

    public async Task<Guid> UploadAsync(ImportKind kind, string fileName, Stream file, CancellationToken ct = default)
    {
        var format = Authorised(kind);
        var content = await ReadLimitedAsync(file, ct);
        var lookups = await LookupsAsync(ct);
        var errors = new List<RowError>();
        var preview = new List<string[]>();
        var periods = new SortedSet<string>(StringComparer.Ordinal);
        int rows = 0, errorCount = 0;
        await foreach (var row in ReadAsync(format, content, lookups, ct))
        {
            rows++;
            if (row.Error is not null)
            {
                errorCount++;
                if (errors.Count < StoredErrors)
                {
                    errors.Add(new RowError(row.Line, row.Error));
                }
                continue;
            }
            if (row.Period is not null)
            {
                periods.Add(row.Period);
            }
            if (preview.Count < PreviewRows)
            {
                preview.Add(row.Preview);
            }
        }
        var batch = new ImportBatch(kind, Path.GetFileName(fileName), content, Convert.ToHexStringLower(SHA256.HashData(content)),
            tenant.UserId ?? Guid.Empty, tenant.DisplayName, time.GetUtcNow());
        batch.Inspected(rows, errorCount, string.Join(",", periods), JsonSerializer.Serialize(new ImportInspection(errors, preview), ImportJson.Default.ImportInspection));
        db.ImportBatches.Add(batch);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Import {BatchId} of {Kind} uploaded: {Rows} rows, {Errors} errors", batch.Id, kind, rows, errorCount);
        return batch.Id;
    }

    /// <summary>Commits a checked batch: every row or none. Returns the number of rows imported.</summary>
    public async Task<int> CommitAsync(Guid batchId, CancellationToken ct = default)
    {
        var batch = await db.ImportBatches.SingleOrDefaultAsync(b => b.Id == batchId, ct) ?? throw new DomainException("Importen finns inte.");
        var format = Authorised(batch.Kind);
        if (batch.Status != ImportStatus.Pending || batch.ErrorCount > 0)
        {
            batch.Commit(0, 0, time.GetUtcNow()); // throws the reason
        }
        if (format.Kind == ImportKind.Incidents && await EarlierImportAsync(batch.Id, batch.Kind, batch.ContentHash, ct) is { } earlier)
        {
            throw new DomainException($"Samma fil importerades redan {Sv.DateTime(earlier)}. Händelserna skulle bli dubbla; inget har importerats.");
        }
        var content = batch.Content;
        var version = batch.Version;
        var lookups = await LookupsAsync(ct);
        var started = time.GetTimestamp();

        // Its own transaction, or the command path's when it runs inside one (Operations saves with the audit in one).
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var replaced = await DeletePeriodsAsync(batch.Kind, batch.Periods.Split(',', StringSplitOptions.RemoveEmptyEntries), ct);
        var rows = 0;
        db.BulkImport = true;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            await foreach (var row in ReadAsync(format, content, lookups, ct))
            {
                if (row.Error is not null)
                {
                    // The kommun changed since the upload (an area renamed, say): nothing is kept.
                    throw new DomainException($"Rad {row.Line}: {row.Error} Ladda upp filen igen; inget har importerats.");
                }
                db.Add(row.Entity!);
                if (++rows % Chunk == 0)
                {
                    await db.SaveChangesAsync(ct);
                    db.ChangeTracker.Clear();
                }
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        catch
        {
            db.ChangeTracker.Clear(); // the transaction rolls back; nothing of this file stays tracked either
            throw;
        }
        finally
        {
            db.BulkImport = false;
            db.ChangeTracker.AutoDetectChangesEnabled = true;
        }

        // The batch's own update is the import's audit entry; its concurrency token stops a second confirmation.
        batch = await db.ImportBatches.SingleAsync(b => b.Id == batchId, ct);
        if (batch.Version != version)
        {
            throw new DomainException("Importen bekräftades samtidigt av någon annan.");
        }
        batch.Commit(rows, replaced, time.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException("Importen bekräftades samtidigt av någon annan.");
        }
        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }
        logger.LogInformation("Import {BatchId} committed: {Rows} rows, {Replaced} replaced, in {Elapsed} ms", batchId, rows, replaced,
            (int)time.GetElapsedTime(started).TotalMilliseconds);
        return rows;
    }

    public async Task DiscardAsync(Guid batchId, CancellationToken ct = default)
    {
        var batch = await db.ImportBatches.SingleOrDefaultAsync(b => b.Id == batchId, ct) ?? throw new DomainException("Importen finns inte.");
        Authorised(batch.Kind);
        batch.Discard(time.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Every bad row of a pending batch, read again from the stored file (the preview holds only the first).</summary>
    public async IAsyncEnumerable<RowError> ErrorsAsync(Guid batchId, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var batch = await db.ImportBatches.AsNoTracking().Where(b => b.Id == batchId).Select(b => new { b.Kind, b.Content }).SingleOrDefaultAsync(ct);
        if (batch is null)
        {
            yield break;
        }
        var lookups = await LookupsAsync(ct);
        await foreach (var row in ReadAsync(ImportFormat.For(batch.Kind), batch.Content, lookups, ct))
        {
            if (row.Error is not null)
            {
                yield return new RowError(row.Line, row.Error);
            }
        }
    }

    /// <summary>When the same file was already imported (same kind, same bytes), when that was.</summary>
    public Task<DateTimeOffset?> EarlierImportAsync(Guid batchId, ImportKind kind, string contentHash, CancellationToken ct = default) =>
        db.ImportBatches.AsNoTracking()
            .Where(b => b.Id != batchId && b.Kind == kind && b.ContentHash == contentHash && b.Status == ImportStatus.Committed)
            .OrderByDescending(b => b.CompletedAt).Select(b => b.CompletedAt).FirstOrDefaultAsync(ct);

    private ImportFormat Authorised(ImportKind kind)
    {
        var format = ImportFormat.For(kind);
        if (!tenant.Has(format.MinimumRole))
        {
            throw new DomainException($"Din roll får inte importera {format.Title.ToLower(Sv.Culture)}.");
        }
        return format;
    }

    private static async Task<byte[]> ReadLimitedAsync(Stream file, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await file.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                throw new DomainException(TooLargeMessage);
            }
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length == 0)
        {
            throw new DomainException("Filen är tom.");
        }
        return buffer.ToArray();
    }

    private async Task<ImportLookups> LookupsAsync(CancellationToken ct)
    {
        var areas = await db.Areas.AsNoTracking().Select(a => new { a.Name, a.Id }).ToListAsync(ct);
        var categories = await db.IncidentCategories.AsNoTracking().Select(c => new { c.Name, c.Id }).ToListAsync(ct);
        var comparer = StringComparer.Create(Sv.Culture, ignoreCase: true);
        return new ImportLookups(
            areas.DistinctBy(a => a.Name, comparer).ToDictionary(a => a.Name, a => a.Id, comparer),
            categories.DistinctBy(c => c.Name, comparer).ToDictionary(c => c.Name, c => c.Id, comparer),
            tenant.Membership?.OrganisationName ?? "",
            time.GetUtcNow());
    }

    /// <summary>Reads the rows after the header; a file that cannot be read at all gives one bad row saying why.</summary>
    private static async IAsyncEnumerable<ParsedRow> ReadAsync(ImportFormat format, byte[] content, ImportLookups lookups,
        [EnumeratorCancellation] CancellationToken ct)
    {
        using var stream = new MemoryStream(content, writable: false);
        await using var records = CsvReader.ReadAsync(stream, ct).GetAsyncEnumerator(ct);
        int[]? index = null;
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var any = false;
        while (true)
        {
            CsvRecord record;
            string? fileError = null;
            try
            {
                if (!await records.MoveNextAsync())
                {
                    break;
                }
                record = records.Current;
            }
            catch (CsvFormatException e)
            {
                record = new CsvRecord(e.Line, []);
                fileError = e.Message;
            }
            if (fileError is not null)
            {
                yield return ParsedRow.Bad(record.Line, fileError);
                yield break;
            }
            if (index is null)
            {
                var (map, headerError) = format.MapHeader(record.Fields);
                if (headerError is not null)
                {
                    yield return ParsedRow.Bad(record.Line, headerError);
                    yield break;
                }
                index = map;
                continue;
            }
            if (record.Fields.All(string.IsNullOrWhiteSpace))
            {
                continue; // Excel's trailing ;;;; lines
            }
            any = true;
            yield return format.Parse(record, index, lookups, seen);
        }
        if (!any)
        {
            yield return ParsedRow.Bad(index is null ? 1 : 2, index is null ? "Filen är tom." : "Filen har inga rader under rubrikraden.");
        }
    }

    private async Task<int> DeletePeriodsAsync(ImportKind kind, string[] periods, CancellationToken ct)
    {
        switch (kind)
        {
            case ImportKind.CrimeStatistics:
                var months = periods.Select(p => int.Parse(p[..4], System.Globalization.CultureInfo.InvariantCulture) * 100
                    + int.Parse(p[5..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
                return await db.CrimeStatistics.Where(s => months.Contains(s.Year * 100 + s.Month)).ExecuteDeleteAsync(ct);
            case ImportKind.SurveyResults:
                var years = periods.Select(p => int.Parse(p, System.Globalization.CultureInfo.InvariantCulture)).ToList();
                return await db.SurveyResults.Where(s => years.Contains(s.Year)).ExecuteDeleteAsync(ct);
            default:
                return 0;
        }
    }
}

public sealed record RowError(int Line, string Message);

/// <summary>What the preview page shows without reading the file again.</summary>
public sealed record ImportInspection(List<RowError> Errors, List<string[]> Preview)
{
    public static ImportInspection Read(string json) =>
        json.Length == 0 ? new([], []) : JsonSerializer.Deserialize(json, ImportJson.Default.ImportInspection) ?? new([], []);
}

[JsonSerializable(typeof(ImportInspection))]
public sealed partial class ImportJson : JsonSerializerContext;
