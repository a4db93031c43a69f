namespace Clusterpact.Web.Features.Review;

/// <summary>
/// What an expert sees of one assignment. Before declaring no conflict: the (possibly anonymised) name, the committed
/// members and the register's flags, enough to judge a conflict. After: the proposal, its files and their own scores;
/// once the consensus is reached, the panel's scores too, by juror number and never by name. <see cref="PanelScores"/>
/// is null whenever the expert may not read scores. <see cref="Actors"/> is what the signed-in person is for the
/// assignment in its lifecycle table.
/// </summary>
public sealed record ReviewView(ExpertAssignment Assignment, Call Call, Application Application, string DisplayName,
    IReadOnlyList<PanelScore>? PanelScores, bool ConsensusReached, IReadOnlySet<Actor> Actors)
{
    public bool MayReadProposal => Assignment.MayScore;
}

/// <summary>One of the expert's own assignments; any other assignment is simply not found.</summary>
public sealed class GetReview(ClusterpactDbContext db, Scope scope, RecordActors actors, IStringLocalizer<SharedResource> text) : IUseCase
{
    public async Task<ReviewView?> HandleAsync(Guid assignmentId, CancellationToken ct)
    {
        var assignment = await scope.Assignments().AsNoTracking().SingleOrDefaultAsync(a => a.Id == assignmentId, ct);
        if (assignment is null) return null;
        var app = await db.Applications.AsNoTracking().SingleAsync(a => a.Id == assignment.ApplicationId, ct);
        var call = await db.Calls.AsNoTracking().SingleAsync(c => c.Id == app.CallId, ct);
        IReadOnlyList<PanelScore>? panelScores = null;
        var consensusReached = false;
        if (assignment.MayScore)
        {
            var panel = await db.ExpertAssignments.AsNoTracking().Where(a => a.ApplicationId == app.Id).ToListAsync(ct);
            var consensus = await db.Consensus.AsNoTracking().SingleOrDefaultAsync(c => c.ApplicationId == app.Id, ct);
            consensusReached = app.Status == ApplicationStatus.Decided || consensus?.IsCompleteFor(call) == true;
            var visible = ExpertAssignment.ScoresVisibleTo(assignment, panel, consensusReached);
            panelScores = visible.IsSuccess ? visible.Value : null;
        }
        return new ReviewView(assignment, call, app, ReviewNames.For(app, call, text), panelScores, consensusReached, actors.OnAssignment(assignment.ExpertId));
    }
}
