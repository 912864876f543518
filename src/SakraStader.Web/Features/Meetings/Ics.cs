using Ical.Net;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace SakraStader.Features.Meetings;

/// <summary>
/// Writes meetings as an iCalendar (RFC 5545) file that Outlook and other calendars import and subscribe to, with
/// Ical.Net: it escapes text, folds long lines at 75 octets and ends lines with CRLF. Times are written in UTC
/// (<c>20260310T080000Z</c>), which every calendar shows in its own zone, so no VTIMEZONE is needed.
/// </summary>
public static class Ics
{
    public sealed record CalendarEvent(Guid Id, string Summary, DateTimeOffset Start, DateTimeOffset End, string Location, string Url, bool Cancelled);

    public static string Calendar(string name, IEnumerable<CalendarEvent> events, DateTimeOffset now)
    {
        var calendar = new Ical.Net.Calendar
        {
            ProductId = "-//Säkra städer//Möten//SV",
            Method = "PUBLISH",
            Scale = "GREGORIAN",
        };
        calendar.AddProperty("X-WR-CALNAME", name);
        foreach (var e in events)
        {
            var item = new Ical.Net.CalendarComponents.CalendarEvent
            {
                Uid = $"{e.Id:N}@sakrastader",
                DtStamp = Utc(now),
                DtStart = Utc(e.Start),
                DtEnd = Utc(e.End),
                Summary = e.Summary,
                Url = new Uri(e.Url),
                Status = e.Cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
            };
            if (e.Location.Length > 0)
            {
                item.Location = e.Location;
            }
            calendar.Events.Add(item);
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    private static CalDateTime Utc(DateTimeOffset at) => new(at.UtcDateTime, CalDateTime.UtcTzId);
}
