namespace Clusterpact.Domain.Calls;

/// <summary>
/// What is known of an uploaded file: its name, the content type the browser declared, its size, and which required
/// document of the call it is (if any). The bytes live in file storage, not in the domain.
/// </summary>
public sealed record Attachment(Guid Id, string FileName, string ContentType, long SizeBytes, string? DocumentCode);

/// <summary>
/// Which files an application may carry: PDF and Office documents the agency and the experts can open, at most 20 MB
/// each. Extension and declared content type must both be allowed and must agree, so a renamed file ("plan.pdf"
/// declared as a zip) is refused before it reaches the jury.
/// </summary>
public static class AttachmentRules
{
    /// <summary>20 MB in binary megabytes (20 x 1024 x 1024 bytes), as upload limits are usually configured.</summary>
    public const long MaxSizeBytes = 20L * 1024 * 1024;

    /// <summary>The allowed extensions and the one content type each must be declared with.</summary>
    public static readonly IReadOnlyDictionary<string, string> AllowedTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".pptx"] = "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        [".doc"] = "application/msword",
        [".xls"] = "application/vnd.ms-excel",
    };

    public static Result<Attachment> Check(string? fileName, string? contentType, long sizeBytes, string? documentCode = null)
    {
        if (string.IsNullOrWhiteSpace(fileName)) return Fail("Attachment.NameRequired");
        var name = fileName.Trim();
        // A name with a path or a bare extension is not a file name a person chose; refuse rather than guess.
        if (name.IndexOfAny(['/', '\\']) >= 0 || Path.GetFileNameWithoutExtension(name).Length == 0) return Fail("Attachment.NameInvalid");
        var extension = Path.GetExtension(name);
        if (!AllowedTypes.TryGetValue(extension, out var expectedType)) return Fail("Attachment.TypeNotAllowed");
        var declared = (contentType ?? "").Split(';')[0].Trim();
        if (!string.Equals(declared, expectedType, StringComparison.OrdinalIgnoreCase)) return Fail("Attachment.ContentTypeMismatch");
        if (sizeBytes <= 0) return Fail("Attachment.Empty");
        if (sizeBytes > MaxSizeBytes) return Fail("Attachment.TooLarge");
        var code = string.IsNullOrWhiteSpace(documentCode) ? null : documentCode.Trim();
        return Result<Attachment>.Ok(new Attachment(Guid.CreateVersion7(), name, expectedType, sizeBytes, code));
    }

    private static Result<Attachment> Fail(string code) => Result<Attachment>.Fail(new DomainError(code));
}
