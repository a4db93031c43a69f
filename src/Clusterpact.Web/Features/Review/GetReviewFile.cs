using Clusterpact.Web.Features.Calls;

namespace Clusterpact.Web.Features.Review;

/// <summary>A file of the application, only for an expert assigned to it who declared no conflict; null otherwise.</summary>
public sealed class GetReviewFile(ClusterpactDbContext db, Scope scope) : IUseCase
{
    public async Task<(Attachment Attachment, byte[] Content)?> HandleAsync(Guid assignmentId, Guid attachmentId, CancellationToken ct)
    {
        var assignment = await scope.Assignments().AsNoTracking().SingleOrDefaultAsync(a => a.Id == assignmentId, ct);
        if (assignment is null || !assignment.MayScore) return null;
        var app = await db.Applications.AsNoTracking().SingleAsync(a => a.Id == assignment.ApplicationId, ct);
        return await ApplicationFiles.ReadAsync(db, app, attachmentId, ct);
    }
}
