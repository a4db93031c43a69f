using Clusterpact.Web.Infrastructure.Audit;

namespace Clusterpact.Web.Features.Projects;

/// <param name="Decision">Who approved or refused the project, and on which day, as the audit trail recorded it.</param>
/// <param name="History">The project's last 50 audited changes, for agency staff only; empty for everyone else.</param>
public sealed record ProjectPage(ProjectView View, RecordedDecision? Decision, IReadOnlyList<AuditEntry> History);

/// <summary>The project's page in one handler: the project as <see cref="GetProject"/> scopes it (null when not visible), its decision and, for the agency, its history.</summary>
public sealed class GetProjectPage(GetProject get, ClusterpactDbContext db) : IUseCase
{
    public async Task<ProjectPage?> HandleAsync(Guid id, CancellationToken ct)
    {
        if (await get.HandleAsync(id, ct) is not { } project) return null;
        // The project keeps the day of its decision, the audit trail the person.
        var decision = (await db.DecisionsAsync(nameof(Project), [id], nameof(Project.Status), [nameof(ProjectStatus.Approved), nameof(ProjectStatus.Rejected)], ct))
            .GetValueOrDefault(id);
        var key = id.ToString();
        var history = project.IsAgency
            ? await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(Project) && a.EntityId == key).OrderByDescending(a => a.At).Take(50).ToListAsync(ct)
            : [];
        return new ProjectPage(project, decision, history);
    }
}
