using Clusterpact.Web.Data.Configurations;
using Clusterpact.Web.Infrastructure.Files;

namespace Clusterpact.Web.Features.Apply;

/// <summary>The uploaded file as the form gives it.</summary>
public sealed record UploadedDocument(string? FileName, string? ContentType, long Size, string? DocumentCode, Stream Content);

/// <summary>The applicant attaches a file to their draft, checked on name, declared type and size before a byte is stored.</summary>
public sealed class AttachDocument(ClusterpactDbContext db, Scope scope) : IUseCase
{
    public async Task<CommandOutcome> HandleAsync(Guid id, long version, UploadedDocument upload, CancellationToken ct)
    {
        byte[] bytes;
        using (var buffer = new MemoryStream())
        {
            await upload.Content.CopyToAsync(buffer, ct);
            bytes = buffer.ToArray();
        }
        Guid attachmentId = default;
        return await MyApplicationChanges.SaveAsync(db, scope, id, version, (app, call) =>
        {
            var added = app.AddAttachment(call, upload.FileName, upload.ContentType, upload.Size, upload.DocumentCode);
            if (!added.IsSuccess) return (added.Error!, "File");
            // Name and declared type are the uploader's word; the first bytes say what the file is.
            if (!FileSignature.Matches(upload.FileName, bytes)) return (new DomainError(FileSignature.MismatchKey), "File");
            attachmentId = added.Value!.Id;
            return (null, "");
        }, ct, app =>
        {
            db.StoredFiles.Add(new StoredFile { Id = attachmentId, ApplicationId = app.Id, Content = bytes });
            return Task.CompletedTask;
        });
    }
}
