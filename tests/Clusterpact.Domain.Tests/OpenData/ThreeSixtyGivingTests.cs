using System.Text.Json;
using System.Text.RegularExpressions;
using static Clusterpact.Domain.Tests.OpenData.OpenDataFixtures;

namespace Clusterpact.Domain.Tests.OpenData;

public sealed class ThreeSixtyGivingTests
{
    private static readonly ThreeSixtyGivingPublisher Publisher =
        new($"BE-BCE_KBO-{Kbo(12_345_678)}", AidAward.Vlaio, DataSource: "https://clusterpact.example/open-data/360giving.json");

    private static readonly DateTimeOffset Modified = new(2025, 1, 15, 9, 30, 0, TimeSpan.Zero);

    // The properties the 360Giving grant schema defines (360-giving-schema.json), of which we use a subset.
    private static readonly HashSet<string> GrantProperties =
    [
        "id", "title", "description", "currency", "amountAppliedFor", "amountAwarded", "amountDisbursed", "awardDate", "url", "plannedDates",
        "actualDates", "recipientOrganization", "beneficiaryLocation", "fundingOrganization", "grantProgramme", "fromOpenCall", "fundingType",
        "classifications", "relatedDocument", "relatedActivity", "dateModified", "dataSource",
    ];

    private static readonly string[] RequiredGrantProperties =
        ["id", "title", "description", "currency", "amountAwarded", "awardDate", "recipientOrganization", "fundingOrganization"];

    private static readonly string[] PersonProperties = ["contactName", "email", "telephone", "streetAddress"];

    [Fact]
    public void An_enterprise_number_becomes_an_org_id_of_ten_digits()
    {
        Assert.True(EnterpriseNumber.TryParse("0403.170.701", out var n));
        Assert.Equal("BE-BCE_KBO-0403170701", ThreeSixtyGiving.OrgId(n));
    }

