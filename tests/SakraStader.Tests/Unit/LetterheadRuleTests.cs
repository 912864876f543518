using QRCoder;
using SakraStader.Domain;

namespace SakraStader.Tests.Unit;

public sealed class LetterheadRuleTests
{
    /// <summary>A real PNG, 21 modules of 4 pixels and a quiet zone: 116 × 116.</summary>
    internal static byte[] Png() => new PngByteQRCode(new QRCodeGenerator().CreateQrCode("Örebro kommun", QRCodeGenerator.ECCLevel.L)).GetGraphic(4);

    /// <summary>The start of a baseline JPEG: SOI, an APP0 (JFIF) segment, and SOF0 with height 90 and width 300.</summary>
    internal static byte[] Jpeg() =>
    [
        0xFF, 0xD8,
        0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00,
        0xFF, 0xC0, 0x00, 0x11, 0x08, 0x00, 0x5A, 0x01, 0x2C, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01,
        0xFF, 0xD9,
    ];

    [Fact]
    public void The_image_type_and_size_come_from_the_files_content()
    {
        var png = ImageHeader.Read(Png());
        Assert.NotNull(png);
        Assert.Equal("image/png", png.Value.ContentType);
        Assert.True(png.Value.Width > 20 && png.Value.Width == png.Value.Height);
        Assert.Equal(("image/jpeg", 300, 90), ImageHeader.Read(Jpeg()));
        Assert.Null(ImageHeader.Read("GIF89a\u0001\u0000\u0001\u0000"u8));
        Assert.Null(ImageHeader.Read("<svg xmlns=\"http://www.w3.org/2000/svg\"/>"u8));
        Assert.Null(ImageHeader.Read([0xFF, 0xD8, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00]));
    }

    [Fact]
    public void A_logo_must_be_a_png_or_jpeg_of_sensible_size_and_a_refused_one_keeps_the_one_before()
    {
        var letterhead = new Letterhead("Örebro kommun");
        letterhead.SetLogo(Png());
        Assert.Equal("image/png", letterhead.LogoContentType);

        var gif = Assert.Throws<DomainException>(() => letterhead.SetLogo([.. "GIF89a"u8, 1, 0, 1, 0]));
        Assert.Equal(nameof(Letterhead.Logo), gif.Field);
        Assert.Contains("PNG", gif.Message, StringComparison.Ordinal);
        var large = Assert.Throws<DomainException>(() => letterhead.SetLogo(new byte[Letterhead.LogoMaxBytes + 1]));
        Assert.Contains("512 kB", large.Message, StringComparison.Ordinal);
        Assert.Throws<DomainException>(() => letterhead.SetLogo([]));
        var huge = Jpeg();
        huge[27] = 0xFF; // width 65 324 pixels
        Assert.Throws<DomainException>(() => letterhead.SetLogo(huge));
        Assert.Equal("image/png", letterhead.LogoContentType);

        letterhead.SetLogo(Jpeg());
        Assert.Equal(("image/jpeg", 300, 90), (letterhead.LogoContentType, letterhead.LogoWidth, letterhead.LogoHeight));
        letterhead.RemoveLogo();
        Assert.Null(letterhead.Logo);
    }

    [Theory]
    [InlineData("", "", "", "", "", nameof(Letterhead.OrganisationName))]
    [InlineData("Örebro kommun", "", "", "", "inte en adress", nameof(Letterhead.HandlaggareEmail))]
    [InlineData("Örebro kommun", "", "", "ring mig", "", nameof(Letterhead.HandlaggarePhone))]
    [InlineData("Örebro kommun", "", "Säkerhetschef", "", "", nameof(Letterhead.HandlaggareName))]
    [InlineData("Örebro kommun", "Rad 1\nRad 2\nRad 3\nRad 4\nRad 5", "", "", "", nameof(Letterhead.Address))]
    public void A_letterhead_with_a_mistake_says_which_field_and_changes_nothing(string name, string address, string title, string phone, string email, string field)
    {
        var letterhead = new Letterhead("Örebro kommun");
        letterhead.Update("Örebro kommun", "Kommunstyrelseförvaltningen", "Box 300 00\n701 35 Örebro", "Anna Lindqvist", "Säkerhetschef", "019-21 10 00", "anna.lindqvist@orebro.se");

        var refused = Assert.Throws<DomainException>(() => letterhead.Update(name, "", address, "", title, phone, email));

        Assert.Equal(field, refused.Field);
        Assert.Equal("Box 300 00\n701 35 Örebro", letterhead.Address);
        Assert.Equal("anna.lindqvist@orebro.se", letterhead.HandlaggareEmail);
    }
}

public sealed class DocxTableTests
{
    [Fact]
    public void A_table_stays_within_the_page_even_with_a_word_wider_than_it_and_never_narrows_a_column_below_its_longest_word()
    {
        var bytes = new Features.AnnualReports.Docx()
            .Table("Lärdomar", ["Åtgärd", "Utfall", "Lärdomar"],
            [
                ["Belysning vid busstorget", "Uppnått", "Se https://example.se/" + new string('x', 150)],
                ["Kvällsvandringar", "Delvis uppnått", "Fler vuxna ute fredagar"],
            ])
            .Table("Grupper", ["Grupp", "Medlemmar"], [["Kvartalsanalysmöte", "4"]], numericFrom: 1)
            .Build("Test");

        using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(bytes), isEditable: false);
        var tables = document.MainDocumentPart!.Document!.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Table>().ToList();
        int[] Widths(int t) => [.. tables[t].Elements<DocumentFormat.OpenXml.Wordprocessing.TableGrid>().Single()
            .Elements<DocumentFormat.OpenXml.Wordprocessing.GridColumn>().Select(c => int.Parse(c.Width!.Value!, System.Globalization.CultureInfo.InvariantCulture))];
        Assert.InRange(Widths(0).Sum(), 1, 9070);
        Assert.InRange(Widths(1).Sum(), 1, 9070);
        // "Kvartalsanalysmöte" at 11 pt needs about 2 200 twentieths of a point with the cell margins.
        Assert.True(Widths(1)[0] >= 2200, string.Join(", ", Widths(1)));
    }
}
