using System.Diagnostics;
using Microsoft.Extensions.Caching.Memory;

namespace SakraStader.Features.Documents;

/// <summary>Where LibreOffice is, and how long one conversion may take (configuration section <c>Documents</c>).</summary>
public sealed class DocumentOptions
{
    /// <summary>LibreOffice's program; Debian's package <c>libreoffice-writer-nogui</c> puts it here.</summary>
    public string LibreOffice { get; set; } = "/usr/bin/soffice";

    public TimeSpan PdfTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Keep one LibreOffice running per instance and hand it each document through its UNO bridge (Python, Debian's
    /// <c>python3-uno</c>): a conversion then takes a fraction of a second instead of the 3–5 s a fresh start costs.
    /// Without Python's UNO bridge, or when the kept LibreOffice fails, each PDF starts LibreOffice on its own.
    /// </summary>
    public bool KeepLibreOfficeRunning { get; set; } = true;

    /// <summary>Start the kept LibreOffice when the app starts, so that the first PDF is as quick as the others.</summary>
    public bool StartLibreOfficeEarly { get; set; }

    /// <summary>The Python that has LibreOffice's UNO bridge (Debian's <c>python3-uno</c> installs it for this one).</summary>
    public string Python { get; set; } = "/usr/bin/python3";
}

/// <summary>The server cannot make a PDF now (LibreOffice is missing, or did not answer in time).</summary>
public sealed class PdfUnavailableException(string message) : Exception(message);

/// <summary>
/// PDF from the Word documents we write, made on the server by LibreOffice (headless) with tagged-PDF export:
/// headings, reading order and the pictures' and charts' text alternatives carry over from the Word document, and the
/// text stays selectable (docs/adr/0004). One conversion at a time per instance. LibreOffice is kept running (its own
/// profile, listening on a named pipe of this instance) and given each document through its UNO bridge; should that
/// fail, the conversion is made by a LibreOffice started for it alone, in another profile, and the kept one is started
/// again for the next.
/// </summary>
public sealed class PdfConverter(Microsoft.Extensions.Options.IOptions<DocumentOptions> options, ILogger<PdfConverter> log) : IHostedService, IDisposable
{
    /// <summary>Connects to the kept LibreOffice (waiting while it starts), opens the Word file hidden and stores it as tagged PDF.</summary>
    private const string UnoScript = """
        import os, sys, time, uno
        from com.sun.star.beans import PropertyValue
        from com.sun.star.connection import NoConnectException

        def prop(name, value):
            p = PropertyValue()
            p.Name = name
            p.Value = value
            return p

        pipe, source, target, wait = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        deadline = time.monotonic() + wait
        while True:
            try:
                ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
                break
            except NoConnectException:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(source), "_blank", 0, (prop("Hidden", True), prop("ReadOnly", True)))
        try:
            data = uno.Any("[]com.sun.star.beans.PropertyValue", (prop("UseTaggedPDF", True), prop("ExportBookmarks", True)))
            uno.invoke(doc, "storeToURL", (uno.systemPathToFileUrl(target), (prop("FilterName", "writer_pdf_Export"), prop("FilterData", data))))
        finally:
            doc.close(True)
        # Python's UNO bridge can crash while the interpreter tears it down (exit 139), after the PDF is written:
        # leave at once instead.
        sys.stdout.flush()
        os._exit(0)
        """;

    private readonly string pipe = $"sakrastader-{Environment.ProcessId}-{Guid.NewGuid():N}";
    private Process? kept;
    private string? keptProfile;
    private string? script;
    private bool bridgeMissing;

    private const string TaggedPdf = """pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"},"ExportBookmarks":{"type":"boolean","value":"true"}}""";

    private readonly SemaphoreSlim oneAtATime = new(1, 1);
    private string? profile;

    public const string ContentType = "application/pdf";

    public void Dispose()
    {
        StopKept(fresh: true);
        oneAtATime.Dispose();
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.StartLibreOfficeEarly && CanKeep)
        {
            StartKept();
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        StopKept();
        return Task.CompletedTask;
    }

    /// <summary>The kept LibreOffice's process, while it runs (for tests).</summary>
    internal int? KeptProcessId
    {
        get
        {
            lock (pipe)
            {
                return kept is { } k && !HasExited(k) ? k.Id : null;
            }
        }
    }

    private bool CanKeep => options.Value.KeepLibreOfficeRunning && !bridgeMissing && File.Exists(options.Value.LibreOffice) && File.Exists(options.Value.Python);