    [Fact]
    public void The_package_parses_back_with_every_required_field_in_the_schemas_names()
    {
        var awards = new[] { Award(1_500_000m, "agr-1"), Award(450_000m, "agr-2", name: "Flux50 vzw", number: Kbo(4_031_708)) with { PostalCode = null } };

        var json = ThreeSixtyGiving.Export(awards, Publisher, Modified);
        Assert.True(json.IsSuccess, json.Error?.Code);

        using var doc = JsonDocument.Parse(json.Value!);
        Assert.Equal(["grants"], doc.RootElement.EnumerateObject().Select(p => p.Name));
        var grants = doc.RootElement.GetProperty("grants").EnumerateArray().ToList();
        Assert.Equal(2, grants.Count);

        foreach (var grant in grants)
        {
            var names = grant.EnumerateObject().Select(p => p.Name).ToList();
            Assert.All(RequiredGrantProperties, r => Assert.Contains(r, names));
            Assert.All(names, n => Assert.Contains(n, GrantProperties));
            Assert.Matches("^360G-vlaio-[A-Za-z0-9._-]+$", grant.GetProperty("id").GetString()!);
            Assert.Equal("EUR", grant.GetProperty("currency").GetString());
            Assert.Equal(JsonValueKind.Number, grant.GetProperty("amountAwarded").ValueKind);
            Assert.Matches("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", grant.GetProperty("awardDate").GetString()!);
            Assert.False(string.IsNullOrWhiteSpace(grant.GetProperty("title").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(grant.GetProperty("description").GetString()));

            var recipient = Assert.Single(grant.GetProperty("recipientOrganization").EnumerateArray());
            Assert.Matches("^BE-BCE_KBO-[01][0-9]{9}$", recipient.GetProperty("id").GetString()!);
            Assert.False(string.IsNullOrWhiteSpace(recipient.GetProperty("name").GetString()));
            var funder = Assert.Single(grant.GetProperty("fundingOrganization").EnumerateArray());
            Assert.Equal(Publisher.FunderId, funder.GetProperty("id").GetString());
            Assert.Equal("Agentschap Innoveren & Ondernemen (VLAIO)", funder.GetProperty("name").GetString());
            Assert.Equal(Modified, grant.GetProperty("dateModified").GetDateTimeOffset());
        }

        var first = grants[0];
        Assert.Equal("360G-vlaio-agr-1", first.GetProperty("id").GetString());
        Assert.Equal(1_500_000m, first.GetProperty("amountAwarded").GetDecimal());
        Assert.Equal("2024-03-01", first.GetProperty("awardDate").GetString());
        var catalisti = first.GetProperty("recipientOrganization")[0];
        Assert.Equal(("BE-BCE_KBO-0403170701", "Catalisti vzw", "2000"),
            (catalisti.GetProperty("id").GetString(), catalisti.GetProperty("name").GetString(), catalisti.GetProperty("postalCode").GetString()));
        Assert.False(catalisti.TryGetProperty("companyNumber", out _));
        Assert.False(catalisti.TryGetProperty("charityNumber", out _));
        var programme = Assert.Single(first.GetProperty("grantProgramme").EnumerateArray());
        Assert.Equal(("SA.12345", "Aid for innovation clusters (GBER art. 27)"), (programme.GetProperty("code").GetString(), programme.GetProperty("title").GetString()));
        var planned = Assert.Single(first.GetProperty("plannedDates").EnumerateArray());
        Assert.Equal(("2024-01-01", "2026-12-31"), (planned.GetProperty("startDate").GetString(), planned.GetProperty("endDate").GetString()));
        Assert.Equal(Publisher.DataSource, first.GetProperty("dataSource").GetString());

        Assert.False(grants[1].GetProperty("recipientOrganization")[0].TryGetProperty("postalCode", out _));
    }

    [Fact]
    public void No_property_of_the_package_holds_personal_data()
    {
        var json = ThreeSixtyGiving.Export([Award(), Award(200_000m, "agr-2", name: "VIL vzw", number: Kbo(4_031_708))], Publisher, Modified).Value!;
        using var doc = JsonDocument.Parse(json);

        var (names, strings) = Walk(doc.RootElement);
        Assert.DoesNotContain(names, n => PersonProperties.Contains(n));
        Assert.All(strings, s => Assert.Empty(OpenDataPrivacy.Scan(s)));
        Assert.Contains("BE-BCE_KBO-0403170701", strings); // the walk reached the nested organisations
    }

    [Fact]
    public void Export_refuses_a_package_with_contact_data_in_it()
    {
        var leaky = Award(reference: "agr-9", title: "Werkingssteun; vragen aan an.peeters@catalisti.be");
        Assert.Equal("OpenData.PersonalDataFound", ThreeSixtyGiving.Export([Award(), leaky], Publisher, Modified).Error!.Code);
        Assert.Equal("OpenData.PersonalDataFound", ThreeSixtyGiving.Export([Award()], Publisher with { FunderName = "VLAIO, 02 432 42 00" }, Modified).Error!.Code);
    }

    [Fact]
    public void Export_refuses_an_empty_package()
    {
        Assert.Equal("OpenData.NothingToPublish", ThreeSixtyGiving.Export([], Publisher, Modified).Error!.Code);
    }

    [Fact]
    public void Amounts_are_written_as_plain_numbers_with_their_cents()
    {
        var json = ThreeSixtyGiving.Serialize(ThreeSixtyGiving.ToPackage([Award(123_456.78m)], Publisher, Modified));
        Assert.Matches(new Regex("\"amountAwarded\": 123456.78[,\\s]"), json);
        Assert.Equal(123_456.78m, decimal.Parse(Regex.Match(json, "\"amountAwarded\": ([0-9.]+)").Groups[1].Value, CultureInfo.InvariantCulture));
    }

    private static (List<string> Names, List<string> Strings) Walk(JsonElement root)
    {
        var names = new List<string>();
        var strings = new List<string>();
        void Visit(JsonElement e)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var p in e.EnumerateObject()) { names.Add(p.Name); Visit(p.Value); }
                    break;
                case JsonValueKind.Array:
                    foreach (var i in e.EnumerateArray()) Visit(i);
                    break;
                case JsonValueKind.String:
                    strings.Add(e.GetString()!);
                    break;
            }
        }
        Visit(root);
        return (names, strings);
    }
}
