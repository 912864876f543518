namespace SakraStader.Domain;

public enum ImportKind
{
    CrimeStatistics = 0,
    SurveyResults = 1,
    Incidents = 2,
}

public enum ImportStatus
{
    /// <summary>Uploaded and checked; waits for the user to look at the preview and confirm.</summary>
    Pending = 0,
    Committed = 1,
    Discarded = 2,
}

/// <summary>
/// An uploaded CSV file between upload and confirmation. The file itself is kept in the database (not in an instance's
/// memory or disk), so the preview and the confirmation may be served by different app instances. Confirming commits
/// every row or none; the batch's own change of status is the one audit entry that summarises the import.
/// </summary>
public sealed class ImportBatch : TenantEntity, IVersioned
{
    public const int FileNameMax = 200;

    private ImportBatch() { }

    public ImportBatch(ImportKind kind, string fileName, byte[] content, string contentHash, Guid uploadedBy, string uploadedByName,
        DateTimeOffset uploadedAt)
    {
        Kind = kind;
        FileName = fileName.Length > FileNameMax ? fileName[..FileNameMax] : fileName;
        Content = content;
        ContentHash = contentHash;
        UploadedBy = uploadedBy;
        UploadedByName = uploadedByName;
        UploadedAt = uploadedAt;
    }

    public ImportKind Kind { get; private set; }

    public string FileName { get; private set; } = "";

    /// <summary>The uploaded bytes while the batch is pending; emptied once it is committed or discarded.</summary>
    public byte[] Content { get; private set; } = [];

    /// <summary>SHA-256 of the file (hex), to notice the same file imported twice.</summary>
    public string ContentHash { get; private set; } = "";

    public Guid UploadedBy { get; private set; }

    public string UploadedByName { get; private set; } = "";

    public DateTimeOffset UploadedAt { get; private set; }

    public ImportStatus Status { get; private set; }

    public int RowCount { get; private set; }

    public int ErrorCount { get; private set; }

    /// <summary>The periods the file covers ("2026-03", "2025"), comma-separated; these are replaced on commit.</summary>
    public string Periods { get; private set; } = "";

    /// <summary>The first errors and the first rows as JSON, for the preview page; the full list is re-read from the file.</summary>
    public string InspectionJson { get; private set; } = "";

    /// <summary>Rows of earlier imports that this one replaced.</summary>
    public int ReplacedCount { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    /// <summary>Concurrency token: two confirmations of one batch cannot both commit its rows.</summary>
    public Guid Version { get; private set; } = Guid.NewGuid();

    public void Inspected(int rowCount, int errorCount, string periods, string inspectionJson)
    {
        RowCount = rowCount;
        ErrorCount = errorCount;
        Periods = periods;
        InspectionJson = inspectionJson;
    }

    public void Commit(int rowCount, int replacedCount, DateTimeOffset at)
    {
        EnsurePending();
        if (ErrorCount > 0)
        {
            throw new DomainException("Filen har fel. Rätta dem och ladda upp filen igen; inget har importerats.");
        }
        Status = ImportStatus.Committed;
        RowCount = rowCount;
        ReplacedCount = replacedCount;
        CompletedAt = at;
        Content = [];
    }

    public void Discard(DateTimeOffset at)
    {
        EnsurePending();
        Status = ImportStatus.Discarded;
        CompletedAt = at;
        Content = [];
    }

    private void EnsurePending()
    {
        if (Status != ImportStatus.Pending)
        {
            throw new DomainException(Status == ImportStatus.Committed ? "Filen är redan importerad." : "Importen är avbruten. Ladda upp filen igen.");
        }
    }
}

/// <summary>Rows that arrive by the thousand in an import; their batch's audit entry stands for them.</summary>
public interface IBulkImported;
