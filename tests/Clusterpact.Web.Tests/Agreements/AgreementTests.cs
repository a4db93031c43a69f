namespace Clusterpact.Web.Tests.Agreements;

[Collection(AppCollection.Name)]
public sealed class AgreementTests(ClusterpactApp app)
{
    /// <summary>An interim evaluation of a cluster decided on a day with an outcome, its earlier stages reached the days before.</summary>
    private Task<Guid> DecidedInterimAsync(Guid clusterId, DateOnly decidedOn, EvaluationOutcome outcome) => app.WithDbAsync(async db =>
    {
        var e = Evaluation.Plan($"Tussentijdse evaluatie (test, {outcome})", EvaluationKind.Interim, EvaluationScope.Individual, clusterId, new Dictionary<EvaluationStage, DateOnly>()).Value!;
        var steps = EvaluationLifecycle.StepsBeforeDecision;
        for (var i = 0; i < steps.Count; i++) Assert.True(e.Take(steps[i], Actors.Agency, decidedOn.AddDays(i - steps.Count)).IsSuccess);
        Assert.True(e.Decide(Actors.Agency, decidedOn, outcome).IsSuccess);
        db.Evaluations.Add(e);
        await db.SaveChangesAsync();
        return e.Id;
    });

    [Fact]
    public async Task Catalisti_shows_its_terms_and_is_flagged_before_its_ten_year_limit()
    {
        var officer = await app.SignedInAsync(Emails.Officer);
        var id = await app.ClusterIdAsync("Catalisti");
        var doc = await officer.GetDocumentAsync($"/Clusters/{id}");
        var section = doc.QuerySelector("[data-testid=agreements]")!;
        Assert.Contains("01-01-2017", section.TextContent, StringComparison.Ordinal);
        Assert.Contains("Verlenging", section.TextContent, StringComparison.Ordinal);
        var limit = doc.QuerySelector("[data-testid=aid-limit]")!;
        Assert.Contains("31-12-2026", limit.TextContent, StringComparison.Ordinal);
        // The test clock stands on 1 December 2026, within the last year before that limit, so the page warns.
        Assert.Contains("alert-warning", limit.ClassList);
    }

