using static Clusterpact.Domain.Tests.OpenData.OpenDataFixtures;

namespace Clusterpact.Domain.Tests.OpenData;

public sealed class OpenDataPrivacyTests
{
    [Theory]
    [InlineData("contact: jan.peeters@example.be")]
    [InlineData("info@catalisti.be")]
    [InlineData("an.de-smet+cluster@ugent.be")]
    [InlineData("jan [at] example.be")]
    [InlineData("jan(at)example.be")]
    public void E_mail_addresses_are_found(string text)
    {
        Assert.Equal([PersonalDataKind.EmailAddress], OpenDataPrivacy.Scan(text));
    }

    [Theory]
    [InlineData("+32 9 123 45 67")]
    [InlineData("bel +32 (0)475 12 34 56")]
    [InlineData("+32475123456")]
    [InlineData("0032 9 123 45 67")]
    [InlineData("09 123 45 67")]
    [InlineData("02-211.11.11")]
    [InlineData("0475/12.34.56")]
    [InlineData("0475 12 34 56")]
    [InlineData("0475123456")]
    [InlineData("Tel.0475 12 34 56")]
    [InlineData("Werkingssteun (contact 09 264 11 11)")]
    public void Phone_numbers_are_found(string text)
    {
        Assert.Equal([PersonalDataKind.PhoneNumber], OpenDataPrivacy.Scan(text));
    }

    [Theory]
    [InlineData("Catalisti vzw")]
    [InlineData("Werkingssteun speerpuntcluster 2024-2026")]
    [InlineData("0403.170.701")]
    [InlineData("0403170701")]
    [InlineData("BE-BCE_KBO-0403170701")]
    [InlineData("01/01/2024 - 31/12/2026")]
    [InlineData("2024-03-01T00:00:00+00:00")]
    [InlineData("EUR 1.500.000,00")]
    [InlineData("SA.12345 (2016/X)")]
    [InlineData("94.9")]
    [InlineData("9000")]
    [InlineData("360G-vlaio-0193a7c2d4e5f60718293a4b5c6d7e8f")]
    [InlineData("Agentschap Innoveren & Ondernemen (VLAIO)")]
    [InlineData("Aid for innovation clusters (GBER art. 27)")]
    [InlineData("")]
    [InlineData(null)]
    public void Identifiers_dates_amounts_and_names_of_organisations_are_not_flagged(string? text)
    {
        Assert.Empty(OpenDataPrivacy.Scan(text));
    }

    [Fact]
    public void Check_names_the_award_and_field_of_every_finding()
    {
        var clean = Award(reference: "clean");
        var dirty = Award(reference: "dirty", name: "Cluster vzw (jan@example.be)", title: "Werkingssteun, contact 0475 12 34 56");

        var findings = OpenDataPrivacy.Check([clean, dirty]);

        Assert.Equal(
            [new PrivacyFinding("dirty", nameof(AidAward.Title), PersonalDataKind.PhoneNumber), new PrivacyFinding("dirty", nameof(AidAward.BeneficiaryName), PersonalDataKind.EmailAddress)],
            findings);
        Assert.Empty(OpenDataPrivacy.Check([clean]));
    }

    [Fact]
    public void Check_scans_every_text_property_of_an_award()
    {
        var award = Award();
        var scanned = award.TextFields().Select(f => f.Field).ToHashSet();
        var textProperties = typeof(AidAward).GetProperties().Where(p => p.PropertyType == typeof(string)).Select(p => p.Name);
        Assert.All(textProperties, p => Assert.Contains(p, scanned));
    }
}
