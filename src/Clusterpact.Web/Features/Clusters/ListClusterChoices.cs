namespace Clusterpact.Web.Features.Clusters;

/// <summary>The clusters the caller sees, by name, for a filter or a choice in a form (every cluster for the agency and the administrator).</summary>
public sealed class ListClusterChoices(Scope scope) : IUseCase
{
    public async Task<IReadOnlyList<(Guid Id, string Name)>> HandleAsync(CancellationToken ct) =>
        (await scope.Clusters().AsNoTracking().OrderBy(c => c.Name).Select(c => new { c.Id, c.Name }).ToListAsync(ct)).Select(c => (c.Id, c.Name)).ToList();
}
