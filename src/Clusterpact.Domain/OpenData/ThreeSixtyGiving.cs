using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Clusterpact.Domain.OpenData;

/// <summary>A 360Giving data package: <c>{ "grants": [...] }</c> (360-giving-package-schema.json).</summary>
public sealed record GrantPackage([property: JsonPropertyName("grants")] IReadOnlyList<Grant> Grants);

/// <summary>One grant in the 360Giving Data Standard (360-giving-schema.json); property names as the schema spells them.</summary>
public sealed record Grant(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("currency")] string Currency,
    [property: JsonPropertyName("amountAwarded")] decimal AmountAwarded,
    [property: JsonPropertyName("awardDate")] DateOnly AwardDate,
    [property: JsonPropertyName("recipientOrganization")] IReadOnlyList<RecipientOrganization> RecipientOrganization,
    [property: JsonPropertyName("fundingOrganization")] IReadOnlyList<FundingOrganization> FundingOrganization,
    [property: JsonPropertyName("grantProgramme")] IReadOnlyList<GrantProgramme> GrantProgramme,
    [property: JsonPropertyName("plannedDates"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<PlannedDates>? PlannedDates,
    [property: JsonPropertyName("dataSource"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? DataSource,
    [property: JsonPropertyName("dateModified")] DateTimeOffset DateModified);

/// <summary>
/// The recipient. Only organisation fields; the schema's contactName, email and telephone are deliberately absent.
/// companyNumber is "Registered UK company number" in the schema, so a Belgian number is not put there: it is in the id.
/// </summary>
public sealed record RecipientOrganization(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("charityNumber"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? CharityNumber,
    [property: JsonPropertyName("companyNumber"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? CompanyNumber,
    [property: JsonPropertyName("postalCode"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? PostalCode,
    [property: JsonPropertyName("addressCountry")] string AddressCountry);

public sealed record FundingOrganization(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("name")] string Name);

public sealed record GrantProgramme(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("title")] string Title);

public sealed record PlannedDates(
    [property: JsonPropertyName("startDate")] DateOnly StartDate,
    [property: JsonPropertyName("endDate"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateOnly? EndDate);

/// <summary>
/// Who publishes: the funder's org-id and name, the publisher's 360Giving grant-id prefix, and where the file lives.
/// The funder's id is configuration, not code: the agency's own enterprise number is not in the seeds.
/// </summary>
public sealed record ThreeSixtyGivingPublisher(string FunderId, string FunderName, string GrantIdPrefix = ThreeSixtyGiving.VlaioGrantIdPrefix, string? DataSource = null);

/// <summary>
/// The awards as a 360Giving data package (https://standard.threesixtygiving.org), with organisation identifiers in
/// org-id.guide form: a Belgian enterprise is "BE-BCE_KBO-" and its ten digits without dots.
/// </summary>
public static class ThreeSixtyGiving
{
    public const string VlaioGrantIdPrefix = "360G-vlaio-";
    public const string KboOrgIdPrefix = "BE-BCE_KBO-";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        // Keeps "&" in "Agentschap Innoveren & Ondernemen" and accented names readable; the output is JSON, not HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>"BE-BCE_KBO-0403170701".</summary>
    public static string OrgId(EnterpriseNumber number) => KboOrgIdPrefix + number.Digits;

    public static Grant ToGrant(AidAward award, ThreeSixtyGivingPublisher publisher, DateTimeOffset modified) => new(
        Id: publisher.GrantIdPrefix + award.Reference,
        Title: award.Title,
        Description: string.Create(CultureInfo.InvariantCulture,
            $"{award.ObjectiveLabel}. {InstrumentLabel(award.Instrument)} to a {(award.BeneficiaryType == BeneficiaryType.Sme ? "SME" : "large enterprise")} in NUTS region {award.NutsRegion}, sector NACE {award.Sector}, under aid measure {award.AidMeasureReference}, granted by {award.GrantingAuthority}."),
        Currency: "EUR",
        AmountAwarded: award.AidElementEur,
        AwardDate: award.GrantedOn,
        RecipientOrganization: [new(OrgId(award.BeneficiaryId), award.BeneficiaryName, null, null, award.PostalCode, "BE")],
        FundingOrganization: [new(publisher.FunderId, publisher.FunderName)],
        GrantProgramme: [new(award.AidMeasureReference, award.ObjectiveLabel)],
        PlannedDates: award.PlannedStart is { } start ? [new(start, award.PlannedEnd)] : null,
        DataSource: publisher.DataSource,
        DateModified: modified);

    public static GrantPackage ToPackage(IEnumerable<AidAward> awards, ThreeSixtyGivingPublisher publisher, DateTimeOffset modified) =>
        new(TransparencyRule.Order(awards).Select(a => ToGrant(a, publisher, modified)).ToList());

    public static string Serialize(GrantPackage package) => JsonSerializer.Serialize(package, Json);

    /// <summary>
    /// The package as JSON, refused when it would be empty (the package schema wants at least one grant) or when
    /// <see cref="OpenDataPrivacy.Check"/> finds contact data in any award. Which awards go in is the caller's
    /// choice: the publishable ones (<see cref="TransparencyRuleSet.SelectPublishable"/>) or all of them.
    /// </summary>
    public static Result<string> Export(IEnumerable<AidAward> awards, ThreeSixtyGivingPublisher publisher, DateTimeOffset modified)
    {
        var list = awards.ToList();
        if (list.Count == 0) return Result<string>.Fail(new DomainError("OpenData.NothingToPublish", "360Giving package schema"));
        if (OpenDataPrivacy.Check(list).Count > 0) return Result<string>.Fail(new DomainError("OpenData.PersonalDataFound", "GDPR art. 5(1)(c)"));
        var funder = OpenDataPrivacy.Scan(publisher.FunderId).Concat(OpenDataPrivacy.Scan(publisher.FunderName));
        if (funder.Any()) return Result<string>.Fail(new DomainError("OpenData.PersonalDataFound", "GDPR art. 5(1)(c)"));
        return Result<string>.Ok(Serialize(ToPackage(list, publisher, modified)));
    }

    private static string InstrumentLabel(AidInstrument instrument) => instrument switch
    {
        AidInstrument.Grant => "Grant",
        AidInstrument.Loan => "Loan",
        AidInstrument.Guarantee => "Guarantee",
        AidInstrument.TaxAdvantage => "Tax advantage",
        AidInstrument.RiskFinance => "Risk finance",
        _ => "Other aid instrument",
    };
}
