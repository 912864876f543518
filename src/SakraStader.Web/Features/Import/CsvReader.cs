using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using CsvHelper;
using Utf8 = System.Text.Unicode.Utf8;

namespace SakraStader.Features.Import;

/// <summary>One record of a CSV file and the line it starts on (1 is the file's first line).</summary>
public sealed record CsvRecord(int Line, string[] Fields);

/// <summary>
/// Reads CSV as Swedish Excel writes it, with CsvHelper doing the parsing: semicolon-separated UTF-8, with or without a
/// byte order mark, CRLF or LF line ends, fields in double quotes when they hold a semicolon, a quote or a line break
/// ("" is a quote inside quotes), and Excel's optional first line <c>sep=;</c> (which names the separator and is not a
/// record). Unquoted fields are trimmed. Line numbers are the file's own lines.
/// A file that is not UTF-8 (Windows-1252 from an older Excel) is refused with a message saying how to save it as
/// UTF-8, instead of being guessed at: a wrong guess would store wrong names silently (docs/adr/0004).
/// </summary>
public static class CsvReader
{
    public const char Separator = ';';

    public static async IAsyncEnumerable<CsvRecord> ReadAsync(Stream stream, [EnumeratorCancellation] CancellationToken ct = default)
    {
        byte[] content;
        if (stream is MemoryStream memory && memory.Position == 0)
        {
            content = memory.ToArray();
        }
        else
        {
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy, ct);
            content = copy.ToArray();
        }
        foreach (var record in Read(content, ct))
        {
            yield return record;
        }
    }

    /// <summary>Reads the records of a file held in memory, one at a time.</summary>
    public static IEnumerable<CsvRecord> Read(ReadOnlyMemory<byte> content, CancellationToken ct = default)
    {
        content = Utf8Content(content);
        var (separator, skippedLines) = SeparatorLine(content.Span);
        if (skippedLines > 0)
        {
            var end = content.Span.IndexOf((byte)'\n');
            content = end < 0 ? ReadOnlyMemory<byte>.Empty : content[(end + 1)..];
        }
        CsvMalformedRecord? unclosed = null;
        var options = new CsvReaderOptions
        {
            Separator = separator,
            HasHeader = false,
            TrackLineNumbers = true,
            TrimWhitespace = true,
            SkipEmptyLines = true,
            OnMalformedRecord = m =>
            {
                if (m.Reason == CsvMalformedReason.UnterminatedQuote)
                {
                    unclosed ??= m;
                }
            },
        };
        using var reader = CsvHelper.CsvReader.Create(content, options);
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            if (!reader.Read())
            {
                break;
            }
            var line = (int)reader.LineNumber + skippedLines;
            if (unclosed is not null)
            {
                throw new CsvFormatException(line, "Ett citattecken (\") öppnas men stängs aldrig. Kontrollera raden.");
            }
            var fields = new string[reader.FieldCount];
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = reader.GetString(i);
            }
            yield return new CsvRecord(line, fields);
        }
        if (unclosed is not null)
        {
            throw new CsvFormatException((int)unclosed.Value.LineNumber + skippedLines, "Ett citattecken (\") öppnas men stängs aldrig. Kontrollera raden.");
        }
    }

    /// <summary>
    /// The content as UTF-8 without a byte order mark: UTF-16 with its mark is converted, anything else must be valid
    /// UTF-8 or the file is refused, naming the first line that is not.
    /// </summary>
    private static ReadOnlyMemory<byte> Utf8Content(ReadOnlyMemory<byte> content)
    {
        var span = content.Span;
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            content = content[3..];
        }
        else if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || span.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            var encoding = span[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode;
            return Encoding.UTF8.GetBytes(encoding.GetString(span[2..]));
        }
        span = content.Span;
        if (!Utf8.IsValid(span))
        {
            var chars = ArrayPool<char>.Shared.Rent(Math.Min(span.Length, 1 << 20) + 4);
            try
            {
                var read = 0;
                while (true)
                {
                    var status = Utf8.ToUtf16(span[read..], chars, out var bytesRead, out _, replaceInvalidSequences: false);
                    read += bytesRead;
                    if (status != OperationStatus.DestinationTooSmall)
                    {
                        break;
                    }
                }
                var line = span[..read].Count((byte)'\n') + 1;
                throw new CsvFormatException(line, NotUtf8);
            }
            finally
            {
                ArrayPool<char>.Shared.Return(chars);
            }
        }
        return content;
    }

    /// <summary>The message for a file in another encoding than UTF-8, with the steps that fix it.</summary>
    public const string NotUtf8 =
        "Filen är inte sparad som UTF-8 (den är troligen sparad som ”CSV (semikolonavgränsad)” i en äldre Excel, som skriver å, ä och ö på ett annat sätt). "
        + "Öppna filen i Excel, välj Arkiv → Spara som, välj filformatet ”CSV UTF-8 (kommaavgränsad) (*.csv)” och ladda upp den nya filen. "
        + "I LibreOffice: Spara som → Text CSV, teckenuppsättning Unicode (UTF-8), fältavgränsare semikolon.";

    /// <summary>Excel's <c>sep=;</c> first line: the separator it names, and that one line to skip.</summary>
    private static (char Separator, int SkippedLines) SeparatorLine(ReadOnlySpan<byte> content)
    {
        if (content.Length >= 5 && Ascii.EqualsIgnoreCase(content[..4], "sep="u8) && content[4] is > 0x20 and < 0x7F and not (byte)'"'
            && (content.Length == 5 || content[5] is (byte)'\r' or (byte)'\n'))
        {
            return ((char)content[4], 1);
        }
        return (Separator, 0);
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
