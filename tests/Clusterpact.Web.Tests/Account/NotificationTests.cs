using System.Reflection;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using Clusterpact.Web.Infrastructure.Hosting;

namespace Clusterpact.Web.Tests.Account;

/// <summary>
/// People are told of every step that concerns them: each step taken through its real form puts one mail in the outbox
/// for the right person, in their language, with an absolute link that opens for them; a kind a person turned off on
/// /Account/Notifications is not sent. Its own installation, because the tests change people's language and choices.
/// </summary>
[Collection(NotificationCollection.Name)]
public sealed partial class NotificationTests(NotificationApp app)
{
    private static bool Handler(IHtmlFormElement f, string name) => f.GetAttribute("action")?.Contains($"handler={name}", StringComparison.Ordinal) == true;

    private static Func<IHtmlFormElement, bool> Step(string step) =>
        f => Handler(f, "Step") && f.QuerySelector($"input[name=step][value={step}]") is not null;

    private static string Local(DateTimeOffset instant) => BrusselsTime.ToLocal(instant).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"https?://[^\s]+")]
    private static partial Regex Link();

    /// <summary>
    /// The one mail of <paramref name="category"/> about <paramref name="recordId"/> to <paramref name="to"/>: its subject
    /// in the expected language, no raw key or placeholder, and its first link absolute and opening (200) for that person.
    /// </summary>
    private async Task<OutboxEmail> OneMailAsync(string category, Guid recordId, string to, HttpClient reader, string subjectStart)
    {
        var mails = await app.WithDbAsync(db => db.OutboxEmails.AsNoTracking().Where(e => e.Category == category && e.DedupKey.StartsWith($"{category}:{recordId}")).ToListAsync());
        var mail = Assert.Single(mails, m => m.To == to);
        Assert.StartsWith(subjectStart, mail.Subject, StringComparison.Ordinal);
        foreach (var text in new[] { mail.Subject, mail.Body })
        {
            Assert.DoesNotMatch(@"\{\d\}", text);
            Assert.DoesNotContain("Mail.", text, StringComparison.Ordinal);
            Assert.DoesNotContain("EmailCategory.", text, StringComparison.Ordinal);
        }
        var root = app.Services.GetRequiredService<PublicUrls>().Root;
        var link = Link().Match(mail.Body).Value;
        Assert.StartsWith(root + "/", link, StringComparison.Ordinal);
        var opened = await reader.GetAsync(link[root.Length..]);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        // Every mail to an account says where to choose which mails one gets.
        Assert.Contains(root + "/Account/Notifications", mail.Body, StringComparison.Ordinal);
        return mail;
    }

    private Task<int> CountAsync(string category, Guid recordId, string to) =>
        app.WithDbAsync(db => db.OutboxEmails.CountAsync(e => e.Category == category && e.DedupKey.StartsWith($"{category}:{recordId}") && e.To == to));

    private Task<Guid> UserIdAsync(string email) => app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    /// <summary>Saves the settings page as a person would: the kinds left ticked and the language chosen.</summary>
    private static async Task SaveSettingsAsync(HttpClient client, string language, params string[] turnedOff)
    {
        var page = await client.GetDocumentAsync("/Account/Notifications");
        var form = page.Forms.Single(f => f.QuerySelector("select[name=Language]") is not null);
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", form.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value),
            new("Language", language),
        };
        var boxes = form.QuerySelectorAll<IHtmlInputElement>("input[type=checkbox][name=Receive]").ToList();
        Assert.NotEmpty(boxes);
        fields.AddRange(boxes.Where(b => !turnedOff.Contains(b.Value)).Select(b => new KeyValuePair<string, string>("Receive", b.Value)));
        var saved = await client.PostFormRawAsync("/Account/Notifications", fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
    }

    [Fact]
    public async Task The_settings_page_lists_each_kind_for_the_persons_roles_says_security_mails_always_go_and_keeps_the_choice()
    {
        var manager = await app.SignedInAsync(Emails.Flux50Manager);
        var page = await manager.GetDocumentAsync("/Account/Notifications");
        var offered = page.QuerySelectorAll<IHtmlInputElement>("input[type=checkbox][name=Receive]").Select(b => b.Value).ToList();
        Assert.Contains("Report.Return", offered);
        Assert.Contains("Payment.Approve", offered);
        Assert.Contains("CofinancingDeposit.Late", offered);
        // Not a cluster manager's mail: the review start goes to experts.
        Assert.DoesNotContain("Application.StartReview", offered);
        Assert.All(page.QuerySelectorAll<IHtmlInputElement>("input[type=checkbox][name=Receive]"), b => Assert.True(b.IsChecked));
        Assert.Contains("kunt u niet uitzetten", page.QuerySelector("[data-testid=always-sent]")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("EmailCategory.", page.Body!.TextContent, StringComparison.Ordinal);
        // The menu leads there.
        Assert.NotNull(page.QuerySelector("a[href='/Account/Notifications']"));

        await SaveSettingsAsync(manager, "nl-BE", "Project.Start");
        var again = await manager.GetDocumentAsync("/Account/Notifications");
        Assert.False(again.QuerySelector<IHtmlInputElement>("#kind-Project-Start")!.IsChecked);
        Assert.True(again.QuerySelector<IHtmlInputElement>("#kind-Project-Approve")!.IsChecked);
        await SaveSettingsAsync(manager, "nl-BE");
        Assert.True((await manager.GetDocumentAsync("/Account/Notifications")).QuerySelector<IHtmlInputElement>("#kind-Project-Start")!.IsChecked);
        Assert.Equal(HttpStatusCode.Redirect, (await app.Anonymous().GetAsync("/Account/Notifications")).StatusCode);
    }

    [Fact]
    public async Task An_annual_report_submitted_returned_and_accepted_tells_the_agency_then_the_cluster_in_the_managers_language()
    {
        var catalisti = await app.ClusterIdAsync("Catalisti");
        var reportId = await app.WithDbAsync(async db =>
        {
            db.AnnualReports.RemoveRange(await db.AnnualReports.Where(r => r.ClusterId == catalisti && r.Year == 2016).ToListAsync());
            var report = AnnualReport.Start(catalisti, 2016);
            db.AnnualReports.Add(report);
            await db.SaveChangesAsync();
            return report.Id;
        });
        var url = $"/Reports/{reportId}";
        var manager = await app.SignedInAsync(Emails.CatalistiManager);
        // The manager reads e-mail in English.
        await SaveSettingsAsync(manager, "en-BE");
        var officer = await app.SignedInAsync(Emails.Officer);

        var filled = new Dictionary<string, string>
        {
            [$"Value[{KpiCatalogue.ExtraTurnover}]"] = "7.500.000", [$"Value[{KpiCatalogue.ExtraFte}]"] = "20", [$"Value[{KpiCatalogue.ExtraInvestments}]"] = "1.250.000",
            [$"Value[{KpiCatalogue.MoreCompetitive}]"] = "35", [$"Value[{KpiCatalogue.EuropeanSmes}]"] = "9", ["Narrative"] = "Het jaarplan werd uitgevoerd.", ["submit"] = "true",
        };
        var submitted = await manager.SubmitFormAsync(url, filled, f => Handler(f, "Save"));
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        await OneMailAsync("Report.Submit", reportId, Emails.Officer, officer, "Jaarrapport ingediend: Catalisti 2016");
        // The manager who submitted is not told of their own step.
        Assert.Equal(0, await CountAsync("Report.Submit", reportId, Emails.CatalistiManager));

        Assert.Equal(HttpStatusCode.Redirect, (await officer.SubmitFormAsync(url, new Dictionary<string, string> { ["reason"] = "Extra VTE onderbouwen" }, Step(ReportLifecycle.Return))).StatusCode);
        var returned = await OneMailAsync("Report.Return", reportId, Emails.CatalistiManager, manager, "Annual report returned: Catalisti 2016");
        Assert.Contains("Extra VTE onderbouwen", returned.Body, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync("Report.Return", reportId, Emails.Officer));

        Assert.Equal(HttpStatusCode.Redirect, (await manager.SubmitFormAsync(url, filled, f => Handler(f, "Save"))).StatusCode);
        // A second submission is a second mail, not swallowed by the first one's key.
        Assert.Equal(2, await app.WithDbAsync(db => db.OutboxEmails.CountAsync(e => e.Category == "Report.Submit" && e.DedupKey.StartsWith($"Report.Submit:{reportId}") && e.To == Emails.Officer)));
        Assert.Equal(HttpStatusCode.Redirect, (await officer.SubmitFormAsync(url, new Dictionary<string, string>(), Step(ReportLifecycle.Accept))).StatusCode);
        await OneMailAsync("Report.Accept", reportId, Emails.CatalistiManager, manager, "Annual report accepted: Catalisti 2016");
    }

    private async Task<Guid> PublishedCallAsync(HttpClient officer, string title)
    {
        var now = app.Clock.GetUtcNow();
        var created = await officer.SubmitFormAsync("/Calls/Edit", new Dictionary<string, string>
        {
            ["Input.Kind"] = "InnovativeBusinessNetwork", ["Input.TitleNl"] = title, ["Input.TitleEn"] = title + " (EN)", ["Input.BudgetEur"] = "250.000,00",
            ["Input.OpensLocal"] = Local(now.AddDays(-1)), ["Input.ClosesLocal"] = Local(now.AddDays(7)), ["Input.ScaleMin"] = "0", ["Input.ScaleMax"] = "10",
            ["Input.HideApplicant"] = "true",
            ["Input.Criteria[0].Code"] = "C1", ["Input.Criteria[0].NameNl"] = "Gedragenheid", ["Input.Criteria[0].NameEn"] = "Support base", ["Input.Criteria[0].Weight"] = "100",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = Guid.Parse(created.Headers.Location!.OriginalString.Split('/').Last());
        Assert.Equal(HttpStatusCode.Redirect, (await officer.SubmitFormAsync($"/Calls/Details/{id}", new Dictionary<string, string>(), f => Handler(f, "Publish"))).StatusCode);
        return id;
    }

    private static async Task<Guid> ApplyAsync(HttpClient applicant, Guid callId)
    {
        var started = await applicant.SubmitFormAsync($"/Apply/Start/{callId}", new Dictionary<string, string> { ["Input.ApplicantName"] = "Vlaamse Waterstofcluster vzw", ["Input.EnterpriseNumber"] = "0765.432.146" });
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var url = started.Headers.Location!.OriginalString;
        Assert.Equal(HttpStatusCode.Redirect, (await applicant.SubmitFormAsync(url, Calls.CallTests.CompleteProposal(), f => Handler(f, "Save"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await applicant.SubmitFormAsync(url, new Dictionary<string, string> { ["confirmed"] = "true" }, Step(ApplicationLifecycle.Submit))).StatusCode);
        return Guid.Parse(url.Split('/').Last());
    }

    [Fact]
    public async Task An_application_tells_the_applicant_of_its_submission_eligibility_and_decision_and_the_expert_of_the_assignment_and_review()
    {
        var officer = await app.SignedInAsync(Emails.Officer);
        var callId = await PublishedCallAsync(officer, "Oproep meldingen (HTTP-test)");
        var applicant = await app.SignedInAsync(Emails.Applicant);
        var appId = await ApplyAsync(applicant, callId);

        // A receipt for the applicant, a notice for the agency.
        var receipt = await OneMailAsync("Application.Submit", appId, Emails.Applicant, applicant, "Aanvraag ingediend: Oproep meldingen (HTTP-test) (A-001)");
        Assert.Contains("/Apply/" + appId, receipt.Body, StringComparison.Ordinal);
        await OneMailAsync("Application.Submit", appId, Emails.Officer, officer, "Nieuwe aanvraag: Oproep meldingen (HTTP-test)");

        Assert.Equal(HttpStatusCode.Redirect, (await officer.SubmitFormAsync($"/Calls/Application/{appId}", new Dictionary<string, string>(), Step(ApplicationLifecycle.MarkEligible))).StatusCode);
        await OneMailAsync("Application.MarkEligible", appId, Emails.Applicant, applicant, "Aanvraag ontvankelijk:");

        var expertId = await UserIdAsync(Emails.Expert);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.SubmitFormAsync($"/Calls/Application/{appId}", new Dictionary<string, string> { ["ExpertId"] = expertId.ToString() }, f => Handler(f, "Assign"))).StatusCode);
        var assignment = await app.WithDbAsync(db => db.ExpertAssignments.Where(a => a.ApplicationId == appId && a.ExpertId == expertId).Select(a => a.Id).SingleAsync());
        var expert = await app.SignedInAsync(Emails.Expert);
        var assigned = await OneMailAsync("Assignment.Assigned", assignment, Emails.Expert, expert, "U bent expert voor Oproep meldingen (HTTP-test) (A-001)");
        // The call hides the applicant from experts: so does the mail.
        Assert.DoesNotContain("Waterstofcluster", assigned.Body, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await officer.SubmitFormAsync($"/Calls/Application/{appId}", new Dictionary<string, string>(), Step(ApplicationLifecycle.StartReview))).StatusCode);
        var review = await OneMailAsync("Application.StartReview", appId, Emails.Expert, expert, "U kunt nu scoren:");
        Assert.Contains($"/Review/{assignment}", review.Body, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await expert.SubmitFormAsync($"/Review/{assignment}", new Dictionary<string, string> { ["step"] = AssignmentLifecycle.DeclareNoConflict }, f => Handler(f, "Step"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await expert.SubmitFormAsync($"/Review/{assignment}", new Dictionary<string, string>
        {
            ["Scores[0].Code"] = "C1", ["Scores[0].Value"] = "6", ["Scores[0].Justification"] = "Sterk draagvlak bij de kmo's in de regio",
        }, f => Handler(f, "Score"))).StatusCode);
        // The committee decides once the call has closed.
        await app.WithDbAsync(async db =>
        {
            var call = await db.Calls.SingleAsync(c => c.Id == callId);
            db.Entry(call).Property(nameof(Call.ClosesAt)).CurrentValue = app.Clock.GetUtcNow().AddMinutes(-1);
            return await db.SaveChangesAsync();
        });
        Assert.Equal(HttpStatusCode.Redirect, (await officer.SubmitFormAsync($"/Calls/Details/{callId}", new Dictionary<string, string>(), f => Handler(f, "Close"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.SubmitFormAsync($"/Calls/Application/{appId}", new Dictionary<string, string> { ["Outcome"] = "Refused", ["Motivation"] = "Onder de budgetlijn" }, f => Handler(f, "Decide"))).StatusCode);
        var decided = await OneMailAsync("Application.Decide", appId, Emails.Applicant, applicant, "Beslissing over uw aanvraag:");
        Assert.Contains("Geweigerd", decided.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_ineligible_application_tells_the_applicant_why_and_a_declared_conflict_tells_the_agency()
    {
        var officer = await app.SignedInAsync(Emails.Officer);
        var callId = await PublishedCallAsync(officer, "Oproep ontvankelijkheid (HTTP-test)");
        var applicant = await app.SignedInAsync(Emails.Applicant);
        var appId = await ApplyAsync(applicant, callId);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.SubmitFormAsync($"/Calls/Application/{appId}", new Dictionary<string, string> { ["reason"] = "Cofinanciering onder 50%" }, Step(ApplicationLifecycle.MarkIneligible))).StatusCode);
        var mail = await OneMailAsync("Application.MarkIneligible", appId, Emails.Applicant, applicant, "Aanvraag niet ontvankelijk:");
        Assert.Contains("Cofinanciering onder 50%", mail.Body, StringComparison.Ordinal);

        var other = await ApplyAsync(applicant, callId);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.SubmitFormAsync($"/Calls/Application/{other}", new Dictionary<string, string>(), Step(ApplicationLifecycle.MarkEligible))).StatusCode);
        var expertId = await UserIdAsync(Emails.Expert2);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.SubmitFormAsync($"/Calls/Application/{other}", new Dictionary<string, string> { ["ExpertId"] = expertId.ToString() }, f => Handler(f, "Assign"))).StatusCode);
        var assignment = await app.WithDbAsync(db => db.ExpertAssignments.Where(a => a.ApplicationId == other && a.ExpertId == expertId).Select(a => a.Id).SingleAsync());
        var expert = await app.SignedInAsync(Emails.Expert2);
        Assert.Equal(HttpStatusCode.Redirect, (await expert.SubmitFormAsync($"/Review/{assignment}", new Dictionary<string, string> { ["step"] = AssignmentLifecycle.DeclareConflict, ["reason"] = "Ik werk aan de UGent" }, f => Handler(f, "Step"))).StatusCode);
        var conflict = await OneMailAsync("Assignment.DeclareConflict", assignment, Emails.Officer, officer, "Belangenconflict gemeld:");
        Assert.Contains("Ik werk aan de UGent", conflict.Body, StringComparison.Ordinal);
    }

    private async Task<Guid> ProposeFlux50ProjectAsync(HttpClient manager, string title)
    {
        var flux = await app.ClusterIdAsync("Flux50");
        var lead = await app.WithDbAsync(db => db.Organisations.AsNoTracking()
            .Where(o => o.Kind == OrganisationKind.Company && o.EnterpriseNumber != null && db.Memberships.Any(m => m.OrganisationId == o.Id && m.ClusterId == flux))
            .OrderBy(o => o.EnterpriseNumber).Select(o => o.EnterpriseNumber!).FirstAsync());
        var response = await manager.SubmitFormAsync("/Projects/New", new Dictionary<string, string>
        {
            ["Input.LeadEnterpriseNumber"] = lead, ["Input.Type"] = "Collaboration", ["Input.Title"] = title, ["Input.Theme"] = "CircularEconomy",
            ["Input.Start"] = "2032-02-01", ["Input.End"] = "2034-01-31", ["Input.TrlStart"] = "3", ["Input.TrlTarget"] = "6",
            ["Input.TotalBudget"] = "1.000.000", ["Input.Aid"] = "100.000", ["Input.ClusterIds"] = flux.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
    }

    private static bool Decision(IHtmlFormElement f) => Handler(f, "Step") && f.QuerySelector("#Note") is not null;

    [Fact]
    public async Task A_project_approved_tells_the_clusters_managers_and_a_kind_turned_off_is_not_sent()
    {
        var flux = await app.ClusterIdAsync("Flux50");
        var officer = await app.SignedInAsync(Emails.Officer);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.SubmitFormAsync("/Funds", new Dictionary<string, string>
        {
            ["Kind"] = "ClusterEarmarked", ["Input.ClusterId"] = flux.ToString(), ["NewYear"] = "2032", ["Amount"] = "5.000.000",
        })).StatusCode);
        var manager = await app.SignedInAsync(Emails.Flux50Manager);
        var approvedId = await ProposeFlux50ProjectAsync(manager, "Warmtenet met restwarmte");
        Assert.Equal(HttpStatusCode.Redirect, (await officer.SubmitFormAsync($"/Projects/{approvedId}", new Dictionary<string, string> { ["step"] = ProjectStep.Approve, ["Reason"] = "Past in de roadmap" }, Decision)).StatusCode);
        var approved = await OneMailAsync("Project.Approve", approvedId, Emails.Flux50Manager, manager, "Project goedgekeurd: Warmtenet met restwarmte");
        Assert.Contains("Past in de roadmap", approved.Body, StringComparison.Ordinal);

        // The manager turns rejections off: the next rejection is stored, and no mail goes to them.
        await SaveSettingsAsync(manager, "nl-BE", "Project.Reject");
        var rejectedId = await ProposeFlux50ProjectAsync(manager, "Zonnedaken zonder plan");
        Assert.Equal(HttpStatusCode.Redirect, (await officer.SubmitFormAsync($"/Projects/{rejectedId}", new Dictionary<string, string> { ["step"] = ProjectStep.Reject, ["Reason"] = "Geen onderbouwing" }, Decision)).StatusCode);
        Assert.Equal(ProjectStatus.Rejected, await app.WithDbAsync(db => db.Projects.Where(p => p.Id == rejectedId).Select(p => p.Status).SingleAsync()));
        Assert.Equal(0, await CountAsync("Project.Reject", rejectedId, Emails.Flux50Manager));
        await SaveSettingsAsync(manager, "nl-BE");
    }

    [Fact]
    public async Task A_payment_approved_tells_the_clusters_managers()
    {
        var flux = await app.ClusterIdAsync("Flux50");
        var (agreementId, yearId) = await app.WithDbAsync(async db =>
        {
            var year = await db.AgreementYears.AsNoTracking().Where(y => db.SupportAgreements.Any(a => a.Id == y.AgreementId && a.ClusterId == flux))
                .OrderByDescending(y => y.YearStart).Select(y => new { y.AgreementId, y.Id }).FirstAsync();
            return (year.AgreementId, year.Id);
        });
        var url = $"/Clusters/{flux}/Agreements/{agreementId}/Budget";
        var officer = await app.SignedInAsync(Emails.Officer);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.SubmitFormAsync(url, new Dictionary<string, string> { ["yearId"] = yearId.ToString(), ["amount"] = "1.000" }, f => Handler(f, "Payment"))).StatusCode);
        var paymentId = await app.WithDbAsync(db => db.AidPayments.Where(p => p.AgreementId == agreementId && p.Status == PaymentStatus.Requested).Select(p => p.Id).SingleAsync());
        var admin = await app.SignedInAsync(Emails.Admin);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync(url, new Dictionary<string, string>(),
            f => Handler(f, "Step") && f.QuerySelector("input[name=step]")?.GetAttribute("value") == AidPayment.Approve)).StatusCode);
        var manager = await app.SignedInAsync(Emails.Flux50Manager);
        await OneMailAsync("Payment.Approve", paymentId, Emails.Flux50Manager, manager, "Goedgekeurd: betaling van € 1.000,00 aan Flux50");
    }

    /// <summary>Every lifecycle table the domain declares, found by reflection.</summary>
    private static List<(string Name, IReadOnlyList<string> Steps)> Tables() =>
        typeof(Lifecycle<>).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
            .Where(f => f.FieldType.IsGenericType && f.FieldType.GetGenericTypeDefinition() == typeof(Lifecycle<>))
            .Select(f => f.GetValue(null)!)
            .Select(t => ((string)t.GetType().GetProperty("Name")!.GetValue(t)!, (IReadOnlyList<string>)t.GetType().GetProperty("StepNames")!.GetValue(t)!))
            .ToList();

    [Fact]
    public void Every_lifecycle_table_is_watched_and_every_step_declares_who_is_told()
    {
        var tables = Tables();
        Assert.Equal(tables.Select(t => t.Name).Order(StringComparer.Ordinal), StepMail.Watched.Order(StringComparer.Ordinal));
        var undeclared = tables.SelectMany(t => t.Steps.Where(s => !StepNotices.IsDeclared(t.Name, s)).Select(s => $"{t.Name}.{s}")).ToList();
        Assert.True(undeclared.Count == 0, "Steps with no declared recipients: " + string.Join(", ", undeclared));
    }

    [Fact]
    public async Task Every_mail_and_kind_has_its_texts_in_both_languages()
    {
        var keys = new List<string> { "Mail.Footer", "Mail.Payment.Name", $"Mail.{EmailKinds.ExpertAssigned}.Subject", $"Mail.{EmailKinds.ExpertAssigned}.Body" };
        foreach (var (lifecycle, step, recipients) in StepNotices.Told)
        {
            foreach (var group in Enum.GetValues<Recipients>().Where(g => g != Recipients.Nobody && recipients.HasFlag(g)))
                keys.AddRange([$"Mail.{lifecycle}.{step}.{group}.Subject", $"Mail.{lifecycle}.{step}.{group}.Body"]);
        }
        foreach (var kind in EmailKinds.All)
        {
            keys.Add(kind.LabelKey);
            if (kind.CanTurnOff) keys.Add(kind.WhenKey);
        }
        await app.WithScopeAsync(sp =>
        {
            var text = sp.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizerFactory>().Create(typeof(Web.Resources.SharedResource));
            foreach (var culture in new[] { "nl-BE", "en-BE" })
            {
                var before = CultureInfo.CurrentUICulture;
                CultureInfo.CurrentUICulture = new CultureInfo(culture);
                try
                {
                    var missing = keys.Where(k => text[k].ResourceNotFound).ToList();
                    Assert.True(missing.Count == 0, $"{culture}: no text for " + string.Join(", ", missing));
                }
                finally { CultureInfo.CurrentUICulture = before; }
            }
            return Task.FromResult(0);
        });
    }

    [Fact]
    public void The_readme_lists_every_kind_of_email()
    {
        var readme = File.ReadAllText(Path.Combine(SourceTree.Root, "README.md"));
        var start = readme.IndexOf("## E-mails the product sends", StringComparison.Ordinal);
        Assert.True(start >= 0, "README has no section 'E-mails the product sends'");
        var end = readme.IndexOf("\n## ", start + 5, StringComparison.Ordinal);
        var section = readme[start..(end < 0 ? readme.Length : end)];
        Assert.All(EmailKinds.All, k => Assert.Contains($"`{k.Category}`", section, StringComparison.Ordinal));
        // The sign-in and security mails, which nobody can turn off, are listed too.
        Assert.All(Web.Features.Account.AccountMail.Categories, c => Assert.Contains($"`{c}`", section, StringComparison.Ordinal));
    }
}

/// <summary>An installation of its own: these tests change people's language and e-mail choices.</summary>
public sealed class NotificationApp : ClusterpactApp;

[CollectionDefinition(Name)]
public sealed class NotificationCollection : ICollectionFixture<NotificationApp>
{
    public const string Name = "notifications";
}
