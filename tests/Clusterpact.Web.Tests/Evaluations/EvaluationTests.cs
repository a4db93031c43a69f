namespace Clusterpact.Web.Tests.Evaluations;

/// <summary>An interim evaluation run through its stages over HTTP; its outcome is what the agreement's extension page starts from.</summary>
[Collection(AppCollection.Name)]
public sealed class EvaluationTests(ClusterpactApp app)
{
    private static bool Handler(AngleSharp.Html.Dom.IHtmlFormElement f, string name) => f.GetAttribute("action")?.Contains($"handler={name}", StringComparison.Ordinal) == true;

    /// <summary>An interim evaluation of Flux50 planned by agency staff on the form; its page's address.</summary>
    private async Task<string> PlanFlux50InterimAsync(HttpClient officer, string title)
    {
        var planned = await officer.SubmitFormAsync("/Evaluations/New", new Dictionary<string, string>
        {
            ["Input.Title"] = title, ["Input.Kind"] = "Interim", ["Input.Scope"] = "Individual", ["Input.ClusterId"] = (await app.ClusterIdAsync("Flux50")).ToString(),
            ["Input.Planned[CollectingData]"] = "2026-02-01", ["Input.Planned[Decided]"] = "2026-06-30",
        });
        Assert.Equal(HttpStatusCode.Redirect, planned.StatusCode);
        return planned.Headers.Location!.OriginalString;
    }

    [Fact]
    public async Task An_interim_evaluation_runs_its_stages_and_its_outcome_feeds_the_extension()
    {
        var officer = await app.SignedInAsync(Emails.Officer);
        var flux = await app.ClusterIdAsync("Flux50");
        var url = await PlanFlux50InterimAsync(officer, "Tussentijdse evaluatie Flux50 (test)");

        foreach (var day in new[] { "2026-02-01", "2026-03-15", "2026-05-01" })
            Assert.Equal(HttpStatusCode.Redirect, (await officer.SubmitFormAsync(url, new Dictionary<string, string> { ["On"] = day }, f => Handler(f, "Step"))).StatusCode);
        var early = await officer.SubmitFormAsync(url, new Dictionary<string, string> { ["On"] = "2026-04-01", ["Outcome"] = "Extend" }, f => Handler(f, "Step"));
        Assert.Contains("voor het vorige stadium", (await early.ParseAsync()).QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        var noConditions = await officer.SubmitFormAsync(url, new Dictionary<string, string> { ["On"] = "2026-05-20", ["Outcome"] = "ExtendWithConditions" }, f => Handler(f, "Step"));
        Assert.Contains("voorwaarden", (await noConditions.ParseAsync()).QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await officer.SubmitFormAsync(url, new Dictionary<string, string> { ["Finding"] = "Weinig kmo's in projecten", ["Recommendation"] = "Kmo-loket oprichten", ["Owner"] = "Flux50" }, f => Handler(f, "Recommendation"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.SubmitFormAsync(url, new Dictionary<string, string> { ["On"] = "2026-05-20", ["Outcome"] = "ExtendWithConditions", ["Conditions"] = "Kmo-bereik verdubbelen" }, f => Handler(f, "Step"))).StatusCode);

        var id = Guid.Parse(url.Split('/').Last());
        var stored = await app.WithDbAsync(db => db.Evaluations.AsNoTracking().SingleAsync(e => e.Id == id));
        Assert.Equal((EvaluationStage.Decided, EvaluationOutcome.ExtendWithConditions, new DateOnly(2026, 5, 20)), (stored.Stage, stored.Outcome!.Value, stored.DecidedOn!.Value));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(Evaluation) && a.EntityId == id.ToString() && a.Field == nameof(Evaluation.Stage))));

        // The overview shows the stage; the extension page of Flux50's agreement starts from this evaluation.
        var overview = await officer.GetDocumentAsync("/Evaluations?search=Flux50 (test)");
        Assert.Contains("Verlengen onder voorwaarden", overview.QuerySelector($"[data-evaluation='{id}']")!.TextContent, StringComparison.Ordinal);
        var agreement = await app.WithDbAsync(db => db.SupportAgreements.Where(a => a.ClusterId == flux).OrderByDescending(a => a.Id).Select(a => a.Id).FirstAsync());
        var extend = await officer.GetDocumentAsync($"/Clusters/{flux}/Agreements/{agreement}/Extend");
        var chosen = extend.QuerySelector<AngleSharp.Html.Dom.IHtmlSelectElement>("#Input_EvaluationId")!;
        Assert.Equal(id.ToString(), chosen.Value);
        Assert.Contains("Tussentijdse evaluatie Flux50 (test), beslist op 20-05-2026: Verlengen onder voorwaarden", chosen.SelectedOptions.Single().TextContent, StringComparison.Ordinal);

        // Flux50's manager reads it without forms, with who decided; Catalisti's manager does not see it at all.
        var fluxManager = await app.SignedInAsync(Emails.Flux50Manager);
        var read = await fluxManager.GetDocumentAsync(url);
        var officerName = await app.WithDbAsync(db => db.Users.Where(u => u.Email == Emails.Officer).Select(u => u.DisplayName).SingleAsync());
        Assert.Equal($"Beslist op 20-05-2026 door {officerName}", read.QuerySelector("[data-testid=evaluation-decided]")!.TextContent.Trim());
        Assert.DoesNotContain(read.Forms, f => f.Method == "post" && (f.GetAttribute("action") ?? "").Contains("handler=", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedInAsync(Emails.CatalistiManager)).GetAsync(url)).StatusCode);
        var token = read.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        var forged = await fluxManager.PostFormRawAsync($"{url}?handler=Participant", [new("__RequestVerificationToken", token), new("Version", stored.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("Name", "X")]);
        AccessAssert.Denied(forged);
        Assert.Empty((await app.WithDbAsync(db => db.Evaluations.AsNoTracking().SingleAsync(e => e.Id == id))).Participants);
    }

    [Fact]
    public async Task A_step_that_is_not_the_persons_is_denied_and_changes_nothing()
    {
        var url = await PlanFlux50InterimAsync(await app.SignedInAsync(Emails.Officer), "Tussentijdse evaluatie Flux50 (stap)");
        var id = Guid.Parse(url.Split('/').Last());
        var version = (await app.WithDbAsync(db => db.Evaluations.AsNoTracking().SingleAsync(e => e.Id == id))).Version;

        // Flux50's manager reads the evaluation of their cluster; its table gives the agency every step, so a forged one is
        // denied as a folder rule would deny it, not shown as a mistake in a form the manager never had.
        var manager = await app.SignedInAsync(Emails.Flux50Manager);
        var token = (await manager.GetDocumentAsync(url)).QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        var forged = await manager.PostFormRawAsync($"{url}?handler=Step", [new("__RequestVerificationToken", token), new("version", version.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("step", EvaluationLifecycle.StartDataCollection), new("On", "2026-02-01")]);
        AccessAssert.Denied(forged);
        Assert.Equal(EvaluationStage.Planned, (await app.WithDbAsync(db => db.Evaluations.AsNoTracking().SingleAsync(e => e.Id == id))).Stage);
    }
}
