namespace Clusterpact.Web.Features.Apply;

/// <summary>
/// The applicant deletes their own draft with its files; a submitted application is never deleted (it can be withdrawn).
/// The audit trail records the deleted application with all its values.
/// </summary>
public sealed class DeleteDraft(ClusterpactDbContext db, Scope scope) : IUseCase
{
    public async Task<CommandOutcome> HandleAsync(Guid id, long version, CancellationToken ct)
    {
        var app = await scope.Applications().SingleOrDefaultAsync(a => a.Id == id, ct);
        if (app is null) return CommandOutcome.NotFound;
        if (app.Version != version) return CommandOutcome.Conflict;
        if (app.MayDelete() is { IsSuccess: false } refused) return CommandOutcome.Invalid("Submit", refused.Error!.Code);
        db.StoredFiles.RemoveRange(await db.StoredFiles.Where(f => f.ApplicationId == app.Id).ToListAsync(ct));
        db.Applications.Remove(app);
        await db.SaveChangesAsync(ct);
        return CommandOutcome.Ok(version);
    }
}
