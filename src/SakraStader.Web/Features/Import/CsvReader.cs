using System.Runtime.CompilerServices;
using System.Text;

namespace SakraStader.Features.Import;

/// <summary>One record of a CSV file and the line it starts on (1 is the header).</summary>
public sealed record CsvRecord(int Line, string[] Fields);

/// <summary>
/// Reads CSV as Swedish Excel writes it: semicolon-separated UTF-8, with or without a byte order mark, CRLF or LF line
/// ends, fields in double quotes when they hold a semicolon, a quote or a line break ("" is a quote inside quotes).
/// Streams: it holds one record at a time, so a file of any length reads in constant memory.
/// </summary>
public static class CsvReader
{
    public const char Separator = ';';

    /// <summary>Strict UTF-8: a file saved in another encoding is refused instead of read as garbled text.</summary>
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static async IAsyncEnumerable<CsvRecord> ReadAsync(Stream stream, [EnumeratorCancellation] CancellationToken ct = default)
    {
        using var reader = new StreamReader(stream, Utf8, detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024, leaveOpen: true);
        var buffer = new char[64 * 1024];
        int length = 0, position = 0;
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var quoted = false;      // inside a quoted field
        var wasQuoted = false;   // the current field started with a quote
        var any = false;         // the current record has content

        while (true)
        {
            if (position == length)
            {
                try
                {
                    length = await reader.ReadAsync(buffer, ct);
                }
                catch (DecoderFallbackException)
                {
                    throw new CsvFormatException(line, "Filen är inte sparad som UTF-8. Spara den i Excel som \"CSV UTF-8 (kommaavgränsad)\" och försök igen.");
                }
                position = 0;
                if (length == 0)
                {
                    break;
                }
            }
            var c = buffer[position++];
            if (quoted)
            {
                if (c == '"')
                {
                    if (position == length)
                    {
                        length = await reader.ReadAsync(buffer, ct);
                        position = 0;
                    }
                    if (position < length && buffer[position] == '"')
                    {
                        field.Append('"');
                        position++;
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    if (c == '\n')
                    {
                        line++;
                    }
                    field.Append(c);
                }
                continue;
            }
            switch (c)
            {
                case '"' when field.Length == 0 && !wasQuoted:
                    quoted = true;
                    wasQuoted = true;
                    any = true;
                    break;
                case Separator:
                    fields.Add(Finish(field, wasQuoted));
                    wasQuoted = false;
                    any = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    if (any || field.Length > 0)
                    {
                        fields.Add(Finish(field, wasQuoted));
                        yield return new CsvRecord(recordLine, [.. fields]);
                    }
                    fields.Clear();
                    wasQuoted = false;
                    any = false;
                    line++;
                    recordLine = line;
                    break;
                default:
                    field.Append(c);
                    any = true;
                    break;
            }
        }
        if (quoted)
        {
            throw new CsvFormatException(recordLine, "Ett citattecken (\") öppnas men stängs aldrig. Kontrollera raden.");
        }
        if (any || field.Length > 0)
        {
            fields.Add(Finish(field, wasQuoted));
            yield return new CsvRecord(recordLine, [.. fields]);
        }
    }

    private static string Finish(StringBuilder field, bool wasQuoted)
    {
        var text = wasQuoted ? field.ToString() : field.ToString().Trim();
        field.Clear();
        return text;
    }

    /// <summary>Quotes a field for writing when it needs it, so that what we write reads back the same.</summary>
    public static string Quote(string value) =>
        value.IndexOfAny([Separator, '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    public static string Line(params IEnumerable<string> fields) => string.Join(Separator, fields.Select(Quote));
}

/// <summary>The file as a whole cannot be read (wrong encoding, an unclosed quote).</summary>
public sealed class CsvFormatException(int line, string message) : Exception(message)
{
    public int Line { get; } = line;
}
