using System.Text;
using SakraStader.Features.Import;

namespace SakraStader.Tests.Unit;

public sealed class CsvReaderTests
{
    private static async Task<List<CsvRecord>> ReadAsync(byte[] bytes)
    {
        var records = new List<CsvRecord>();
        await foreach (var r in CsvReader.ReadAsync(new MemoryStream(bytes)))
        {
            records.Add(r);
        }
        return records;
    }

    private static Task<List<CsvRecord>> ReadAsync(string text) => ReadAsync(Encoding.UTF8.GetBytes(text));

    [Fact]
    public async Task Reads_what_Swedish_Excel_writes_with_a_byte_order_mark_and_CRLF()
    {
        var records = await ReadAsync([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes("År;Område\r\n2026;Hässleholmen–Hulta\r\n")]);

        Assert.Equal([["År", "Område"], ["2026", "Hässleholmen–Hulta"]], records.Select(r => r.Fields));
        Assert.Equal([1, 2], records.Select(r => r.Line));
    }

    [Fact]
    public async Task Quoted_fields_keep_semicolons_quotes_and_line_breaks_and_line_numbers_follow_the_file()
    {
        var records = await ReadAsync("a;b\n\"x;y\";\"han sa \"\"hej\"\"\"\n\"två\nrader\";z\nsista;rad");

        Assert.Equal(["x;y", "han sa \"hej\""], records[1].Fields);
        Assert.Equal(["två\nrader", "z"], records[2].Fields);
        Assert.Equal(3, records[2].Line);
        Assert.Equal(5, records[3].Line);
        Assert.Equal(["sista", "rad"], records[3].Fields); // no line end after the last row
    }

    [Fact]
    public async Task Empty_lines_are_skipped_and_empty_fields_kept()
    {
        var records = await ReadAsync("a;b;c\r\n\r\n1;;3\r\n");

        Assert.Equal([["a", "b", "c"], ["1", "", "3"]], records.Select(r => r.Fields));
        Assert.Equal(3, records[1].Line);
    }

    [Fact]
    public async Task A_file_in_another_encoding_or_with_an_open_quote_is_refused_with_the_reason()
    {
        var latin1 = await Assert.ThrowsAsync<CsvFormatException>(() => ReadAsync(Encoding.Latin1.GetBytes("År;Område\n2026;Örebro\n")));
        Assert.Contains("UTF-8", latin1.Message, StringComparison.Ordinal);

        var open = await Assert.ThrowsAsync<CsvFormatException>(() => ReadAsync("a;b\n1;\"öppen\n2;3\n"));
        Assert.Equal(2, open.Line);
    }

    [Theory]
    [InlineData("enkel", "enkel")]
    [InlineData("a;b", "\"a;b\"")]
    [InlineData("sa \"hej\"", "\"sa \"\"hej\"\"\"")]
    public async Task What_we_write_reads_back_the_same(string value, string written)
    {
        Assert.Equal(written, CsvReader.Quote(value));
        var records = await ReadAsync(CsvReader.Line(value, "x") + "\r\n");
        Assert.Equal([value, "x"], records.Single().Fields);
    }

    [Fact]
    public async Task Reads_a_long_file_across_buffer_boundaries()
    {
        var text = new StringBuilder("a;b\n");
        for (var i = 0; i < 50_000; i++)
        {
            text.Append(i).Append(";\"text ").Append(i).Append("\"\n");
        }
        var count = 0;
        await foreach (var r in CsvReader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(text.ToString()))))
        {
            if (r.Line > 1)
            {
                Assert.Equal($"text {r.Line - 2}", r.Fields[1]);
            }
            count++;
        }
        Assert.Equal(50_001, count);
    }
}
