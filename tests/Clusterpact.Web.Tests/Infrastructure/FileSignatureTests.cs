using System.IO.Compression;
using Clusterpact.Web.Infrastructure.Files;

namespace Clusterpact.Web.Tests.Infrastructure;

/// <summary>The one check every upload goes through: the first bytes must be what the extension says.</summary>
public sealed class FileSignatureTests
{
    private static readonly byte[] Exe = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00];
    private static readonly byte[] Ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0x00];

    private static byte[] Zip(params string[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var e in entries) zip.CreateEntry(e);
        return buffer.ToArray();
    }

    public static TheoryData<string, byte[], bool> Cases() => new()
    {
        { "plan.pdf", "%PDF-1.7\n"u8.ToArray(), true },
        { "plan.pdf", Exe, false },
        { "plan.PDF", "%PDF-1.4"u8.ToArray(), true },
        { "plan.docx", Zip("[Content_Types].xml", "word/document.xml"), true },
        { "plan.docx", Zip("payload.bin"), false },
        { "leden.xlsx", Zip("[Content_Types].xml"), true },
        { "leden.xlsx", "Naam;KBO"u8.ToArray(), false },
        { "plan.doc", Ole, true },
        { "plan.xls", "%PDF-1.4"u8.ToArray(), false },
        { "logo.png", Png, true },
        { "logo.png", Jpeg, false },
        { "foto.jpg", Jpeg, true },
        { "foto.jpeg", Jpeg, true },
        { "anim.gif", "GIF89a"u8.ToArray(), true },
        { "anim.gif", "GIF90a"u8.ToArray(), false },
        { "leden.csv", "Naam;KBO\nX;0403170701"u8.ToArray(), true },
        { "leden.csv", Exe, false },
        { "leden.csv", Zip("[Content_Types].xml"), false },
        { "plan.exe", Exe, false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_file_matches_only_the_signature_of_its_extension(string name, byte[] content, bool matches)
    {
        Assert.Equal(matches, FileSignature.Matches(name, content));
        using var stream = new MemoryStream(content);
        stream.Position = 1;
        Assert.Equal(matches, FileSignature.Matches(name, stream));
        // The stream is left where it was for whoever reads it next.
        Assert.Equal(1, stream.Position);
    }

    [Theory]
    [InlineData("plan.pdf", "application/pdf")]
    [InlineData("leden.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    [InlineData("plan.exe", "application/octet-stream")]
    public void A_stored_file_is_served_with_the_type_of_its_checked_extension(string name, string type) =>
        Assert.Equal(type, FileSignature.ContentTypeFor(name));
}
