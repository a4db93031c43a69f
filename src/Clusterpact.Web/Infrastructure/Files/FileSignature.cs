using System.IO.Compression;

namespace Clusterpact.Web.Infrastructure.Files;

/// <summary>
/// Whether an uploaded file is what its extension says, from its first bytes rather than from the name or the type the
/// browser declared (both are the uploader's word): an .exe renamed to .pdf starts with "MZ", not "%PDF-". Every upload
/// (application attachments, imported lists) asks this one checker before a byte is stored.
/// </summary>
public static class FileSignature
{
    /// <summary>The message key of a file whose content does not match its extension.</summary>
    public const string MismatchKey = "Upload.SignatureMismatch";

    private enum Kind { Pdf, OfficeOpenXml, OfficeBinary, Png, Jpeg, Gif, Text }

    private static readonly IReadOnlyDictionary<string, Kind> ByExtension = new Dictionary<string, Kind>(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = Kind.Pdf,
        [".docx"] = Kind.OfficeOpenXml, [".xlsx"] = Kind.OfficeOpenXml, [".pptx"] = Kind.OfficeOpenXml,
        [".doc"] = Kind.OfficeBinary, [".xls"] = Kind.OfficeBinary,
        [".png"] = Kind.Png, [".jpg"] = Kind.Jpeg, [".jpeg"] = Kind.Jpeg, [".gif"] = Kind.Gif,
        [".csv"] = Kind.Text, [".txt"] = Kind.Text,
    };

    /// <summary>The content type a stored file is served with: from its (checked) extension, never from what was declared.</summary>
    private static readonly IReadOnlyDictionary<string, string> ContentTypes = AttachmentRules.AllowedTypes
        .Concat(new Dictionary<string, string>
        {
            [".png"] = "image/png", [".jpg"] = "image/jpeg", [".jpeg"] = "image/jpeg", [".gif"] = "image/gif",
            [".csv"] = "text/csv", [".txt"] = "text/plain",
        })
        .ToDictionary(e => e.Key, e => e.Value, StringComparer.OrdinalIgnoreCase);

    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] OleMagic = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpegMagic = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Gif87 = "GIF87a"u8.ToArray();
    private static readonly byte[] Gif89 = "GIF89a"u8.ToArray();

    /// <summary>Signatures of executables and archives that are never a text list, whatever the name says.</summary>
    private static readonly byte[][] Binary = [[0x4D, 0x5A], [0x7F, 0x45, 0x4C, 0x46], ZipMagic, OleMagic, PdfMagic, PngMagic, JpegMagic];

    /// <summary>The type to serve a stored file with, from its extension; unknown ones as plain bytes.</summary>
    public static string ContentTypeFor(string? fileName) =>
        ContentTypes.TryGetValue(Path.GetExtension(fileName ?? ""), out var type) ? type : "application/octet-stream";

    /// <summary>Whether the bytes are a file of the kind the name's extension says. An unknown extension never matches.</summary>
    public static bool Matches(string? fileName, ReadOnlySpan<byte> content)
    {
        if (!ByExtension.TryGetValue(Path.GetExtension(fileName ?? ""), out var kind)) return false;
        return kind switch
        {
            Kind.Pdf => content.StartsWith(PdfMagic),
            // A .docx, .xlsx or .pptx is a zip with the package's content types at its root (ECMA-376 part 2, Open Packaging Conventions).
            Kind.OfficeOpenXml => content.StartsWith(ZipMagic) && IsOpenXmlPackage(content),
            Kind.OfficeBinary => content.StartsWith(OleMagic),
            Kind.Png => content.StartsWith(PngMagic),
            Kind.Jpeg => content.StartsWith(JpegMagic),
            Kind.Gif => content.StartsWith(Gif87) || content.StartsWith(Gif89),
            _ => IsText(content),
        };
    }

    /// <summary>The same check on a stream; the stream is read from its start and put back where it was.</summary>
    public static bool Matches(string? fileName, Stream content)
    {
        var start = content.CanSeek ? content.Position : 0;
        using var buffer = new MemoryStream();
        if (content.CanSeek) content.Position = 0;
        content.CopyTo(buffer);
        if (content.CanSeek) content.Position = start;
        return Matches(fileName, buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    private static bool IsOpenXmlPackage(ReadOnlySpan<byte> content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content.ToArray(), writable: false), ZipArchiveMode.Read);
            return zip.GetEntry("[Content_Types].xml") is not null;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    /// <summary>A text list: no known binary signature and no NUL byte in its first 8 KB.</summary>
    private static bool IsText(ReadOnlySpan<byte> content)
    {
        foreach (var magic in Binary)
            if (content.StartsWith(magic)) return false;
        var head = content[..Math.Min(content.Length, 8192)];
        return head.IndexOf((byte)0) < 0;
    }
}
