using Clusterpact.Web.Features.Calls;

namespace Clusterpact.Web.Features.Apply;

/// <summary>The applicant takes a step of their application's lifecycle (submit, withdraw with an optional note), checked by the application against its table.</summary>
public sealed class TakeMyApplicationStep(ClusterpactDbContext db, Scope scope, CurrentUser user, RecordActors actors, TimeProvider clock) : IUseCase
{
    public Task<CommandOutcome> HandleAsync(Guid id, long version, string step, string? reason, CancellationToken ct) =>
        MyApplicationChanges.SaveAsync(db, scope, id, version,
            (app, call) => app.Take(call, step, actors.OnApplication(app), reason, user.Id ?? Guid.Empty, clock.GetUtcNow()).On("Submit"), ct);
}
