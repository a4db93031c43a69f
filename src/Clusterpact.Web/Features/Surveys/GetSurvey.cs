namespace Clusterpact.Web.Features.Surveys;

/// <summary>A survey's page: the questionnaire, the rates per cluster the caller sees, and for agency staff the clusters to invite.</summary>
public sealed record SurveyDetails(Survey Survey, IReadOnlyList<ClusterRate> Rates, bool CanManage, IReadOnlyList<(Guid Id, string Name)> ClusterOptions);

/// <summary>One survey as its page shows it; null when the caller may not see it.</summary>
public sealed class GetSurvey(SurveyAccess access, Scope scope) : IUseCase
{
    public async Task<SurveyDetails?> HandleAsync(Guid id, CancellationToken ct)
    {
        var survey = await access.FindAsync(id, ct);
        if (survey is null) return null;
        var rates = await access.RatesAsync(id, ct);
        var canManage = await access.CanManageAsync();
        IReadOnlyList<(Guid, string)> options = canManage
            ? (await scope.Clusters().AsNoTracking().OrderBy(c => c.Name).Select(c => new { c.Id, c.Name }).ToListAsync(ct)).Select(c => (c.Id, c.Name)).ToList()
            : [];
        return new SurveyDetails(survey, rates, canManage, options);
    }
}
