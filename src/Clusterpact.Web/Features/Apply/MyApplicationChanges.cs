namespace Clusterpact.Web.Features.Apply;

/// <summary>
/// What the applicant's commands share: their own application only (any other is not found), the version they saw,
/// the change with the field a refusal belongs to (a step that is not theirs is forbidden, <see cref="StepRefusal"/>), what is stored alongside, and the save against that version.
/// </summary>
public static class MyApplicationChanges
{
    public static async Task<CommandOutcome> SaveAsync(ClusterpactDbContext db, Scope scope, Guid id, long version,
        Func<Application, Call, (DomainError? Error, string Field)> change, CancellationToken ct, Func<Application, Task>? alongside = null)
    {
        var app = await scope.Applications().SingleOrDefaultAsync(a => a.Id == id, ct);
        if (app is null) return CommandOutcome.NotFound;
        if (app.Version != version) return CommandOutcome.Conflict;
        var call = await db.Calls.AsNoTracking().SingleAsync(c => c.Id == app.CallId, ct);
        var (error, field) = change(app, call);
        if (error is not null) return StepRefusal.Of<ApplicationStatus>(error, field);
        if (alongside is not null) await alongside(app);
        return await db.SaveVersionedAsync(app, version, ct);
    }

    /// <summary>A result as the change's answer: no error, or its error on <paramref name="field"/>.</summary>
    public static (DomainError? Error, string Field) On(this Result result, string field) => result.IsSuccess ? (null, "") : (result.Error!, field);
}
