namespace Clusterpact.Web.Features.Projects;

/// <summary>The clusters a person may put a project in (the project form's choices): every cluster, each marked whether they may act for it.</summary>
public sealed class ListProjectClusterChoices(ClusterpactDbContext db, ProjectAccess access) : IUseCase
{
    public async Task<IReadOnlyList<(Guid Id, string Name, bool Own)>> HandleAsync(CancellationToken ct)
    {
        var all = await db.Clusters.AsNoTracking().OrderBy(c => c.Name).Select(c => new { c.Id, c.Name }).ToListAsync(ct);
        var result = new List<(Guid, string, bool)>();
        foreach (var c in all) result.Add((c.Id, c.Name, await access.CanActForAsync([c.Id])));
        return result;
    }
}
