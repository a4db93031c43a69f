// The namespace stays Data.Configurations: it is this entity's name in the EF model and in both migration snapshots.
namespace Clusterpact.Web.Data.Configurations;

/// <summary>A funding rule as stored: the rule set is data, and a new rule takes effect from its date.</summary>
public sealed class FundingRuleRow
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public ClusterType ClusterType { get; set; }
    public DateOnly EffectiveFrom { get; set; }
    public decimal MaxYearlyOperatingAid { get; set; }
    public decimal MinMemberCofinancingShare { get; set; }
    public decimal MaxAidIntensity { get; set; }
    public int MaxTermYears { get; set; }
    public int MaxOperatingAidYears { get; set; }
    public string Source { get; set; } = "";

    public FundingRule ToRule() => new(ClusterType, EffectiveFrom, MaxYearlyOperatingAid, MinMemberCofinancingShare, MaxAidIntensity, MaxTermYears, MaxOperatingAidYears, Source);

    public static FundingRuleRow From(FundingRule r) => new()
    {
        ClusterType = r.ClusterType, EffectiveFrom = r.EffectiveFrom, MaxYearlyOperatingAid = r.MaxYearlyOperatingAid, MinMemberCofinancingShare = r.MinMemberCofinancingShare,
        MaxAidIntensity = r.MaxAidIntensity, MaxTermYears = r.MaxTermYears, MaxOperatingAidYears = r.MaxOperatingAidYears, Source = r.Source,
    };
}
