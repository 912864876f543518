using SakraStader.Domain;
using SakraStader.Features.Account;
using SakraStader.Features.Members;

namespace SakraStader.Tests.Unit;

public sealed class DomainTests
{
    [Theory]
    [InlineData("Örebro", "orebro")]
    [InlineData("Borås", "boras")]
    [InlineData("Upplands Väsby", "upplands-vasby")]
    [InlineData("  Malå  ", "mala")]
    [InlineData("Hässleholm–Hulta", "hassleholm-hulta")]
    public void Slug_is_lower_case_ascii(string name, string slug) => Assert.Equal(slug, Kommun.SlugFor(name));

    [Theory]
    [InlineData("188")]
    [InlineData("18800")]
    [InlineData("abcd")]
    public void Kommunkod_must_be_four_digits(string kod)
    {
        var e = Assert.Throws<DomainException>(() => new Kommun("Örebro", kod, "orebro"));
        Assert.Equal("Kod", e.Field);
    }

    [Theory]
    [InlineData("Orebro")]
    [InlineData("öre-bro")]
    [InlineData("-orebro")]
    [InlineData("ore--bro")]
    public void Slug_must_be_lower_case_ascii_words(string slug) =>
        Assert.Throws<DomainException>(() => new Kommun("Örebro", "1880", slug));

    [Fact]
    public void The_last_samordnare_cannot_step_down()
    {
        var samordnare = new Membership(Guid.NewGuid(), Role.Samordnare, OrganisationKind.Kommunen, "", "Säkerhetschef");

        var e = Assert.Throws<DomainException>(() => Membership.EnsureNotLastSamordnare(samordnare, Role.Medlem, samordnareCount: 1));
        Assert.Equal("Kommunen måste ha minst en samordnare. Utse en ny samordnare först.", e.Message);
        Membership.EnsureNotLastSamordnare(samordnare, Role.Medlem, samordnareCount: 2);
        Membership.EnsureNotLastSamordnare(samordnare, Role.Samordnare, samordnareCount: 1);
    }

    [Fact]
    public void Membership_needs_a_title()
    {
        var e = Assert.Throws<DomainException>(() => new Membership(Guid.NewGuid(), Role.Medlem, OrganisationKind.Polisen, "", "  "));
        Assert.Equal("Title", e.Field);
    }

    [Fact]
    public void Roles_are_ordered_by_what_they_may_do()
    {
        Assert.True(Role.Samordnare > Role.Styrgrupp);
        Assert.True(Role.Styrgrupp > Role.Medlem);
        Assert.True(Role.Medlem > Role.Lasare);
        Assert.Equal("Läsare", Role.Lasare.Display());
        Assert.Equal("Räddningstjänst", OrganisationKind.Raddningstjanst.Display());
    }

    [Theory]
    [InlineData("/orebro/grupper", "/orebro/grupper")]
    [InlineData("//evil.example", "/")]
    [InlineData("/\\evil.example", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData(null, "/")]
    public void Return_url_must_be_local(string? given, string expected) => Assert.Equal(expected, Login.SafeReturnUrl(given));

    [Fact]
    public void Temporary_passwords_are_long_readable_and_different()
    {
        var a = MemberHandler.NewTemporaryPassword();
        var b = MemberHandler.NewTemporaryPassword();

        Assert.Matches("^[a-z2-9]{4}(-[a-z2-9]{4}){3}$", a);
        Assert.NotEqual(a, b);
        Assert.True(a.Length >= 12);
    }

    [Fact]
    public void Group_needs_a_name()
    {
        var e = Assert.Throws<DomainException>(() => new Group(" ", GroupKind.Est, "", ""));
        Assert.Equal("Ange gruppens namn.", e.Message);
    }
}
