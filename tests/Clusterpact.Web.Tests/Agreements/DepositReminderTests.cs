using Clusterpact.Web.Features.Agreements;

namespace Clusterpact.Web.Tests.Agreements;

[Collection(AppCollection.Name)]
public sealed class DepositReminderTests(ClusterpactApp app)
{
    [Fact]
    public async Task A_late_deposit_warns_the_cluster_manager_and_the_officers_once()
    {
        var officer = await app.SignedInAsync(Emails.Officer);
        var id = await app.ClusterIdAsync("EdTech");
        var start = app.Today.AddMonths(-5);
        string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var created = await officer.SubmitFormAsync($"/Clusters/{id}/Agreements/New", new Dictionary<string, string>
        {
            ["Input.Start"] = Iso(start), ["Input.End"] = Iso(start.AddYears(3).AddDays(-1)), ["Input.DecisionReference"] = "HF-EDT",
        });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, created.StatusCode);
        var agreement = await app.WithDbAsync(db => db.SupportAgreements.Where(a => a.ClusterId == id).Select(a => a.Id).SingleAsync());
        var url = $"/Clusters/{id}/Agreements/{agreement}/Budget";
        var planned = await officer.SubmitFormAsync(url, new Dictionary<string, string>
        {
            ["yearStart"] = Iso(start), ["grantedAid"] = "100000", ["plannedCofinancing"] = "120000", ["animation"] = "220000",
        }, f => f.GetAttribute("action")?.Contains("handler=Year", StringComparison.Ordinal) == true);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, planned.StatusCode);
        // EdTech gets a manager of its own for this test.
        var managerEmail = $"manager-{Guid.NewGuid():N}@edtech.demo";
        await UsersTestData.CreateUserAsync(app, managerEmail, Web.Infrastructure.Auth.Roles.ClusterManager, id);

        var first = await app.WithScopeAsync(sp => sp.GetRequiredService<DepositReminders>().RunAsync(default));
        var again = await app.WithScopeAsync(sp => sp.GetRequiredService<DepositReminders>().RunAsync(default));
        Assert.True(first >= 2);
        Assert.Equal(0, again);
        var mails = await app.WithDbAsync(db => db.OutboxEmails.AsNoTracking().Where(e => e.Category == "CofinancingDeposit.Late" && e.Subject.StartsWith("EdTech")).ToListAsync());
        var toManager = Assert.Single(mails, m => m.To == managerEmail);
        Assert.Contains(mails, m => m.To == Emails.Officer);
        Assert.DoesNotContain(mails, m => m.To == Emails.CatalistiManager);
        Assert.Contains("€ 96.000,00", toManager.Body, StringComparison.Ordinal); // 80% of 120,000
        // The link is absolute, on the configured public address (App:BaseUrl, the default here), so it works from a mail client.
        Assert.Contains($" http://localhost:5080/Clusters/{id}/Agreements/", toManager.Body, StringComparison.Ordinal);
        Assert.Contains(CultureInfo.InvariantCulture.TextInfo.ToTitleCase("te laat"), CultureInfo.InvariantCulture.TextInfo.ToTitleCase(toManager.Subject), StringComparison.Ordinal);
    }
}
