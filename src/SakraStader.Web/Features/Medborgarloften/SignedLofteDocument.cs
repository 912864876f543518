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
                    v.Validity(s)]));
        }
        doc.Heading(1, "Kontrollera")
            .Text(v.StillCurrent
                ? "Löftets innehåll är oförändrat sedan den här versionen skrevs under."
                : v.Revising
                    ? VerifyPage.RevisingText
                    : "Löftet har ändrats sedan den här versionen skrevs under. Underskrifterna gäller bara den här texten.")
            .Text($"Kontrollera texten och underskrifterna på {verifyUrl}");
        using var qr = new QRCodeGenerator().CreateQrCode(verifyUrl, QRCodeGenerator.ECCLevel.M);
        doc.Image(new PngByteQRCode(qr).GetGraphic(8), $"QR-kod till kontrollsidan {verifyUrl}", 3.5, 3.5);
        return doc.Build(title);
    }

    public static IEndpointRouteBuilder MapSignedLofteDocument(this IEndpointRouteBuilder app)
    {
        app.MapGet("/verifiera/{code}/medborgarlofte.docx", async (string code, CrossTenant crossTenant, HttpContext http, CancellationToken ct) =>
            await FindAsync(code, crossTenant, http, ct) is { } signed
                ? Results.File(await signed.WriteAsync(crossTenant, ct), Meetings.MeetingDocument.ContentType, $"medborgarlofte-{code}.docx")
                : Results.NotFound()).AllowAnonymous().NeverStored();
        // The same document as PDF (LibreOffice, tagged). Anyone may ask for it, and a conversion has a cost, so the PDF
        // of a signed version is kept for ten minutes (per public address: the QR code in it points there); conversions
        // run one at a time per instance (PdfConverter).
        app.MapGet("/verifiera/{code}/medborgarlofte.pdf", async (string code, CrossTenant crossTenant, HttpContext http,
            Documents.PdfConverter pdf, IMemoryCache cache, CancellationToken ct) =>
            await FindAsync(code, crossTenant, http, ct) is { } signed
                ? await pdf.FileAsync(cache, (nameof(MapSignedLofteDocument), code, signed.Version.StillCurrent, signed.Url), TimeSpan.FromMinutes(10),
                    () => signed.WriteAsync(crossTenant, ct), $"medborgarlofte-{code}.pdf", ct)
                : Results.NotFound()).AllowAnonymous().NeverStored();
        return app;
    }

    /// <summary>
    /// The signed version behind <paramref name="code"/> with the address of its verification page (as asked through),
    /// or null when there is none: a code too long to be one, an unknown code, or content we cannot read.
    /// </summary>
    private static async Task<Signed?> FindAsync(string code, CrossTenant crossTenant, HttpContext http, CancellationToken ct) =>
        code.Length <= 20 && await crossTenant.VerifyAsync(code, ct) is { } v && LofteContent.Read(v.Content) is { } content
            ? new Signed(code, v, content, $"{PublicAddress(http)}/verifiera/{Uri.EscapeDataString(code)}")
            : null;

    /// <summary>
    /// The service's public address: <c>Mail:AppUrl</c> where the operator has set it (docs/operations.md), so that the
    /// QR code never points at whatever Host a request named (and a new Host never costs another conversion);
    /// otherwise the address the request came through.
    /// </summary>
    private static string PublicAddress(HttpContext http) =>
        http.RequestServices.GetRequiredService<IConfiguration>()["Mail:AppUrl"] is { Length: > 0 } configured
            ? configured.TrimEnd('/')
            : $"{http.Request.Scheme}://{http.Request.Host}";

    /// <summary>What the Word document of a signed version is written from.</summary>
    private sealed record Signed(string Code, Verification Version, LofteContent Content, string Url)
    {
        public async Task<byte[]> WriteAsync(CrossTenant crossTenant, CancellationToken ct) =>
            Write(await crossTenant.LetterheadOfAsync(Version.KommunSlug, ct), Version, Content, Code, Url);
    }
}
