namespace Clusterpact.Web.Features.OpenCalls;

/// <summary>A published call's public page: the call, whether it is open now, and whether the signed-in person may apply.</summary>
public sealed record OpenCallView(Call Call, bool IsOpen, bool MayApply);

/// <summary>One call that is not a draft, for anyone; null otherwise.</summary>
public sealed class GetOpenCall(ClusterpactDbContext db, Permissions permissions, TimeProvider clock) : IUseCase
{
    public async Task<OpenCallView?> HandleAsync(Guid id, CancellationToken ct)
    {
        var call = await db.Calls.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id && c.Status != CallStatus.Draft, ct);
        if (call is null) return null;
        return new OpenCallView(call, call.IsOpenAt(clock.GetUtcNow()), await permissions.HasAsync(Policies.Applying));
    }
}
