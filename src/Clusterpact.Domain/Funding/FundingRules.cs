namespace Clusterpact.Domain.Funding;

/// <summary>
/// The funding figures for one kind of cluster from a date on. Rules are data: a new rule takes effect from its
/// date and never rewrites what was decided under an earlier one.
/// </summary>
/// <param name="MaxYearlyOperatingAid">EUR per agreement year.</param>
/// <param name="MinMemberCofinancingShare">Share of the budget the members bring in (0.50 = 50%).</param>
/// <param name="MaxAidIntensity">Operating aid over total eligible costs over the whole aid period (GBER art. 27(9)).</param>
/// <param name="MaxTermYears">Length of one support agreement term.</param>
/// <param name="MaxOperatingAidYears">Operating aid over all agreements of one cluster together (GBER art. 27(7)).</param>
/// <param name="Source">Where the figure comes from, shown next to a refusal.</param>
public sealed record FundingRule(ClusterType ClusterType, DateOnly EffectiveFrom, decimal MaxYearlyOperatingAid, decimal MinMemberCofinancingShare,
    decimal MaxAidIntensity, int MaxTermYears, int MaxOperatingAidYears, string Source);

/// <summary>The rules in force over time, per cluster type.</summary>
public sealed class FundingRuleSet(IEnumerable<FundingRule> rules)
{
    public const int SourceMaxLength = 300;

    /// <summary>Shares are kept to four decimals (50.25% = 0.5025).</summary>
    public const int ShareDecimals = 4;

    public const int MaxYears = Common.DomainRange.LastYear - Common.DomainRange.FirstYear;

    private readonly IReadOnlyList<FundingRule> _rules = rules.OrderBy(r => r.EffectiveFrom).ToList();

    public IReadOnlyList<FundingRule> Rules => _rules;

    /// <summary>
    /// A new rule, decided on a date: it takes effect after that date (never backwards: decisions taken under the old
    /// rule stay valid) and after the type's latest rule; its figures must make sense.
    /// </summary>
    public Common.Result CheckChange(FundingRule rule, DateOnly decidedOn)
    {
        if (Common.DomainRange.FirstOf(Common.DomainRange.Date(rule.EffectiveFrom, nameof(rule.EffectiveFrom)),
                Common.DomainRange.Amount(rule.MaxYearlyOperatingAid, nameof(rule.MaxYearlyOperatingAid)),
                Common.DomainRange.Text(rule.Source, SourceMaxLength, nameof(rule.Source))) is { } outOfRange) return Common.Result.Fail(outOfRange);
        if (rule.EffectiveFrom <= decidedOn) return Common.Result.Fail(new Common.DomainError("Funding.RuleRetroactive"));
        if (_rules.Any(r => r.ClusterType == rule.ClusterType && r.EffectiveFrom >= rule.EffectiveFrom))
            return Common.Result.Fail(new Common.DomainError("Funding.RuleNotAfterLatest"));
        // A term or aid period beyond the years a date can hold (2000-2100) is no rule at all.
        if (rule.MaxYearlyOperatingAid <= 0 || rule.MaxTermYears <= 0 || rule.MaxOperatingAidYears < rule.MaxTermYears || rule.MaxOperatingAidYears > MaxYears)
            return Common.Result.Fail(new Common.DomainError("Funding.RuleFiguresInvalid"));
        if (rule.MinMemberCofinancingShare is < 0 or > 1 || rule.MaxAidIntensity is <= 0 or > 1
            || !Common.DomainRange.HasDecimals(rule.MinMemberCofinancingShare, ShareDecimals) || !Common.DomainRange.HasDecimals(rule.MaxAidIntensity, ShareDecimals))
            return Common.Result.Fail(new Common.DomainError("Funding.RuleSharesInvalid"));
        if (string.IsNullOrWhiteSpace(rule.Source)) return Common.Result.Fail(new Common.DomainError("Funding.RuleSourceRequired"));
        return Common.Result.Success;
    }

    /// <summary>The rule in force on the date: the latest that took effect on or before it; null before any rule.</summary>
    public FundingRule? InForce(ClusterType type, DateOnly on) => _rules.LastOrDefault(r => r.ClusterType == type && r.EffectiveFrom <= on);

    /// <summary>
    /// The figures of the seeds. The 650,000 for spearhead clusters is named in the 2024 communication (seed 004:
    /// "maximumbedrag van 650k€") without its starting date; 1 January 2024 is an assumption the agency can correct.
    /// Ad-hoc clusters rest on the same decree and GBER article; their yearly maximum is not in the seeds and is set
    /// to the network's amount until the agency records its own.
    /// </summary>
    public static FundingRuleSet Default { get; } = new(
    [
        new(ClusterType.SpearheadCluster, new DateOnly(2016, 3, 4), 500_000m, 0.50m, 0.50m, 3, 10, "Clusterbesluit 4 maart 2016"),
        new(ClusterType.SpearheadCluster, new DateOnly(2024, 1, 1), 650_000m, 0.50m, 0.50m, 3, 10, "Mededeling groenboek 2024"),
        new(ClusterType.InnovativeBusinessNetwork, new DateOnly(2016, 3, 4), 150_000m, 0.50m, 0.50m, 3, 3, "Clusterbesluit 4 maart 2016"),
        new(ClusterType.AdHocCluster, new DateOnly(2016, 3, 4), 150_000m, 0.50m, 0.50m, 3, 10, "Clusterbesluit 4 maart 2016; GBER art. 27"),
    ]);
}
