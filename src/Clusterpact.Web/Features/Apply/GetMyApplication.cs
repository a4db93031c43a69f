using Clusterpact.Web.Features.Calls;

namespace Clusterpact.Web.Features.Apply;

/// <summary>
/// What the applicant may see of their application: the call, the application and what they are for it in its lifecycle
/// table; once decided also the jury's agreed scores with their justification and where it stood in the ranking.
/// </summary>
public sealed record ApplicantView(Call Call, Application Application, Consensus? Consensus, RankedApplication? Ranked, IReadOnlySet<Actor> Actors);

/// <summary>One of the applicant's own applications; any other is simply not found. No score shows before the decision.</summary>
public sealed class GetMyApplication(ClusterpactDbContext db, Scope scope, RecordActors actors) : IUseCase
{
    public async Task<ApplicantView?> HandleAsync(Guid id, CancellationToken ct)
    {
        var app = await scope.Applications().AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct);
        if (app is null) return null;
        var call = await db.Calls.AsNoTracking().SingleAsync(c => c.Id == app.CallId, ct);
        if (app.Status != ApplicationStatus.Decided) return new ApplicantView(call, app, null, null, actors.OnApplication(app));
        // After the decision the applicant reads the jury's agreed scores and their justification, and where it stood.
        var consensus = await db.Consensus.AsNoTracking().SingleOrDefaultAsync(c => c.ApplicationId == app.Id, ct);
        var ranking = await CallRanking.RankAsync(db, call, ct);
        return new ApplicantView(call, app, consensus, ranking?.Applications.SingleOrDefault(r => r.ApplicationId == app.Id), actors.OnApplication(app));
    }
}
