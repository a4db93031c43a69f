namespace Clusterpact.Web.Features.Apply;

/// <summary>
/// An applicant starts a draft on a call that is not a draft, for the organisation they name; the answer carries its id.
/// The number within the call is the next free one (a race on it retries once).
/// </summary>
public sealed class StartApplication(ClusterpactDbContext db, CurrentUser user, TimeProvider clock) : IUseCase
{
    public async Task<CommandOutcome> HandleAsync(Guid callId, string? applicantName, string? enterpriseNumber, CancellationToken ct)
    {
        var call = await db.Calls.AsNoTracking().SingleOrDefaultAsync(c => c.Id == callId && c.Status != CallStatus.Draft, ct);
        if (call is null) return CommandOutcome.NotFound;
        for (var attempt = 0; ; attempt++)
        {
            var number = (await db.Applications.Where(a => a.CallId == callId).MaxAsync(a => (int?)a.Number, ct) ?? 0) + 1;
            var started = Application.Start(call, number, applicantName, enterpriseNumber, clock.GetUtcNow(), user.Id ?? Guid.Empty);
            if (!started.IsSuccess)
                return CommandOutcome.Invalid(started.Error!.Code.StartsWith("Enterprise", StringComparison.Ordinal) ? "EnterpriseNumber" : "ApplicantName", started.Error.Code);
            db.Applications.Add(started.Value!);
            try
            {
                await db.SaveChangesAsync(ct);
                return CommandOutcome.Created(started.Value!.Id, 0);
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                db.ChangeTracker.Clear();
            }
        }
    }
}
