using Clusterpact.Web.Features.Agreements;
using Clusterpact.Web.Features.Clusters;
using Clusterpact.Web.Features.Funds;

namespace Clusterpact.Web.Features.Budget;

public enum ScenarioSort { Name, Basis, Period, Total, Updated }

/// <summary>A saved scenario in the list, with its total over the period (null when its parameters no longer project).</summary>
public sealed record ScenarioRow(Guid Id, string Name, GreenPaperScenario Basis, int FirstYear, int LastYear, int Clusters, decimal? Total, DateTimeOffset UpdatedAt);

/// <summary>What the planner starts a scenario from: the clusters funded today and the intercluster pool of this year.</summary>
public sealed record PlannerStart(IReadOnlyList<CurrentCluster> Clusters, decimal InterclusterPoolPerYear, DateOnly Today);

/// <summary>
/// The budget planner for the green paper's four scenarios (seed 004): starts a scenario from the clusters funded today
/// (<see cref="CurrentClustersAsync"/>), saves, edits, copies and deletes it, projects it and compares saved scenarios.
/// Agency staff change scenarios; readers may look at them.
/// </summary>
public sealed class BudgetPlannerService(ClusterpactDbContext db, GetAgreementOverview overview, AgreementService agreements, FundService funds,
    Permissions permissions, TimeProvider clock)
{
    public Task<bool> CanEditAsync() => permissions.HasAsync(Policies.AgencyStaff);

    /// <summary>
    /// The clusters under a support agreement that runs today or later, with the agreements overview's 10-year last day as
    /// the end of their term (the agreement's end when no funding rule applies), the aid granted for this year's working
    /// years as their operating aid (the funding rule's yearly maximum when no working-year budget was entered), and their
    /// latest earmarked envelope up to this year (spearhead clusters only). The intercluster pool is this year's (or the
    /// latest earlier) pool envelope.
    /// </summary>
    public async Task<PlannerStart> CurrentClustersAsync(CancellationToken ct)
    {
        var today = overview.Today;
        var (rows, _) = await overview.HandleAsync(new OverviewQuery(), ct);
        var envelopes = (await funds.ListAsync(null, null, ct)).Select(e => new EnvelopeAmount(e.Kind, e.ClusterId, e.Year, e.Amount)).ToList();
        var (clusters, pool) = CurrentClusters.From(rows.Select(r => new FundedCluster(r.ClusterId, r.Name, r.Type, r.AgreementEnd, r.LastAllowedDay, r.GrantedThisYear)),
            envelopes, await agreements.RulesAsync(ct), today);
        return new PlannerStart(clusters, pool, today);
    }

    public async Task<Paged<ScenarioRow>> ListAsync(string? search, ScenarioSort sort, bool desc, PageRequest page, CancellationToken ct)
    {
        var query = db.BudgetScenarios.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var t = search.Trim().ToLower();
            query = query.Where(s => s.Name.ToLower().Contains(t) || (s.Notes != null && s.Notes.ToLower().Contains(t)));
        }
        // Scenarios are few (a handful per policy round): project and sort them in memory.
        var rows = (await query.ToListAsync(ct)).Select(s =>
        {
            var projection = ScenarioProjection.Compute(s.ToScenario());
            return new ScenarioRow(s.Id, s.Name, s.Basis, s.FirstYear, s.LastYear, s.Clusters.Count, projection.IsSuccess ? projection.Value!.Total.Total : null, s.UpdatedAt);
        });
        var ordered = sort switch
        {
            ScenarioSort.Basis => desc ? rows.OrderByDescending(r => r.Basis).ThenBy(r => r.Name) : rows.OrderBy(r => r.Basis).ThenBy(r => r.Name),
            ScenarioSort.Period => desc ? rows.OrderByDescending(r => r.FirstYear).ThenByDescending(r => r.LastYear) : rows.OrderBy(r => r.FirstYear).ThenBy(r => r.LastYear),
            ScenarioSort.Total => desc ? rows.OrderByDescending(r => r.Total) : rows.OrderBy(r => r.Total),
            ScenarioSort.Updated => desc ? rows.OrderByDescending(r => r.UpdatedAt) : rows.OrderBy(r => r.UpdatedAt),
            _ => desc ? rows.OrderByDescending(r => r.Name, StringComparer.CurrentCultureIgnoreCase) : rows.OrderBy(r => r.Name, StringComparer.CurrentCultureIgnoreCase),
        };
        return ordered.ThenBy(r => r.Id).ToPage(page);
    }

    public Task<SavedBudgetScenario?> GetAsync(Guid id, CancellationToken ct) => db.BudgetScenarios.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);

    /// <summary>Every saved scenario's id and name, for picking scenarios to compare.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name, int FirstYear, int LastYear)>> ChoicesAsync(CancellationToken ct) =>
        (await db.BudgetScenarios.AsNoTracking().Select(s => new { s.Id, s.Name, s.FirstYear, s.LastYear }).ToListAsync(ct))
            .OrderBy(s => s.Name, StringComparer.CurrentCultureIgnoreCase).Select(s => (s.Id, s.Name, s.FirstYear, s.LastYear)).ToList();

    /// <summary>
    /// A new scenario with the defaults of <paramref name="basis"/> for the clusters funded today. <paramref name="label"/>
    /// names each programme line in the user's language.
    /// </summary>
    public async Task<(CommandOutcome Outcome, Guid? Id)> CreateAsync(GreenPaperScenario basis, int firstYear, int lastYear, string name,
        Func<ProgrammeLineKind, string> label, CancellationToken ct)
    {
        if (!await CanEditAsync()) return (CommandOutcome.Forbidden, null);
        if (!Enum.IsDefined(basis)) return (CommandOutcome.Invalid("Basis", "Scenario.BasisUnknown"), null);
        // The period is checked before the defaults are laid out year by year: a year outside the domain's range is a
        // field error, not millions of generated years.
        if (DomainRange.Year(firstYear, "FirstYear") is { } first) return (CommandOutcome.Invalid("FirstYear", first.Code), null);
        if (DomainRange.Year(lastYear, "LastYear") is { } last) return (CommandOutcome.Invalid("LastYear", last.Code), null);
        var start = await CurrentClustersAsync(ct);
        var scenario = ScenarioDefaults.For(basis, firstYear, lastYear, start.Clusters, start.InterclusterPoolPerYear, name);
        scenario = scenario with { ProgrammeLines = scenario.ProgrammeLines.Select(l => l with { Label = label(l.Kind) }).ToList() };
        return await AddAsync(scenario, ct);
    }

    public async Task<CommandOutcome> UpdateAsync(Guid id, long version, BudgetScenario scenario, CancellationToken ct)
    {
        if (!await CanEditAsync()) return CommandOutcome.Forbidden;
        var saved = await db.BudgetScenarios.SingleOrDefaultAsync(s => s.Id == id, ct);
        if (saved is null) return CommandOutcome.NotFound;
        if (saved.Version != version) return CommandOutcome.Conflict;
        var replaced = saved.Replace(scenario, clock.GetUtcNow());
        if (!replaced.IsSuccess) return Invalid(scenario, replaced.Error!.Code);
        return await db.SaveVersionedAsync(saved, version, ct);
    }

    /// <summary>A copy under a new name, to vary a scenario without losing it.</summary>
    public async Task<(CommandOutcome Outcome, Guid? Id)> CopyAsync(Guid id, string name, CancellationToken ct)
    {
        if (!await CanEditAsync()) return (CommandOutcome.Forbidden, null);
        var saved = await GetAsync(id, ct);
        if (saved is null) return (CommandOutcome.NotFound, null);
        return await AddAsync(saved.ToScenario() with { Name = name }, ct);
    }

    public async Task<CommandOutcome> DeleteAsync(Guid id, long version, CancellationToken ct)
    {
        if (!await CanEditAsync()) return CommandOutcome.Forbidden;
        var saved = await db.BudgetScenarios.SingleOrDefaultAsync(s => s.Id == id, ct);
        if (saved is null) return CommandOutcome.NotFound;
        if (saved.Version != version) return CommandOutcome.Conflict;
        db.Entry(saved).Property(s => s.Version).OriginalValue = version;
        db.BudgetScenarios.Remove(saved);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return CommandOutcome.Conflict; }
        return CommandOutcome.Ok(version);
    }

    public async Task<(SavedBudgetScenario Saved, Result<ScenarioProjection> Projection)?> ProjectAsync(Guid id, CancellationToken ct)
    {
        var saved = await GetAsync(id, ct);
        return saved is null ? null : (saved, ScenarioProjection.Compute(saved.ToScenario()));
    }

    /// <summary>The saved scenarios side by side, in the order given (the first is the baseline); null when one does not exist.</summary>
    public async Task<Result<ScenarioComparison>?> CompareAsync(IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        var distinct = ids.Distinct().ToList();
        var saved = await db.BudgetScenarios.AsNoTracking().Where(s => distinct.Contains(s.Id)).ToListAsync(ct);
        if (saved.Count != distinct.Count) return null;
        var projections = new List<ScenarioProjection>();
        foreach (var s in distinct.Select(i => saved.Single(x => x.Id == i)))
        {
            var p = ScenarioProjection.Compute(s.ToScenario());
            if (!p.IsSuccess) return Result<ScenarioComparison>.Fail(p.Error!);
            projections.Add(p.Value!);
        }
        return ScenarioComparison.Of(projections);
    }

    private async Task<(CommandOutcome, Guid?)> AddAsync(BudgetScenario scenario, CancellationToken ct)
    {
        var created = SavedBudgetScenario.Create(scenario, clock.GetUtcNow());
        if (!created.IsSuccess) return (Invalid(scenario, created.Error!.Code), null);
        db.BudgetScenarios.Add(created.Value!);
        await db.SaveChangesAsync(ct);
        return (CommandOutcome.Ok(created.Value!.Version), created.Value!.Id);
    }

    private static CommandOutcome Invalid(BudgetScenario scenario, string code) =>
        CommandOutcome.Invalid(scenario.Validate().FirstOrDefault(e => e.Code == code)?.Field ?? nameof(BudgetScenario.Name), code);
}
