using System.Globalization;
using Clusterpact.Domain.Calls;
using Clusterpact.Domain.Members;
using Clusterpact.Domain.Surveys;

namespace Clusterpact.Browser.Tests;

/// <summary>
/// Issue 17, "Trust and privacy", each promise walked through the real forms in Chromium: a survey's results stay anonymous
/// under a size-class filter, a partner from another cluster shows only what the public register shows, an expert reads
/// only their own scores and never a colleague's name, an .exe renamed .pdf is refused, and submitting an application
/// first lists what breaks the call's rules and then asks to confirm.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TrustAndPrivacyTests(BrowserApp app)
{
    private const string Officer = "officer@clusterpact.demo";
    private const string Applicant = "applicant@clusterpact.demo";

    private async Task<T> DbAsync<T>(Func<ClusterpactDbContext, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<ClusterpactDbContext>());
    }

    [Fact]
    public async Task A_size_class_filter_never_shows_fewer_than_five_answers_on_the_page_or_in_the_export()
    {
        var title = $"Anonimiteit per grootte {Guid.NewGuid():N}"[..32];
        var surveyId = await DbAsync(async db =>
        {
            var survey = Survey.Standard(title, 2026);
            survey.Open(new DateOnly(2026, 3, 1));
            db.Surveys.Add(survey);
            var catalisti = await db.Clusters.Where(c => c.Name == "Catalisti").Select(c => c.Id).SingleAsync();
            db.SurveyInvitations.Add(SurveyInvitation.Create(survey.Id, catalisti, null, "lid@voorbeeld.demo", english: false, new DateOnly(2026, 3, 1)).Item1);
            // Four micro members and six large ones answered.
            var scale = survey.Questions.Where(q => q.Kind == QuestionKind.Scale).Select(q => new AnswerInput(q.Id, [], 4, null, null)).ToList();
            var answers = SurveyAnswers.Check(survey, scale).Answers;
            foreach (var size in Enumerable.Repeat(SizeClass.Micro, 4).Concat(Enumerable.Repeat(SizeClass.Large, 6)))
                db.SurveyResponses.Add(SurveyResponse.Of(survey.Id, catalisti, size, answers));
            await db.SaveChangesAsync();
            return survey.Id;
        });

        var manager = await app.SignInAsync("manager.catalisti@clusterpact.demo");
        await manager.GotoAsync("/Surveys");
        await manager.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await manager.GotoAsync($"/Surveys/{surveyId}/Results");
        foreach (var size in new[] { "Micro", "Groot" })
        {
            await manager.GetByLabel("Cluster", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Catalisti" });
            await manager.GetByLabel("Grootte").SelectOptionAsync(new SelectOptionValue { Label = size });
            await manager.GetByRole(AriaRole.Button, new() { Name = "Toepassen" }).ClickAsync();
            // Four micro answers are too few; six large ones would reveal the other four as the difference with the total.
            await Assertions.Expect(manager.GetByTestId("hidden")).ToBeVisibleAsync();
            await Assertions.Expect(manager.Locator("[data-question]")).ToHaveCountAsync(0);
            var export = manager.GetByRole(AriaRole.Link, new() { Name = "Exporteren naar Excel" });
            if (await export.CountAsync() > 0)
                Assert.NotEqual(200, (await manager.APIRequest.GetAsync(await export.GetAttributeAsync("href") ?? "")).Status);
        }

        await manager.GetByLabel("Grootte").SelectOptionAsync(new SelectOptionValue { Label = "Alle" });
        await manager.GetByRole(AriaRole.Button, new() { Name = "Toepassen" }).ClickAsync();
        await Assertions.Expect(manager.GetByTestId("hidden")).ToHaveCountAsync(0);
        await Assertions.Expect(manager.GetByTestId("responses")).ToContainTextAsync("10");
        await Assertions.Expect(manager.GetByTestId("anonymity-rule")).ToContainTextAsync("1 tot 4");
    }

    [Fact]
    public async Task A_partner_from_another_cluster_shows_only_the_public_register_facts()
    {
        var (lead, outsider) = await DbAsync(async db =>
        {
            var catalisti = await db.Clusters.Where(c => c.Name == "Catalisti").Select(c => c.Id).SingleAsync();
            var flux = await db.Clusters.Where(c => c.Name == "Flux50").Select(c => c.Id).SingleAsync();
            var lead = await db.Organisations.AsNoTracking()
                .Where(o => o.Kind == OrganisationKind.Company && o.EnterpriseNumber != null && db.Memberships.Any(m => m.OrganisationId == o.Id && m.ClusterId == catalisti))
                .OrderBy(o => o.EnterpriseNumber).Select(o => o.EnterpriseNumber!).FirstAsync();
            var outsider = await db.Organisations.AsNoTracking()
                .Where(o => o.Kind == OrganisationKind.Company && o.EnterpriseNumber != null && o.SizeClass != null
                    && db.Memberships.Any(m => m.OrganisationId == o.Id && m.ClusterId == flux) && !db.Memberships.Any(m => m.OrganisationId == o.Id && m.ClusterId == catalisti))
                .OrderByDescending(o => o.EnterpriseNumber).FirstAsync();
            return (lead, outsider);
        });

        var manager = await app.SignInAsync("manager.catalisti@clusterpact.demo");
        await manager.GotoAsync("/Projects/New");
        await manager.GetByLabel("Ondernemingsnummer van de trekker").FillAsync(lead);
        await manager.GetByLabel("Samenwerkingsproject (geoormerkte middelen)").CheckAsync();
        await manager.GetByLabel("Titel", new() { Exact = true }).FillAsync("Samen met een buur (browsertest)");
        await manager.GetByLabel("Start", new() { Exact = true }).FillAsync("2037-02-01");
        await manager.GetByLabel("Einde", new() { Exact = true }).FillAsync("2039-01-31");
        await manager.GetByLabel("Totaal budget (€)").FillAsync("1.000");
        await manager.GetByLabel("Catalisti").CheckAsync();
        await manager.GetByRole(AriaRole.Button, new() { Name = "Voorstel indienen" }).ClickAsync();
        await manager.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/Projects/[0-9a-f-]{36}$"));

        var partnerForm = manager.Locator("form:has(#EnterpriseNumber)");
        await partnerForm.GetByLabel("Ondernemingsnummer").FillAsync(outsider.EnterpriseNumber!);
        await partnerForm.GetByLabel("Rol").SelectOptionAsync(new SelectOptionValue { Label = "Partner" });
        await partnerForm.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();

        var row = manager.GetByTestId("partners").Locator("tbody tr").Filter(new() { HasText = outsider.Name });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync("openbare register (KBO)");
        // Name and enterprise number as the KBO shows them; not the kind, not the size class, no link to the member record.
        await Assertions.Expect(row.Locator("td").Nth(1)).ToHaveTextAsync("–");
        await Assertions.Expect(row.Locator("td").Nth(2)).ToHaveTextAsync("–");
        await Assertions.Expect(row.Locator($"a[href='/Organisations/{outsider.Id}']")).ToHaveCountAsync(0);
    }

    /// <summary>The officer publishes a call with one criterion (C1, weight 100) through the call form; returns its id.</summary>
    private async Task<Guid> PublishCallAsync(IPage officer, string title)
    {
        static string Local(DateTimeOffset instant) => BrusselsTime.ToLocal(instant).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
        await officer.GotoAsync("/Calls/Edit");
        await officer.GetByLabel("Titel (Nederlands)").FillAsync(title);
        await officer.GetByLabel("Titel (Engels)").FillAsync(title + " (EN)");
        await officer.GetByLabel("Budget (EUR)").FillAsync("300.000,00");
        await officer.GetByLabel("Opent").FillAsync(Local(app.Clock.GetUtcNow().AddDays(-1)));
        await officer.GetByLabel("Sluit").FillAsync(Local(app.Clock.GetUtcNow().AddDays(10)));
        await officer.GetByLabel("Code 1", new() { Exact = true }).First.FillAsync("C1");
        await officer.GetByLabel("Naam (Nederlands) 1", new() { Exact = true }).First.FillAsync("Kwaliteit van het voorstel");
        await officer.GetByLabel("Naam (Engels) 1", new() { Exact = true }).First.FillAsync("Quality of the proposal");
        await officer.GetByLabel("Gewicht 1", new() { Exact = true }).FillAsync("100");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Opslaan", Exact = true }).ClickAsync();
        await officer.GetByRole(AriaRole.Button, new() { Name = "Publiceren" }).ClickAsync();
        await Assertions.Expect(officer.GetByTestId("call-status")).ToHaveTextAsync("Gepubliceerd");
        return Guid.Parse(officer.Url.Split('/').Last());
    }

    /// <summary>The applicant starts an application on the call and fills the plan; the draft is saved, not submitted.</summary>
    private static async Task DraftAsync(IPage applicant, Guid callId, string cofinancing)
    {
        await applicant.GotoAsync($"/OpenCalls/{callId}");
        await applicant.GetByRole(AriaRole.Link, new() { Name = "Aanvraag starten" }).ClickAsync();
        await applicant.GetByRole(AriaRole.Button, new() { Name = "Starten" }).ClickAsync();
        await applicant.GetByLabel("Strategisch domein").FillAsync("Waterstof");
        await applicant.GetByLabel("Visie").FillAsync("Groene waterstof als motor voor de Vlaamse industrie");
        await applicant.GetByLabel("Actieplan").FillAsync("Roadmap, proeftuinen, internationale missies");
        await applicant.GetByLabel("Consortium en aansturing").FillAsync("Kmo's, grote bedrijven en twee universiteiten");
        await applicant.GetByLabel("Naam lid 1", new() { Exact = true }).FillAsync("Hydrogenics Kmo");
        await applicant.GetByLabel("Ondernemingsnummer 1", new() { Exact = true }).FillAsync("0200.000.043");
        await applicant.GetByLabel("Jaar 1", new() { Exact = true }).FillAsync("2027");
        await applicant.GetByLabel("Budget 1", new() { Exact = true }).FillAsync("200.000,00");
        await applicant.GetByLabel("Cofinanciering 1", new() { Exact = true }).FillAsync(cofinancing);
        await applicant.GetByRole(AriaRole.Button, new() { Name = "Ontwerp bewaren" }).ClickAsync();
    }

    [Fact]
    public async Task Submitting_lists_what_breaks_the_calls_rules_and_then_asks_to_confirm()
    {
        var officer = await app.SignInAsync(Officer);
        var callId = await PublishCallAsync(officer, "Oproep indiencontrole (browsertest)");
        var applicant = await app.SignInAsync(Applicant);
        // 60.000 of 200.000 is 30%: the call asks at least half over the period.
        await DraftAsync(applicant, callId, "60.000,00");
        await applicant.GetByRole(AriaRole.Button, new() { Name = "Indienen", Exact = true }).ClickAsync();
        await Assertions.Expect(applicant.Locator("#error-summary")).ToContainTextAsync("minstens 50");
        await Assertions.Expect(applicant.GetByTestId("confirm-submit")).ToHaveCountAsync(0);
        await Assertions.Expect(applicant.GetByTestId("application-status")).ToHaveTextAsync("Ontwerp");

        await applicant.GetByLabel("Cofinanciering 1", new() { Exact = true }).FillAsync("100.000,00");
        await applicant.GetByRole(AriaRole.Button, new() { Name = "Ontwerp bewaren" }).ClickAsync();
        await Assertions.Expect(applicant.GetByTestId("submit-problems")).ToHaveCountAsync(0);
        await applicant.GetByRole(AriaRole.Button, new() { Name = "Indienen", Exact = true }).ClickAsync();
        await Assertions.Expect(applicant.GetByTestId("confirm-submit")).ToContainTextAsync("kan je niets meer wijzigen");
        await Assertions.Expect(applicant.GetByTestId("application-status")).ToHaveTextAsync("Ontwerp");
        await applicant.GetByRole(AriaRole.Button, new() { Name = "Ja, definitief indienen" }).ClickAsync();
        await Assertions.Expect(applicant.GetByTestId("application-status")).ToHaveTextAsync("Ingediend");
    }

    [Fact]
    public async Task A_program_renamed_to_pdf_is_refused_and_a_real_pdf_is_kept()
    {
        var officer = await app.SignInAsync(Officer);
        var callId = await PublishCallAsync(officer, "Oproep bijlagen (browsertest)");
        var applicant = await app.SignInAsync(Applicant);
        await DraftAsync(applicant, callId, "100.000,00");
        var applicationId = Guid.Parse(applicant.Url.Split('/').Last().Split('?')[0]);

        byte[] exe = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF];
        await applicant.GetByLabel("Bestand", new() { Exact = true }).SetInputFilesAsync(new FilePayload { Name = "plan.pdf", MimeType = "application/pdf", Buffer = exe });
        await applicant.GetByRole(AriaRole.Button, new() { Name = "Opladen" }).ClickAsync();
        await Assertions.Expect(applicant.Locator("#error-summary")).ToContainTextAsync("past niet bij de extensie");
        Assert.Equal(0, await DbAsync(db => db.StoredFiles.CountAsync(f => f.ApplicationId == applicationId)));

        await applicant.GetByLabel("Bestand", new() { Exact = true }).SetInputFilesAsync(new FilePayload { Name = "plan.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.7 plan"u8.ToArray() });
        await applicant.GetByRole(AriaRole.Button, new() { Name = "Opladen" }).ClickAsync();
        await Assertions.Expect(applicant.GetByRole(AriaRole.Link, new() { Name = "plan.pdf" })).ToBeVisibleAsync();
        Assert.Equal(1, await DbAsync(db => db.StoredFiles.CountAsync(f => f.ApplicationId == applicationId)));
    }

    [Fact]
    public async Task An_expert_reads_only_their_own_scores_until_the_consensus_and_colleagues_only_as_expert_n()
    {
        const string title = "Oproep juryintegriteit (browsertest)";
        var officer = await app.SignInAsync(Officer);
        var callId = await PublishCallAsync(officer, title);
        var applicant = await app.SignInAsync(Applicant);
        await DraftAsync(applicant, callId, "100.000,00");
        await applicant.GetByRole(AriaRole.Button, new() { Name = "Indienen", Exact = true }).ClickAsync();
        await applicant.GetByRole(AriaRole.Button, new() { Name = "Ja, definitief indienen" }).ClickAsync();
        await Assertions.Expect(applicant.GetByTestId("application-status")).ToHaveTextAsync("Ingediend");

        var experts = await DbAsync(db => db.Users.Where(u => u.Email == "expert@clusterpact.demo" || u.Email == "expert2@clusterpact.demo")
            .ToDictionaryAsync(u => u.Email!, u => (u.Id, u.DisplayName)));
        await officer.GotoAsync($"/Calls/Details/{callId}");
        await officer.GetByRole(AriaRole.Link, new() { Name = "A-", Exact = false }).First.ClickAsync();
        await officer.GetByRole(AriaRole.Button, new() { Name = "Ontvankelijk verklaren", Exact = true }).ClickAsync();
        foreach (var (id, _) in experts.Values)
        {
            await officer.GetByLabel("Expert toewijzen").SelectOptionAsync(id.ToString());
            await officer.GetByRole(AriaRole.Button, new() { Name = "Toewijzen" }).ClickAsync();
        }
        await officer.GetByRole(AriaRole.Button, new() { Name = "Beoordeling starten" }).ClickAsync();
        await Assertions.Expect(officer.GetByTestId("application-status")).ToHaveTextAsync("In beoordeling");
        var applicationUrl = officer.Url;

        async Task<IPage> ScoreAsync(string email, string value, string words)
        {
            var expert = await app.SignInAsync(email);
            await expert.GotoAsync("/Review");
            await expert.GetByRole(AriaRole.Row).Filter(new() { HasText = title }).GetByRole(AriaRole.Link).ClickAsync();
            await expert.GetByLabel("Nee, ik heb geen belangenconflict").CheckAsync();
            var explanation = expert.GetByLabel("Toelichting");
            if (await explanation.CountAsync() > 0) await explanation.FillAsync("Geen band met de aanvrager");
            await expert.GetByRole(AriaRole.Button, new() { Name = "Verklaren" }).ClickAsync();
            await expert.GetByLabel("Score", new() { Exact = true }).FillAsync(value);
            await expert.GetByLabel("Motivering").FillAsync(words);
            await expert.GetByRole(AriaRole.Button, new() { Name = "Scores bewaren" }).ClickAsync();
            await Assertions.Expect(expert.GetByLabel("Motivering")).ToHaveValueAsync(words);
            return expert;
        }
        var first = await ScoreAsync("expert@clusterpact.demo", "8", "Eerste expert vindt het draagvlak breed");
        await ScoreAsync("expert2@clusterpact.demo", "6", "Tweede expert twijfelt aan het draagvlak");

        // Before the consensus: their own score, no colleague's score and no colleague's name.
        await first.ReloadAsync();
        var colleague = experts["expert2@clusterpact.demo"].DisplayName;
        await Assertions.Expect(first.GetByTestId("panel-hidden")).ToBeVisibleAsync();
        await Assertions.Expect(first.GetByTestId("panel-scores")).ToHaveCountAsync(0);
        Assert.DoesNotContain("Tweede expert", await first.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(colleague, await first.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        await officer.GotoAsync(applicationUrl);
        await officer.Locator("#cv-C1").FillAsync("7");
        await officer.Locator("#cj-C1").FillAsync("De jury is het eens na bespreking");
        await officer.Locator("form:has(#cv-C1)").GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();

        // After it: the panel's scores by juror number, still without a name.
        await first.ReloadAsync();
        var panel = first.GetByTestId("panel-scores");
        await Assertions.Expect(panel).ToContainTextAsync("Tweede expert twijfelt");
        var jurors = (await panel.Locator("tbody tr td:first-child").AllInnerTextsAsync()).Select(t => t.Trim()).Distinct().ToList();
        Assert.Equal(2, jurors.Count);
        Assert.All(jurors, j => Assert.Matches(@"^Expert \d+( \(u\))?$", j));
        Assert.DoesNotContain(colleague, await first.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
    }
}
