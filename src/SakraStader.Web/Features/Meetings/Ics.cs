using System.Globalization;
using System.Text;

namespace SakraStader.Features.Meetings;

/// <summary>Writes meetings as an iCalendar (RFC 5545) file that Outlook and other calendars import and subscribe to.</summary>
public static class Ics
{
    public sealed record CalendarEvent(Guid Id, string Summary, DateTimeOffset Start, DateTimeOffset End, string Location, string Url, bool Cancelled);

    public static string Calendar(string name, IEnumerable<CalendarEvent> events, DateTimeOffset now)
    {
        var sb = new StringBuilder();
        Line(sb, "BEGIN:VCALENDAR");
        Line(sb, "VERSION:2.0");
        Line(sb, "PRODID:-//Säkra städer//Möten//SV");
        Line(sb, "CALSCALE:GREGORIAN");
        Line(sb, "METHOD:PUBLISH");
        Line(sb, "X-WR-CALNAME:" + Escape(name));
        foreach (var e in events)
        {
            Line(sb, "BEGIN:VEVENT");
            Line(sb, $"UID:{e.Id:N}@sakrastader");
            Line(sb, "DTSTAMP:" + Utc(now));
            Line(sb, "DTSTART:" + Utc(e.Start));
            Line(sb, "DTEND:" + Utc(e.End));
            Line(sb, "SUMMARY:" + Escape(e.Summary));
            if (e.Location.Length > 0)
            {
                Line(sb, "LOCATION:" + Escape(e.Location));
            }
            Line(sb, "URL:" + e.Url);
            Line(sb, "STATUS:" + (e.Cancelled ? "CANCELLED" : "CONFIRMED"));
            Line(sb, "END:VEVENT");
        }
        Line(sb, "END:VCALENDAR");
        return sb.ToString();
    }

    private static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    internal static string Escape(string text) => text
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace(";", "\\;", StringComparison.Ordinal)
        .Replace(",", "\\,", StringComparison.Ordinal)
        .Replace("\r\n", "\\n", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>CRLF line endings, folded at 75 octets of UTF-8 as RFC 5545 requires.</summary>
    private static void Line(StringBuilder sb, string line)
    {
        var bytes = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (bytes + size > 75)
            {
                sb.Append("\r\n ");
                bytes = 1;
            }
            sb.Append(rune.ToString());
            bytes += size;
        }
        sb.Append("\r\n");
    }
}
