namespace Clusterpact.Web.Features.Projects;

public sealed record SetPartnerCommand(Guid ProjectId, long Version, string? EnterpriseNumber, PartnerRole Role, decimal BudgetShare);

/// <summary>Adds a partner of the register to a project, or changes its role and budget share (its cluster or the agency).</summary>
public sealed class SetProjectPartner(ClusterpactDbContext db, ProjectAccess access) : IUseCase
{
    public async Task<CommandOutcome> HandleAsync(SetPartnerCommand cmd, CancellationToken ct)
    {
        var (project, refusal) = await access.ForEditAsync(cmd.ProjectId, cmd.Version, ct);
        if (project is null) return refusal!;
        var org = await db.OrganisationNumberedAsync(cmd.EnterpriseNumber, ct);
        if (!org.IsSuccess) return CommandOutcome.Invalid("EnterpriseNumber", org.Error!);
        var result = project.SetPartner(org.Id, cmd.Role, cmd.BudgetShare, await access.IsAgencyAsync());
        if (!result.IsSuccess) return CommandOutcome.Invalid(result.Error!, result.Error!.Code == "Project.ShareNegative" || result.Error!.Code == "Project.SharesAboveBudget" ? "BudgetShare" : "Role");
        return await db.SaveVersionedAsync(project, cmd.Version, ct);
    }
}
