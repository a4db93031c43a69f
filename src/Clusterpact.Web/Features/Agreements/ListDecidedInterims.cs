namespace Clusterpact.Web.Features.Agreements;

/// <summary>A decided interim evaluation of the cluster, as the extension form offers it.</summary>
public sealed record DecidedInterim(Guid Id, string Title, DateOnly DecidedOn, Domain.Evaluations.EvaluationOutcome Outcome);

/// <summary>The cluster's decided interim evaluations, latest first: what an extension can rest on.</summary>
public sealed class ListDecidedInterims(ClusterpactDbContext db) : IUseCase
{
    public async Task<IReadOnlyList<DecidedInterim>> HandleAsync(Guid clusterId, CancellationToken ct)
    {
        var evaluations = await db.Evaluations.AsNoTracking()
            .Where(e => e.ClusterId == clusterId && e.Kind == Domain.Evaluations.EvaluationKind.Interim && e.Stage == Domain.Evaluations.EvaluationStage.Decided)
            .ToListAsync(ct);
        return evaluations.Select(e => (e, Facts: ExtensionEvaluation.Of(e)))
            .Where(x => x.Facts is { DecidedOn: not null, Outcome: not null })
            .Select(x => new DecidedInterim(x.e.Id, x.e.Title, x.Facts.DecidedOn!.Value, x.Facts.Outcome!.Value))
            .OrderByDescending(x => x.DecidedOn).ToList();
    }
}
