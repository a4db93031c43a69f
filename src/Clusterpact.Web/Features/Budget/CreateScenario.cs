using Clusterpact.Web.Features.Agreements;
using Clusterpact.Web.Features.Funds;

namespace Clusterpact.Web.Features.Budget;

/// <summary>A new scenario from one of the green paper's four, for a period; <c>Label</c> names each programme line in the user's language.</summary>
public sealed record CreateScenarioCommand(GreenPaperScenario Basis, int FirstYear, int LastYear, string Name, Func<ProgrammeLineKind, string> Label);

/// <summary>
/// Agency staff start a budget scenario (seed 004) with the defaults of its basis for the clusters funded today. The
/// outcome carries the new scenario's id.
/// </summary>
public sealed class CreateScenario(ClusterpactDbContext db, GetAgreementOverview overview, AgreementRules rules, ListEnvelopes envelopes,
    Permissions permissions, TimeProvider clock) : IUseCase
{
    public async Task<CommandOutcome> HandleAsync(CreateScenarioCommand cmd, CancellationToken ct)
    {
        if (!await permissions.HasAsync(Policies.AgencyStaff)) return CommandOutcome.Forbidden;
        if (!Enum.IsDefined(cmd.Basis)) return CommandOutcome.Invalid("Basis", "Scenario.BasisUnknown");
        // The period is checked before the defaults are laid out year by year: a year outside the domain's range is a
        // field error, not millions of generated years.
        if (DomainRange.Year(cmd.FirstYear, "FirstYear") is { } first) return CommandOutcome.Invalid("FirstYear", first.Code);
        if (DomainRange.Year(cmd.LastYear, "LastYear") is { } last) return CommandOutcome.Invalid("LastYear", last.Code);
        var (clusters, pool) = await CurrentClustersAsync(ct);
        var scenario = ScenarioDefaults.For(cmd.Basis, cmd.FirstYear, cmd.LastYear, clusters, pool, cmd.Name);
        scenario = scenario with { ProgrammeLines = scenario.ProgrammeLines.Select(l => l with { Label = cmd.Label(l.Kind) }).ToList() };
        return await SavedScenarios.AddAsync(db, clock, scenario, ct);
    }

    /// <summary>
    /// The clusters under a support agreement that runs today or later, with the agreements overview's 10-year last day as
    /// the end of their term (the agreement's end when no funding rule applies), the aid granted for this year's working
    /// years as their operating aid (the funding rule's yearly maximum when no working-year budget was entered), and their
    /// latest earmarked envelope up to this year (spearhead clusters only). The intercluster pool is this year's (or the
    /// latest earlier) pool envelope.
    /// </summary>
    private async Task<(IReadOnlyList<CurrentCluster> Clusters, decimal InterclusterPoolPerYear)> CurrentClustersAsync(CancellationToken ct)
    {
        var today = overview.Today;
        var (rows, _) = await overview.HandleAsync(new OverviewQuery(), ct);
        var amounts = (await envelopes.HandleAsync(null, null, ct)).Select(e => new EnvelopeAmount(e.Kind, e.ClusterId, e.Year, e.Amount)).ToList();
        return CurrentClusters.From(rows.Select(r => new FundedCluster(r.ClusterId, r.Name, r.Type, r.AgreementEnd, r.LastAllowedDay, r.GrantedThisYear)),
            amounts, await rules.RulesAsync(ct), today);
    }
}
