using Clusterpact.Web.Features.Calls;
using Clusterpact.Web.Features.Clusters;

namespace Clusterpact.Web.Features.Review;

public sealed record ReviewRow(Guid AssignmentId, string CallTitleNl, string CallTitleEn, string ApplicationName, ApplicationStatus Status,
    ConflictDeclaration Declaration, int Scored, int Criteria, bool Flagged);

/// <summary>
/// What an expert sees of one assignment. Before declaring no conflict: the (possibly anonymised) name, the committed
/// members and the register's flags, enough to judge a conflict. After: the proposal, its files and their own scores;
/// once the consensus is reached, the panel's scores too, by juror number and never by name. <see cref="PanelScores"/>
/// is null whenever the expert may not read scores.
/// </summary>
public sealed record ReviewView(ExpertAssignment Assignment, Call Call, Application Application, string DisplayName,
    IReadOnlyList<PanelScore>? PanelScores, bool ConsensusReached)
{
    public bool MayReadProposal => Assignment.MayScore;
}

public sealed record ScoreLine(string Code, decimal? Value, string? Justification);

/// <summary>
/// The external expert's side. An expert reaches only their own assignments: any other application or assignment is
/// simply not found. Scores of the panel and the proposal itself open only after a declaration of no conflict.
/// </summary>
public sealed class ReviewService(ClusterpactDbContext db, Scope scope, RecordActors actors, TimeProvider clock, IStringLocalizer<SharedResource> text)
{
    private IQueryable<ExpertAssignment> Mine() => scope.Assignments();

    /// <summary>The applicant, or on an anonymised call the application by its reference, in the expert's language.</summary>
    private string NameFor(Application app, Call call) => app.ApplicantNameFor(call, Audience.Expert) ?? text["Review.ApplicationReference", app.Reference];

    public async Task<IReadOnlyList<ReviewRow>> ListAsync(CancellationToken ct)
    {
        var mine = await Mine().AsNoTracking().ToListAsync(ct);
        var appIds = mine.Select(a => a.ApplicationId).ToList();
        var apps = await db.Applications.AsNoTracking().Where(a => appIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        var callIds = apps.Values.Select(a => a.CallId).Distinct().ToList();
        var calls = await db.Calls.AsNoTracking().Where(c => callIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        return mine.Select(a =>
        {
            var app = apps[a.ApplicationId];
            var call = calls[app.CallId];
            return new ReviewRow(a.Id, call.TitleNl, call.TitleEn, NameFor(app, call), app.Status, a.Declaration,
                a.Scores.Count, call.Criteria.Count, a.DetectedConflicts.Count > 0);
        }).OrderBy(r => r.Declaration != ConflictDeclaration.None).ThenBy(r => r.CallTitleNl).ThenBy(r => r.ApplicationName).ToList();
    }

    public async Task<ReviewView?> GetAsync(Guid assignmentId, CancellationToken ct)
    {
        var assignment = await Mine().AsNoTracking().SingleOrDefaultAsync(a => a.Id == assignmentId, ct);
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
        return new ReviewView(assignment, call, app, NameFor(app, call), panelScores, consensusReached);
    }

    /// <summary>What the signed-in person is for this assignment in its lifecycle table.</summary>
    public IReadOnlySet<Actor> ActorsOn(ExpertAssignment assignment) => actors.OnAssignment(assignment.ExpertId);

    /// <summary>The expert's declaration: the step chosen on the form (none chosen is refused) with its explanation.</summary>
    public Task<CommandOutcome> DeclareAsync(Guid assignmentId, long version, string? step, string? explanation, CancellationToken ct) =>
        ChangeAsync(assignmentId, version, (a, _, _) => a.Declare(step, ActorsOn(a), explanation, clock.GetUtcNow()), "Declaration", ct);

    /// <summary>Saves the filled-in criteria; the first refused line is reported on its own field and nothing is saved.</summary>
    public Task<CommandOutcome> ScoreAsync(Guid assignmentId, long version, IReadOnlyList<ScoreLine> lines, CancellationToken ct) =>
        ChangeAsync(assignmentId, version, (a, call, app) =>
        {
            foreach (var line in lines.Where(l => l.Value is not null || !string.IsNullOrWhiteSpace(l.Justification)))
            {
                if (line.Value is null) return Result.Fail(new DomainError("Score.OutOfScale", line.Code));
                var scored = a.RecordScore(call, app, line.Code, line.Value.Value, line.Justification, clock.GetUtcNow());
                if (!scored.IsSuccess) return Result.Fail(new DomainError(scored.Error!.Code, line.Code));
            }
            return Result.Success;
        }, "Scores", ct);

    /// <summary>A file of the application, only for an expert assigned to it who declared no conflict.</summary>
    public async Task<(Attachment Attachment, byte[] Content)?> FileAsync(Guid assignmentId, Guid attachmentId, CancellationToken ct)
    {
        var assignment = await Mine().AsNoTracking().SingleOrDefaultAsync(a => a.Id == assignmentId, ct);
        if (assignment is null || !assignment.MayScore) return null;
        var app = await db.Applications.AsNoTracking().SingleAsync(a => a.Id == assignment.ApplicationId, ct);
        return await ApplicationFiles.ReadAsync(db, app, attachmentId, ct);
    }

    private async Task<CommandOutcome> ChangeAsync(Guid assignmentId, long version, Func<ExpertAssignment, Call, Application, Result> change, string field, CancellationToken ct)
    {
        var assignment = await Mine().SingleOrDefaultAsync(a => a.Id == assignmentId, ct);
        if (assignment is null) return CommandOutcome.NotFound;
        if (assignment.Version != version) return CommandOutcome.Conflict;
        var app = await db.Applications.AsNoTracking().SingleAsync(a => a.Id == assignment.ApplicationId, ct);
        var call = await db.Calls.AsNoTracking().SingleAsync(c => c.Id == app.CallId, ct);
        var result = change(assignment, call, app);
        if (!result.IsSuccess)
            return CommandOutcome.Invalid(result.Error!.Rule is { } code && field == "Scores" ? "Scores_" + code : field, result.Error.Code);
        return await db.SaveVersionedAsync(assignment, version, ct);
    }
}
