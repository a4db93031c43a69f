using Clusterpact.Web.Data.Configurations;

namespace Clusterpact.Web.Features.Agreements;

/// <summary>A new funding rule as the rules page takes it: the shares in percent.</summary>
public sealed record NewFundingRule(ClusterType ClusterType, DateOnly? EffectiveFrom, decimal? MaxYearlyOperatingAid, decimal MinMemberCofinancingPercent,
    decimal MaxAidIntensityPercent, int MaxTermYears, int MaxOperatingAidYears, string? Source);

/// <summary>
/// An administrator records a funding rule from a future date (the past is never rewritten: <see cref="FundingRuleSet.CheckChange"/>);
/// other staff are refused. Saved through the context, so the audit trail records it as every change.
/// </summary>
public sealed class RecordFundingRule(ClusterpactDbContext db, AgreementRules agreements, Permissions permissions, TimeProvider clock) : IUseCase
{
    public async Task<CommandOutcome> HandleAsync(NewFundingRule cmd, CancellationToken ct)
    {
        if (!await permissions.HasAsync(Policies.Administration)) return CommandOutcome.Forbidden;
        if (cmd.EffectiveFrom is not { } from || cmd.MaxYearlyOperatingAid is not { } maximum) return CommandOutcome.Invalid("", "Budget.Incomplete");
        var rule = new FundingRule(cmd.ClusterType, from, maximum, cmd.MinMemberCofinancingPercent / 100m, cmd.MaxAidIntensityPercent / 100m,
            cmd.MaxTermYears, cmd.MaxOperatingAidYears, cmd.Source?.Trim() ?? "");
        var check = (await agreements.RulesAsync(ct)).CheckChange(rule, clock.TodayInBrussels());
        if (!check.IsSuccess) return CommandOutcome.Invalid(check.Error!.Field ?? "", check.Error.Code);
        db.FundingRules.Add(FundingRuleRow.From(rule));
        await db.SaveChangesAsync(ct);
        return CommandOutcome.Ok(0);
    }
}
