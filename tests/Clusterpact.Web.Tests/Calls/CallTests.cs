using System.Net.Http.Headers;

namespace Clusterpact.Web.Tests.Calls;

/// <summary>
/// A call from publication to support agreement over HTTP: who may read what at each step (experts only their own
/// assignments and no score before declaring; applicants only their own applications and no score before the decision),
/// the deadline, the ranking and the agreement made from the granted application.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class CallTests(ClusterpactApp app)
{
    private static bool Handler(AngleSharp.Html.Dom.IHtmlFormElement f, string name) => f.GetAttribute("action")?.Contains($"handler={name}", StringComparison.Ordinal) == true;

    /// <summary>The form of one lifecycle step: posted to the page's Step handler with that step.</summary>
    private static Func<AngleSharp.Html.Dom.IHtmlFormElement, bool> Step(string step) =>
        f => Handler(f, "Step") && f.QuerySelector($"input[name=step][value={step}]") is not null;

    /// <summary>The confirmation a submission needs: nothing can change afterwards.</summary>
    private static Dictionary<string, string> Confirmed => new() { ["confirmed"] = "true" };

    private static string Local(DateTimeOffset instant) => BrusselsTime.ToLocal(instant).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    private async Task<Guid> PublishedCallAsync(HttpClient officer, string title, bool hideApplicant)
    {
        var now = app.Clock.GetUtcNow();
        var created = await officer.SubmitFormAsync("/Calls/Edit", new Dictionary<string, string>
        {
            ["Input.Kind"] = "InnovativeBusinessNetwork", ["Input.TitleNl"] = title, ["Input.TitleEn"] = title + " (EN)", ["Input.BudgetEur"] = "250.000,00",
            ["Input.OpensLocal"] = Local(now.AddDays(-1)), ["Input.ClosesLocal"] = Local(now.AddDays(7)), ["Input.ScaleMin"] = "0", ["Input.ScaleMax"] = "10",
            ["Input.HideApplicant"] = hideApplicant ? "true" : "false",
            ["Input.Criteria[0].Code"] = "C1", ["Input.Criteria[0].NameNl"] = "Gedragenheid", ["Input.Criteria[0].NameEn"] = "Support base", ["Input.Criteria[0].Weight"] = "60",
            ["Input.Criteria[1].Code"] = "C2", ["Input.Criteria[1].NameNl"] = "Actieplan", ["Input.Criteria[1].NameEn"] = "Action plan", ["Input.Criteria[1].Weight"] = "40",
            ["Input.Documents[0].Code"] = "BUSINESSPLAN", ["Input.Documents[0].NameNl"] = "Businessplan", ["Input.Documents[0].NameEn"] = "Business plan",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = Guid.Parse(created.Headers.Location!.OriginalString.Split('/').Last());
        // A draft is not public.
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync($"/OpenCalls/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.SubmitFormAsync($"/Calls/Details/{id}", new Dictionary<string, string>(), f => Handler(f, "Publish"))).StatusCode);
        return id;
    }

    /// <summary>Starts, fills in, attaches and (optionally) submits an application; returns its id.</summary>
    /// <summary>A proposal that meets the call's rules: domain, vision, plan, consortium, two members, two years at 50% cofinancing.</summary>
    internal static Dictionary<string, string> CompleteProposal() => new()
    {
        ["Input.StrategicDomain"] = "Waterstof", ["Input.Vision"] = "Een gedeelde visie op groene waterstof in Vlaanderen",
        ["Input.ActionPlan"] = "Jaar 1: roadmap; jaar 2: proeftuinen", ["Input.ConsortiumDescription"] = "Twaalf bedrijven en twee universiteiten",
        ["Input.Members[0].Name"] = "Universiteit Gent", ["Input.Members[0].EnterpriseNumber"] = "0248.015.142", ["Input.Members[0].Size"] = "Large",
        ["Input.Members[1].Name"] = "Kmo A", ["Input.Members[1].EnterpriseNumber"] = "0200000043", ["Input.Members[1].Size"] = "Small",
        ["Input.Years[0].Year"] = "2027", ["Input.Years[0].Budget"] = "200.000,00", ["Input.Years[0].Cofinancing"] = "100.000,00",
        ["Input.Years[1].Year"] = "2028", ["Input.Years[1].Budget"] = "200.000,00", ["Input.Years[1].Cofinancing"] = "100.000,00",
    };

    internal static async Task<Guid> ApplyAsync(HttpClient applicant, Guid callId, string name, string number, bool submit = true)
    {
        var started = await applicant.SubmitFormAsync($"/Apply/Start/{callId}", new Dictionary<string, string> { ["Input.ApplicantName"] = name, ["Input.EnterpriseNumber"] = number });
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var url = started.Headers.Location!.OriginalString;
        var saved = await applicant.SubmitFormAsync(url, CompleteProposal(), f => Handler(f, "Save"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(applicant, url, "businessplan.pdf", "application/pdf", "%PDF-1.4 businessplan"u8.ToArray())).StatusCode);
        if (submit) Assert.Equal(HttpStatusCode.Redirect, (await applicant.SubmitFormAsync(url, Confirmed, Step(ApplicationLifecycle.Submit))).StatusCode);
        return Guid.Parse(url.Split('/').Last());
    }

    /// <summary>A new published call of the officer's with one application the applicant submitted to it.</summary>
    private async Task<(HttpClient Officer, HttpClient Applicant, Guid ApplicationId)> SubmittedApplicationAsync(string callTitle, bool hideApplicant)
    {
        var officer = await app.SignedInAsync(Emails.Officer);
        var callId = await PublishedCallAsync(officer, callTitle, hideApplicant);
        var applicant = await app.SignedInAsync(Emails.Applicant);
        return (officer, applicant, await ApplyAsync(applicant, callId, "Vlaamse Waterstofcluster vzw", "0765.432.146"));
    }

    /// <summary>Uploads a file as the browser does: the upload button is part of the proposal form, so every field of it goes along.</summary>
    internal static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string url, string fileName, string contentType, byte[] bytes, IDictionary<string, string>? typed = null)
    {
        var page = await client.GetDocumentAsync(url);
        var button = page.QuerySelectorAll<AngleSharp.Html.Dom.IHtmlButtonElement>("button[formaction]").Single(b => b.GetAttribute("formaction")!.Contains("handler=Upload", StringComparison.Ordinal));
        var form = button.Form!;
        using var content = new MultipartFormDataContent();
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var input in form.Elements.OfType<AngleSharp.Html.Dom.IHtmlInputElement>().Where(i => !string.IsNullOrEmpty(i.Name) && i.Type != "file")) fields[input.Name!] = input.Value;
        foreach (var area in form.Elements.OfType<AngleSharp.Html.Dom.IHtmlTextAreaElement>().Where(i => !string.IsNullOrEmpty(i.Name))) fields[area.Name!] = area.Value;
        foreach (var select in form.Elements.OfType<AngleSharp.Html.Dom.IHtmlSelectElement>().Where(i => !string.IsNullOrEmpty(i.Name))) fields[select.Name!] = select.Value ?? "";
        fields["DocumentCode"] = "BUSINESSPLAN";
        foreach (var (name, value) in typed ?? new Dictionary<string, string>()) fields[name] = value;
        foreach (var (name, value) in fields) content.Add(new StringContent(value), name);
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        content.Add(file, "Upload", fileName);
        return await client.PostAsync(button.GetAttribute("formaction"), content);
    }

    private Task<Guid> AssignmentIdAsync(Guid applicationId, string expertEmail) =>
        app.WithDbAsync(db => db.ExpertAssignments.Where(a => a.ApplicationId == applicationId && db.Users.Any(u => u.Id == a.ExpertId && u.Email == expertEmail)).Select(a => a.Id).SingleAsync());

    /// <summary>The deadline passes: the call's closing instant is moved into the past, as time would.</summary>
    private Task MoveClosingAsync(Guid callId, DateTimeOffset closes) => app.WithDbAsync(async db =>
    {
        var call = await db.Calls.SingleAsync(c => c.Id == callId);
        db.Entry(call).Property(nameof(Call.ClosesAt)).CurrentValue = closes;
        return await db.SaveChangesAsync();
    });

    [Fact]
    public async Task An_applicants_step_that_is_not_theirs_is_forbidden_as_elsewhere_not_a_form_refusal()
    {
        var (_, applicant, appId) = await SubmittedApplicationAsync("Oproep stap van een ander", hideApplicant: false);
        var url = $"/Apply/{appId}";
        var version = (await app.WithDbAsync(db => db.Applications.AsNoTracking().SingleAsync(a => a.Id == appId))).Version;

        // Their own application, submitted: marking it eligible is the agency's step, so a forged one is denied as a report's or an evaluation's is.
        var token = (await applicant.GetDocumentAsync(url)).QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        var forged = await applicant.PostFormRawAsync($"{url}?handler=Step", [new("__RequestVerificationToken", token),
            new("version", version.ToString(CultureInfo.InvariantCulture)), new("step", ApplicationLifecycle.MarkEligible)]);
        AccessAssert.Denied(forged);
        Assert.Equal(ApplicationStatus.Submitted, (await app.WithDbAsync(db => db.Applications.AsNoTracking().SingleAsync(a => a.Id == appId))).Status);
    }

    [Fact]
    public async Task A_call_runs_from_publication_to_agreement_and_everyone_sees_only_what_is_theirs()
    {
        var officer = await app.SignedInAsync(Emails.Officer);
        var callId = await PublishedCallAsync(officer, "Oproep innovatieve bedrijfsnetwerken (HTTP-test)", hideApplicant: true);
        var publicPage = await app.Anonymous().GetAsync($"/OpenCalls/{callId}");
        Assert.Equal(HttpStatusCode.OK, publicPage.StatusCode);
        Assert.Contains("Gedragenheid", await publicPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var applicant = await app.SignedInAsync(Emails.Applicant);
        var appId = await ApplyAsync(applicant, callId, "Vlaamse Waterstofcluster vzw", "0765.432.146");
        var manager = await app.SignedInAsync(Emails.CatalistiManager);
        var otherId = await ApplyAsync(manager, callId, "Catalisti vzw", "0850.123.440");

        // An applicant reads only their own application.
        Assert.Equal(HttpStatusCode.NotFound, (await applicant.GetAsync($"/Apply/{otherId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/Apply/{appId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await applicant.GetAsync($"/Calls/Application/{appId}")).StatusCode);
        Assert.DoesNotContain("Catalisti vzw", (await applicant.GetDocumentAsync("/Apply")).Body!.TextContent, StringComparison.Ordinal);

        // Eligibility, then two experts: the second works for Ghent University, a committed member, and is flagged.
        foreach (var id in new[] { appId, otherId })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await officer.SubmitFormAsync($"/Calls/Application/{id}", new Dictionary<string, string> { ["reason"] = "Volledig" }, Step(ApplicationLifecycle.MarkEligible))).StatusCode);
            foreach (var email in new[] { Emails.Expert, Emails.Expert2 })
            {
                var expertId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
                Assert.Equal(HttpStatusCode.Redirect, (await officer.SubmitFormAsync($"/Calls/Application/{id}", new Dictionary<string, string> { ["ExpertId"] = expertId.ToString() }, f => Handler(f, "Assign"))).StatusCode);
            }
            // Starting the review is a step of its own, offered with what it does.
            var eligible = await officer.GetDocumentAsync($"/Calls/Application/{id}");
            Assert.NotNull(eligible.QuerySelector("[data-testid=lifecycle-actions] button[data-step=StartReview]"));
            Assert.Contains("kunnen vanaf dan scoren", eligible.QuerySelector("[data-testid=start-review-help]")!.TextContent, StringComparison.Ordinal);
            Assert.Null(eligible.QuerySelector("button[data-step=MarkEligible]"));
            Assert.Equal(HttpStatusCode.Redirect, (await officer.SubmitFormAsync($"/Calls/Application/{id}", new Dictionary<string, string>(), Step(ApplicationLifecycle.StartReview))).StatusCode);
        }
        var flagged = await app.WithDbAsync(db => db.ExpertAssignments.AsNoTracking().SingleAsync(a => a.ApplicationId == appId && db.Users.Any(u => u.Id == a.ExpertId && u.Email == Emails.Expert2)));
        Assert.Equal([ConflictReason.EmployerIsConsortiumMember], flagged.DetectedConflicts.Select(f => f.Reason));

        var expert = await app.SignedInAsync(Emails.Expert);
        var mine = await AssignmentIdAsync(appId, Emails.Expert);
        var theirs = await AssignmentIdAsync(appId, Emails.Expert2);
        // An expert reaches only their own assignment, and no agency or applicant page.
        Assert.Equal(HttpStatusCode.NotFound, (await expert.GetAsync($"/Review/{theirs}")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await expert.GetAsync($"/Calls/Application/{appId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await expert.GetAsync($"/Apply/{appId}")).StatusCode);

        // Before declaring: the anonymised name, no proposal, no file, no scores.
        var before = await expert.GetDocumentAsync($"/Review/{mine}");
        Assert.DoesNotContain("Vlaamse Waterstofcluster", before.Body!.TextContent, StringComparison.Ordinal);
        // Named by its reference in the expert's language (it read "Application A-001" on a Dutch page).
        var reference = await app.WithDbAsync(db => db.Applications.Where(a => a.Id == appId).Select(a => a.Reference).SingleAsync());
        Assert.Equal($"Aanvraag {reference}", before.QuerySelector("h1")!.TextContent.Trim());
        Assert.DoesNotContain("gedeelde visie", before.Body.TextContent, StringComparison.Ordinal);
        Assert.Null(before.QuerySelector("[data-testid=panel-scores]"));
        var attachment = await app.WithDbAsync(db => db.Applications.AsNoTracking().Where(a => a.Id == appId).Select(a => a.Attachments.First().Id).SingleAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await expert.GetAsync($"/Review/{mine}?handler=File&attachment={attachment}")).StatusCode);
        // The page offers no score form before the declaration; a forged post is refused and stores nothing.
        Assert.DoesNotContain(before.Forms, f => Handler(f, "Score"));
        var token = before.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        var version = before.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=Version]")!.Value;
        var early = await expert.PostFormRawAsync($"/Review/{mine}?handler=Score", [new("__RequestVerificationToken", token), new("Version", version),
            new("Scores[0].Code", "C1"), new("Scores[0].Value", "8"), new("Scores[0].Justification", "Sterk draagvlak bij de kmo's in de regio")]);
        Assert.Contains("Verklaar eerst", (await early.ParseAsync()).QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(await app.WithDbAsync(db => db.ExpertAssignments.AsNoTracking().Where(a => a.Id == mine).Select(a => a.Scores).SingleAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await expert.SubmitFormAsync($"/Review/{mine}", new Dictionary<string, string> { ["step"] = AssignmentLifecycle.DeclareNoConflict }, f => Handler(f, "Step"))).StatusCode);

        var after = await expert.GetDocumentAsync($"/Review/{mine}");
        Assert.Contains("gedeelde visie", after.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Vlaamse Waterstofcluster", after.Body.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await expert.GetAsync($"/Review/{mine}?handler=File&attachment={attachment}")).StatusCode);
        var tooShort = await expert.SubmitFormAsync($"/Review/{mine}", new Dictionary<string, string> { ["Scores[0].Code"] = "C1", ["Scores[0].Value"] = "8", ["Scores[0].Justification"] = "goed", ["Scores[1].Code"] = "C2" }, f => Handler(f, "Score"));
        Assert.Contains("20 tekens", (await tooShort.ParseAsync()).QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        foreach (var id in new[] { appId, otherId })
        {
            var assignment = await AssignmentIdAsync(id, Emails.Expert);
            if (id == otherId) Assert.Equal(HttpStatusCode.Redirect, (await expert.SubmitFormAsync($"/Review/{assignment}", new Dictionary<string, string> { ["step"] = AssignmentLifecycle.DeclareNoConflict }, f => Handler(f, "Step"))).StatusCode);
            var (c1, c2) = id == appId ? ("8", "7,5") : ("6", "6");
            Assert.Equal(HttpStatusCode.Redirect, (await expert.SubmitFormAsync($"/Review/{assignment}", new Dictionary<string, string>
            {
                ["Scores[0].Code"] = "C1", ["Scores[0].Value"] = c1, ["Scores[0].Justification"] = "Sterk draagvlak bij de kmo's in de regio",
                ["Scores[1].Code"] = "C2", ["Scores[1].Value"] = c2, ["Scores[1].Justification"] = "Concreet actieplan met mijlpalen per jaar",
            }, f => Handler(f, "Score"))).StatusCode);
        }

        // The flagged expert declares the conflict on both: their (absent) scores never count and consensus needs only the first.
        var expert2 = await app.SignedInAsync(Emails.Expert2);
        foreach (var id in new[] { appId, otherId })
        {
            var assignment = await AssignmentIdAsync(id, Emails.Expert2);
            Assert.Equal(HttpStatusCode.Redirect, (await expert2.SubmitFormAsync($"/Review/{assignment}", new Dictionary<string, string> { ["step"] = AssignmentLifecycle.DeclareConflict, ["reason"] = "Ik werk aan de UGent" }, f => Handler(f, "Step"))).StatusCode);
            var page = await expert2.GetDocumentAsync($"/Review/{assignment}");
            Assert.Null(page.QuerySelector("[data-testid=panel-scores]"));
            Assert.DoesNotContain("Sterk draagvlak", page.Body!.TextContent, StringComparison.Ordinal);
        }

        // Consensus on C1 replaces the mean; the ranking puts the stronger application first.
        Assert.Equal(HttpStatusCode.Redirect, (await officer.SubmitFormAsync($"/Calls/Application/{appId}", new Dictionary<string, string> { ["Criterion"] = "C1", ["Value"] = "9", ["Justification"] = "De jury vond het draagvlak uitzonderlijk breed" }, f => Handler(f, "Consensus"))).StatusCode);
        var ranking = await officer.GetDocumentAsync($"/Calls/Ranking/{callId}");
        var rows = ranking.QuerySelectorAll("[data-testid=ranking] tbody tr[data-application]").ToList();
        Assert.Equal(appId.ToString(), rows[0].GetAttribute("data-application"));
        // 60 x 9/10 + 40 x 7.5/10 = 54 + 30 = 84; 60 x 0.6 + 40 x 0.6 = 60.
        Assert.Equal(["84,00", "60,00"], rows.Select(r => r.QuerySelector("[data-testid=total]")!.TextContent.Trim()));

        // The applicant still sees no score before the decision.
        var waiting = await applicant.GetDocumentAsync($"/Apply/{appId}");
        // The applicant reads the outside label, not the agency's internal stage.
        Assert.Equal("In behandeling", waiting.QuerySelector("[data-testid=application-status]")!.TextContent.Trim());
        Assert.Equal("In beoordeling", (await officer.GetDocumentAsync($"/Calls/Application/{appId}")).QuerySelector("[data-testid=application-status]")!.TextContent.Trim());
        Assert.DoesNotContain("draagvlak uitzonderlijk", waiting.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("84,00", waiting.Body.TextContent, StringComparison.Ordinal);

        // A draft on the same call after the deadline is refused; then the call closes and the committee decides.
        var lateId = await ApplyAsync(applicant, callId, "Vlaamse Waterstofcluster vzw", "0765.432.146", submit: false);
        await MoveClosingAsync(callId, app.Clock.GetUtcNow().AddMinutes(-1));
        var late = await applicant.SubmitFormAsync($"/Apply/{lateId}", Confirmed, Step(ApplicationLifecycle.Submit));
        Assert.Contains("indiendatum is verstreken", (await late.ParseAsync()).QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(ApplicationStatus.Draft, await app.WithDbAsync(db => db.Applications.Where(a => a.Id == lateId).Select(a => a.Status).SingleAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await officer.SubmitFormAsync($"/Calls/Details/{callId}", new Dictionary<string, string>(), f => Handler(f, "Close"))).StatusCode);

        var unmotivated = await officer.SubmitFormAsync($"/Calls/Application/{otherId}", new Dictionary<string, string> { ["Outcome"] = "Refused" }, f => Handler(f, "Decide"));
        Assert.Contains("gemotiveerd", (await unmotivated.ParseAsync()).QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.SubmitFormAsync($"/Calls/Application/{otherId}", new Dictionary<string, string> { ["Outcome"] = "Refused", ["Motivation"] = "Onder de budgetlijn" }, f => Handler(f, "Decide"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.SubmitFormAsync($"/Calls/Application/{appId}", new Dictionary<string, string> { ["Outcome"] = "GrantedWithConditions", ["Conditions"] = "Kmo-bereik jaarlijks rapporteren" }, f => Handler(f, "Decide"))).StatusCode);

        var decided = await applicant.GetDocumentAsync($"/Apply/{appId}");
        Assert.Contains("Toegekend onder voorwaarden", decided.QuerySelector("[data-testid=outcome]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("draagvlak uitzonderlijk", decided.Body!.TextContent, StringComparison.Ordinal);
        // The decision letter opens as a PDF with the outcome, the conditions and the jury's agreed score.
        var letter = await applicant.GetAsync($"/Apply/{appId}?handler=Letter");
        Assert.Equal("application/pdf", letter.Content.Headers.ContentType!.MediaType);
        var pdf = Path.Combine(Path.GetTempPath(), $"letter-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(pdf, await letter.Content.ReadAsByteArrayAsync());
        try
        {
            var letterText = string.Join(' ', Pdf.PdfReportTests.Poppler("pdftotext", pdf, "-").Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains("toe onder de voorwaarden", letterText, StringComparison.Ordinal);
            Assert.Contains("Kmo-bereik jaarlijks rapporteren", letterText, StringComparison.Ordinal);
            Assert.Contains("84,00", letterText, StringComparison.Ordinal);
        }
        finally { File.Delete(pdf); }
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/Apply/{appId}?handler=Letter")).StatusCode);

        // The agreement comes from the plan: a new network, two working years.
        var noAid = await officer.SubmitFormAsync($"/Calls/Application/{appId}", new Dictionary<string, string> { ["AgreementStart"] = "2027-01-01", ["DecisionReference"] = "HF-2027-IBN-TEST" }, f => Handler(f, "Agreement"));
        Assert.Contains("Steun 2027 is verplicht", (await noAid.ParseAsync()).QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        var form = new Dictionary<string, string> { ["AgreementStart"] = "2027-01-01", ["DecisionReference"] = "HF-2027-IBN-TEST" };
        for (var i = 0; i < 2; i++) { form[$"Years[{i}].Aid"] = "100.000,00"; form[$"Years[{i}].Cofinancing"] = "100.000,00"; form[$"Years[{i}].Animation"] = "200.000,00"; }
        var made = await officer.SubmitFormAsync($"/Calls/Application/{appId}", form, f => Handler(f, "Agreement"));
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        var cluster = await app.WithDbAsync(db => db.Clusters.AsNoTracking().SingleAsync(c => c.EnterpriseNumber == "0765432146"));
        Assert.Equal(("Vlaamse Waterstofcluster vzw", Domain.Clusters.ClusterType.InnovativeBusinessNetwork), (cluster.Name, cluster.Type));
        var agreement = await app.WithDbAsync(db => db.SupportAgreements.AsNoTracking().SingleAsync(a => a.ClusterId == cluster.Id));
        Assert.Equal((new DateOnly(2027, 1, 1), new DateOnly(2028, 12, 31)), (agreement.Start, agreement.End));
        var years = await app.WithDbAsync(db => db.AgreementYears.AsNoTracking().Where(y => y.AgreementId == agreement.Id).OrderBy(y => y.YearStart).ToListAsync());
        Assert.Equal([100_000m, 100_000m], years.Select(y => y.GrantedAid));
        Assert.Equal(agreement.Id, await app.WithDbAsync(db => db.Applications.Where(a => a.Id == appId).Select(a => a.AgreementId).SingleAsync()));

        // The agency sees the whole history with names, and the audit trail has every change.
        var history = (await officer.GetDocumentAsync($"/Calls/Application/{appId}")).QuerySelector("[data-testid=history]")!.TextContent;
        Assert.Contains("Lotte Van den Broeck", history, StringComparison.Ordinal);
        Assert.Contains("Koen Janssens", history, StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(Application) && a.EntityId == appId.ToString() && a.Field == nameof(Application.Status))));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(Score))));
    }

    [Fact]
    public async Task A_declaration_sent_without_a_choice_is_refused_and_shows_nothing_of_the_proposal()
    {
        var (officer, applicant, appId) = await SubmittedApplicationAsync("Oproep lege verklaring (HTTP-test)", hideApplicant: true);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.SubmitFormAsync($"/Calls/Application/{appId}", new Dictionary<string, string>(), Step(ApplicationLifecycle.MarkEligible))).StatusCode);
        var expertId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == Emails.Expert).Select(u => u.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await officer.SubmitFormAsync($"/Calls/Application/{appId}", new Dictionary<string, string> { ["ExpertId"] = expertId.ToString() }, f => Handler(f, "Assign"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.SubmitFormAsync($"/Calls/Application/{appId}", new Dictionary<string, string>(), Step(ApplicationLifecycle.StartReview))).StatusCode);
        var expert = await app.SignedInAsync(Emails.Expert);
        var mine = await AssignmentIdAsync(appId, Emails.Expert);

        // Neither option is chosen on the page, and the form goes out with no choice at all.
        var form = await expert.GetDocumentAsync($"/Review/{mine}");
        Assert.Empty(form.QuerySelectorAll("input[name=step][type=radio][checked]"));
        var empty = await expert.SubmitFormAsync($"/Review/{mine}", new Dictionary<string, string> { ["reason"] = "" }, f => Handler(f, "Step"));

        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        var refused = await empty.ParseAsync();
        Assert.Contains("Kies of je een belangenconflict hebt", refused.QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("gedeelde visie", refused.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("groene waterstof", refused.Body.TextContent, StringComparison.Ordinal);
        Assert.Empty(refused.QuerySelectorAll("a[href*='handler=File']"));
        Assert.Null(refused.QuerySelector("[data-testid=panel-scores]"));
        Assert.DoesNotContain(refused.Forms, f => Handler(f, "Score"));
        Assert.Equal(ConflictDeclaration.None, await app.WithDbAsync(db => db.ExpertAssignments.Where(a => a.Id == mine).Select(a => a.Declaration).SingleAsync()));
    }

    [Fact]
    public async Task A_file_of_another_type_than_it_claims_is_refused_and_nothing_is_stored()
    {
        var officer = await app.SignedInAsync(Emails.Officer);
        var callId = await PublishedCallAsync(officer, "Oproep bijlagen (HTTP-test)", hideApplicant: false);
        var applicant = await app.SignedInAsync(Emails.Applicant);
        var started = await applicant.SubmitFormAsync($"/Apply/Start/{callId}", new Dictionary<string, string> { ["Input.ApplicantName"] = "Testaanvrager", ["Input.EnterpriseNumber"] = "0403170701" });
        var url = started.Headers.Location!.OriginalString;
        var refused = await UploadAsync(applicant, url, "plan.pdf", "application/zip", [1, 2, 3]);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("bestandstype klopt niet", (await refused.ParseAsync()).QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        var exe = await UploadAsync(applicant, url, "plan.exe", "application/octet-stream", [1, 2, 3]);
        Assert.Contains("Alleen PDF", (await exe.ParseAsync()).QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        var id = Guid.Parse(url.Split('/').Last());
        Assert.Equal(0, await app.WithDbAsync(db => db.StoredFiles.CountAsync(f => f.ApplicationId == id)));
        // An incomplete draft cannot be submitted, and says why.
        var incomplete = await applicant.SubmitFormAsync(url, new Dictionary<string, string>(), Step(ApplicationLifecycle.Submit));
        Assert.Contains("Vul domein", (await incomplete.ParseAsync()).QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_whose_bytes_are_not_what_its_extension_says_is_refused_and_files_are_served_as_downloads()
    {
        var officer = await app.SignedInAsync(Emails.Officer);
        var callId = await PublishedCallAsync(officer, "Oproep handtekening bijlagen (HTTP-test)", hideApplicant: false);
        var applicant = await app.SignedInAsync(Emails.Applicant);
        var started = await applicant.SubmitFormAsync($"/Apply/Start/{callId}", new Dictionary<string, string> { ["Input.ApplicantName"] = "Testaanvrager", ["Input.EnterpriseNumber"] = "0403170701" });
        var url = started.Headers.Location!.OriginalString;
        var id = Guid.Parse(url.Split('/').Last());
        // A Windows program renamed to .pdf and declared as a PDF: name and declared type agree, the bytes do not.
        byte[] exe = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF];
        var refused = await UploadAsync(applicant, url, "plan.pdf", "application/pdf", exe);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("past niet bij de extensie", (await refused.ParseAsync()).QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        // A zip renamed to .docx is not an Office document either: it lacks the package's [Content_Types].xml.
        using (var zip = new MemoryStream())
        {
            using (var archive = new System.IO.Compression.ZipArchive(zip, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true)) archive.CreateEntry("payload.bin");
            var docx = await UploadAsync(applicant, url, "plan.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", zip.ToArray());
            Assert.Contains("past niet bij de extensie", (await docx.ParseAsync()).QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        }
        Assert.Equal(0, await app.WithDbAsync(db => db.StoredFiles.CountAsync(f => f.ApplicationId == id)));

        // A real PDF is stored, and comes back as a download the browser may not sniff into something else.
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(applicant, url, "plan.pdf", "application/pdf", "%PDF-1.7 plan"u8.ToArray())).StatusCode);
        var attachmentId = await app.WithDbAsync(db => db.StoredFiles.Where(f => f.ApplicationId == id).Select(f => f.Id).SingleAsync());
        var download = await applicant.GetAsync($"/Apply/{id}?handler=File&attachment={attachmentId}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task Experts_are_told_the_review_started_and_read_only_their_own_scores_until_the_consensus_and_never_a_colleagues_name()
    {
        var officer = await app.SignedInAsync(Emails.Officer);
        var callId = await PublishedCallAsync(officer, "Oproep juryintegriteit (HTTP-test)", hideApplicant: false);
        var applicant = await app.SignedInAsync(Emails.Applicant);
        var appId = await ApplyAsync(applicant, callId, "Vlaamse Waterstofcluster vzw", "0765.432.146");
        Assert.Equal(HttpStatusCode.Redirect, (await officer.SubmitFormAsync($"/Calls/Application/{appId}", new Dictionary<string, string>(), Step(ApplicationLifecycle.MarkEligible))).StatusCode);
        foreach (var email in new[] { Emails.Expert, Emails.Expert2 })
        {
            var expertId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
            Assert.Equal(HttpStatusCode.Redirect, (await officer.SubmitFormAsync($"/Calls/Application/{appId}", new Dictionary<string, string> { ["ExpertId"] = expertId.ToString() }, f => Handler(f, "Assign"))).StatusCode);
        }
        var mine = await AssignmentIdAsync(appId, Emails.Expert);
        var theirs = await AssignmentIdAsync(appId, Emails.Expert2);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.SubmitFormAsync($"/Calls/Application/{appId}", new Dictionary<string, string>(), Step(ApplicationLifecycle.StartReview))).StatusCode);

        // Each expert is told by e-mail, with a link that works from a mail client.
        var mail = await app.WithDbAsync(db => db.OutboxEmails.AsNoTracking().SingleAsync(e => e.Category == "Application.StartReview" && e.DedupKey.StartsWith($"Application.StartReview:{appId}:") && e.To == Emails.Expert));
        Assert.Equal(Emails.Expert, mail.To);
        Assert.Matches($"https?://[^/\\s]+/Review/{mine}", mail.Body);
        Assert.Equal(1, await app.WithDbAsync(db => db.OutboxEmails.CountAsync(e => e.Category == "Application.StartReview" && e.DedupKey.StartsWith($"Application.StartReview:{appId}:") && e.To == Emails.Expert2)));

        var expert = await app.SignedInAsync(Emails.Expert);
        var expert2 = await app.SignedInAsync(Emails.Expert2);
        Assert.Equal(HttpStatusCode.Redirect, (await expert.SubmitFormAsync($"/Review/{mine}", new Dictionary<string, string> { ["step"] = AssignmentLifecycle.DeclareNoConflict }, f => Handler(f, "Step"))).StatusCode);
        // The second expert works for a committed member (flagged) and explains why that is no conflict.
        Assert.Equal(HttpStatusCode.Redirect, (await expert2.SubmitFormAsync($"/Review/{theirs}", new Dictionary<string, string> { ["step"] = AssignmentLifecycle.DeclareNoConflict, ["reason"] = "Andere faculteit, geen betrokkenheid" }, f => Handler(f, "Step"))).StatusCode);
        foreach (var (client, assignment, words) in new[] { (expert, mine, "Eerste expert vindt het draagvlak breed"), (expert2, theirs, "Tweede expert twijfelt aan het draagvlak") })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync($"/Review/{assignment}", new Dictionary<string, string>
            {
                ["Scores[0].Code"] = "C1", ["Scores[0].Value"] = "7", ["Scores[0].Justification"] = words,
                ["Scores[1].Code"] = "C2", ["Scores[1].Value"] = "6", ["Scores[1].Justification"] = words + " en het actieplan",
            }, f => Handler(f, "Score"))).StatusCode);
        }
        var colleague = await app.WithDbAsync(db => db.Users.Where(u => u.Email == Emails.Expert2).Select(u => u.DisplayName).SingleAsync());

        // Before the consensus: their own scores, not a colleague's, and no colleague's name.
        var before = await expert.GetDocumentAsync($"/Review/{mine}");
        Assert.Contains("Eerste expert vindt", before.Body!.InnerHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("Tweede expert", before.Body.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(colleague, before.Body.TextContent, StringComparison.Ordinal);
        Assert.Null(before.QuerySelector("[data-testid=panel-scores]"));
        Assert.NotNull(before.QuerySelector("[data-testid=panel-hidden]"));

        foreach (var criterion in new[] { "C1", "C2" })
            Assert.Equal(HttpStatusCode.Redirect, (await officer.SubmitFormAsync($"/Calls/Application/{appId}", new Dictionary<string, string> { ["Criterion"] = criterion, ["Value"] = "7", ["Justification"] = "De jury is het eens na bespreking" }, f => Handler(f, "Consensus"))).StatusCode);

        // After it: the panel's scores by juror number, still without names.
        var after = await expert.GetDocumentAsync($"/Review/{mine}");
        var panel = after.QuerySelector("[data-testid=panel-scores]")!;
        Assert.Contains("Tweede expert twijfelt", panel.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(colleague, after.Body!.TextContent, StringComparison.Ordinal);
        var jurors = panel.QuerySelectorAll("tbody tr").Select(r => r.QuerySelector("td")!.TextContent.Trim()).Distinct().Order().ToList();
        Assert.Equal(2, jurors.Count);
        Assert.All(jurors, j => Assert.StartsWith("Expert ", j, StringComparison.Ordinal));
        Assert.Single(jurors, j => j.EndsWith("(u)", StringComparison.Ordinal));
        // The numbering is the same for both experts.
        var seenByOther = (await expert2.GetDocumentAsync($"/Review/{theirs}")).QuerySelector("[data-testid=panel-scores]")!;
        Assert.Equal(jurors.Select(j => j.Replace(" (u)", "", StringComparison.Ordinal)).Order(),
            seenByOther.QuerySelectorAll("tbody tr").Select(r => r.QuerySelector("td")!.TextContent.Trim().Replace(" (u)", "", StringComparison.Ordinal)).Distinct().Order());
    }

    [Fact]
    public async Task Submitting_checks_the_calls_rules_names_what_is_wrong_and_asks_to_confirm_first()
    {
        var officer = await app.SignedInAsync(Emails.Officer);
        var callId = await PublishedCallAsync(officer, "Oproep indiencontrole (HTTP-test)", hideApplicant: false);
        var applicant = await app.SignedInAsync(Emails.Applicant);
        var id = await ApplyAsync(applicant, callId, "Vlaamse Waterstofcluster vzw", "0765.432.146", submit: false);
        var url = $"/Apply/{id}";
        Dictionary<string, string> Plan(string cofinancing2028) => new()
        {
            ["Input.StrategicDomain"] = "Waterstof", ["Input.Vision"] = "Een gedeelde visie op groene waterstof in Vlaanderen",
            ["Input.ActionPlan"] = "Jaar 1: roadmap; jaar 2: proeftuinen", ["Input.ConsortiumDescription"] = "Twaalf bedrijven en twee universiteiten",
            ["Input.Members[0].Name"] = "Universiteit Gent", ["Input.Members[0].EnterpriseNumber"] = "0248.015.142", ["Input.Members[0].Size"] = "Large",
            ["Input.Members[1].Name"] = "Kmo A", ["Input.Members[1].EnterpriseNumber"] = "0200000043", ["Input.Members[1].Size"] = "Small",
            ["Input.Years[0].Year"] = "2027", ["Input.Years[0].Budget"] = "200.000,00", ["Input.Years[0].Cofinancing"] = "100.000,00",
            ["Input.Years[1].Year"] = "2028", ["Input.Years[1].Budget"] = "200.000,00", ["Input.Years[1].Cofinancing"] = cofinancing2028,
        };
        // 100.000 + 60.000 of 400.000 is 40%: the call asks at least half over the period.
        Assert.Equal(HttpStatusCode.Redirect, (await applicant.SubmitFormAsync(url, Plan("60.000,00"), f => Handler(f, "Save"))).StatusCode);
        var low = await (await applicant.SubmitFormAsync(url, new Dictionary<string, string>(), Step(ApplicationLifecycle.Submit))).ParseAsync();
        Assert.Contains("40", low.QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("minstens 50", low.QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Null(low.QuerySelector("[data-testid=confirm-submit]"));
        // A forged confirmation is refused by the same rule.
        var forced = await (await applicant.SubmitFormAsync(url, Confirmed, Step(ApplicationLifecycle.Submit))).ParseAsync();
        Assert.Contains("minder dan de helft", forced.QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(ApplicationStatus.Draft, await app.WithDbAsync(db => db.Applications.Where(a => a.Id == id).Select(a => a.Status).SingleAsync()));

        // A committed member whose number is wrong in the record is named by its line.
        await app.WithDbAsync(async db =>
        {
            var stored = await db.Applications.SingleAsync(a => a.Id == id);
            stored.SetCommittedMembers([stored.CommittedMembers[0], new ConsortiumMember("Kmo Fout", "0200000044", SizeClass.Small)]);
            return await db.SaveChangesAsync();
        });
        var wrongRow = (await applicant.GetDocumentAsync(url)).QuerySelector("[data-testid=submit-problems]")!.TextContent;
        Assert.Contains("Lid 2 (Kmo Fout", wrongRow, StringComparison.Ordinal);

        // Put right, the first press asks to confirm and changes nothing; the confirmation submits.
        Assert.Equal(HttpStatusCode.Redirect, (await applicant.SubmitFormAsync(url, Plan("100.000,00"), f => Handler(f, "Save"))).StatusCode);
        Assert.Null((await applicant.GetDocumentAsync(url)).QuerySelector("[data-testid=submit-problems]"));
        var ask = await applicant.SubmitFormAsync(url, new Dictionary<string, string>(), Step(ApplicationLifecycle.Submit));
        Assert.Equal(HttpStatusCode.OK, ask.StatusCode);
        Assert.Contains("niets meer wijzigen", (await ask.ParseAsync()).QuerySelector("[data-testid=confirm-submit]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(ApplicationStatus.Draft, await app.WithDbAsync(db => db.Applications.Where(a => a.Id == id).Select(a => a.Status).SingleAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await applicant.SubmitFormAsync(url, Confirmed, Step(ApplicationLifecycle.Submit))).StatusCode);
        Assert.Equal(ApplicationStatus.Submitted, await app.WithDbAsync(db => db.Applications.Where(a => a.Id == id).Select(a => a.Status).SingleAsync()));
    }

    [Theory]
    [InlineData(Emails.Reader, "/Calls")]
    [InlineData(Emails.CatalistiManager, "/Calls")]
    [InlineData(Emails.Expert, "/Calls")]
    [InlineData(Emails.Applicant, "/Calls/Edit")]
    [InlineData(Emails.Officer, "/Review")]
    [InlineData(Emails.Applicant, "/Review")]
    [InlineData(Emails.Expert, "/Apply")]
    [InlineData(Emails.Reader, "/Apply")]
    public async Task Each_role_is_refused_the_pages_of_another(string email, string url)
    {
        await app.AllDeniedAsync([email], url);
    }

    [Fact]
    public async Task Criteria_come_back_in_the_order_the_officer_wrote_them()
    {
        var officer = await app.SignedInAsync(Emails.Officer);
        var now = app.Clock.GetUtcNow();
        string[] codes = ["Z9", "A1", "M5", "B2", "Y8", "C3"];
        var form = new Dictionary<string, string>
        {
            ["Input.Kind"] = "SpearheadCluster", ["Input.TitleNl"] = "Oproep volgorde (HTTP-test)", ["Input.TitleEn"] = "Order call", ["Input.BudgetEur"] = "100.000,00",
            ["Input.OpensLocal"] = Local(now.AddDays(-1)), ["Input.ClosesLocal"] = Local(now.AddDays(7)), ["Input.ScaleMin"] = "0", ["Input.ScaleMax"] = "10",
        };
        for (var i = 0; i < codes.Length; i++)
        {
            form[$"Input.Criteria[{i}].Code"] = codes[i];
            form[$"Input.Criteria[{i}].NameNl"] = "Criterium " + codes[i];
            form[$"Input.Criteria[{i}].NameEn"] = "Criterion " + codes[i];
            form[$"Input.Criteria[{i}].Weight"] = i < 4 ? "15" : "20";
        }
        var created = await officer.SubmitFormAsync("/Calls/Edit", form);
        var details = await officer.GetDocumentAsync(created.Headers.Location!.OriginalString);
        var shown = details.QuerySelectorAll("table").First(t => t.TextContent.Contains("Criterium Z9", StringComparison.Ordinal))
            .QuerySelectorAll("tbody tr td:first-child").Select(td => td.TextContent.Trim());
        Assert.Equal(codes, shown);
    }

    [Theory]
    [InlineData("Closes", true)]
    [InlineData("Title", false)]
    [InlineData("Budget", true)]
    [InlineData("Status", false)]
    public async Task The_call_list_sorts_filters_and_lists_the_demo_calls(string sort, bool desc)
    {
        var officer = await app.SignedInAsync(Emails.Officer);
        var list = await officer.GetDocumentAsync($"/Calls?sort={sort}&desc={desc.ToString().ToLowerInvariant()}");
        Assert.Contains(list.QuerySelectorAll("[data-testid=calls] tbody a"), a => a.TextContent.Contains("circulaire bouw", StringComparison.Ordinal));
        var filtered = await officer.GetDocumentAsync("/Calls?status=Decided&search=circulaire");
        Assert.Single(filtered.QuerySelectorAll("[data-testid=calls] tbody a"));
    }

    [Fact]
    public async Task Open_calls_are_public_and_applying_needs_a_sign_in()
    {
        Assert.Equal(HttpStatusCode.OK, (await app.Anonymous().GetAsync("/OpenCalls")).StatusCode);
        var apply = await app.Anonymous().GetAsync("/Apply");
        AccessAssert.SentToSignIn(apply);
    }
}
