using System.Diagnostics;
using Microsoft.Extensions.Caching.Memory;

namespace SakraStader.Features.Documents;

/// <summary>Where LibreOffice is, and how long one conversion may take (configuration section <c>Documents</c>).</summary>
public sealed class DocumentOptions
{
    /// <summary>LibreOffice's program; Debian's package <c>libreoffice-writer-nogui</c> puts it here.</summary>
    public string LibreOffice { get; set; } = "/usr/bin/soffice";

    public TimeSpan PdfTimeout { get; set; } = TimeSpan.FromSeconds(60);
}

/// <summary>The server cannot make a PDF now (LibreOffice is missing, or did not answer in time).</summary>
public sealed class PdfUnavailableException(string message) : Exception(message);

/// <summary>
/// PDF from the Word documents we write, made on the server by LibreOffice (headless) with tagged-PDF export:
/// headings, reading order and the pictures' and charts' text alternatives carry over from the Word document, and the
/// text stays selectable (docs/adr/0004). One conversion at a time per instance, in a LibreOffice profile of its own.
/// </summary>
public sealed class PdfConverter(Microsoft.Extensions.Options.IOptions<DocumentOptions> options, ILogger<PdfConverter> log) : IDisposable
{
    private const string TaggedPdf = """pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"},"ExportBookmarks":{"type":"boolean","value":"true"}}""";

    private readonly SemaphoreSlim oneAtATime = new(1, 1);
    private string? profile;

    public const string ContentType = "application/pdf";

    public void Dispose() => oneAtATime.Dispose();

    public async Task<byte[]> ToPdfAsync(byte[] docx, CancellationToken ct = default)
    {
        var soffice = options.Value.LibreOffice;
        if (!File.Exists(soffice))
        {
            throw new PdfUnavailableException("PDF kan inte skapas på den här servern. Hämta Word-dokumentet i stället.");
        }
        // A queue has a limit: whoever would wait longer than one conversion may take gets the answer at once.
        if (!await oneAtATime.WaitAsync(options.Value.PdfTimeout, ct))
        {
            throw new PdfUnavailableException("Många PDF:er skapas just nu. Försök igen om en stund, eller hämta Word-dokumentet.");
        }
        DirectoryInfo? dir = null;
        Process? process = null;
        try
        {
            dir = Directory.CreateTempSubdirectory("sakrastader-pdf-");
            var input = Path.Combine(dir.FullName, "dokument.docx");
            await File.WriteAllBytesAsync(input, docx, ct);
            var start = new ProcessStartInfo(soffice)
            {
                ArgumentList = { $"-env:UserInstallation=file://{Profile}", "--headless", "--norestore", "--nolockcheck", "--convert-to", TaggedPdf, "--outdir", dir.FullName, input },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            try
            {
                process = Process.Start(start);
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                log.LogWarning(e, "LibreOffice could not be started");
            }
            if (process is null)
            {
                throw new PdfUnavailableException("PDF kan inte skapas just nu. Hämta Word-dokumentet i stället.");
            }
            var errors = process.StandardError.ReadToEndAsync(CancellationToken.None);
            _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(options.Value.PdfTimeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                throw new PdfUnavailableException("PDF:en tog för lång tid att skapa. Försök igen om en stund, eller hämta Word-dokumentet.");
            }
            var output = Path.Combine(dir.FullName, "dokument.pdf");
            if (!File.Exists(output))
            {
                var message = await errors.WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None).ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : "", TaskScheduler.Default);
                log.LogWarning("LibreOffice made no PDF (exit {Code}): {Errors}", process.ExitCode, message);
                throw new PdfUnavailableException("PDF kan inte skapas just nu. Hämta Word-dokumentet i stället.");
            }
            return await File.ReadAllBytesAsync(output, ct);
        }
        finally
        {
            // A conversion that was given up (too slow, or the user left) must not outlive its turn: the next one
            // would find the profile in use.
            if (process is not null)
            {
                if (!HasExited(process))
                {
                    process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10), CancellationToken.None)
                        .ContinueWith(_ => { }, TaskScheduler.Default);
                }
                process.Dispose();
            }
            oneAtATime.Release();
            try
            {
                dir?.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A temporary directory left behind is cleaned by the system.
            }
        }
    }

    private static bool HasExited(Process process)
    {
        try
        {
            return process.HasExited;
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }

    /// <summary>This instance's own LibreOffice profile, made once in a fresh temporary directory.</summary>
    private string Profile => profile ??= Directory.CreateTempSubdirectory("sakrastader-libreoffice-").FullName;

    /// <summary>The Word document as a PDF download, or 503 with a Swedish message when the server cannot make one.</summary>
    public Task<IResult> FileAsync(byte[] docx, string fileName, CancellationToken ct) =>
        FileAsync(() => ToPdfAsync(docx, ct), fileName);

    /// <summary>
    /// As <see cref="FileAsync(byte[], string, CancellationToken)"/>, with the PDF kept in <paramref name="cache"/> under
    /// <paramref name="key"/> for <paramref name="lifetime"/>: the Word document is written (by <paramref name="docx"/>)
    /// and converted only when it is not there. A PDF that could not be made is not kept.
    /// </summary>
    public Task<IResult> FileAsync(IMemoryCache cache, object key, TimeSpan lifetime, Func<Task<byte[]>> docx, string fileName, CancellationToken ct) =>
        FileAsync(async () =>
        {
            if (!cache.TryGetValue(key, out byte[]? bytes) || bytes is null)
            {
                bytes = cache.Set(key, await ToPdfAsync(await docx(), ct), lifetime);
            }
            return bytes;
        }, fileName);

    private static async Task<IResult> FileAsync(Func<Task<byte[]>> pdf, string fileName)
    {
        try
        {
            return Results.File(await pdf(), ContentType, fileName);
        }
        catch (PdfUnavailableException e)
        {
            return Results.Text(e.Message, "text/plain; charset=utf-8", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
