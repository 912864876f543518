using System.IO.Compression;
using System.Text;
using System.Xml.Linq;

namespace SakraStader.Infrastructure;

/// <summary>The two things every Office Open XML file we write needs: parts in a zip, and XML with its declaration.</summary>
public static class OfficePackage
{
    public static string Declared(XDocument doc) => "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" + doc.ToString(SaveOptions.DisableFormatting);

    public static void Add(ZipArchive zip, string name, string content)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Fastest).Open(), new UTF8Encoding(false));
        writer.Write(content);
    }
}
