using System.Text.RegularExpressions;

namespace Clusterpact.Domain.OpenData;

/// <summary>SME or large enterprise at the time of granting (GBER Annex III; Recommendation 2003/361/EC).</summary>
public enum BeneficiaryType { Sme, Large }

/// <summary>The aid instruments of the Transparency Award Module; cluster and project aid here is a grant.</summary>
public enum AidInstrument { Grant, Loan, Guarantee, TaxAdvantage, RiskFinance, Other }

/// <summary>The objective of the aid: the GBER article the measure is exempted under.</summary>
public enum AidObjective
{
    /// <summary>Operating (or investment) aid to a cluster organisation, GBER art. 27.</summary>
    InnovationClusters,

    /// <summary>Aid to the partners of a research and development project, GBER art. 25.</summary>
    ResearchAndDevelopmentProjects,
}

/// <summary>
/// What the register knows about the beneficiary, and nothing more: organisation-level fields only (no contact
/// person, e-mail, phone or street address), so personal data cannot reach the open-data listing through this type.
/// </summary>
/// <param name="IsLegalEntity">
/// False for a natural person trading under an enterprise number (a sole trader): the KBO registers those too, and
/// their name and number are personal data (GDPR art. 4(1)). Such an award is refused here and handled by hand.
/// </param>
public sealed record AidBeneficiary(string Name, string? EnterpriseNumber, SizeClass? Size, bool IsLegalEntity, string? PostalCode, string? NutsRegion, string? NaceCode)
{
    /// <summary>The register's organisation, with the postal code of its registered office.</summary>
    public static AidBeneficiary From(Organisation organisation, string? postalCode, bool isLegalEntity) =>
        new(organisation.Name, organisation.EnterpriseNumber, organisation.SizeClass, isLegalEntity, postalCode, organisation.NutsRegion, organisation.NaceCode);
}

/// <summary>What the granting decision says.</summary>
/// <param name="Reference">Stable id of the decision in Clusterpact (e.g. the support agreement's id): letters, digits, '.', '_' and '-'.</param>
/// <param name="AidElementEur">The full amount granted on the date, not the yearly tranches nor the payments.</param>
/// <param name="GrantedOn">The date the legal right to the aid is conferred (GBER art. 2(28)): the decision, not the payment.</param>
/// <param name="AidMeasureReference">The measure's SA number in the Commission's register, e.g. "SA.12345".</param>
public sealed record AidGrant(string Reference, string Title, decimal AidElementEur, AidObjective Objective, DateOnly GrantedOn, string AidMeasureReference,
    AidInstrument Instrument = AidInstrument.Grant, DateOnly? PlannedStart = null, DateOnly? PlannedEnd = null, string GrantingAuthority = AidAward.Vlaio);

/// <summary>
/// One individual aid award with the fields GBER art. 9(1)(c) and Annex III ask to publish: beneficiary name and
/// identifier, SME or large, NUTS 2 region, NACE group, aid element, instrument, date, objective, granting authority
/// and the aid measure reference. Built only through <see cref="Create"/>, which checks each field.
/// </summary>
public sealed partial record AidAward
{
    public const string Vlaio = "Agentschap Innoveren & Ondernemen (VLAIO)";

    private AidAward() { }

    public string Reference { get; init; } = "";
    public string Title { get; init; } = "";
    public string BeneficiaryName { get; init; } = "";
    public EnterpriseNumber BeneficiaryId { get; init; }
    public BeneficiaryType BeneficiaryType { get; init; }

    /// <summary>NUTS 2 code, e.g. "BE23".</summary>
    public string NutsRegion { get; init; } = "";

    /// <summary>Postal code of the registered office, when known; also what the region was derived from.</summary>
    public string? PostalCode { get; init; }

    /// <summary>NACE Rev. 2 group, e.g. "94.9".</summary>
    public string Sector { get; init; } = "";

    /// <summary>EUR, full amount (GBER Annex III: "aid element, expressed as full amount in national currency").</summary>
    public decimal AidElementEur { get; init; }

    public AidInstrument Instrument { get; init; }
    public AidObjective Objective { get; init; }
    public DateOnly GrantedOn { get; init; }
    public string GrantingAuthority { get; init; } = "";
    public string AidMeasureReference { get; init; } = "";
    public DateOnly? PlannedStart { get; init; }
    public DateOnly? PlannedEnd { get; init; }

    /// <summary>"0403.170.701", as the KBO writes it.</summary>
    public string FormattedBeneficiaryId => BeneficiaryId.ToString();

    public string ObjectiveLabel => Label(Objective);

    /// <summary>The objective as published, naming its GBER article.</summary>
    public static string Label(AidObjective objective) => objective switch
    {
        AidObjective.InnovationClusters => "Aid for innovation clusters (GBER art. 27)",
        AidObjective.ResearchAndDevelopmentProjects => "Aid for research and development projects (GBER art. 25)",
        _ => throw new ArgumentOutOfRangeException(nameof(objective)),
    };

    public static BeneficiaryType TypeOf(SizeClass size) => size == SizeClass.Large ? BeneficiaryType.Large : BeneficiaryType.Sme;

