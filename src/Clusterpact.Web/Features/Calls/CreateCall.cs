namespace Clusterpact.Web.Features.Calls;

/// <summary>The terms of a call as the form gives them; criteria and documents are rows, blank rows are ignored.</summary>
public sealed record CallTerms(CallKind Kind, string TitleNl, string TitleEn, decimal BudgetEur, DateTime OpensLocal, DateTime ClosesLocal, int ScaleMin, int ScaleMax,
    bool HideApplicant, IReadOnlyList<CallCriterion> Criteria, IReadOnlyList<RequiredDocument> Documents)
{
    /// <summary>Sets the call's criteria and required documents from these terms; the first refusal stops it.</summary>
    public Result SetListsOn(Call call)
    {
        var criteria = call.SetCriteria(Criteria);
        return criteria.IsSuccess ? call.SetRequiredDocuments(Documents) : criteria;
    }
}

/// <summary>Agency staff prepare a new call as a draft; the answer carries its id.</summary>
public sealed class CreateCall(ClusterpactDbContext db, Permissions permissions) : IUseCase
{
    public async Task<CommandOutcome> HandleAsync(CallTerms terms, CancellationToken ct)
    {
        if (!await permissions.HasAsync(Policies.AgencyStaff)) return CommandOutcome.Forbidden;
        var created = Call.Create(terms.Kind, terms.TitleNl, terms.TitleEn, terms.BudgetEur, terms.OpensLocal, terms.ClosesLocal,
            new ScoringScale(terms.ScaleMin, terms.ScaleMax), terms.HideApplicant);
        if (!created.IsSuccess) return CallChanges.Refusal(created.Error!);
        var call = created.Value!;
        var lists = terms.SetListsOn(call);
        if (!lists.IsSuccess) return CallChanges.Refusal(lists.Error!);
        db.Calls.Add(call);
        await db.SaveChangesAsync(ct);
        return CommandOutcome.Created(call.Id, call.Version);
    }
}
