namespace Clusterpact.Web.Features.Evaluations;

/// <summary>
/// A change to what an evaluation holds (a participant, evidence, a recommendation or its follow-up), made by agency staff
/// on the version the form showed; <see cref="Field"/> is where a refusal is shown.
/// </summary>
public sealed record ChangeEvaluationCommand(Guid EvaluationId, long Version, string Field, Func<Evaluation, Domain.Common.Result> Change);

/// <summary>Agency staff run an evaluation: the people, evidence, findings and recommendations with their follow-up.</summary>
public sealed class ChangeEvaluation(ClusterpactDbContext db, Scope scope, Permissions permissions) : IUseCase
{
    public async Task<CommandOutcome> HandleAsync(ChangeEvaluationCommand cmd, CancellationToken ct)
    {
        var e = await scope.Evaluations().SingleOrDefaultAsync(x => x.Id == cmd.EvaluationId, ct);
        if (e is null) return CommandOutcome.NotFound;
        if (!await permissions.HasAsync(Policies.AgencyStaff)) return CommandOutcome.Forbidden;
        if (e.Version != cmd.Version) return CommandOutcome.Conflict;
        var result = cmd.Change(e);
        if (!result.IsSuccess) return CommandOutcome.Invalid(result.Error!, cmd.Field);
        return await db.SaveVersionedAsync(e, cmd.Version, ct);
    }
}
