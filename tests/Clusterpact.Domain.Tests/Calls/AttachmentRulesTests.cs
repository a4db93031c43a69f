namespace Clusterpact.Domain.Tests.Calls;

public sealed class AttachmentRulesTests
{
    private const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    [Theory]
    [InlineData("plan.pdf", "application/pdf")]
    [InlineData("plan.docx", Docx)]
    [InlineData("budget.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    [InlineData("pitch.pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation")]
    [InlineData("old plan.doc", "application/msword")]
    [InlineData("old budget.xls", "application/vnd.ms-excel")]
    [InlineData("PLAN.PDF", "Application/PDF")]
    [InlineData("plan.v2.pdf", "application/pdf; charset=binary")]
    public void Pdf_and_office_files_are_accepted_when_name_and_type_agree(string name, string type)
    {
        var result = AttachmentRules.Check(name, type, 1_234);
        Assert.True(result.IsSuccess, result.Error?.Code);
        Assert.Equal((name, 1_234L), (result.Value!.FileName, result.Value.SizeBytes));
        Assert.Equal(AttachmentRules.AllowedTypes[Path.GetExtension(name)], result.Value.ContentType);
    }

    [Theory]
    [InlineData("setup.exe", "application/pdf", "Attachment.TypeNotAllowed")]          // allowed type, forbidden extension
    [InlineData("plan.pdf.exe", "application/pdf", "Attachment.TypeNotAllowed")]
    [InlineData("archive.zip", "application/zip", "Attachment.TypeNotAllowed")]
    [InlineData("notes.txt", "text/plain", "Attachment.TypeNotAllowed")]
    [InlineData("slides.ppt", "application/vnd.ms-powerpoint", "Attachment.TypeNotAllowed")] // only pptx among presentations
    [InlineData("plan", "application/pdf", "Attachment.TypeNotAllowed")]
    [InlineData("plan.pdf", "application/zip", "Attachment.ContentTypeMismatch")]      // allowed extension, forbidden type
    [InlineData("plan.pdf", "application/msword", "Attachment.ContentTypeMismatch")]   // both allowed, but they disagree
    [InlineData("plan.docx", "application/msword", "Attachment.ContentTypeMismatch")]
    [InlineData("plan.pdf", "", "Attachment.ContentTypeMismatch")]
    [InlineData("plan.pdf", null, "Attachment.ContentTypeMismatch")]
    [InlineData("", "application/pdf", "Attachment.NameRequired")]
    [InlineData(".pdf", "application/pdf", "Attachment.NameInvalid")]
    [InlineData("../../etc/plan.pdf", "application/pdf", "Attachment.NameInvalid")]
    [InlineData(@"C:\docs\plan.pdf", "application/pdf", "Attachment.NameInvalid")]
    public void Other_files_or_a_type_that_does_not_match_the_name_are_refused(string? name, string? type, string expected) =>
        Assert.Equal(expected, AttachmentRules.Check(name, type, 1_000).Error!.Code);

    [Theory]
    [InlineData(20L * 1024 * 1024, null)]      // exactly 20 MB
    [InlineData(20L * 1024 * 1024 + 1, "Attachment.TooLarge")]
    [InlineData(20_000_000L, null)]
    [InlineData(1L, null)]
    [InlineData(0L, "Attachment.Empty")]
    [InlineData(-5L, "Attachment.Empty")]
    public void At_most_20_MB_and_not_empty(long size, string? expected)
    {
        Assert.Equal(20_971_520L, AttachmentRules.MaxSizeBytes);
        Assert.Equal(expected, AttachmentRules.Check("plan.pdf", "application/pdf", size).Error?.Code);
    }
}