    /// <summary>Starts the kept LibreOffice unless it runs; its UNO bridge listens on this instance's pipe.</summary>
    private void StartKept()
    {
        lock (pipe)
        {
            if (kept is not null && !HasExited(kept))
            {
                return;
            }
            kept?.Dispose();
            keptProfile ??= Directory.CreateTempSubdirectory("sakrastader-libreoffice-kept-").FullName;
            var start = new ProcessStartInfo(options.Value.LibreOffice)
            {
                ArgumentList = { $"-env:UserInstallation=file://{keptProfile}", "--headless", "--invisible", "--norestore", "--nologo", "--nodefault", "--nolockcheck", $"--accept=pipe,name={pipe};urp;" },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            try
            {
                kept = Process.Start(start);
                if (kept is not null)
                {
                    _ = kept.StandardOutput.ReadToEndAsync(CancellationToken.None);
                    _ = kept.StandardError.ReadToEndAsync(CancellationToken.None);
                }
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                log.LogWarning(e, "LibreOffice could not be started to be kept running");
                kept = null;
            }
        }
    }

    /// <summary>
    /// How long one conversion by the kept LibreOffice may take, waiting for it to start included; after that the PDF
    /// is made the old way within what is left of <see cref="DocumentOptions.PdfTimeout"/>.
    /// </summary>
    private TimeSpan KeptTimeout => TimeSpan.FromTicks(Math.Min(options.Value.PdfTimeout.Ticks, TimeSpan.FromSeconds(25).Ticks));

    /// <param name="fresh">Start the next one in a new profile: the old one may be left broken by a killed process.</param>
    private void StopKept(bool fresh = false)
    {
        lock (pipe)
        {
            if (kept is not null)
            {
                if (!HasExited(kept))
                {
                    kept.Kill(entireProcessTree: true);
                }
                kept.Dispose();
                kept = null;
            }
            if (fresh && keptProfile is not null)
            {
                TryDelete(keptProfile);
                keptProfile = null;
                script = null;
            }
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A temporary directory left behind is cleaned by the system.
        }
        catch (UnauthorizedAccessException)
        {
            // Likewise.
        }
    }

    /// <summary>The document converted by the kept LibreOffice, or null when that did not work (then it is restarted).</summary>
    private async Task<byte[]?> ThroughKeptAsync(string input, string output, CancellationToken ct)
    {
        StartKept();
        string? profile;
        lock (pipe)
        {
            profile = kept is null ? null : keptProfile;
        }
        if (profile is null)
        {
            return null;
        }
        Process? process;
        try
        {
            var path = Path.Combine(profile, "till-pdf.py");
            if (script != path)
            {
                await File.WriteAllTextAsync(path, UnoScript, CancellationToken.None);
                script = path;
            }
            var wait = (KeptTimeout - TimeSpan.FromSeconds(5)).TotalSeconds;
            var start = new ProcessStartInfo(options.Value.Python)
            {
                // A LibreOffice that has just been started takes a few seconds before it answers on the pipe.
                ArgumentList = { path, pipe, input, output, Math.Max(1, wait).ToString(System.Globalization.CultureInfo.InvariantCulture) },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            process = Process.Start(start);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.ComponentModel.Win32Exception)
        {
            log.LogWarning(e, "The kept LibreOffice could not be given the document");
            return null;
        }
        if (process is null)
        {
            return null;
        }
        using var running = process;
        var errors = process.StandardError.ReadToEndAsync(CancellationToken.None);
        _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(KeptTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            if (ct.IsCancellationRequested)
            {
                // The user left: the kept LibreOffice finishes this document and stays for the next.
                throw;
            }
            // The kept LibreOffice did not answer in time (stuck, or never started): the PDF is made the old way, and
            // the next conversion gets a fresh one in a new profile.
            log.LogWarning("The kept LibreOffice did not answer within {Seconds} s", KeptTimeout.TotalSeconds);
            StopKept(fresh: true);
            return null;
        }
        if (process.ExitCode == 0 && File.Exists(output))
        {
            return await File.ReadAllBytesAsync(output, ct);
        }
        var message = await errors;
        if (message.Contains("No module named 'uno'", StringComparison.Ordinal))
        {
            // Python without LibreOffice's bridge: every PDF is made by a LibreOffice of its own from now on.
            bridgeMissing = true;
        }
        log.LogWarning("The kept LibreOffice made no PDF (exit {Code}): {Errors}", process.ExitCode, message);
        StopKept(fresh: true);
        return null;
    }

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
            if (CanKeep && await ThroughKeptAsync(input, Path.Combine(dir.FullName, "kept.pdf"), ct) is { } quick)
            {
                return quick;
            }
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
