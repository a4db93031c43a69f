namespace Clusterpact.Web.Features.Agreements;

public sealed record PlanWorkingYearCommand(Guid ClusterId, Guid AgreementId, DateOnly Start, decimal GrantedAid, decimal PlannedCofinancing,
    decimal Animation, decimal Marketing, decimal Facilities, decimal Training);

/// <summary>Agency staff plan a working year of an agreement: its aid, the members' cofinancing and the costs per category, under the rules in force.</summary>
public sealed class PlanWorkingYear(ClusterpactDbContext db, AgreementBudgetAccess budget, Permissions permissions, AgreementRules rules) : IUseCase
{
    public async Task<CommandOutcome> HandleAsync(PlanWorkingYearCommand cmd, CancellationToken ct)
    {
        if (await budget.FindAgreementAsync(cmd.ClusterId, cmd.AgreementId, ct) is not { } agreement) return CommandOutcome.NotFound;
        if (!await permissions.HasAsync(Policies.AgencyStaff)) return CommandOutcome.Forbidden;
        var others = await db.AgreementYears.AsNoTracking().Where(y => y.AgreementId == cmd.AgreementId).ToListAsync(ct);
        var planned = AgreementYear.Plan(agreement, others, cmd.Start, cmd.GrantedAid, cmd.PlannedCofinancing, cmd.Animation, cmd.Marketing, cmd.Facilities, cmd.Training,
            await rules.RulesAsync(ct));
        if (!planned.IsSuccess) return AgreementBudgetAccess.Invalid(planned.Error!);
        db.AgreementYears.Add(planned.Value!);
        await db.SaveChangesAsync(ct);
        return CommandOutcome.Created(planned.Value!.Id, planned.Value.Version);
    }
}
