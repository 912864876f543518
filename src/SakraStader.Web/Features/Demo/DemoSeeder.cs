using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SakraStader.Data;
using SakraStader.Domain;
using SakraStader.Tenancy;

namespace SakraStader.Features.Demo;

/// <summary>
/// Demo data for development and demos: the five kommuner of the domain primer with their groups as the source
/// documents describe them, and a demo user for every role. Invented names only. Never runs in Production.
/// </summary>
public static class DemoSeeder
{
    public const string Password = "Demo-losenord-2026";
    public const string AdminEmail = "admin@demo.sakrastader.se";
    public const string PolisEmail = "polis@demo.sakrastader.se";

    /// <summary>Demo sign-in of a kommun: key is samordnare, styrgrupp, medlem, lasare, raddningstjanst or inrapportor.</summary>
    public static string EmailFor(string key, string slug) => $"{key}.{slug}@demo.sakrastader.se";

    public static async Task SeedDemoDataIfEnabledAsync(this WebApplication app)
    {
        if (app.Environment.IsProduction() || !app.Configuration.GetValue<bool>("Demo:Seed"))
        {
            return;
        }
        await using var scope = app.Services.CreateAsyncScope();
        await SeedAsync(scope.ServiceProvider);
    }

    public static async Task SeedAsync(IServiceProvider services)
    {
        var db = services.GetRequiredService<AppDbContext>();
        if (await db.Kommuner.AnyAsync())
        {
            return;
        }
        var users = services.GetRequiredService<UserManager<AppUser>>();
        // All or nothing: a half-seeded database would never be completed, since seeding only runs on an empty one.
        await using var tx = await db.Database.BeginTransactionAsync();
        // Instances starting together on an empty database: one seeds, the others wait and then find it seeded.
        await Infrastructure.DatabaseLock.HoldAsync(db, "demo-data");
        if (await db.Kommuner.AnyAsync())
        {
            return;
        }
        var tenant = services.GetRequiredService<TenantContext>();
        tenant.SetUser(null, "Demodata");

        await CreateUserAsync(users, AdminEmail, "Plattformsadministratör Demo", platformAdmin: true);
        var polis = await CreateUserAsync(users, PolisEmail, "Mikael Strand");

        var names = new Queue<string>(InventedNames);
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        foreach (var spec in Kommuner)
        {
            var kommun = new Kommun(spec.Name, spec.Kod, spec.Slug);
            db.Kommuner.Add(kommun);
            await db.SaveChangesAsync();
            using (tenant.Enter(new KommunInfo(kommun.Id, kommun.Name, kommun.Slug, kommun.Kod)))
            {
                var groups = spec.Groups.Select(g => db.Groups.Add(new Group(g.Name, g.Kind, g.Purpose, g.Rule, g.Times, g.Cadence)).Entity).ToList();
                var people = new Dictionary<string, (AppUser User, string Org, string Title)>();
                foreach (var (key, role, organisation, orgName, title) in spec.People)
                {
                    var user = await CreateUserAsync(users, EmailFor(key, spec.Slug), names.Dequeue());
                    var org = orgName.Replace("{kommun}", spec.Name, StringComparison.Ordinal);
                    db.Memberships.Add(new Membership(user.Id, role, organisation, org, title));
                    people[key] = (user, org, title);
                }
                if (spec.PolisRegion is { } region)
                {
                    db.Memberships.Add(new Membership(polis.Id, Role.Medlem, OrganisationKind.Polisen, region, "Kommunpolis"));
                    people["polis"] = (polis, region, "Kommunpolis");
                }
                else if (spec.Slug == "boras")
                {
                    // Borås's own kommunpolis, who co-signs the demo medborgarlöfte there.
                    var borasPolis = await CreateUserAsync(users, EmailFor("polis", spec.Slug), names.Dequeue());
                    db.Memberships.Add(new Membership(borasPolis.Id, Role.Medlem, OrganisationKind.Polisen, "Lokalpolisområde Borås", "Kommunpolis"));
                    people["polis"] = (borasPolis, "Lokalpolisområde Borås", "Kommunpolis");
                }
                // The kommun's letterhead as its kansli writes it, with the samordnare as handläggare (no logo: the
                // demo uses no real kommun's emblem).
                var (sender, unit, address) = Letterheads[spec.Slug];
                var letterhead = new Letterhead(sender);
                letterhead.Update(sender, unit, address, people["samordnare"].User.DisplayName, "Säkerhetschef", "", people["samordnare"].User.Email!);
                db.Letterheads.Add(letterhead);
                await db.SaveChangesAsync();
                DemoMeetings.Add(db, groups, people, now);
                await db.SaveChangesAsync();
                await DemoLagesbilder.AddAsync(db, spec.Slug, groups.First(g => g.Kind == GroupKind.Est), now);
                var areas = DemoLagesbilder.Areas[spec.Slug].Select(n => db.Areas.Local.First(a => a.KommunId == kommun.Id && a.Name == n)).ToList();
                DemoMedborgarloften.Add(db, spec.Slug, spec.Name, people, areas, now);
                DemoAnnualReports.Add(db, spec.Slug, spec.Name, spec.PolisRegion, areas, people, now);
                await db.SaveChangesAsync();
            }
        }
        await tx.CommitAsync();
    }

