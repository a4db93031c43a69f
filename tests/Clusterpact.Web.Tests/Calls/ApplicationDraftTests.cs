namespace Clusterpact.Web.Tests.Calls;

/// <summary>
/// The applicant's draft keeps what was typed when a file is uploaded, can be deleted by its applicant (only a draft,
/// only their own, after a confirmation, audited), and the list says that numbers count per call. Every delete or
/// remove button in the product asks first, through the one confirmation page.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ApplicationDraftTests(ClusterpactApp app)
{
    private static readonly Dictionary<string, string> Typed = new()
    {
        ["Input.StrategicDomain"] = "Fotonica", ["Input.Vision"] = "Licht als sleuteltechnologie voor de maakindustrie",
        ["Input.ActionPlan"] = "Jaar 1: netwerk; jaar 2: demonstrators", ["Input.ConsortiumDescription"] = "Negen kmo's en een kennisinstelling",
        ["Input.Members[0].Name"] = "Kmo Licht", ["Input.Members[0].EnterpriseNumber"] = "0200.000.043", ["Input.Members[0].Size"] = "Small",
        ["Input.Years[0].Year"] = "2027", ["Input.Years[0].Budget"] = "120.000,00", ["Input.Years[0].Cofinancing"] = "60.000,00",
    };

    private async Task<string> StartDraftAsync(HttpClient applicant)
    {
        var callId = await app.WithDbAsync(db => db.Calls.Where(c => c.Status == CallStatus.Published && c.TitleNl.StartsWith("Oproep innovatieve bedrijfsnetwerken")).Select(c => c.Id).FirstAsync());
        var started = await applicant.SubmitFormAsync($"/Apply/Start/{callId}", new Dictionary<string, string> { ["Input.ApplicantName"] = "Fotonica Netwerk vzw", ["Input.EnterpriseNumber"] = "0403170701" });
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        return started.Headers.Location!.OriginalString;
    }

    private static Guid IdOf(string url) => Guid.Parse(url.Split('/').Last());

    [Fact]
    public async Task Uploading_a_file_before_saving_keeps_and_saves_every_typed_field_and_says_both_happened()
    {
        var applicant = await app.SignedInAsync(Emails.Applicant);
        var url = await StartDraftAsync(applicant);
        var uploaded = await CallTests.UploadAsync(applicant, url, "plan.pdf", "application/pdf", "%PDF-1.4 plan"u8.ToArray(), Typed);
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);

        var saved = await app.WithDbAsync(db => db.Applications.AsNoTracking().SingleAsync(a => a.Id == IdOf(url)));
        Assert.Equal("Licht als sleuteltechnologie voor de maakindustrie", saved.Vision);
        Assert.Equal("Negen kmo's en een kennisinstelling", saved.ConsortiumDescription);
        Assert.Equal("Kmo Licht", Assert.Single(saved.CommittedMembers).Name);
        Assert.Equal(120_000m, Assert.Single(saved.YearPlans).BudgetEur);
        Assert.Equal("plan.pdf", Assert.Single(saved.Attachments).FileName);

        var page = await applicant.GetDocumentAsync(url);
        Assert.Equal("Je ontwerp is bewaard en het bestand is toegevoegd.", page.QuerySelector("[data-testid=flash]")!.TextContent.Trim());
        Assert.Equal("Jaar 1: netwerk; jaar 2: demonstrators", page.QuerySelector<AngleSharp.Html.Dom.IHtmlTextAreaElement>("textarea[name='Input.ActionPlan']")!.Value);
        // Said once: the message's cookie is deleted when it has been read.
        Assert.Null((await applicant.GetDocumentAsync(url)).QuerySelector("[data-testid=flash]"));
    }

    [Fact]
    public async Task A_refused_file_keeps_what_was_typed_on_the_page_and_says_the_draft_was_saved_but_the_file_not()
    {
        var applicant = await app.SignedInAsync(Emails.Applicant);
        var url = await StartDraftAsync(applicant);
        var refused = await CallTests.UploadAsync(applicant, url, "plan.pdf", "application/pdf", "MZ not a pdf"u8.ToArray(), Typed);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await refused.ParseAsync();
        Assert.Equal("Licht als sleuteltechnologie voor de maakindustrie", page.QuerySelector<AngleSharp.Html.Dom.IHtmlTextAreaElement>("textarea[name='Input.Vision']")!.Value);
        Assert.Equal("Kmo Licht", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name='Input.Members[0].Name']")!.Value);
        Assert.Contains("Je ontwerp is bewaard, maar het bestand is niet toegevoegd.", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("[data-testid=flash]"));
        Assert.Empty(await app.WithDbAsync(db => db.Applications.AsNoTracking().Where(a => a.Id == IdOf(url)).Select(a => a.Attachments).SingleAsync()));

        // A year that is not a number is refused before anything is saved, and the form comes back as typed.
        var wrong = new Dictionary<string, string>(Typed) { ["Input.Years[0].Budget"] = "veel" };
        var notSaved = await CallTests.UploadAsync(applicant, url, "plan.pdf", "application/pdf", "%PDF-1.4 plan"u8.ToArray(), wrong);
        var again = await notSaved.ParseAsync();
        Assert.Equal("veel", again.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name='Input.Years[0].Budget']")!.Value);
        Assert.Empty(await app.WithDbAsync(db => db.Applications.AsNoTracking().Where(a => a.Id == IdOf(url)).Select(a => a.Attachments).SingleAsync()));
    }

    [Fact]
    public async Task An_applicant_deletes_their_own_draft_after_confirming_and_the_deletion_is_audited()
    {
        var applicant = await app.SignedInAsync(Emails.Applicant);
        var url = await StartDraftAsync(applicant);
        var id = IdOf(url);
        Assert.Equal(HttpStatusCode.Redirect, (await CallTests.UploadAsync(applicant, url, "plan.pdf", "application/pdf", "%PDF-1.4 plan"u8.ToArray(), Typed)).StatusCode);
        var reference = await app.WithDbAsync(db => db.Applications.Where(a => a.Id == id).Select(a => a.Number).SingleAsync());

        // The button asks first; the question names the draft, and asking deletes nothing.
        var question = await applicant.GetDocumentAsync(await applicant.ConfirmationUrlAsync(url, "Delete"));
        Assert.Contains($"A-{reference:000}", question.QuerySelector("[data-testid=confirm-question]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(url, question.QuerySelector("a.btn-outline-secondary")!.GetAttribute("href"));
        Assert.True(await app.WithDbAsync(db => db.Applications.AnyAsync(a => a.Id == id)));

        // Someone else's draft is not theirs to delete.
        var other = await app.SignedInAsync(Emails.CatalistiManager);
        var otherToken = (await other.GetDocumentAsync("/Confirm?confirm.action=%2FApply")).QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        var forged = await other.PostFormRawAsync($"{url}?handler=Delete", [new("__RequestVerificationToken", otherToken), new("Version", "1")]);
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.True(await app.WithDbAsync(db => db.Applications.AnyAsync(a => a.Id == id)));

        var deleted = await applicant.ConfirmAsync(url, "Delete");
        Assert.Equal("/Apply", deleted.Headers.Location!.OriginalString);
        Assert.False(await app.WithDbAsync(db => db.Applications.AnyAsync(a => a.Id == id)));
        Assert.False(await app.WithDbAsync(db => db.StoredFiles.AnyAsync(f => f.ApplicationId == id)));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.EntityType == nameof(Application) && e.EntityId == id.ToString() && e.Action == Data.AuditAction.Deleted)));
        Assert.Equal("Het ontwerp is verwijderd.", (await applicant.GetDocumentAsync("/Apply")).QuerySelector("[data-testid=flash]")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_submitted_application_offers_no_delete_and_a_forged_delete_is_refused()
    {
        var applicant = await app.SignedInAsync(Emails.Applicant);
        var submitted = await app.WithDbAsync(db => db.Applications.Where(a => a.Status == ApplicationStatus.Submitted || a.Status == ApplicationStatus.Eligible)
            .Where(a => db.Users.Any(u => u.Id == a.OwnerId && u.Email == Emails.Applicant)).Select(a => new { a.Id, a.Version }).FirstAsync());
        var page = await applicant.GetDocumentAsync($"/Apply/{submitted.Id}");
        Assert.DoesNotContain(page.QuerySelectorAll("input[name='confirm.action']"), i => i.GetAttribute("value")!.Contains("handler=Delete", StringComparison.Ordinal));
        var token = page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        var forged = await applicant.PostFormRawAsync($"/Apply/{submitted.Id}?handler=Delete",
            [new("__RequestVerificationToken", token), new("Version", submitted.Version.ToString(CultureInfo.InvariantCulture))]);
        Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
        Assert.Contains("Alleen een ontwerp kan verwijderd worden", (await forged.ParseAsync()).Body!.TextContent, StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.Applications.AnyAsync(a => a.Id == submitted.Id)));
    }

    [Fact]
    public async Task The_confirmation_page_posts_only_to_this_site_and_speaks_both_languages()
    {
        var officer = await app.SignedInAsync(Emails.Officer);
        foreach (var foreign in new[] { "https%3A%2F%2Fevil.example%2Fx", "%2F%2Fevil.example%2Fx", "" })
        {
            var nothing = await officer.GetDocumentAsync($"/Confirm?confirm.action={foreign}");
            Assert.NotNull(nothing.QuerySelector("[data-testid=confirm-nothing]"));
            Assert.Null(nothing.QuerySelector("[data-testid=confirm-form]"));
        }
        var page = await officer.GetDocumentAsync("/Confirm?confirm.action=%2FBudget%2Fx%3Fhandler%3DDelete&confirm.question=Nope.Key&confirm.subject=Scenario%20A&confirm.back=https%3A%2F%2Fevil.example&version=3");
        var text = page.QuerySelector("[data-testid=confirm-question]")!.TextContent;
        Assert.Contains("\"Scenario A\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Nope.Key", text, StringComparison.Ordinal);
        Assert.Equal("/", page.QuerySelector("a.btn-outline-secondary")!.GetAttribute("href"));
        var form = page.QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("[data-testid=confirm-form]")!;
        Assert.Equal("/Budget/x?handler=Delete", form.GetAttribute("action"));
        Assert.Equal("3", form.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=version]")!.Value);
        AccessAssert.SentToSignIn(await app.Anonymous().GetAsync("/Confirm?confirm.action=%2FBudget"));
    }

    [Fact]
    public async Task The_list_of_applications_says_numbers_count_per_call()
    {
        var applicant = await app.SignedInAsync(Emails.Applicant);
        var page = await applicant.GetDocumentAsync("/Apply");
        Assert.Contains("per oproep genummerd", page.QuerySelector("[data-testid=numbering]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Nummer (per oproep)", page.QuerySelector("[data-testid=my-applications] thead")!.TextContent, StringComparison.Ordinal);
    }

    /// <summary>
    /// One mechanism for every delete and remove: no page posts a delete or remove straight from its button; each goes
    /// through the confirmation page (the shared _ConfirmButton partial).
    /// </summary>
    [Fact]
    public void Every_delete_or_remove_button_in_the_product_asks_first()
    {
        var direct = new System.Text.RegularExpressions.Regex("asp-page-handler=\"(Delete|Remove)\\w*\"|formaction=\"[^\"]*handler=(Delete|Remove)");
        var offenders = SourceTree.Files(".cshtml").Where(f => direct.IsMatch(File.ReadAllText(f))).Select(Path.GetFileName).ToList();
        Assert.Empty(offenders);
        var handlers = new System.Text.RegularExpressions.Regex("OnPost(Delete|Remove)(\\w*)Async");
        foreach (var file in SourceTree.Files(".cshtml.cs").Where(f => handlers.IsMatch(File.ReadAllText(f))))
        {
            var view = File.ReadAllText(file[..^3]);
            foreach (System.Text.RegularExpressions.Match m in handlers.Matches(File.ReadAllText(file)))
                Assert.True(view.Contains("_ConfirmButton", StringComparison.Ordinal) && view.Contains($"handler={m.Groups[1].Value}{m.Groups[2].Value}\"", StringComparison.Ordinal),
                    $"{Path.GetFileName(file)}: {m.Value} is not behind the confirmation page");
        }
    }

    [Fact]
    public async Task The_agency_cannot_record_a_consensus_on_a_draft_it_is_not_found()
    {
        var applicant = await app.SignedInAsync(Emails.Applicant);
        var id = IdOf(await StartDraftAsync(applicant));
        var outcome = await AtOnce.AloneAsync(app, sp => sp.GetRequiredService<Clusterpact.Web.Features.Calls.RecordConsensus>()
            .HandleAsync(id, "C1", 7m, "De jury is het eens", null, CancellationToken.None));
        Assert.Equal(Clusterpact.Web.Features.Shared.CommandStatus.NotFound, outcome.Status);
        Assert.False(await app.WithDbAsync(db => db.Consensus.AnyAsync(c => c.ApplicationId == id)));
    }
}
