namespace Clusterpact.Web.Features.Apply;

/// <summary>A member row as the form sends it; blank rows are dropped, a half-filled row is an error on its line.</summary>
public sealed record MemberLine(string? Name, string? EnterpriseNumber, SizeClass Size);

/// <summary>A year row as the form sends it, amounts already parsed.</summary>
public sealed record YearLine(int? Year, decimal? BudgetEur, decimal? CofinancingEur);

public sealed record ProposalInput(string? StrategicDomain, string? Vision, string? ActionPlan, string? ConsortiumDescription,
    IReadOnlyList<MemberLine> Members, IReadOnlyList<YearLine> Years);

/// <summary>The applicant saves the proposal of their draft: its texts, the committed members and the year plans; the first refusal saves nothing.</summary>
public sealed class SaveProposal(ClusterpactDbContext db, Scope scope) : IUseCase
{
    public Task<CommandOutcome> HandleAsync(Guid id, long version, ProposalInput input, CancellationToken ct) =>
        MyApplicationChanges.SaveAsync(db, scope, id, version, (app, _) =>
        {
            var members = new List<ConsortiumMember>();
            foreach (var line in input.Members.Where(l => !string.IsNullOrWhiteSpace(l.Name) || !string.IsNullOrWhiteSpace(l.EnterpriseNumber)))
            {
                var member = ConsortiumMember.Create(line.Name, line.EnterpriseNumber, line.Size);
                if (!member.IsSuccess) return (member.Error!, "Members");
                members.Add(member.Value!);
            }
            var years = new List<YearPlan>();
            foreach (var line in input.Years.Where(l => l.Year is not null || l.BudgetEur is not null || l.CofinancingEur is not null))
            {
                if (line.Year is not { } y || y is < 2000 or > 2100 || line.BudgetEur is null) return (new DomainError("Application.YearLineIncomplete"), "Years");
                years.Add(new YearPlan(y, line.BudgetEur.Value, line.CofinancingEur ?? 0));
            }
            var steps = new Func<Result>[]
            {
                () => app.UpdateProposal(input.StrategicDomain, input.Vision, input.ActionPlan, input.ConsortiumDescription),
                () => app.SetCommittedMembers(members),
                () => app.SetYearPlans(years),
            };
            string[] fields = ["Proposal", "Members", "Years"];
            for (var i = 0; i < steps.Length; i++)
                if (steps[i]() is { IsSuccess: false } failed) return (failed.Error!, fields[i]);
            return (null, "");
        }, ct);
}
