using SakraStader.Data;
using SakraStader.Domain;
using SakraStader.Features.Medborgarloften;

namespace SakraStader.Features.Demo;

/// <summary>
/// Demo medborgarlöften: Örebro's for Vivalla, signed, published and followed up; Borås's for Hässleholmen–Hulta with
/// three parties, signed and published; Karlstad's for Kronoparken, signed by the kommun and waiting for the police.
/// </summary>
public static class DemoMedborgarloften
{
    public static void Add(AppDbContext db, string slug, string kommunName, IReadOnlyDictionary<string, (AppUser User, string Org, string Title)> people,
        IReadOnlyList<Area> areas, DateTimeOffset now)
    {
        if (slug is not ("orebro" or "boras" or "karlstad") || !people.ContainsKey("polis"))
        {
            return;
        }
        var area = areas[0];
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var dialogue = new CitizenDialogue(today.AddMonths(-5), $"{area.Name} centrum", "Trygghetsvandring med boende", 42);
        dialogue.SetThemes(string.Join("\n",
            "Mörkt och otäckt i gångtunneln på kvällen; 31",
            "Gäng av unga som hänger vid torget och är högljudda; 24",
            "Skräp och klotter gör att det känns ovårdat; 18",
            "Man ser aldrig polisen här efter klockan sju; 15"));
        db.CitizenDialogues.Add(dialogue);

        var title = slug switch
        {
            "orebro" => "Tryggare Vivalla centrum",
            "boras" => "Trygghet i Hässleholmen–Hulta",
            _ => $"Tryggare {area.Name}",
        };
        var lofte = new Medborgarlofte(title, new DateOnly(today.Year, 1, 1), new DateOnly(today.Year, 12, 31));
        lofte.Describe(title, lofte.ValidFrom, lofte.ValidTo,
            $"På trygghetsvandringen i {area.Name} sa de boende att gångtunneln är mörk, att det är stökigt vid torget på kvällarna och att man sällan ser polisen. Lägesbilden visar samma mönster: klotter och samlingar torsdag till lördag.");
        lofte.Link(LinkKind.Area, [area.Id]);
        lofte.Link(LinkKind.Dialogue, [dialogue.Id]);
        var (samordnare, polis) = (people["samordnare"], people["polis"]);
        var kommun = lofte.AddParty(PartyKind.Kommunen, samordnare.Org, samordnare.User.Id, samordnare.User.DisplayName, samordnare.Title);
        var police = lofte.AddParty(PartyKind.Polisen, $"Polisen, {polis.Org}", polis.User.Id, polis.User.DisplayName, polis.Title);
        // The commitment that the EST's åtgärdsplan carries out (DemoLagesbilder.AddPlan).
        var light = db.Atgarder.Local.FirstOrDefault(a => a.KommunId == area.KommunId && a.Title == "Byt belysning i gångtunneln");
        lofte.AddCommitment("Belysningen i gångtunneln byts och förstärks.", kommun.Id, "Vi visar före- och efterbilder och frågar de boende igen i höstens trygghetsvandring.", light?.Id);
        lofte.AddCommitment("Polisen är synlig vid torget torsdag till lördag kvällar.", police.Id, "Vi redovisar antalet kvällar med närvaro varje kvartal.");
        lofte.AddCommitment("Klotter tas bort inom 24 timmar.", kommun.Id, "Vi följer upp tiden från anmälan till sanering.");
        LofteParty? housing = null;
        if (slug == "boras")
        {
            var medlem = people["medlem"];
            housing = lofte.AddParty(PartyKind.Partner, medlem.Org, medlem.User.Id, medlem.User.DisplayName, medlem.Title);
            lofte.AddCommitment("Bostadsbolaget anställer två trygghetsvärdar i området.", housing.Id, "Vi berättar här när de är på plats och vad de gör.");
        }

        var sentAt = now.AddDays(-40);
        var version = lofte.SendForSigning(MedborgarlofteHandler.ContentOf(kommunName, lofte, [area.Name],
            [MedborgarlofteHandler.DialogueName(dialogue.Date, dialogue.Method, dialogue.Place)], [],
            light is null ? null : new Dictionary<Guid, string> { [light.Id] = light.Title }), sentAt);
        lofte.Sign(kommun.Id, samordnare.User.Id, samordnare.User.DisplayName, samordnare.Title, Role.Samordnare.Display(), version.Hash, "Lösenord", sentAt.AddDays(2));
        if (slug != "karlstad")
        {
            lofte.Sign(police.Id, polis.User.Id, polis.User.DisplayName, polis.Title, Role.Medlem.Display(), version.Hash, "Lösenord", sentAt.AddDays(5));
            if (housing is not null)
            {
                var medlem = people["medlem"];
                lofte.Sign(housing.Id, medlem.User.Id, medlem.User.DisplayName, medlem.Title, Role.Medlem.Display(), version.Hash, "Lösenord", sentAt.AddDays(6));
            }
            lofte.Publish(sentAt.AddDays(7));
            if (slug == "orebro")
            {
                var commitments = lofte.Commitments.OrderBy(c => c.Order).ToList();
                lofte.FollowUp(commitments[0].Id, today.AddDays(-20), "Ny LED-belysning är uppsatt i hela gångtunneln.", true, samordnare.User.DisplayName, now.AddDays(-20));
                lofte.FollowUp(commitments[1].Id, today.AddDays(-7), "Polisen var på plats 11 av 12 planerade kvällar i oktober.", true, polis.User.DisplayName, now.AddDays(-7));
                lofte.FollowUp(commitments[2].Id, today.AddDays(-3), "Saneringstiden var i snitt 30 timmar; entreprenören har fått påpekande.", false, samordnare.User.DisplayName, now.AddDays(-3));
            }
        }
        db.Medborgarloften.Add(lofte);
    }
}