    /// <summary>Every free-text field, by name: what <see cref="OpenDataPrivacy.Check"/> scans.</summary>
    public IEnumerable<(string Field, string? Value)> TextFields()
    {
        yield return (nameof(Reference), Reference);
        yield return (nameof(Title), Title);
        yield return (nameof(BeneficiaryName), BeneficiaryName);
        yield return (nameof(NutsRegion), NutsRegion);
        yield return (nameof(PostalCode), PostalCode);
        yield return (nameof(Sector), Sector);
        yield return (nameof(GrantingAuthority), GrantingAuthority);
        yield return (nameof(AidMeasureReference), AidMeasureReference);
        yield return (nameof(FormattedBeneficiaryId), FormattedBeneficiaryId);
        yield return (nameof(ObjectiveLabel), ObjectiveLabel);
    }

    /// <summary>
    /// Maps a beneficiary and a granting decision onto a publishable award, refusing what the Commission's module
    /// would refuse or what would publish a person. The region comes from the register's NUTS code when there is
    /// one, otherwise from the postal code; when both are there they must agree.
    /// </summary>
    public static Result<AidAward> Create(AidBeneficiary beneficiary, AidGrant grant)
    {
        if (!beneficiary.IsLegalEntity) return Fail("AidAward.NaturalPerson", "GDPR art. 4(1)");
        if (string.IsNullOrWhiteSpace(beneficiary.Name)) return Fail("AidAward.NameRequired");
        var number = Members.EnterpriseNumber.Parse(beneficiary.EnterpriseNumber);
        if (!number.IsSuccess) return Fail("AidAward.EnterpriseNumberInvalid", "KBO");
        if (beneficiary.Size is not { } size) return Fail("AidAward.SizeUnknown", "GBER Annex III; 2003/361/EC");

        var region = Region(beneficiary.PostalCode, beneficiary.NutsRegion);
        if (!region.IsSuccess) return Result<AidAward>.Fail(region.Error!);
        var sector = NaceGroup.FromCode(beneficiary.NaceCode);
        if (!sector.IsSuccess) return Result<AidAward>.Fail(sector.Error!);

        if (!ReferencePattern().IsMatch(grant.Reference ?? "")) return Fail("AidAward.ReferenceInvalid");
        if (string.IsNullOrWhiteSpace(grant.Title)) return Fail("AidAward.TitleRequired");
        if (grant.AidElementEur <= 0) return Fail("AidAward.AmountNotPositive");
        if (decimal.Round(grant.AidElementEur, 2) != grant.AidElementEur) return Fail("AidAward.AmountNotInCents");
        if (!MeasurePattern().IsMatch(grant.AidMeasureReference?.Trim() ?? "")) return Fail("AidAward.MeasureReferenceInvalid");
        if (string.IsNullOrWhiteSpace(grant.GrantingAuthority)) return Fail("AidAward.GrantingAuthorityRequired");
        if (grant.PlannedStart is { } s && grant.PlannedEnd is { } e && e < s) return Fail("AidAward.PlannedEndBeforeStart");

        return Result<AidAward>.Ok(new AidAward
        {
            Reference = grant.Reference!,
            Title = grant.Title.Trim(),
            BeneficiaryName = beneficiary.Name.Trim(),
            BeneficiaryId = number.Value,
            BeneficiaryType = TypeOf(size),
            NutsRegion = region.Value!,
            PostalCode = string.IsNullOrWhiteSpace(beneficiary.PostalCode) ? null : beneficiary.PostalCode.Trim(),
            Sector = sector.Value!,
            AidElementEur = grant.AidElementEur,
            Instrument = grant.Instrument,
            Objective = grant.Objective,
            GrantedOn = grant.GrantedOn,
            GrantingAuthority = grant.GrantingAuthority.Trim(),
            AidMeasureReference = grant.AidMeasureReference!.Trim(),
            PlannedStart = grant.PlannedStart,
            PlannedEnd = grant.PlannedEnd,
        });
    }

    private static Result<string> Region(string? postalCode, string? nuts)
    {
        var hasPostal = !string.IsNullOrWhiteSpace(postalCode);
        var hasNuts = !string.IsNullOrWhiteSpace(nuts);
        if (!hasPostal && !hasNuts) return Result<string>.Fail(new DomainError("AidAward.RegionUnknown", "GBER Annex III (NUTS 2)"));
        var fromPostal = hasPostal ? BelgianRegions.FromPostalCode(postalCode) : default;
        if (hasPostal && !fromPostal.IsSuccess) return fromPostal;
        if (!hasNuts) return fromPostal;
        var registered = BelgianRegions.NormaliseNuts(nuts);
        if (!registered.IsSuccess) return registered;
        if (hasPostal && fromPostal.Value != registered.Value)
            return Result<string>.Fail(new DomainError("AidAward.RegionMismatch", "GBER Annex III (NUTS 2)"));
        return registered;
    }

    private static Result<AidAward> Fail(string code, string rule = "GBER Annex III") => Result<AidAward>.Fail(new DomainError(code, rule));

    [GeneratedRegex(@"^[A-Za-z0-9._-]{1,100}$")]
    private static partial Regex ReferencePattern();

    /// <summary>"SA.12345", optionally with the GBER registration suffix, "SA.12345 (2016/X)".</summary>
    [GeneratedRegex(@"^SA\.\d{4,7}( ?\(\d{4}/X\))?$")]
    private static partial Regex MeasurePattern();
}
