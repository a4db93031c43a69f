using Microsoft.AspNetCore.Mvc;

namespace Clusterpact.Web.Infrastructure.Files;

/// <summary>
/// An uploaded file served back: always as a download (Content-Disposition: attachment), with the type its checked
/// extension gives (<see cref="FileSignature.ContentTypeFor"/>), and X-Content-Type-Options: nosniff so a browser
/// never renders it as something else in the product's origin.
/// </summary>
public sealed class StoredFileDownload(byte[] content, string fileName) : FileContentResult(content, FileSignature.ContentTypeFor(fileName))
{
    public string StoredName { get; } = fileName;

    public override Task ExecuteResultAsync(ActionContext context)
    {
        FileDownloadName = StoredName;
        context.HttpContext.Response.Headers.XContentTypeOptions = "nosniff";
        return base.ExecuteResultAsync(context);
    }
}
