using System.Diagnostics;

namespace SakraStader.Tests.Support;

/// <summary>
/// Converts a document with Debian's LibreOffice (headless), as a reader's office suite would open it. The test script
/// installs the package; a missing LibreOffice fails the test rather than skipping it.
/// </summary>
public static class LibreOffice
{
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);
    private static readonly string[] Programs = ["/usr/bin/soffice", "/usr/bin/libreoffice"];

    public static Task<string> ConvertAsync(byte[] document, string extension, string to) =>
        ConvertAsync(document, extension, to, async path => await File.ReadAllTextAsync(path));

    /// <summary>
    /// The document as a PDF made by LibreOffice, read back with poppler's pdftotext (in reading order, with the page
    /// headers and footers) and pdfinfo (the page count). Saved as <paramref name="saveAs"/> in the screenshots when given.
    /// </summary>
    public static Task<(int Pages, string Text)> PdfAsync(byte[] document, string extension, string? saveAs = null) =>
        ConvertAsync(document, extension, "pdf", async path =>
        {
            if (saveAs is not null)
            {
                var artifacts = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "artifacts", "screenshots");
                Directory.CreateDirectory(artifacts);
                File.Copy(path, Path.Combine(artifacts, saveAs), overwrite: true);
            }
            var text = await RunAsync("/usr/bin/pdftotext", "-layout", path, "-");
            var info = await RunAsync("/usr/bin/pdfinfo", path);
            var pages = info.Split('\n').Single(l => l.StartsWith("Pages:", StringComparison.Ordinal))["Pages:".Length..].Trim();
            return (int.Parse(pages, System.Globalization.CultureInfo.InvariantCulture), text);
        });

    /// <summary>A PDF read back with poppler: its page count, whether it is tagged, and its text in reading order.</summary>
    public static async Task<(int Pages, bool Tagged, string Text)> ReadPdfAsync(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), $"sakrastader-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(path, pdf);
        try
        {
            var info = (await RunAsync("/usr/bin/pdfinfo", path)).Split('\n');
            string Field(string name) => info.Single(l => l.StartsWith(name + ":", StringComparison.Ordinal))[(name.Length + 1)..].Trim();
            return (int.Parse(Field("Pages"), System.Globalization.CultureInfo.InvariantCulture), Field("Tagged") == "yes",
                await RunAsync("/usr/bin/pdftotext", "-layout", path, "-"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>
    /// The pictures in a PDF (poppler's pdfimages: one line each), and its first pages as PNG in the screenshots
    /// (poppler's pdftoppm), named <paramref name="saveAs"/>-1.png and so on, to be looked at as a reader would.
    /// </summary>
    public static async Task<int> PdfPicturesAsync(byte[] pdf, string saveAs, int pages = 3)
    {
        var dir = Directory.CreateTempSubdirectory("sakrastader-pdf-");
        try
        {
            var path = Path.Combine(dir.FullName, "dokument.pdf");
            await File.WriteAllBytesAsync(path, pdf);
            var artifacts = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "artifacts", "screenshots");
            Directory.CreateDirectory(artifacts);
            await RunAsync("/usr/bin/pdftoppm", "-png", "-r", "60", "-l", pages.ToString(System.Globalization.CultureInfo.InvariantCulture), path, Path.Combine(artifacts, saveAs));
            var list = await RunAsync("/usr/bin/pdfimages", "-list", path);
            // Two header lines, then one line per picture.
            return list.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 2;
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static async Task<string> RunAsync(string program, params string[] arguments)
    {
        if (!File.Exists(program))
        {
            throw new InvalidOperationException($"{program} saknas. scripts/test.sh installerar paketet poppler-utils.");
        }
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? await output : throw new InvalidOperationException($"{program}: {await errors}");
    }

    private static async Task<T> ConvertAsync<T>(byte[] document, string extension, string to, Func<string, Task<T>> read)
    {
        var soffice = Programs.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("LibreOffice saknas. scripts/test.sh installerar paketet libreoffice-writer-nogui.");
        var dir = Directory.CreateTempSubdirectory("sakrastader-lo-");
        await OneAtATime.WaitAsync();
        try
        {
            var input = Path.Combine(dir.FullName, "dokument." + extension);
            await File.WriteAllBytesAsync(input, document);
            var start = new ProcessStartInfo(soffice)
            {
                ArgumentList = { $"-env:UserInstallation=file://{dir.FullName}/profil", "--headless", "--norestore", "--convert-to", to, "--outdir", dir.FullName, input },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync(timeout.Token);
            var result = Path.Combine(dir.FullName, "dokument." + to);
            if (!File.Exists(result))
            {
                throw new InvalidOperationException($"LibreOffice gav ingen fil ({process.ExitCode}): {await output} {await errors}");
            }
            return await read(result);
        }
        finally
        {
            OneAtATime.Release();
            dir.Delete(recursive: true);
        }
    }
}
