namespace Clusterpact.Web.Features.Agreements;

/// <summary>The funding rules over time, per cluster type, and whether the reader may record a new one (administrators).</summary>
public sealed record FundingRules(IReadOnlyList<FundingRule> Rules, bool CanAdd);

/// <summary>The rules page's content: every rule by cluster type and date.</summary>
public sealed class ListFundingRules(AgreementRules agreements, Permissions permissions) : IUseCase
{
    public async Task<FundingRules> HandleAsync(CancellationToken ct) =>
        new((await agreements.RulesAsync(ct)).Rules.OrderBy(r => r.ClusterType).ThenBy(r => r.EffectiveFrom).ToList(), await permissions.HasAsync(Policies.Administration));
}
