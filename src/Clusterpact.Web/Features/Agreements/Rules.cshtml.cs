using Clusterpact.Web.Data.Configurations;

namespace Clusterpact.Web.Features.Agreements;

/// <summary>The funding rules over time, per cluster type. An administrator records a new rule from a future date.</summary>
public sealed class RulesModel(ClusterpactDbContext db, AgreementRules agreements, Permissions permissions, TimeProvider clock, IStringLocalizer<SharedResource> text) : PageModel
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

    public async Task OnGetAsync(CancellationToken ct)
    {
        CanAdd = await permissions.HasAsync(Policies.Administration);
        Rules = (await agreements.RulesAsync(ct)).Rules.OrderBy(r => r.ClusterType).ThenBy(r => r.EffectiveFrom).ToList();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await OnGetAsync(ct);
        if (!CanAdd) return Forbid();
        if (EffectiveFrom is null || MaxYearlyOperatingAid is null)
        {
            ModelState.AddModelError(string.Empty, text["Budget.Incomplete"]);
            return Page();
        }
        var rule = new FundingRule(ClusterType, EffectiveFrom.Value, MaxYearlyOperatingAid.Value, MinMemberCofinancingPercent / 100m, MaxAidIntensityPercent / 100m,
            MaxTermYears, MaxOperatingAidYears, Source?.Trim() ?? "");
        var check = (await agreements.RulesAsync(ct)).CheckChange(rule, clock.TodayInBrussels());
        if (!check.IsSuccess)
        {
            ModelState.AddModelError(check.Error!.Field ?? string.Empty, text[check.Error.Code]);
            return Page();
        }
        db.FundingRules.Add(FundingRuleRow.From(rule));
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = "Flash.Saved";
        return Redirect("/Agreements/Rules");
    }
}
