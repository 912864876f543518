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

    public static async Task<string> ConvertAsync(byte[] document, string extension, string to)
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
            return await File.ReadAllTextAsync(result);
        }
        finally
        {
            OneAtATime.Release();
            dir.Delete(recursive: true);
        }
    }
}
