using Clusterpact.Web.Features.Calls;

namespace Clusterpact.Web.Features.Apply;

/// <summary>A file of one of the applicant's own applications; null for anyone else's.</summary>
public sealed class GetMyApplicationFile(ClusterpactDbContext db, Scope scope) : IUseCase
{
    public async Task<(Attachment Attachment, byte[] Content)?> HandleAsync(Guid id, Guid attachmentId, CancellationToken ct)
    {
        var app = await scope.Applications().AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct);
        return app is null ? null : await ApplicationFiles.ReadAsync(db, app, attachmentId, ct);
    }
}
