namespace Clusterpact.Web.Features.Projects.Import;

/// <summary>
/// A cluster's project list: new proposals, and revisions of its proposals with the same reference that are not yet
/// decided. Judged by <see cref="ProjectImportValidator"/> against the register and the cluster's projects as they are now.
/// </summary>
public sealed class ProjectImportKind(ClusterpactDbContext db, CurrentUser user, ProjectAccess access, TimeProvider clock, IServiceProvider services)
    : ImportKindDefinition<ProjectField, ProjectImportRecord>(db, clock, services)
{
    public override ImportKind Kind => ImportKind.Projects;

    public override ImportPageText Text { get; } = new(
        "/Projects/Import", "ProjectImport.Title", "ProjectImport.Intro", "ProjectImport.FileHelp", "/Projects", "Projects.Title",
        "ProjectImport.NotYourCluster", "Projects.TitleField", "importrapport-projecten",
        [new ImportLink("/Projects?cluster={0}", "ProjectImport.ToProjects")]);

    protected override ImportColumns<ProjectField> Columns => ProjectImportValidator.Columns;

    protected override string LabelOf(ProjectImportRecord record) => record.Details.Title;

    protected override async Task<IEnumerable<ImportRowResult<ProjectImportRecord>>> JudgeAsync(ImportSession session, IReadOnlyDictionary<int, ProjectField> mapping,
        IEnumerable<(int RowNumber, IReadOnlyList<string?> Cells)> rows, CancellationToken ct)
    {
        var register = await Db.Organisations.AsNoTracking().Where(o => o.EnterpriseNumber != null).Select(o => new { o.EnterpriseNumber, o.Id }).ToListAsync(ct);
        var clusters = await Db.Clusters.AsNoTracking().Select(c => new { c.Id, c.Name }).ToListAsync(ct);
        var existing = await Db.Projects.AsNoTracking().Where(p => p.ExternalReference != null && p.Clusters.Any(c => c.ClusterId == session.ClusterId))
            .Select(p => new { p.ExternalReference, p.Id, p.Status }).ToListAsync(ct);
        var byName = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var c in clusters) byName.TryAdd(ImportNames.Normalise(c.Name), c.Id);
        var byReference = new Dictionary<string, (Guid, bool)>(StringComparer.OrdinalIgnoreCase);
        foreach (var p in existing) byReference.TryAdd(p.ExternalReference!, (p.Id, p.Status == ProjectStatus.Proposed));
        var options = new ProjectImportValidator.Options(session.ClusterId, register.ToDictionary(o => o.EnterpriseNumber!, o => o.Id, StringComparer.Ordinal), byName, byReference);
        return ProjectImportValidator.Validate(mapping, rows, options).Rows;
    }

    /// <summary>Project lists are short and a project is an aggregate with partners and clusters: written change-tracked, in batches.</summary>
    protected override Task WriteAsync(ImportWrite<ProjectImportRecord> write, CancellationToken ct) => SaveInBatchesAsync(write, batch => AddBatchAsync(batch, ct), ct);

    private async Task AddBatchAsync(IReadOnlyList<ProjectImportRecord> batch, CancellationToken ct)
    {
        var ids = batch.Where(r => r.ExistingProjectId is not null).Select(r => r.ExistingProjectId!.Value).ToList();
        var existing = await Db.Projects.Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        // The job acts as the person who started it, so this is their answer from the one handler.
        var byAgency = await access.IsAgencyAsync();
        foreach (var r in batch)
        {
            Project project;
            if (r.ExistingProjectId is { } id && existing.TryGetValue(id, out var found))
            {
                project = found;
                var revised = project.Revise(r.Details, byAgency);
                // The row was judged moments ago; a refusal now means the project changed meanwhile, and the whole list rolls back.
                if (!revised.IsSuccess) throw new Infrastructure.Jobs.JobFailedException(revised.Error!.Code);
                project.SetPartner(r.LeadId, PartnerRole.Lead, project.Partners.FirstOrDefault(p => p.OrganisationId == r.LeadId)?.BudgetShare ?? 0, byAgency);
            }
            else
            {
                project = Project.Propose(r.Details, r.LeadId, user.Id, r.Reference).Value!;
                Db.Projects.Add(project);
            }
            foreach (var partner in r.PartnerIds.Where(p => project.Partners.All(x => x.OrganisationId != p)))
                project.SetPartner(partner, PartnerRole.Partner, 0, byAgency);
        }
    }
}
