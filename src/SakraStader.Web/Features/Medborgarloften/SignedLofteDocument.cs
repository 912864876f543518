using Microsoft.Extensions.Caching.Memory;
using QRCoder;
using SakraStader.Components.Ui;
using SakraStader.Data;
using SakraStader.Domain;
using SakraStader.Features.AnnualReports;
using SakraStader.Infrastructure;

namespace SakraStader.Features.Medborgarloften;

/// <summary>
/// A signed version of a medborgarlöfte as a Word document to file: its full text, the parties, each signature with
/// time and method (and whether it still holds), the SHA-256 hash and the verification code, and a QR code (with its
/// address written out as its text alternative) that opens the public verification page. The same data and the same
/// rule as that page (<see cref="CrossTenant.VerifyAsync"/>): whoever has the code may check it.
/// </summary>
public static class SignedLofteDocument
{
    public static byte[] Write(Letterheads.LetterheadInfo letterhead, Verification v, LofteContent content, string code, string verifyUrl)
    {
        var title = $"Medborgarlöfte: {content.Title}";
        var doc = new Docx().Frame(letterhead.Frame("Medborgarlöfte", $"Kontrollkod {code}"));
        doc.Heading(0, title)
            .Labelled("Gäller", $"{content.ValidFrom} – {content.ValidTo}")
            .Labelled("Version", v.Number.ToString(Sv.Culture))
            .Labelled("Kontrollkod", code)
            .Labelled("Kontrollsumma (SHA-256)", v.Hash);
        if (content.Areas.Count > 0)
        {
            doc.Labelled("Områden", string.Join(", ", content.Areas));
        }
        if (content.Background.Length > 0)
        {
            doc.Heading(1, "Bakgrund").Text(content.Background);
        }
        if (content.Dialogues.Count > 0)
        {
            doc.Labelled("Bygger på", string.Join("; ", content.Dialogues));
        }
        if (content.Problems.Count > 0)
        {
            doc.Labelled("Gäller problemen", string.Join("; ", content.Problems));
        }
        doc.Heading(1, "Vi lovar");
        foreach (var (c, i) in content.Commitments.Select((c, i) => (c, i + 1)))
        {
            doc.Heading(2, $"{i}. {c.What}")
                .Labelled("Ansvarig", c.Party);
            if (c.HowShown.Length > 0)
            {
                doc.Labelled("Så visar vi det", c.HowShown);
            }
            if (c.Atgard.Length > 0)
            {
                doc.Labelled("Åtgärd", c.Atgard);
            }
        }
        doc.Heading(1, "Parter");
        foreach (var p in content.Parties)
        {
            doc.Text($"{p.Organisation}, genom {p.Signatory}{(p.Title.Length > 0 ? $", {p.Title}" : "")}");
        }
        doc.Heading(1, "Underskrifter");
        if (v.Signatures.Count == 0)
        {
            doc.Text("Ingen har skrivit under den här versionen.");
        }
        else
        {
            doc.Table("Underskrifter av den här versionen", ["Namn", "Organisation", "Tidpunkt", "Metod", "Gäller"],
                v.Signatures.Select(s => (IReadOnlyList<string>)[
                    s.Title.Length > 0 ? $"{s.Name}, {s.Title}" : s.Name, s.Organisation, Sv.DateTime(s.SignedAt), s.Method,
                    s.Hash != v.Hash ? "Nej: kontrollsumman stämmer inte" : s.VoidedAt is { } voided ? $"Nej: ogiltig sedan {Sv.Date(voided)}" : "Ja"]));
        }
        doc.Heading(1, "Kontrollera")
            .Text(v.StillCurrent
                ? "Löftets innehåll är oförändrat sedan den här versionen skrevs under."
                : "Löftet har ändrats sedan den här versionen skrevs under. Underskrifterna gäller bara den här texten.")
            .Text($"Kontrollera texten och underskrifterna på {verifyUrl}");
        using var qr = new QRCodeGenerator().CreateQrCode(verifyUrl, QRCodeGenerator.ECCLevel.M);
        doc.Image(new PngByteQRCode(qr).GetGraphic(8), $"QR-kod till kontrollsidan {verifyUrl}", 3.5, 3.5);
        return doc.Build(title);
    }

    public static IEndpointRouteBuilder MapSignedLofteDocument(this IEndpointRouteBuilder app)
    {
        app.MapGet("/verifiera/{code}/medborgarlofte.docx", async (string code, CrossTenant crossTenant, HttpContext http, CancellationToken ct) =>
        {
            if (code.Length > 20 || await crossTenant.VerifyAsync(code, ct) is not { } v || LofteContent.Read(v.Content) is not { } content)
            {
                return Results.NotFound();
            }
            var url = $"{http.Request.Scheme}://{http.Request.Host}/verifiera/{Uri.EscapeDataString(code)}";
            return Results.File(Write(await crossTenant.LetterheadOfAsync(v.KommunSlug, ct), v, content, code, url), Meetings.MeetingDocument.ContentType, $"medborgarlofte-{code}.docx");
        }).AllowAnonymous().NeverStored();
        // The same document as PDF (LibreOffice, tagged). Anyone may ask for it, and a conversion costs a second or two,
        // so the PDF of a signed version is kept for ten minutes (per address it was asked through: the QR code in it
        // points there); conversions run one at a time per instance (PdfConverter).
        app.MapGet("/verifiera/{code}/medborgarlofte.pdf", async (string code, CrossTenant crossTenant, HttpContext http,
            Documents.PdfConverter pdf, IMemoryCache cache, CancellationToken ct) =>
        {
            if (code.Length > 20 || await crossTenant.VerifyAsync(code, ct) is not { } v || LofteContent.Read(v.Content) is not { } content)
            {
                return Results.NotFound();
            }
            var url = $"{http.Request.Scheme}://{http.Request.Host}/verifiera/{Uri.EscapeDataString(code)}";
            var key = (nameof(MapSignedLofteDocument), code, v.StillCurrent, url);
            if (!cache.TryGetValue(key, out byte[]? bytes) || bytes is null)
            {
                try
                {
                    bytes = await pdf.ToPdfAsync(Write(await crossTenant.LetterheadOfAsync(v.KommunSlug, ct), v, content, code, url), ct);
                }
                catch (Documents.PdfUnavailableException e)
                {
                    return Results.Text(e.Message, "text/plain; charset=utf-8", statusCode: StatusCodes.Status503ServiceUnavailable);
                }
                cache.Set(key, bytes, TimeSpan.FromMinutes(10));
            }
            return Results.File(bytes, Documents.PdfConverter.ContentType, $"medborgarlofte-{code}.pdf");
        }).AllowAnonymous().NeverStored();
        return app;
    }
}
