namespace Clusterpact.Web.Features.Agreements;

/// <summary>The funding rules over time, per cluster type. An administrator records a new rule from a future date (<see cref="RecordFundingRule"/>).</summary>
public sealed class RulesModel(ListFundingRules listRules, RecordFundingRule recordRule, IStringLocalizer<SharedResource> text) : PageModel
{
    public IReadOnlyList<FundingRule> Rules { get; private set; } = [];
    /// <summary>Only administrators record a new rule (the policy <see cref="Policies.Administration"/>); other agency staff read.</summary>
    public bool CanAdd { get; private set; }

    [BindProperty] public ClusterType ClusterType { get; set; }
    [BindProperty] public DateOnly? EffectiveFrom { get; set; }
    [BindProperty] public decimal? MaxYearlyOperatingAid { get; set; }
    [BindProperty] public decimal MinMemberCofinancingPercent { get; set; } = 50;
    [BindProperty] public decimal MaxAidIntensityPercent { get; set; } = 50;
    [BindProperty] public int MaxTermYears { get; set; } = 3;
    [BindProperty] public int MaxOperatingAidYears { get; set; } = 10;
    [BindProperty] public string? Source { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => (Rules, CanAdd) = await listRules.HandleAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await recordRule.HandleAsync(new NewFundingRule(ClusterType, EffectiveFrom, MaxYearlyOperatingAid, MinMemberCofinancingPercent, MaxAidIntensityPercent,
            MaxTermYears, MaxOperatingAidYears, Source), ct);
        var answer = CommandOutcomePage.Handle(this, outcome, "/Agreements/Rules", text, "");
        if (answer is PageResult) await OnGetAsync(ct);
        return answer;
    }
}