    [Fact]
    public async Task An_extension_past_the_ten_year_limit_is_refused_citing_the_rule_and_changes_nothing()
    {
        var officer = await app.SignedInAsync(Emails.Officer);
        var id = await app.ClusterIdAsync("VIL");
        var agreementId = await app.WithDbAsync(db => db.SupportAgreements.Where(a => a.ClusterId == id).Select(a => a.Id).SingleAsync());
        var terms = await app.WithDbAsync(async db => (await db.SupportAgreements.AsNoTracking().SingleAsync(a => a.Id == agreementId)).Terms.Count);

        // The form offers VIL's decided interim evaluations, the latest first: the one of its last term advised extending.
        var form = await officer.GetDocumentAsync($"/Clusters/{id}/Agreements/{agreementId}/Extend");
        var latest = form.QuerySelectorAll("#Input_EvaluationId option").Skip(1).First().GetAttribute("value")!;
        var response = await officer.SubmitFormAsync($"/Clusters/{id}/Agreements/{agreementId}/Extend", new Dictionary<string, string>
        {
            ["Input.End"] = "2027-12-31", ["Input.EvaluationId"] = latest, ["Input.DecisionReference"] = "HF-2026-VIL",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = (await response.ParseAsync()).Body!.TextContent;
        Assert.Contains("AGVV art. 27", text, StringComparison.Ordinal);
        Assert.Contains("de laatste toegelaten dag is 31-12-2026", text, StringComparison.Ordinal);
        Assert.Equal(terms, await app.WithDbAsync(async db => (await db.SupportAgreements.AsNoTracking().SingleAsync(a => a.Id == agreementId)).Terms.Count));
    }

    [Fact]
    public async Task An_officer_creates_and_extends_an_agreement_and_the_rules_refuse_what_they_forbid()
    {
        var officer = await app.SignedInAsync(Emails.Officer);
        var id = await app.ClusterIdAsync("Slimme Regio Vlaanderen");

        var tooLong = await officer.SubmitFormAsync($"/Clusters/{id}/Agreements/New", new Dictionary<string, string>
        {
            ["Input.Start"] = "2024-01-01", ["Input.End"] = "2027-01-01", ["Input.DecisionReference"] = "HF-2023-SRV",
        });
        Assert.Contains("ten hoogste 3 jaar", (await tooLong.ParseAsync()).Body!.TextContent, StringComparison.Ordinal);

        var created = await officer.SubmitFormAsync($"/Clusters/{id}/Agreements/New", new Dictionary<string, string>
        {
            ["Input.Start"] = "2024-01-01", ["Input.End"] = "2026-12-31", ["Input.DecisionReference"] = "HF-2023-SRV",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var agreementId = await app.WithDbAsync(db => db.SupportAgreements.Where(a => a.ClusterId == id).Select(a => a.Id).SingleAsync());

        var url = $"/Clusters/{id}/Agreements/{agreementId}/Extend";
        var form = await officer.GetDocumentAsync(url);
        Assert.Empty(form.QuerySelectorAll("form[method=post] input[type=checkbox]"));
        Assert.NotNull(form.QuerySelector("[data-testid=no-evaluation]"));
        var withoutEvaluation = await officer.SubmitFormAsync(url, new Dictionary<string, string>
        {
            ["Input.End"] = "2029-12-31", ["Input.DecisionReference"] = "HF-2026-SRV",
        });
        Assert.Equal("Tussentijdse evaluatie is verplicht.", (await withoutEvaluation.ParseAsync()).QuerySelector("[data-valmsg-for='Input.EvaluationId']")!.TextContent.Trim());

        // A decided "stop" is refused with the rule's reason, and the form keeps what was typed and chosen.
        var stop = await DecidedInterimAsync(id, new DateOnly(2026, 3, 16), EvaluationOutcome.Stop);
        var refused = await (await officer.SubmitFormAsync(url, new Dictionary<string, string>
        {
            ["Input.End"] = "2029-12-31", ["Input.EvaluationId"] = stop.ToString(), ["Input.DecisionReference"] = "HF-2026-SRV",
        })).ParseAsync();
        Assert.Contains("besliste te stoppen", refused.QuerySelector("[data-valmsg-for='Input.EvaluationId']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("2029-12-31", refused.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_End")!.Value);
        Assert.Equal("HF-2026-SRV", refused.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_DecisionReference")!.Value);
        Assert.Equal(stop.ToString(), refused.QuerySelector<AngleSharp.Html.Dom.IHtmlSelectElement>("#Input_EvaluationId")!.Value);
        Assert.EndsWith("beslist op 16-03-2026: Stopzetten", refused.QuerySelector($"#Input_EvaluationId option[value='{stop}']")!.TextContent, StringComparison.Ordinal);

        // Another cluster's positive evaluation is refused too (the form does not offer it; a forged post names it).
        var catalisti = await DecidedInterimAsync(await app.ClusterIdAsync("Catalisti"), new DateOnly(2026, 3, 16), EvaluationOutcome.Extend);
        var foreign = await officer.SubmitFormAsync(url, new Dictionary<string, string>
        {
            ["Input.End"] = "2029-12-31", ["Input.EvaluationId"] = catalisti.ToString(), ["Input.DecisionReference"] = "HF-2026-SRV",
        });
        Assert.Contains("andere cluster", (await foreign.ParseAsync()).Body!.TextContent, StringComparison.Ordinal);
        Assert.Single((await app.WithDbAsync(db => db.SupportAgreements.AsNoTracking().SingleAsync(a => a.Id == agreementId))).Terms);

        var positive = await DecidedInterimAsync(id, new DateOnly(2026, 5, 15), EvaluationOutcome.Extend);
        var extended = await officer.SubmitFormAsync(url, new Dictionary<string, string>
        {
            ["Input.End"] = "2029-12-31", ["Input.EvaluationId"] = positive.ToString(), ["Input.DecisionReference"] = "HF-2026-SRV",
        });
        Assert.Equal(HttpStatusCode.Redirect, extended.StatusCode);
        var stored = await app.WithDbAsync(db => db.SupportAgreements.AsNoTracking().SingleAsync(a => a.Id == agreementId));
        Assert.Equal([new DateOnly(2026, 12, 31), new DateOnly(2029, 12, 31)], stored.Terms.OrderBy(t => t.Start).Select(t => t.End));
        Assert.Equal(new DateOnly(2026, 5, 15), stored.Terms.OrderBy(t => t.Start).Last().InterimEvaluationDate);
        Assert.Equal(1, stored.Version);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "AgreementTerm" && a.EntityId.StartsWith(agreementId.ToString()) && a.UserName == Emails.Officer)));

        var overlapping = await officer.SubmitFormAsync($"/Clusters/{id}/Agreements/New", new Dictionary<string, string>
        {
            ["Input.Start"] = "2029-01-01", ["Input.End"] = "2030-12-31", ["Input.DecisionReference"] = "HF-X",
        });
        Assert.Contains("overlapt", (await overlapping.ParseAsync()).Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_agency_staff_create_or_extend_agreements()
    {
        var id = await app.ClusterIdAsync("Catalisti");
        var agreementId = await app.WithDbAsync(db => db.SupportAgreements.Where(a => a.ClusterId == id).Select(a => a.Id).SingleAsync());
        var manager = await app.SignedInAsync(Emails.CatalistiManager);
        var page = await manager.GetStringAsync($"/Clusters/{id}");
        Assert.Contains("Steunovereenkomsten", page, StringComparison.Ordinal);
        Assert.DoesNotContain("/Agreements/New", page, StringComparison.Ordinal);
        foreach (var client in new[] { manager, await app.SignedInAsync(Emails.Reader) })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync($"/Clusters/{id}/Agreements/New")).StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync($"/Clusters/{id}/Agreements/{agreementId}/Extend")).StatusCode);
        }
        var other = await app.SignedInAsync(Emails.Flux50Manager);
        // The page is agency staff's by its declared rule, before any cluster is looked up.
        Assert.Equal(HttpStatusCode.Redirect, (await other.GetAsync($"/Clusters/{id}/Agreements/New")).StatusCode);
    }
}

