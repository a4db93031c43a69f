namespace Clusterpact.Web.Features.Calls;

/// <summary>What the ranking page shows: the call, its ranking (null when it cannot be ranked) and each application's row by id.</summary>
public sealed record CallRankingView(Call Call, RankingResult? Result, IReadOnlyDictionary<Guid, ApplicationRow> Rows);

/// <summary>The ranking the decision committee reads; a draft call has none (not found).</summary>
public sealed class GetCallRanking(ClusterpactDbContext db) : IUseCase
{
    public async Task<CallRankingView?> HandleAsync(Guid id, CancellationToken ct)
    {
        var call = await db.Calls.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (call is null || call.Status == CallStatus.Draft) return null;
        var result = await CallRanking.RankAsync(db, call, ct);
        var rows = (await ApplicationRows.ForCallAsync(db, id, ct)).ToDictionary(r => r.Id);
        return new CallRankingView(call, result, rows);
    }
}
