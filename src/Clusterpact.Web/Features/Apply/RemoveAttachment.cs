namespace Clusterpact.Web.Features.Apply;

/// <summary>The applicant removes a file from their draft, with its stored bytes.</summary>
public sealed class RemoveAttachment(ClusterpactDbContext db, Scope scope) : IUseCase
{
    public Task<CommandOutcome> HandleAsync(Guid id, long version, Guid attachmentId, CancellationToken ct) =>
        MyApplicationChanges.SaveAsync(db, scope, id, version, (app, _) => app.RemoveAttachment(attachmentId).On("File"), ct, async app =>
        {
            var file = await db.StoredFiles.SingleOrDefaultAsync(f => f.Id == attachmentId && f.ApplicationId == app.Id, ct);
            if (file is not null) db.StoredFiles.Remove(file);
        });
}