[Collection(AppCollection.Name)]
public sealed class AgreementAmendmentTests(ClusterpactApp app)
{
    [Fact]
    public async Task An_officer_ends_an_agreement_early_and_the_history_stays_visible()
    {
        var officer = await app.SignedInAsync(Emails.Officer);
        var id = await app.ClusterIdAsync("De Blauwe Cluster");
        var agreementId = await app.WithDbAsync(db => db.SupportAgreements.Where(a => a.ClusterId == id).Select(a => a.Id).SingleAsync());
        var lengthen = await officer.SubmitFormAsync($"/Clusters/{id}/Agreements/{agreementId}/Shorten", new Dictionary<string, string> { ["Input.End"] = "2028-06-30", ["Input.Reason"] = "x" });
        Assert.Contains("alleen vervroegen", (await lengthen.ParseAsync()).Body!.TextContent, StringComparison.Ordinal);
        var shortened = await officer.SubmitFormAsync($"/Clusters/{id}/Agreements/{agreementId}/Shorten", new Dictionary<string, string>
        {
            ["Input.End"] = "2027-06-30", ["Input.Reason"] = "Fusie met een andere cluster, beslissing HF-2026-12",
        });
        Assert.Equal(HttpStatusCode.Redirect, shortened.StatusCode);
        var page = await officer.GetDocumentAsync($"/Clusters/{id}");
        Assert.Contains("einde 31-12-2027 werd 30-06-2027", page.QuerySelector("[data-testid=amendments]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("31-12-2027", page.QuerySelector("[data-testid=agreements] table")!.TextContent, StringComparison.Ordinal);
        var reader = await app.SignedInAsync(Emails.Reader);
        Assert.Equal(HttpStatusCode.Redirect, (await reader.GetAsync($"/Clusters/{id}/Agreements/{agreementId}/Shorten")).StatusCode);
    }
}