    /// <summary>Each demo kommun's sender, förvaltning and postal address, as on its own letters.</summary>
    private static readonly Dictionary<string, (string Sender, string Unit, string Address)> Letterheads = new()
    {
        ["orebro"] = ("Örebro kommun", "Kommunstyrelseförvaltningen", "Box 300 00\n701 35 Örebro"),
        ["boras"] = ("Borås Stad", "Stadsledningskansliet", "501 80 Borås"),
        ["karlstad"] = ("Karlstads kommun", "Kommunledningsstaben", "651 84 Karlstad"),
        ["haninge"] = ("Haninge kommun", "Kommunstyrelseförvaltningen", "136 81 Haninge"),
        ["kristianstad"] = ("Kristianstads kommun", "Kommunledningskontoret", "291 80 Kristianstad"),
    };

    private static async Task<AppUser> CreateUserAsync(UserManager<AppUser> users, string email, string name, bool platformAdmin = false)
    {
        var user = new AppUser { UserName = email, Email = email, DisplayName = name, EmailConfirmed = true, IsPlatformAdmin = platformAdmin };
        var result = await users.CreateAsync(user, Password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
        return user;
    }

    private static readonly string[] InventedNames =
    [
        "Anna Lindqvist", "Johan Bergsten", "Sara Nyholm", "Erik Hallin", "Maria Ekdahl",
        "Karin Sjöberg", "Peter Wallin", "Lena Åkesson", "Tomas Rydén", "Elin Forsberg",
        "Fredrik Ljung", "Sofia Dahlgren", "Henrik Östlund", "Emma Norberg", "Jonas Blom",
        "Ida Grönvall", "Magnus Hedlund", "Linnea Sandell", "Oskar Lundin", "Frida Engström",
        "Anders Palm", "Hanna Vik", "Mattias Sund", "Ulrika Falk", "Daniel Storm",
        "Amir Haddad", "Leila Nordin", "Viktor Ahl", "Nora Berg", "Samir Karlsson",
        "Kristoffer Ek",
    ];

    private sealed record GroupSpec(string Name, GroupKind Kind, string Cadence, string Purpose,
        CadenceKind Rule = CadenceKind.Other, int Times = 0);

    private sealed record KommunSpec(string Name, string Kod, string Slug, string? PolisRegion, GroupSpec[] Groups,
        (string Key, Role Role, OrganisationKind Org, string OrgName, string Title)[] People);

    private static readonly (string, Role, OrganisationKind, string, string)[] StandardPeople =
    [
        ("samordnare", Role.Samordnare, OrganisationKind.Kommunen, "{kommun} kommun", "Säkerhetschef"),
        ("styrgrupp", Role.Styrgrupp, OrganisationKind.Kommunen, "{kommun} kommun", "Kommundirektör"),
        ("medlem", Role.Medlem, OrganisationKind.Bostadsbolag, "Allmännyttans bostadsbolag", "Områdeschef"),
        ("lasare", Role.Lasare, OrganisationKind.Kommunen, "{kommun} kommun", "Folkhälsostrateg"),
        ("raddningstjanst", Role.Medlem, OrganisationKind.Raddningstjanst, "Räddningstjänsten", "Brandinspektör"),
        ("inrapportor", Role.Inrapportor, OrganisationKind.Bostadsbolag, "Allmännyttans bostadsbolag", "Trygghetsvärd"),
    ];

    private static readonly GroupSpec Est = new("EST – Effektiv samordning för trygghet", GroupKind.Est,
        "",
        "Tar fram en lokal lägesbild varje månad utifrån brottsstatistik, inrapportörer och medlemmarnas lokalkännedom, gör en enklare orsaksanalys och föreslår åtgärder, främst situationella.",
        CadenceKind.MonthlyExceptJulyDecember);

    private static readonly GroupSpec Sspf = new("SSPF – skola, socialtjänst, polis, fritid", GroupKind.Sspf,
        "",
        "Samverkar kring social prevention för barn och unga: risk- och skyddsfaktorer på gruppnivå. Ärenden om enskilda barn hanteras utanför tjänsten.",
        CadenceKind.TimesPerYear, 4);

    private static GroupSpec Styrgrupp(string name = "Styrgrupp för brottsförebyggande arbete") => new(name, GroupKind.Styrgrupp,
        "",
        "Beslutar om strategisk inriktning och prioriteringar, följer upp åtgärdsplaner och de operativa grupperna och ser till att en fördjupad lägesbild tas fram minst vartannat år.",
        CadenceKind.TimesPerYear, 2);

    private static readonly KommunSpec[] Kommuner =
    [
        new("Örebro", "1880", "orebro", "Lokalpolisområde Örebro", [
            Styrgrupp(), Est, Sspf,
            new("ÖreBrå – Örebro brottsförebyggande råd", GroupKind.Annan, "",
                "Lokalt brottsförebyggande råd med kommunen, universitetet, näringslivet och Polisen. Uppdrag: öka tryggheten och minska brottsligheten genom fördjupad samverkan.", CadenceKind.TimesPerYear, 4),
            new("Kvartalsanalysmöte", GroupKind.Annan, "ett per kvartal",
                "Säkerhetsavdelningen, bostadsbolaget, kommunala bolag, universitetet och Polisen går igenom kvartalets veckorapporter och tittar närmare på vissa händelser.", CadenceKind.TimesPerYear, 4),
        ], StandardPeople),
        new("Borås", "1490", "boras", null, [
            Styrgrupp("Strategisk utvecklingsgrupp"), Est, Sspf,
            new("BråB – Borås lokala brottsförebyggande råd", GroupKind.Annan, "",
                "Forum där behov identifieras och gemensamma beslut fattas i det trygghetsskapande och brottsförebyggande arbetet.", CadenceKind.TimesPerYear, 4),
            new("Samverkansgrupp trygghet i stadsmiljön", GroupKind.Annan, "",
                "En av stadens samverkansgrupper under den strategiska utvecklingsgruppen, ledd av en utpekad nämnd.", CadenceKind.TimesPerYear, 6),
        ], StandardPeople),
        new("Karlstad", "1780", "karlstad", "Lokalpolisområde Karlstad", [
            Styrgrupp(), Est, Sspf,
            new("Operativ säkerhetsgrupp", GroupKind.Annan, "",
                "Samverkan mellan kommunens förvaltningar kring säkerhetsfrågor och händelser i verksamheterna.", CadenceKind.TimesPerYear, 4),
            new("Fältmöte inför storhelger", GroupKind.Annan, "Inför storhelger",
                "Socialtjänst, kultur och fritid, kommunvärdar och fältassistenter planerar insatser inför storhelger."),
        ], StandardPeople),
        new("Haninge", "0136", "haninge", null, [
            Styrgrupp("Strategisk samordningsgrupp"), Est, Sspf,
            new("Säkerhetsforum", GroupKind.Annan, "",
                "Säkerhetsenheten, bostadsbolaget, Polisen, brandförsvaret och försäkringsbolag delar information och beslutar om gemensamma insatser.", CadenceKind.Monthly),
        ], StandardPeople),
        new("Kristianstad", "1290", "kristianstad", null, [
            Styrgrupp(), Est, Sspf,
            new("Rättighetsnätverket", GroupKind.Annan, "",
                "Nätverk för arbetet med mänskliga rättigheter och likabehandling.", CadenceKind.TimesPerYear, 4),
            new("Ombudsgrupp En kommun fri från våld", GroupKind.Annan, "",
                "Ombud från förvaltningarna som sprider kunskap om våld i nära relationer.", CadenceKind.TimesPerYear, 4),
        ], StandardPeople),
    ];
}
