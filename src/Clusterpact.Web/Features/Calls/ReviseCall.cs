namespace Clusterpact.Web.Features.Calls;

/// <summary>Agency staff revise a draft call's terms, against the version they saw.</summary>
public sealed class ReviseCall(ClusterpactDbContext db, Permissions permissions) : IUseCase
{
    public Task<CommandOutcome> HandleAsync(Guid id, long version, CallTerms terms, CancellationToken ct) =>
        CallChanges.SaveCallAsync(db, permissions, id, version, call =>
        {
            var revised = call.Revise(terms.TitleNl, terms.TitleEn, terms.BudgetEur, terms.OpensLocal, terms.ClosesLocal, new ScoringScale(terms.ScaleMin, terms.ScaleMax), terms.HideApplicant);
            return revised.IsSuccess ? terms.SetListsOn(call) : revised;
        }, ct);
}
