namespace Clusterpact.Web.Features.Calls;

/// <summary>A call's page: its terms and the applications submitted to it.</summary>
public sealed record CallDetails(Call Call, IReadOnlyList<ApplicationRow> Applications);

/// <summary>One call for the agency with its submitted applications, in one handler; null when there is no such call.</summary>
public sealed class GetCallDetails(ClusterpactDbContext db) : IUseCase
{
    public async Task<CallDetails?> HandleAsync(Guid id, CancellationToken ct)
    {
        var call = await db.Calls.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        return call is null ? null : new CallDetails(call, await ApplicationRows.ForCallAsync(db, id, ct));
    }
}
