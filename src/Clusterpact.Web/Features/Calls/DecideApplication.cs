namespace Clusterpact.Web.Features.Calls;

/// <summary>The agency decides an application under review: granted, granted with conditions or refused, with its motivation.</summary>
public sealed class DecideApplication(ClusterpactDbContext db, CurrentUser user, RecordActors actors, TimeProvider clock) : IUseCase
{
    public Task<CommandOutcome> HandleAsync(Guid id, long version, ApplicationOutcome outcome, string? conditions, string? motivation, CancellationToken ct) =>
        CallChanges.SaveApplicationAsync(db, actors, id, version,
            (a, call, who) => a.Decide(call, who, outcome, conditions, motivation, user.Id ?? Guid.Empty, clock.GetUtcNow()), ct);
}
