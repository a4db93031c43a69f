namespace Clusterpact.Domain.Calls;

/// <summary>
/// One thing that keeps an application from being submitted. <paramref name="Row"/> is the committed member's line
/// (1-based) when the problem is on one line, <paramref name="Subject"/> what the line or document is called (a member's
/// name and number, a required document's code), <paramref name="Share"/> the cofinancing share when that is the problem.
/// </summary>
public sealed record SubmissionProblem(string Code, int? Row = null, string? Subject = null, decimal? Share = null);

/// <summary>
/// The call's own eligibility rules that the form itself can check, all at once, so the applicant sees every one before
/// submitting rather than the agency finding them at the eligibility check: a complete proposal, committed members with
/// valid enterprise numbers, a year plan cofinanced at least half over the whole period, the call's criteria weighing 100,
/// and every required document attached.
/// </summary>
public static class SubmissionCheck
{
    /// <summary>At most 50% aid: the members cofinance at least half of the budget over the period (GBER art. 27(9); concept note).</summary>
    public const decimal MinCofinancingShare = 0.5m;

    public static IReadOnlyList<SubmissionProblem> Problems(Application app, Call call)
    {
        var problems = new List<SubmissionProblem>();
        if (app.StrategicDomain is null || app.Vision is null || app.ActionPlan is null || app.ConsortiumDescription is null)
            problems.Add(new("Application.ProposalIncomplete"));
        if (app.CommittedMembers.Count == 0) problems.Add(new("Application.NoCommittedMembers"));
        for (var i = 0; i < app.CommittedMembers.Count; i++)
        {
            var m = app.CommittedMembers[i];
            if (!Members.EnterpriseNumber.Parse(m.EnterpriseNumber).IsSuccess)
                problems.Add(new("Application.MemberNumberInvalid", i + 1, $"{m.Name} ({m.EnterpriseNumber})"));
        }
        if (app.YearPlans.Count == 0) problems.Add(new("Application.NoYearPlan"));
        else if (app.TotalBudgetEur > 0 && app.TotalCofinancingEur < MinCofinancingShare * app.TotalBudgetEur)
            problems.Add(new("Application.CofinancingBelowHalf", Share: Math.Round(app.TotalCofinancingEur / app.TotalBudgetEur, 4)));
        if (call.Criteria.Count == 0 || call.Criteria.Sum(c => c.Weight) != Call.WeightTotal) problems.Add(new("Application.CallWeightsInvalid"));
        foreach (var d in app.MissingDocuments(call)) problems.Add(new("Application.RequiredDocumentMissing", Subject: d.Code));
        return problems;
    }
}
