using Clusterpact.Web.Features.Clusters;

namespace Clusterpact.Web.Features.Projects;

public sealed record ProposeProjectCommand(ProjectDetails Details, string? LeadEnterpriseNumber);

public sealed record ReviseProjectCommand(Guid ProjectId, long Version, ProjectDetails Details);

public sealed record SetPartnerCommand(Guid ProjectId, long Version, string? EnterpriseNumber, PartnerRole Role, decimal BudgetShare);

/// <summary>
/// Which projects a caller sees and may change: agency staff and readers see all; a cluster manager the projects
/// of their clusters. A cluster manager proposes and revises proposals of their own clusters; only agency staff
/// decide, move a project on, and commit or pay money from an envelope.
/// </summary>
public sealed class ProjectAccess(Permissions permissions)
{
    /// <summary>Agency staff act on every project; a cluster manager when one of its clusters is theirs (the record handler's answer).</summary>
    public Task<bool> CanEditAsync(Project project) => CanActForAsync(project.ClusterIds);

    /// <summary>Whether the caller acts for at least one of these clusters (agency staff for all).</summary>
    public Task<bool> CanActForAsync(IEnumerable<Guid> clusterIds) =>
        permissions.MayAsync(RecordOperations.Act, new ClusterResource(clusterIds.Distinct().ToList()));

    /// <summary>Agency staff decide, move a project on, and commit or pay money; the domain's rules take this as "by the agency".</summary>
    public Task<bool> IsAgencyAsync() => permissions.HasAsync(Policies.AgencyStaff);
}

/// <summary>Proposals, revisions, partners, decisions (with the envelope commitment), status, results and payments.</summary>
public sealed class ProjectService(ClusterpactDbContext db, Scope scope, ProjectAccess projects, CurrentUser user, RecordActors actors, TimeProvider clock)
{
    private DateOnly Today => clock.TodayInBrussels();

    public async Task<(CommandOutcome Outcome, Guid? ProjectId)> ProposeAsync(ProposeProjectCommand cmd, CancellationToken ct)
    {
        // A cluster manager proposes for a cluster of their own (an intercluster project also names others); a choice
        // without one is a mistake in the form, answered next to the field with what was typed kept.
        if (!await projects.CanActForAsync(cmd.Details.ClusterIds)) return (CommandOutcome.Invalid("ClusterIds", "Project.OwnClusterRequired"), null);
        var known = await db.Clusters.CountAsync(c => cmd.Details.ClusterIds.Contains(c.Id), ct);
        if (known != cmd.Details.ClusterIds.Distinct().Count()) return (CommandOutcome.Invalid("ClusterIds", "Project.ClusterRequired"), null);
        var lead = await OrganisationAsync(cmd.LeadEnterpriseNumber, ct);
        if (!lead.IsSuccess) return (CommandOutcome.Invalid("LeadEnterpriseNumber", lead.Error!), null);
        var proposed = Project.Propose(cmd.Details, lead.Id, user.Id);
        if (!proposed.IsSuccess) return (CommandOutcome.Invalid(proposed.Error!, FieldOf(proposed.Error!.Code)), null);
        db.Projects.Add(proposed.Value!);
        await db.SaveChangesAsync(ct);
        return (CommandOutcome.Ok(proposed.Value!.Version), proposed.Value.Id);
    }

    public async Task<CommandOutcome> ReviseAsync(ReviseProjectCommand cmd, CancellationToken ct)
    {
        var (project, refusal) = await LoadForEditAsync(cmd.ProjectId, cmd.Version, ct);
        if (project is null) return refusal!;
        if (!await projects.CanActForAsync(cmd.Details.ClusterIds)) return CommandOutcome.Invalid("ClusterIds", "Project.KeepOwnCluster");
        var result = project.Revise(cmd.Details, await projects.IsAgencyAsync());
        if (!result.IsSuccess) return CommandOutcome.Invalid(result.Error!, FieldOf(result.Error!.Code));
        return await db.SaveVersionedAsync(project, cmd.Version, ct);
    }

