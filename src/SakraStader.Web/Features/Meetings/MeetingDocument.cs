using System.Globalization;
using SakraStader.Components.Ui;
using SakraStader.Domain;
using SakraStader.Features.AnnualReports;
using SakraStader.Infrastructure;
using SakraStader.Tenancy;

namespace SakraStader.Features.Meetings;

/// <summary>
/// A meeting's protokoll as a Word document in the Swedish form a kansli files: the kommun and group, time and place;
/// närvarande (ledamöter, ersättare, övriga) and frånvarande; who justerar; the paragraphs numbered § 1, § 2 … with each
/// item's notes and decision; follow-up; and the justering lines with the justerares' names, or, once justerat, the
/// date, the version and who justerade. Written with the Open XML SDK (<see cref="Docx"/>).
/// </summary>
public static class MeetingDocument
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static string FileName(MeetingPageModel m) => $"protokoll-{Sv.Date(m.StartsAt)}.docx";

    public static byte[] Write(Letterheads.LetterheadInfo letterhead, MeetingPageModel m)
    {
        var title = $"Protokoll {m.GroupName} {Sv.LongDate(m.StartsAt)}";
        var doc = new Docx().Frame(letterhead.Frame("Protokoll", m.GroupName, Sv.Date(m.StartsAt)));
        doc.Heading(0, title)
            .Labelled("Tid", $"{Sv.Date(m.StartsAt)} kl. {Sv.Time(m.StartsAt)}–{Sv.Time(m.EndsAt)}")
            .Labelled("Plats", Sv.OrDash(m.Location));
        if (m.Cancelled)
        {
            doc.Text("Mötet ställdes in.");
            return doc.Build(title);
        }

        var chair = m.Members.FirstOrDefault(x => x.IsChair);
        var byMember = m.Attendance.ToDictionary(a => a.MemberId);
        string Line(MemberInfo x) => $"{x.Name}, {x.Organisation}{(x.IsChair ? " (ordförande)" : "")}";
        var present = m.Members.Where(x => byMember.TryGetValue(x.Id, out var a) && a.Status == AttendanceStatus.Present).Select(Line).ToList();
        var substitutes = m.Members.Where(x => byMember.TryGetValue(x.Id, out var a) && a.Status == AttendanceStatus.Substitute)
            .Select(x => $"{byMember[x.Id].Substitute ?? "–"}, ersättare för {x.Name}").ToList();
        var absent = m.Members.Where(x => byMember.TryGetValue(x.Id, out var a) && a.Status == AttendanceStatus.Absent).Select(x => x.Name).ToList();
        doc.Heading(1, "Närvarande");
        if (m.Attendance.Count == 0 && m.OtherAttendees.Length == 0)
        {
            doc.Text("Närvaron är inte antecknad.");
        }
        else
        {
            doc.Labelled("Ledamöter", present.Count == 0 ? "–" : string.Join("; ", present))
                .Labelled("Ersättare", substitutes.Count == 0 ? "–" : string.Join("; ", substitutes))
                .Labelled("Övriga", Sv.OrDash(m.OtherAttendees))
                .Labelled("Frånvarande", absent.Count == 0 ? "–" : string.Join(", ", absent));
        }
        var justerare = new[] { chair?.Name ?? "Ordföranden", m.Justerare?.Name }.Where(n => n is not null).ToList();
        doc.Labelled("Justerare", string.Join(" och ", justerare));

        doc.Heading(1, "Paragrafer");
        foreach (var item in m.Agenda.OrderBy(a => a.Order))
        {
            doc.Heading(2, $"§ {item.Order} {item.Title}");
            doc.Text(item.Minutes.Length > 0 ? item.Minutes : "Inga anteckningar.");
            if (item.Decision.Length > 0)
            {
                doc.Labelled("Beslut", item.Decision);
            }
        }
        if (m.FollowUps.Count > 0)
        {
            doc.Table("Att följa upp", ["Vad", "Ansvarig", "Senast"],
                m.FollowUps.Select(f => (IReadOnlyList<string>)[f.Text, f.Owner, f.Due is { } d ? Sv.Date(d) : "–"]));
        }

        doc.Heading(1, "Justering");
        if (m.MinutesApproved && m.Versions.Count > 0)
        {
            var v = m.Versions[0];
            doc.Text($"Protokollet är justerat {Sv.Date(v.ApprovedAt)} av {v.ApprovedBy} (version {v.Number.ToString(CultureInfo.InvariantCulture)}"
                + (v.CorrectionReason is { } r ? $", rättelse: {r})." : ")."));
        }
        else
        {
            doc.Text("Protokollet är inte justerat.");
            foreach (var name in justerare)
            {
                doc.Text($"Justeras: ________________________________   {name}");
            }
        }
        return doc.Build(title);
    }

    public static IEndpointRouteBuilder MapMeetingDocument(this IEndpointRouteBuilder app)
    {
        app.MapGet("/{KommunSlug}/moten/{id:guid}/protokoll.docx", async (Guid id, MeetingWork work, Letterheads.LetterheadWork letterheads, CancellationToken ct) =>
            await work.ReadAsync(id, ct) is { } model
                ? Results.File(Write(await letterheads.ReadAsync(ct), model), ContentType, FileName(model))
                : Results.NotFound()).RequireAuthorization(Policies.Lasare).NeverStored();
        app.MapGet("/{KommunSlug}/moten/{id:guid}/protokoll.pdf", async (Guid id, MeetingWork work, Letterheads.LetterheadWork letterheads,
            Documents.PdfConverter pdf, CancellationToken ct) =>
            await work.ReadAsync(id, ct) is { } model
                ? await pdf.FileAsync(Write(await letterheads.ReadAsync(ct), model), Path.ChangeExtension(FileName(model), ".pdf"), ct)
                : Results.NotFound()).RequireAuthorization(Policies.Lasare).NeverStored();
        return app;
    }
}
