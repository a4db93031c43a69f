namespace Clusterpact.Web.Tests.Admin;

[Collection(AppCollection.Name)]
public sealed class OutboxTests(ClusterpactApp app)
{
    [Fact]
    public async Task A_reminder_is_queued_once_sent_as_a_file_and_listed_for_the_administrator()
    {
        var key = $"test-reminder-{Guid.NewGuid():N}";
        var queued = await app.WithScopeAsync(async sp =>
        {
            var outbox = sp.GetRequiredService<EmailOutbox>();
            var db = sp.GetRequiredService<Web.Data.ClusterpactDbContext>();
            var first = await outbox.EnqueueAsync("manager@cluster.demo", "Volstorting: nog 30 dagen", "Body", "Test.Reminder", key, default);
            var again = await outbox.EnqueueAsync("manager@cluster.demo", "Volstorting: nog 30 dagen", "Body", "Test.Reminder", key, default);
            await db.SaveChangesAsync();
            var later = await outbox.EnqueueAsync("manager@cluster.demo", "Volstorting: nog 30 dagen", "Body", "Test.Reminder", key, default);
            return (first, again, later);
        });
        Assert.Equal((true, false, false), queued);

        var sent = await app.WithScopeAsync(sp => sp.GetRequiredService<OutboxDispatcher>().DispatchOnceAsync(default));
        Assert.True(sent >= 1);
        var email = await app.WithDbAsync(db => db.OutboxEmails.AsNoTracking().SingleAsync(e => e.DedupKey == key));
        Assert.NotNull(email.SentAt);
        var file = Assert.Single(Directory.GetFiles(app.OutboxFolder, $"*{email.Id:N}.eml"));
        Assert.Contains("To: manager@cluster.demo", await File.ReadAllTextAsync(file), StringComparison.Ordinal);

        var admin = await app.SignedInAsync(Emails.Admin);
        Assert.Contains("Volstorting: nog 30 dagen", await admin.GetStringAsync("/Admin/Outbox?search=volstorting"), StringComparison.Ordinal);
        var officer = await app.SignedInAsync(Emails.Officer);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.GetAsync("/Admin/Outbox")).StatusCode);
    }

    /// <summary>Defect: a password-reset link sat readable on the outbox page, so an administrator could take over any account.</summary>
    [Fact]
    public async Task The_outbox_page_never_shows_a_password_reset_link()
    {
        var client = app.Anonymous();
        await client.SubmitFormAsync("/Account/ForgotPassword", new Dictionary<string, string> { ["Input.Email"] = Emails.Reader });
        var mail = await app.WithDbAsync(db => db.OutboxEmails.AsNoTracking()
            .Where(e => e.Category == Web.Features.Account.AccountMail.ResetCategory && e.To == Emails.Reader).OrderByDescending(e => e.CreatedAt).FirstAsync());
        Assert.Contains("/Account/ResetPassword?", mail.Body, StringComparison.Ordinal);

        var admin = await app.SignedInAsync(Emails.Admin);
        var page = await admin.GetStringAsync("/Admin/Outbox?search=" + Uri.EscapeDataString(Emails.Reader));
        Assert.Contains(System.Net.WebUtility.HtmlEncode(mail.Subject), page, StringComparison.Ordinal);
        Assert.DoesNotContain("ResetPassword", page, StringComparison.Ordinal);
    }
}
