using Clusterpact.Domain.Common;
using Clusterpact.Domain.Members;
using Clusterpact.Domain.Projects;
using Clusterpact.Web.Data;
using Clusterpact.Web.Features.Organisations.Import;
using Clusterpact.Web.Infrastructure.Auth;
using Clusterpact.Web.Infrastructure.Import;
using Microsoft.EntityFrameworkCore;

namespace Clusterpact.Web.Features.Projects.Import;

public sealed record ProjectImportPreview(ImportSession Session, TabularData Data, IReadOnlyDictionary<int, ProjectField> Mapping, IReadOnlyList<ProjectField> MissingColumns,
    ImportReport<ProjectImportRecord>? Report);

/// <summary>
/// A project list for one cluster: read, checked row by row against the register and the cluster's projects as they
/// are now, and committed all at once. Project lists are short (a cluster starts tens of projects a year), so the
/// commit runs in the request, in one transaction: all good rows or none.
/// </summary>
public sealed class ProjectImportService(ClusterpactDbContext db, CurrentUser user, TimeProvider clock)
{
    /// <summary>More rows than this is not a project list; the member import is the tool for big files.</summary>
    public const int MaxRows = 5000;

    public async Task<ProjectImportPreview> PreviewAsync(ImportSession session, CancellationToken ct)
    {
        TabularData data;
        await using (var stream = File.OpenRead(session.StoredPath)) data = TabularFile.Read(stream, session.Format);
        var mapping = ProjectImportValidator.AutoMap(data.Header);
        var missing = ProjectImportValidator.MissingColumns(mapping);
        if (missing.Count > 0 || data.Rows.Count > MaxRows) return new ProjectImportPreview(session, data, mapping, missing, null);
        var report = ProjectImportValidator.Validate(mapping, data.Rows.Select(r => (r.RowNumber, r.Cells)), await OptionsAsync(session.ClusterId, ct));
        return new ProjectImportPreview(session, data, mapping, missing, report);
    }

    private async Task<ProjectImportValidator.Options> OptionsAsync(Guid clusterId, CancellationToken ct)
    {
        var register = await db.Organisations.AsNoTracking().Where(o => o.EnterpriseNumber != null).Select(o => new { o.EnterpriseNumber, o.Id }).ToListAsync(ct);
        var clusters = await db.Clusters.AsNoTracking().Select(c => new { c.Id, c.Name }).ToListAsync(ct);
        var existing = await db.Projects.AsNoTracking().Where(p => p.ExternalReference != null && p.Clusters.Any(c => c.ClusterId == clusterId))
            .Select(p => new { p.ExternalReference, p.Id, p.Status }).ToListAsync(ct);
        var byName = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var c in clusters) byName.TryAdd(MemberImportColumns.Normalise(c.Name), c.Id);
        var byReference = new Dictionary<string, (Guid, bool)>(StringComparer.OrdinalIgnoreCase);
        foreach (var p in existing) byReference.TryAdd(p.ExternalReference!, (p.Id, p.Status == ProjectStatus.Proposed));
        return new ProjectImportValidator.Options(clusterId, register.ToDictionary(o => o.EnterpriseNumber!, o => o.Id, StringComparer.Ordinal), byName, byReference);
    }

    /// <summary>Writes every accepted and updated row in one transaction; a failure anywhere writes nothing.</summary>
    public async Task<ImportReport<ProjectImportRecord>?> CommitAsync(ImportSession session, CancellationToken ct)
    {
        var preview = await PreviewAsync(session, ct);
        if (preview.Report is null) return null;
        var good = preview.Report.Good.ToList();
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var ids = good.Where(r => r.ExistingProjectId is not null).Select(r => r.ExistingProjectId!.Value).ToList();
            var existing = await db.Projects.Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
            foreach (var r in good)
            {
                Project project;
                if (r.ExistingProjectId is { } id && existing.TryGetValue(id, out var found))
                {
                    project = found;
                    var revised = project.Revise(r.Details, byAgency: user.IsAgencyStaff);
                    if (!revised.IsSuccess) throw new InvalidOperationException(revised.Error!.Code);
                    project.SetPartner(r.LeadId, PartnerRole.Lead, project.Partners.FirstOrDefault(p => p.OrganisationId == r.LeadId)?.BudgetShare ?? 0, user.IsAgencyStaff);
                }
                else
                {
                    project = Project.Propose(r.Details, r.LeadId, user.Id, r.Reference).Value!;
                    db.Projects.Add(project);
                }
                foreach (var partner in r.PartnerIds.Where(p => project.Partners.All(x => x.OrganisationId != p)))
                    project.SetPartner(partner, PartnerRole.Partner, 0, user.IsAgencyStaff);
            }
            var stored = await db.ImportSessions.SingleAsync(s => s.Id == session.Id, ct);
            stored.Status = ImportSessionStatus.Committed;
            stored.CommittedAt = clock.GetUtcNow();
            (stored.Accepted, stored.Updated, stored.Rejected, stored.Skipped) = (preview.Report.Accepted, preview.Report.Updated, preview.Report.Rejected, preview.Report.Skipped);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        });
        return preview.Report;
    }
}
