namespace Clusterpact.Domain.Funding;

/// <summary>The four kinds of eligible operating cost (GBER art. 27(8)(a)-(d)); a cost line names one.</summary>
public enum EligibleCostCategory { Animation, Marketing, FacilityManagement, TrainingAndNetworking }

/// <summary>One agreement year's budget: the aid granted, the eligible costs and the members' cofinancing plan.</summary>
public sealed record AgreementYearBudget(int YearIndex, DateOnly YearStart, decimal GrantedAid, IReadOnlyDictionary<EligibleCostCategory, decimal> EligibleCosts, decimal PlannedCofinancing)
{
    public decimal TotalEligibleCosts => EligibleCosts.Values.Sum();
}

/// <summary>Checks on the budget of an agreement, per year and over the whole aid period.</summary>
public static class AidIntensity
{
    /// <summary>One year: aid within the yearly maximum in force at the year's start, members' cofinancing at least their share of the costs.</summary>
    public static Result CheckYear(AgreementYearBudget year, Clusters.ClusterType type, FundingRuleSet rules)
    {
        var rule = rules.InForce(type, year.YearStart);
        if (rule is null) return Result.Fail(new DomainError("Agreement.NoRule"));
        if (year.GrantedAid < 0 || year.PlannedCofinancing < 0 || year.EligibleCosts.Values.Any(v => v < 0)) return Result.Fail(new DomainError("Budget.Negative"));
        if (year.GrantedAid > rule.MaxYearlyOperatingAid) return Result.Fail(new DomainError("Budget.AboveYearlyMaximum", rule.Source));
        if (year.TotalEligibleCosts > 0 && year.PlannedCofinancing < year.TotalEligibleCosts * rule.MinMemberCofinancingShare)
            return Result.Fail(new DomainError("Budget.CofinancingTooLow", rule.Source));
        return Result.Success;
    }

    /// <summary>Aid over eligible costs summed over every year of the aid period, not year by year (GBER art. 27(9), as amended by 2023/1315).</summary>
    public static decimal? OverPeriod(IEnumerable<AgreementYearBudget> years)
    {
        var list = years.ToList();
        var costs = list.Sum(y => y.TotalEligibleCosts);
        return costs == 0 ? null : Math.Round(list.Sum(y => y.GrantedAid) / costs, 4);
    }

    /// <summary>Compares the exact sums (the rounded share is for display only: rounding could hide a breach of one euro).</summary>
    public static Result CheckPeriod(IEnumerable<AgreementYearBudget> years, decimal maxIntensity)
    {
        var list = years.ToList();
        var aid = list.Sum(y => y.GrantedAid);
        var costs = list.Sum(y => y.TotalEligibleCosts);
        return aid > costs * maxIntensity ? Result.Fail(new DomainError("Budget.IntensityAboveMaximum", "GBER art. 27(9)")) : Result.Success;
    }
}