    public async Task<CommandOutcome> SetPartnerAsync(SetPartnerCommand cmd, CancellationToken ct)
    {
        var (project, refusal) = await LoadForEditAsync(cmd.ProjectId, cmd.Version, ct);
        if (project is null) return refusal!;
        var org = await OrganisationAsync(cmd.EnterpriseNumber, ct);
        if (!org.IsSuccess) return CommandOutcome.Invalid("EnterpriseNumber", org.Error!);
        var result = project.SetPartner(org.Id, cmd.Role, cmd.BudgetShare, await projects.IsAgencyAsync());
        if (!result.IsSuccess) return CommandOutcome.Invalid(result.Error!, result.Error!.Code == "Project.ShareNegative" || result.Error!.Code == "Project.SharesAboveBudget" ? "BudgetShare" : "Role");
        return await db.SaveVersionedAsync(project, cmd.Version, ct);
    }

    public async Task<CommandOutcome> RemovePartnerAsync(Guid projectId, long version, Guid organisationId, CancellationToken ct)
    {
        var (project, refusal) = await LoadForEditAsync(projectId, version, ct);
        if (project is null) return refusal!;
        var result = project.RemovePartner(organisationId, await projects.IsAgencyAsync());
        if (!result.IsSuccess) return CommandOutcome.Invalid("Partner", result.Error!.Code);
        return await db.SaveVersionedAsync(project, version, ct);
    }

    /// <summary>
    /// A step of the project's lifecycle, as its table allows for the signed-in person. Approving a collaboration or
    /// intercluster project commits its aid on the envelope of its start year in the same transaction, and stopping gives
    /// back what was not paid. The envelope is the aggregate of that money: it is saved with the project and its version
    /// rises, so two approvals at the same moment cannot together commit more than it holds (the second fails and is refused).
    /// </summary>
    public async Task<CommandOutcome> StepAsync(Guid projectId, long version, string step, string? reason, CancellationToken ct)
    {
        var project = await scope.Projects().SingleOrDefaultAsync(p => p.Id == projectId, ct);
        if (project is null) return CommandOutcome.NotFound;
        if (project.Version != version) return CommandOutcome.Conflict;
        var result = project.Take(step, await actors.OnClustersAsync(project.ClusterIds, ct), reason, Today);
        if (!result.IsSuccess) return StepRefusal.Of<ProjectStatus>(result.Error!, "Reason");
        if (step == ProjectStep.Approve && FundEnvelope.For(project.Type, project.ClusterIds, project.Start) is { } target && project.Aid > 0)
        {
            var envelope = await FindEnvelopeAsync(target, ct);
            if (envelope is null) return CommandOutcome.Invalid("Reason", "Envelope.Missing");
            var commit = envelope.Commit(project.Id, project.Aid, Today);
            if (!commit.IsSuccess) return CommandOutcome.Invalid("Reason", commit.Error!.Code);
            Touch(envelope);
        }
        if (step == ProjectStep.Stop)
        {
            foreach (var envelope in await EnvelopesOfAsync(project.Id, ct))
                if (envelope.ReleaseUnpaid(project.Id) > 0) Touch(envelope);
        }
        return await db.SaveVersionedAsync(project, version, ct);
    }

    /// <summary>Results are reported by the cluster (for its own projects) or the agency.</summary>
    public async Task<CommandOutcome> ReportResultsAsync(Guid projectId, long version, ProjectResults results, CancellationToken ct)
    {
        var project = await scope.Projects().SingleOrDefaultAsync(p => p.Id == projectId, ct);
        if (project is null) return CommandOutcome.NotFound;
        if (!await projects.CanEditAsync(project)) return CommandOutcome.Forbidden;
        if (project.Version != version) return CommandOutcome.Conflict;
        var result = project.ReportResults(results);
        if (!result.IsSuccess) return CommandOutcome.Invalid(result.Error!, "ExtraTurnover");
        return await db.SaveVersionedAsync(project, version, ct);
    }

    /// <summary>A payment to the project from the envelope it holds money on.</summary>
    public async Task<CommandOutcome> PayAsync(Guid projectId, long version, decimal amount, CancellationToken ct)
    {
        var (project, refusal) = await LoadForAgencyAsync(projectId, version, ct);
        if (project is null) return refusal!;
        if (project.Status is not (ProjectStatus.Approved or ProjectStatus.Running or ProjectStatus.Completed)) return CommandOutcome.Invalid("Amount", "Project.NotPayable");
        var envelope = (await EnvelopesOfAsync(project.Id, ct)).FirstOrDefault();
        if (envelope is null) return CommandOutcome.Invalid("Amount", "Envelope.NoCommitment");
        var result = envelope.Pay(project.Id, amount);
        if (!result.IsSuccess) return CommandOutcome.Invalid("Amount", result.Error!.Code);
        Touch(envelope);
        // The payment is the envelope's change; the project's version still guards against a stale page.
        return await db.SaveVersionedAsync(project, version, ct);
    }

