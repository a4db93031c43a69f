namespace Clusterpact.Web.Features.Calls;

/// <summary>One expert on one application, with the name the agency sees.</summary>
public sealed record AssignmentView(ExpertAssignment Assignment, string ExpertName, string? ExpertAffiliation);

/// <summary>Everything the agency's page on one application shows, with what the signed-in person is for it in the lifecycle table.</summary>
public sealed record AgencyApplicationView(Call Call, Application Application, IReadOnlyList<AssignmentView> Panel, Consensus? Consensus,
    IReadOnlyDictionary<Guid, string> People, IReadOnlyList<(Guid Id, string Name, string? Affiliation)> Experts, RankedApplication? Ranked,
    IReadOnlySet<Actor> Actors);

/// <summary>
/// One submitted application for the agency (never a draft): the call, the panel by name, the consensus, the experts
/// who may be assigned, where it stands in the ranking, and the people named in its history.
/// </summary>
public sealed class GetAgencyApplication(ClusterpactDbContext db, RecordActors actors) : IUseCase
{
    public async Task<AgencyApplicationView?> HandleAsync(Guid applicationId, CancellationToken ct)
    {
        var app = await db.Applications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == applicationId && a.Status != ApplicationStatus.Draft, ct);
        if (app is null) return null;
        var call = await db.Calls.AsNoTracking().SingleAsync(c => c.Id == app.CallId, ct);
        var panel = await db.ExpertAssignments.AsNoTracking().Where(a => a.ApplicationId == app.Id).ToListAsync(ct);
        var consensus = await db.Consensus.AsNoTracking().SingleOrDefaultAsync(c => c.ApplicationId == app.Id, ct);
        var experts = (await AssignExpert.ActiveExperts(db)
            .OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName, u.Affiliation }).ToListAsync(ct))
            .Select(u => (u.Id, u.DisplayName, u.Affiliation)).ToList();
        var peopleIds = app.History.Select(h => h.By).Concat(panel.Select(p => p.ExpertId)).Concat(consensus?.Scores.Select(s => s.RecordedBy) ?? []).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => peopleIds.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName, u.Affiliation }).ToListAsync(ct);
        var people = users.ToDictionary(u => u.Id, u => u.DisplayName);
        var affiliations = users.ToDictionary(u => u.Id, u => u.Affiliation);
        var ranking = app.Status is ApplicationStatus.UnderReview or ApplicationStatus.Decided ? await CallRanking.RankAsync(db, call, ct) : null;
        return new AgencyApplicationView(call, app,
            panel.OrderBy(p => people.GetValueOrDefault(p.ExpertId)).Select(p => new AssignmentView(p, people.GetValueOrDefault(p.ExpertId, "?"), affiliations.GetValueOrDefault(p.ExpertId))).ToList(),
            consensus, people, experts, ranking?.Applications.SingleOrDefault(r => r.ApplicationId == app.Id), actors.OnApplication(app));
    }
}
