namespace Clusterpact.Domain.Budget;

/// <summary>
/// EUR amounts of a budget projection, split by kind of money: one cluster in one year, a year's total, or a whole period.
/// </summary>
/// <param name="OperatingAid">Operating aid to a cluster organisation within its current term (GBER art. 27, at most 10 years).</param>
/// <param name="FollowOnFunding">Funding of a cluster's work after its term ends: a basic mission (scenario 3) or its
/// embedding in a research centre (scenario 2).</param>
/// <param name="Earmarked">Earmarked funds (geoormerkte middelen) for a cluster's innovation projects, during and after its term.</param>
/// <param name="ProgrammeLines">Programme-level lines that belong to no single cluster (intercluster pool, ad-hoc assignments,
/// a new programme's calls).</param>
public sealed record BudgetFigures(decimal OperatingAid, decimal FollowOnFunding, decimal Earmarked, decimal ProgrammeLines)
{
    public static BudgetFigures Zero { get; } = new(0m, 0m, 0m, 0m);

    /// <summary>Everything a cluster receives: operating aid, follow-on funding and earmarked funds.</summary>
    public decimal ClusterFunding => OperatingAid + FollowOnFunding + Earmarked;

    public decimal Total => ClusterFunding + ProgrammeLines;

    public static BudgetFigures operator +(BudgetFigures left, BudgetFigures right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return new(left.OperatingAid + right.OperatingAid, left.FollowOnFunding + right.FollowOnFunding,
            left.Earmarked + right.Earmarked, left.ProgrammeLines + right.ProgrammeLines);
    }

    public static BudgetFigures operator -(BudgetFigures left, BudgetFigures right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return new(left.OperatingAid - right.OperatingAid, left.FollowOnFunding - right.FollowOnFunding,
            left.Earmarked - right.Earmarked, left.ProgrammeLines - right.ProgrammeLines);
    }

    public static BudgetFigures Add(BudgetFigures left, BudgetFigures right) => left + right;
    public static BudgetFigures Subtract(BudgetFigures left, BudgetFigures right) => left - right;

    public static BudgetFigures Sum(IEnumerable<BudgetFigures> figures) => figures.Aggregate(Zero, (a, b) => a + b);
}
