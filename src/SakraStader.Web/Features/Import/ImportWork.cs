using Microsoft.EntityFrameworkCore;
using SakraStader.Data;
using SakraStader.Domain;
using SakraStader.Features.Commands;
using SakraStader.Tenancy;

namespace SakraStader.Features.Import;

/// <summary>
/// The import pages' reads and commands. Upload, commit and discard are <see cref="ImportHandler"/>'s (it holds the
/// rules: the role per kind of file, the size limit, all rows or none); this class gives the pages records and checks
/// that a confirmation is of the batch the user saw.
/// </summary>
public sealed class ImportWork(AppDbContext db, ImportHandler imports, TenantContext tenant)
{
    public const string ChangedMeanwhile = "Importen har ändrats sedan du öppnade den (någon annan har bekräftat eller avbrutit den). Läs sidan igen.";

    /// <summary>The upload page: the formats the user's role may import and the latest batches.</summary>
    public async Task<ImportPageModel> ReadPageAsync(CancellationToken ct = default)
    {
        var recent = await db.ImportBatches.AsNoTracking().OrderByDescending(b => b.UploadedAt).Take(10)
            .Select(b => new ImportRecent(b.Id, b.FileName, b.Kind, b.UploadedAt, b.UploadedByName, b.RowCount, b.ErrorCount, b.Status)).ToListAsync(ct);
        return new ImportPageModel([.. ImportFormat.All.Where(f => tenant.Has(f.MinimumRole)).Select(f => f.Kind)], recent);
    }

    public async Task<ImportBatchModel?> ReadBatchAsync(Guid id, CancellationToken ct = default)
    {
        var batch = await db.ImportBatches.AsNoTracking().Where(b => b.Id == id)
            .Select(b => new ImportBatchInfo(b.Id, b.Kind, b.FileName, b.UploadedAt, b.UploadedByName, b.Status, b.RowCount, b.ErrorCount, b.Periods,
                b.InspectionJson, b.ReplacedCount, b.CompletedAt, b.ContentHash, b.Version))
            .SingleOrDefaultAsync(ct);
        if (batch is null)
        {
            return null;
        }
        var earlier = batch.Status == ImportStatus.Pending ? await imports.EarlierImportAsync(batch.Id, batch.Kind, batch.ContentHash, ct) : null;
        return new ImportBatchModel(batch, ImportInspection.Read(batch.InspectionJson),
            batch.Periods.Split(',', StringSplitOptions.RemoveEmptyEntries), earlier, tenant.Has(ImportFormat.For(batch.Kind).MinimumRole));
    }

    /// <summary>Checks a file and stores it with what was found; nothing of its rows is imported yet.</summary>
    public Task<Guid> UploadAsync(ImportKind kind, string fileName, Stream file, CancellationToken ct = default)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new DomainException("Välj vad filen innehåller.", "Kind");
        }
        return UploadCheckedAsync(kind, fileName, file, ct);
    }

    private async Task<Guid> UploadCheckedAsync(ImportKind kind, string fileName, Stream file, CancellationToken ct)
    {
        try
        {
            return await imports.UploadAsync(kind, fileName, file, ct);
        }
        catch (DomainException e) when (e.Field is null)
        {
            throw new DomainException(e.Message, "File");
        }
    }

    /// <summary>Imports every row of the batch the user saw, or none. Returns the number of rows.</summary>
    public async Task<int> CommitAsync(Guid id, Guid seenVersion, CancellationToken ct = default)
    {
        await EnsureSeenAsync(id, seenVersion, ct);
        return await imports.CommitAsync(id, ct);
    }

    public async Task DiscardAsync(Guid id, Guid seenVersion, CancellationToken ct = default)
    {
        await EnsureSeenAsync(id, seenVersion, ct);
        await imports.DiscardAsync(id, ct);
    }

    private async Task EnsureSeenAsync(Guid id, Guid seenVersion, CancellationToken ct)
    {
        var version = await db.ImportBatches.AsNoTracking().Where(b => b.Id == id).Select(b => (Guid?)b.Version).SingleOrDefaultAsync(ct)
            ?? throw new DomainException("Importen finns inte.");
        if (version != seenVersion)
        {
            throw new ConflictException(ChangedMeanwhile, null, null);
        }
    }
}

public sealed record ImportRecent(Guid Id, string FileName, ImportKind Kind, DateTimeOffset UploadedAt, string UploadedByName, int RowCount,
    int ErrorCount, ImportStatus Status);

public sealed record ImportPageModel(IReadOnlyList<ImportKind> Kinds, IReadOnlyList<ImportRecent> Recent);

public sealed record ImportBatchInfo(Guid Id, ImportKind Kind, string FileName, DateTimeOffset UploadedAt, string UploadedByName, ImportStatus Status,
    int RowCount, int ErrorCount, string Periods, string InspectionJson, int ReplacedCount, DateTimeOffset? CompletedAt, string ContentHash, Guid Version);

public sealed record ImportBatchModel(ImportBatchInfo Batch, ImportInspection Inspection, string[] Periods, DateTimeOffset? Earlier, bool CanCommit);
