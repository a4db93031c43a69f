namespace Clusterpact.Web.Features.Calls;

/// <summary>An attachment's bytes for agency staff, who see every submitted application; null for anyone else or a draft.</summary>
public sealed class GetApplicationFile(ClusterpactDbContext db, Permissions permissions) : IUseCase
{
    public async Task<(Attachment Attachment, byte[] Content)?> HandleAsync(Guid applicationId, Guid attachmentId, CancellationToken ct)
    {
        if (!await permissions.HasAsync(Policies.AgencyStaff)) return null;
        var app = await db.Applications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == applicationId && a.Status != ApplicationStatus.Draft, ct);
        return app is null ? null : await ApplicationFiles.ReadAsync(db, app, attachmentId, ct);
    }
}

/// <summary>Reads an attachment's bytes once the caller has decided the application is theirs to see.</summary>
public static class ApplicationFiles
{
    public static async Task<(Attachment Attachment, byte[] Content)?> ReadAsync(ClusterpactDbContext db, Application app, Guid attachmentId, CancellationToken ct)
    {
        var attachment = app.Attachments.SingleOrDefault(a => a.Id == attachmentId);
        if (attachment is null) return null;
        var file = await db.StoredFiles.AsNoTracking().SingleOrDefaultAsync(f => f.Id == attachmentId && f.ApplicationId == app.Id, ct);
        return file is null ? null : (attachment, file.Content);
    }
}
