namespace Clusterpact.Web.Features.Calls;

/// <summary>
/// The agency takes a step of the application's lifecycle (eligible, ineligible with its reasons one per line, start of
/// the review), checked by the application against its table with the person's actors. Who hears of it is the step's own
/// declaration (<see cref="StepNotices"/>), mailed when the step is saved (<see cref="StepMail"/>).
/// </summary>
public sealed class TakeApplicationStep(ClusterpactDbContext db, CurrentUser user, RecordActors actors, TimeProvider clock) : IUseCase
{
    public Task<CommandOutcome> HandleAsync(Guid id, long version, string step, string? reason, CancellationToken ct) =>
        CallChanges.SaveApplicationAsync(db, actors, id, version, (a, call, who) => a.Take(call, step, who, reason, user.Id ?? Guid.Empty, clock.GetUtcNow()), ct);
}
