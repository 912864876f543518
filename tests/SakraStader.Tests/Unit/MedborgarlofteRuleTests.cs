using SakraStader.Domain;
using SakraStader.Features.Medborgarloften;

namespace SakraStader.Tests.Unit;

public sealed class MedborgarlofteRuleTests
{
    private static readonly Guid KommunSigner = Guid.NewGuid();
    private static readonly Guid PoliceSigner = Guid.NewGuid();
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static (Medborgarlofte Lofte, LofteParty Kommun, LofteParty Police) Draft()
    {
        var lofte = new Medborgarlofte("Tryggare torget", new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31));
        var kommun = lofte.AddParty(PartyKind.Kommunen, "Örebro kommun", KommunSigner, "Anna Lindqvist", "Säkerhetschef");
        var police = lofte.AddParty(PartyKind.Polisen, "Polisen, LPO Örebro", PoliceSigner, "Mikael Strand", "Kommunpolis");
        lofte.AddCommitment("Belysningen i tunneln byts.", kommun.Id, "Före- och efterbilder.");
        lofte.AddCommitment("Polisen syns vid torget fredagskvällar.", police.Id, "Antal kvällar per kvartal.");
        return (lofte, kommun, police);
    }

    private static LofteVersion Send(Medborgarlofte lofte) => lofte.SendForSigning(MedborgarlofteHandler.ContentOf("Örebro", lofte, ["Vivalla"]), Now);

    [Theory]
    [InlineData("2026-12-06", "2027-01-01", "2027-12-31")]
    [InlineData("2026-10-01", "2027-01-01", "2027-12-31")]
    [InlineData("2026-09-30", "2026-09-30", "2026-12-31")]
    [InlineData("2026-01-01", "2026-01-01", "2026-12-31")]
    public void A_new_promise_is_suggested_for_the_calendar_year_the_coming_one_from_october(string today, string from, string to)
    {
        var period = Medborgarlofte.SuggestedPeriod(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal((DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture)), period);
    }

    [Fact]
    public void The_same_content_gives_the_same_hash_and_any_change_another()
    {
        var (a, _, _) = Draft();
        var (b, _, _) = Draft();
        var content = MedborgarlofteHandler.ContentOf("Örebro", a, ["Vivalla"]);
        var same = MedborgarlofteHandler.ContentOf("Örebro", b, ["Vivalla"]);
        Assert.Equal(LofteContent.HashOf(content.ToJson()), LofteContent.HashOf(same.ToJson()));

        var variants = new[]
        {
            content with { Title = "Tryggare torget!" },
            content with { ValidTo = "2026-12-30" },
            content with { Areas = ["Vivalla", "Centrum"] },
            content with { Background = " " },
            content with { Commitments = [content.Commitments[0] with { What = "Belysningen i tunneln byts ut." }, content.Commitments[1]] },
            content with { Commitments = [content.Commitments[1], content.Commitments[0]] },
            content with { Parties = [content.Parties[0] with { Signatory = "Anna Lindkvist" }, content.Parties[1]] },
        };
        var hashes = variants.Select(v => LofteContent.HashOf(v.ToJson())).Append(LofteContent.HashOf(content.ToJson())).ToList();
        Assert.Equal(hashes.Count, hashes.Distinct().Count());
        Assert.Matches("^[0-9a-f]{64}$", hashes[0]);
        Assert.Matches("^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$", LofteContent.CodeOf(hashes[0]));
    }

    [Fact]
    public void Only_the_partys_signatory_signs_once_what_they_were_shown_and_all_signatures_make_it_gallande()
    {
        var (lofte, kommun, police) = Draft();
        var version = Send(lofte);

        Assert.Contains("inte den som skriver under", Assert.Throws<DomainException>(() =>
            lofte.Sign(police.Id, KommunSigner, "Anna", "", "", version.Hash, "Lösenord", Now)).Message);
        Assert.Contains("har ändrats", Assert.Throws<DomainException>(() =>
            lofte.Sign(kommun.Id, KommunSigner, "Anna", "", "", new string('0', 64), "Lösenord", Now)).Message);
        lofte.Sign(kommun.Id, KommunSigner, "Anna", "Säkerhetschef", "Samordnare", version.Hash, "Lösenord", Now);
        Assert.Contains("redan skrivit under", Assert.Throws<DomainException>(() =>
            lofte.Sign(kommun.Id, KommunSigner, "Anna", "", "", version.Hash, "Lösenord", Now)).Message);
        Assert.Equal(LofteStatus.ForUnderskrift, lofte.Status);
        Assert.Contains("Polisen, LPO Örebro", Assert.Throws<DomainException>(() => lofte.Publish(Now)).Message);

        lofte.Sign(police.Id, PoliceSigner, "Mikael", "Kommunpolis", "Medlem", version.Hash, "Lösenord", Now);
        Assert.Equal(LofteStatus.Gallande, lofte.Status);
        lofte.Publish(Now);
        Assert.True(lofte.IsPublished);
        Assert.All(lofte.Signatures, s => Assert.Equal(version.Hash, s.Hash));
    }

    [Fact]
    public void A_change_after_signing_voids_every_signature_visibly()
    {
        var (lofte, kommun, police) = Draft();
        var version = Send(lofte);
        lofte.Sign(kommun.Id, KommunSigner, "Anna", "", "", version.Hash, "Lösenord", Now);
        lofte.Sign(police.Id, PoliceSigner, "Mikael", "", "", version.Hash, "Lösenord", Now);
        lofte.Publish(Now);

        lofte.AddCommitment("Fler papperskorgar vid torget.", kommun.Id, "");

        Assert.Equal(LofteStatus.Utkast, lofte.Status);
        Assert.False(lofte.IsPublished);
        Assert.Empty(lofte.ValidSignatures);
        Assert.Equal(2, lofte.Signatures.Count(s => s.VoidedAt is not null));
        var changes = MedborgarlofteHandler.ChangesSince(LofteContent.Read(version.Content)!, MedborgarlofteHandler.ContentOf("Örebro", lofte, ["Vivalla"]));
        Assert.Equal(["Löfte tillagt: Fler papperskorgar vid torget. (Örebro kommun; )"], changes);

        var second = Send(lofte);
        Assert.Equal(2, second.Number);
        Assert.NotEqual(version.Hash, second.Hash);
    }

    [Fact]
    public void A_published_promise_stays_public_in_its_signed_version_while_a_change_is_drafted_and_signed_until_the_new_is_published()
    {
        var (lofte, kommun, police) = Draft();
        var first = Send(lofte);
        lofte.Sign(kommun.Id, KommunSigner, "Anna", "", "", first.Hash, "Lösenord", Now);
        lofte.Sign(police.Id, PoliceSigner, "Mikael", "", "", first.Hash, "Lösenord", Now);
        lofte.Publish(Now);
        Assert.Equal((1, true, false), (lofte.PublishedVersionNumber, lofte.IsPublished, lofte.RevisionPending));

        // Changed: the signatures are void for the new text, and version 1 stays public, marked as being revised.
        lofte.AddCommitment("Fler papperskorgar vid torget.", kommun.Id, "");
        Assert.Equal((LofteStatus.Utkast, 1, true, true), (lofte.Status, lofte.PublishedVersionNumber, lofte.IsPublic, lofte.RevisionPending));
        Assert.Equal(Now, lofte.PublishedAt);

        // Signed again by everyone: still version 1 on the public page until the samordnare publishes version 2.
        var second = Send(lofte);
        lofte.Sign(kommun.Id, KommunSigner, "Anna", "", "", second.Hash, "Lösenord", Now);
        lofte.Sign(police.Id, PoliceSigner, "Mikael", "", "", second.Hash, "Lösenord", Now);
        Assert.Equal((LofteStatus.Gallande, 1, false, true), (lofte.Status, lofte.PublishedVersionNumber, lofte.IsPublished, lofte.RevisionPending));
        lofte.Publish(Now.AddDays(1));
        Assert.Equal((2, true, false), (lofte.PublishedVersionNumber, lofte.IsPublished, lofte.RevisionPending));
        Assert.Equal(Now, lofte.PublishedAt); // first published

        lofte.Unpublish();
        Assert.Equal((null, false), (lofte.PublishedVersionNumber, lofte.IsPublic));
    }

    [Fact]
    public void Bad_input_is_refused_with_a_reason()
    {
        Assert.Equal("Perioden kan inte sluta innan den börjar.",
            Assert.Throws<DomainException>(() => new Medborgarlofte("Löfte", new DateOnly(2026, 6, 1), new DateOnly(2026, 5, 31))).Message);
        var (lofte, _, _) = Draft();
        Assert.Equal(nameof(Commitment.PartyId), Assert.Throws<DomainException>(() => lofte.AddCommitment("Något", null, "")).Field);

        var incomplete = new Medborgarlofte("Löfte", new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31));
        var k = incomplete.AddParty(PartyKind.Kommunen, "Örebro kommun", KommunSigner, "Anna", "");
        incomplete.AddCommitment("Något", k.Id, "");
        Assert.Contains("kommunen och Polisen", Assert.Throws<DomainException>(() => Send(incomplete)).Message);
        incomplete.AddParty(PartyKind.Polisen, "Polisen", null, "", "");
        Assert.Contains("Välj vem som skriver under för Polisen", Assert.Throws<DomainException>(() => Send(incomplete)).Message);
    }

    [Theory]
    [InlineData(1, 1, 1, 9999, 12, 31, nameof(Medborgarlofte.ValidFrom))]
    [InlineData(2026, 1, 1, 9999, 12, 31, nameof(Medborgarlofte.ValidTo))]
    [InlineData(2026, 1, 1, 2030, 1, 1, nameof(Medborgarlofte.ValidTo))]
    [InlineData(1999, 12, 31, 2000, 12, 31, nameof(Medborgarlofte.ValidFrom))]
    public void A_period_must_be_plausible_at_most_a_few_years_in_this_century(int fy, int fm, int fd, int ty, int tm, int td, string field)
    {
        var e = Assert.Throws<DomainException>(() => new Medborgarlofte("Löfte", new DateOnly(fy, fm, fd), new DateOnly(ty, tm, td)));
        Assert.Equal(field, e.Field);
        Assert.Matches("^(Ange ett (start|slut)datum mellan år 2000 och 2100|Ett medborgarlöfte kan gälla i högst 4 år)", e.Message);
        // Four years to the day before is the longest.
        Assert.Equal(new DateOnly(2029, 12, 31), new Medborgarlofte("Löfte", new DateOnly(2026, 1, 1), new DateOnly(2029, 12, 31)).ValidTo);
    }

    [Fact]
    public void Reopening_a_signed_promise_voids_its_signatures_and_a_draft_stays_as_it_is()
    {
        var (lofte, kommun, police) = Draft();
        var draftVersion = lofte.Version;
        lofte.Reopen();
        Assert.Equal(draftVersion, lofte.Version);

        var version = Send(lofte);
        lofte.Sign(kommun.Id, KommunSigner, "Anna", "", "", version.Hash, "Lösenord", Now);
        lofte.Sign(police.Id, PoliceSigner, "Mikael", "", "", version.Hash, "Lösenord", Now);
        lofte.Publish(Now);
        lofte.Reopen();
        Assert.Equal((LofteStatus.Utkast, false), (lofte.Status, lofte.IsPublished));
        Assert.Equal(2, lofte.Signatures.Count(s => s.VoidedAt is not null));

        // A commitment rewritten in the draft changes the content that will be signed.
        var before = MedborgarlofteHandler.ContentOf("Örebro", lofte, ["Vivalla"]);
        lofte.ReviseCommitment(lofte.Commitments[0].Id, "Belysningen i tunneln byts före jul.", "Bilder.");
        var changes = MedborgarlofteHandler.ChangesSince(before, MedborgarlofteHandler.ContentOf("Örebro", lofte, ["Vivalla"]));
        Assert.Contains("Löfte tillagt: Belysningen i tunneln byts före jul. (Örebro kommun; Bilder.)", changes);
        Assert.Equal("What", Assert.Throws<DomainException>(() => lofte.ReviseCommitment(lofte.Commitments[0].Id, " ", "")).Field);
    }

    [Fact]
    public void Dialogue_themes_are_read_from_lines_with_counts()
    {
        var dialogue = new CitizenDialogue(new DateOnly(2026, 4, 2), "Vivalla centrum", "Trygghetsvandring", 40);
        dialogue.SetThemes("Mörk gångtunnel; 34\n\nSkräp vid torget\n");
        Assert.Equal([("Mörk gångtunnel", 34), ("Skräp vid torget", 1)], dialogue.Themes.Select(t => (t.Text, t.Mentions)));
        Assert.Contains("Rad 2", Assert.Throws<DomainException>(() => dialogue.SetThemes("Bra; 3\nDåligt; många")).Message);
        Assert.Equal(nameof(CitizenDialogue.Date), Assert.Throws<DomainException>(() => new CitizenDialogue(new DateOnly(1, 1, 1), "Torget", "Enkät", 3)).Field);
    }
}
