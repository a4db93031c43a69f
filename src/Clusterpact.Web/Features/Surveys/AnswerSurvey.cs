namespace Clusterpact.Web.Features.Surveys;

public sealed record AnswerSurveyCommand(string Token, IReadOnlyList<AnswerInput> Inputs);

/// <summary>Stored, or the problems per question, or the link's problem.</summary>
public sealed record SurveyAnswerOutcome(bool Stored, IReadOnlyList<AnswerProblem> Problems, string? Problem)
{
    public static SurveyAnswerOutcome LinkProblem(string problem) => new(false, [], problem);
}

/// <summary>
/// A member answers through their personal link: the link is marked used and the response added in one transaction, and
/// only if the link was still unused at that moment (so a double submit stores one response). The response carries the
/// cluster and the member's size class, never the invitation (decision 0005).
/// </summary>
public sealed class AnswerSurvey(ClusterpactDbContext db, OpenSurveyLink links) : IUseCase
{
    public async Task<SurveyAnswerOutcome> HandleAsync(AnswerSurveyCommand cmd, CancellationToken ct)
    {
        var (invitation, survey, problem) = await links.HandleAsync(cmd.Token, ct);
        if (problem is not null) return SurveyAnswerOutcome.LinkProblem(problem);
        var (answers, problems) = SurveyAnswers.Check(survey!, cmd.Inputs);
        if (problems.Count > 0) return new(false, problems, null);
        SizeClass? size = invitation!.OrganisationId is { } oid ? await db.Organisations.Where(o => o.Id == oid).Select(o => o.SizeClass).SingleOrDefaultAsync(ct) : null;
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var claimed = await db.SurveyInvitations.Where(i => i.Id == invitation.Id && !i.Used && i.TokenHash == invitation.TokenHash)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.Used, true), ct);
            if (claimed == 0) return SurveyAnswerOutcome.LinkProblem("Survey.LinkUsed");
            db.SurveyResponses.Add(SurveyResponse.Of(survey!.Id, invitation.ClusterId, size, answers));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return new SurveyAnswerOutcome(true, [], null);
        });
    }
}
