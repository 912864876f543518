using MudBlazor;
using SakraStader.Domain;

namespace SakraStader.Components.Layout;

/// <summary>The kommun's menu per role: one list for both the interactive drawer and the static pages' menu.</summary>
public static class KommunLinks
{
    public sealed record Link(string Href, string Text, string Icon, bool Exact = false);

    public static IEnumerable<Link> For(string slug, Role role)
    {
        var root = "/" + slug;
        if (role < Role.Lasare)
        {
            yield return new(root + "/handelser/ny", "Rapportera händelse", Icons.Material.Outlined.AddLocationAlt, true);
            yield return new(root + "/handelser", "Mina rapporter", Icons.Material.Outlined.ListAlt, true);
            yield break;
        }
        yield return new(root, "Översikt", Icons.Material.Outlined.Dashboard, true);
        yield return new(root + "/grupper", "Grupper", Icons.Material.Outlined.Groups);
        yield return new(root + "/moten", "Möten", Icons.Material.Outlined.Event);
        yield return new(root + "/veckor", "Veckan", Icons.Material.Outlined.DateRange);
        yield return new(root + "/lagesbilder", "Lägesbilder", Icons.Material.Outlined.Map);
        yield return new(root + "/handelser", "Händelser", Icons.Material.Outlined.ReportProblem);
        yield return new(root + "/atgardsplaner", "Åtgärdsplaner", Icons.Material.Outlined.Checklist);
        yield return new(root + "/loften", "Medborgarlöften", Icons.Material.Outlined.Handshake);
        yield return new(root + "/arsrapporter", "Årsrapport", Icons.Material.Outlined.Description);
        if (role >= Role.Medlem)
        {
            yield return new(root + "/import", "Importera", Icons.Material.Outlined.UploadFile);
        }
        if (role >= Role.Samordnare)
        {
            yield return new(root + "/omraden", "Områden", Icons.Material.Outlined.Layers);
            yield return new(root + "/medlemmar", "Medlemmar", Icons.Material.Outlined.People);
            yield return new(root + "/brevhuvud", "Brevhuvud", Icons.Material.Outlined.Badge);
            yield return new(root + "/logg", "Ändringslogg", Icons.Material.Outlined.History);
        }
    }
}
