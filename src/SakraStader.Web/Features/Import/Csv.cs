using CsvHelper;

namespace SakraStader.Features.Import;

/// <summary>
/// CSV that we write (exports, import templates, the bad rows of an import), with CsvHelper: semicolon-separated UTF-8
/// with a byte order mark and CRLF, as Swedish Excel opens it. A text cell that starts with =, +, -, @, a tab or a CR
/// gets a leading apostrophe, so a spreadsheet shows it as text instead of running it as a formula (CSV injection).
/// </summary>
public static class Csv
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static readonly CsvWriterOptions Options = new()
    {
        Separator = CsvReader.Separator,
        Injection = CsvInjection.Escape,
        WriteByteOrderMark = true,
    };

    public static CsvWriter Create(Stream destination) => CsvWriter.Create(destination, Options, leaveOpen: true);

    public static byte[] Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        using var buffer = new MemoryStream();
        using (var writer = Create(buffer))
        {
            writer.WriteRecord([.. header]);
            foreach (var row in rows)
            {
                writer.WriteRecord([.. row]);
            }
        }
        return buffer.ToArray();
    }
}
