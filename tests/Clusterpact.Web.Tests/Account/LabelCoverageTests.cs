using Clusterpact.Web.Infrastructure.Localization;
using Clusterpact.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Clusterpact.Web.Tests.Account;

/// <summary>
/// Labels built from a stable identifier (a role, an e-mail category) exist in both languages: the crawl found
/// "Role.Applicant" on the user pages and "AnnualReport.Overdue" in the outbox, shown as they were stored.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class LabelCoverageTests(ClusterpactApp app)
{
    public static TheoryData<string> Cultures() => ["nl-BE", "en"];

    /// <summary>Every category the product writes on an e-mail (ReportReminders, DepositReminders, SurveyMail, AccountMail).</summary>
    private static IEnumerable<string> EmailCategories() =>
        new[] { DeadlineState.DueSoon, DeadlineState.Overdue }.Select(s => $"AnnualReport.{s}")
            .Concat(Enum.GetValues<DepositStatus>().Select(s => $"CofinancingDeposit.{s}"))
            .Concat(["Survey.Invitation", "Survey.Reminder"])
            .Concat(Clusterpact.Web.Features.Account.AccountMail.Categories);

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Every_role_and_email_category_has_a_label(string culture)
    {
        var text = app.Services.GetRequiredService<IStringLocalizerFactory>().Create(typeof(SharedResource));
        using var _ = new CultureScope(culture);
        var keys = Roles.All.SelectMany(r => new[] { $"Role.{r}", $"RoleHelp.{r}" }).Concat(EmailCategories().Select(c => $"EmailCategory.{c}"));
        var missing = keys.Where(k => text[k].ResourceNotFound || string.IsNullOrWhiteSpace(text[k].Value)).ToList();
        Assert.True(missing.Count == 0, $"Missing in {culture}: " + string.Join(", ", missing));
    }

    [Fact]
    public async Task The_outbox_shows_the_category_in_words()
    {
        var admin = await app.SignedInAsync(Emails.Admin);
        var html = await admin.GetStringAsync("/Admin/Outbox");
        foreach (var category in EmailCategories()) Assert.DoesNotContain($">{category}<", html, StringComparison.Ordinal);
    }
}