    /// <summary>Gives part of the commitment back to the envelope (the project turned out cheaper); never what was paid.</summary>
    public async Task<CommandOutcome> ReleaseAsync(Guid projectId, long version, decimal amount, CancellationToken ct)
    {
        var (project, refusal) = await LoadForAgencyAsync(projectId, version, ct);
        if (project is null) return refusal!;
        var envelope = (await EnvelopesOfAsync(project.Id, ct)).FirstOrDefault();
        if (envelope is null) return CommandOutcome.Invalid("Release", "Envelope.NoCommitment");
        var result = envelope.Release(project.Id, amount);
        if (!result.IsSuccess) return CommandOutcome.Invalid("Release", result.Error!.Code);
        Touch(envelope);
        return await db.SaveVersionedAsync(project, version, ct);
    }

    private async Task<(Project? Project, CommandOutcome? Refusal)> LoadForEditAsync(Guid id, long version, CancellationToken ct)
    {
        var project = await scope.Projects().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (project is null) return (null, CommandOutcome.NotFound);
        if (!await projects.CanEditAsync(project)) return (null, CommandOutcome.Forbidden);
        if (project.Version != version) return (null, CommandOutcome.Conflict);
        return (project, null);
    }

    private async Task<(Project? Project, CommandOutcome? Refusal)> LoadForAgencyAsync(Guid id, long version, CancellationToken ct)
    {
        var project = await scope.Projects().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (project is null) return (null, CommandOutcome.NotFound);
        if (!await projects.IsAgencyAsync()) return (null, CommandOutcome.Forbidden);
        if (project.Version != version) return (null, CommandOutcome.Conflict);
        return (project, null);
    }

    private Task<FundEnvelope?> FindEnvelopeAsync((EnvelopeKind Kind, Guid? ClusterId, int Year) target, CancellationToken ct) =>
        db.FundEnvelopes.FirstOrDefaultAsync(e => e.Kind == target.Kind && e.ClusterId == target.ClusterId && e.Year == target.Year, ct);

    private Task<List<FundEnvelope>> EnvelopesOfAsync(Guid projectId, CancellationToken ct) =>
        db.FundEnvelopes.Where(e => e.Commitments.Any(c => c.ProjectId == projectId)).ToListAsync(ct);

    /// <summary>A commitment changes no column of the envelope: touch it so its version rises and a concurrent commitment fails.</summary>
    private void Touch(FundEnvelope envelope) => db.Entry(envelope).State = EntityState.Modified;

    private async Task<(bool IsSuccess, Guid Id, string? Error)> OrganisationAsync(string? enterpriseNumber, CancellationToken ct)
    {
        var parsed = EnterpriseNumber.Parse(enterpriseNumber);
        if (!parsed.IsSuccess) return (false, Guid.Empty, parsed.Error!.Code);
        var id = await db.Organisations.Where(o => o.EnterpriseNumber == parsed.Value.Digits).Select(o => (Guid?)o.Id).SingleOrDefaultAsync(ct);
        return id is null ? (false, Guid.Empty, "Import.OrganisationNotInRegister") : (true, id.Value, null);
    }

    public static string FieldOf(string code) => code switch
    {
        "Project.TitleRequired" or "Project.TitleTooLong" => "Title",
        "Project.EndBeforeStart" => "End",
        "Project.TrlRange" or "Project.TrlTargetBelowStart" => "TrlTarget",
        "Project.BudgetPositive" or "Project.SharesAboveBudget" => "TotalBudget",
        "Project.AidNegative" or "Project.AidAboveBudget" or "Project.FundingFixedAfterDecision" => "Aid",
        "Project.ClusterRequired" or "Project.InterclusterNeedsTwoClusters" or "Project.CollaborationOneCluster" => "ClusterIds",
        _ => "Title",
    };
}
