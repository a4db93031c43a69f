using System.Globalization;
using Clusterpact.Domain.Calls;

namespace Clusterpact.Browser.Tests;

/// <summary>A small call end to end in Chromium: publish, apply, assign, declare, score, rank, decide.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CallTests(BrowserApp app)
{
    [Fact]
    public async Task A_small_call_runs_from_publication_to_decision()
    {
        const string title = "Oproep bedrijfsnetwerken (browsertest)";
        var officer = await app.SignInAsync("officer@clusterpact.demo");
        var callId = await CallForms.PublishAsync(app, officer, title, "Business networks call (browser test)");

        var applicant = await app.SignInAsync("applicant@clusterpact.demo");
        await applicant.GotoAsync($"/OpenCalls/{callId}");
        await applicant.GetByRole(AriaRole.Link, new() { Name = "Aanvraag starten" }).ClickAsync();
        await Assertions.Expect(applicant.GetByLabel("Aanvrager")).ToHaveValueAsync("Vlaamse Waterstofcluster vzw");
        await applicant.GetByRole(AriaRole.Button, new() { Name = "Starten" }).ClickAsync();
        await applicant.GetByLabel("Strategisch domein").FillAsync("Waterstof");
        await applicant.GetByLabel("Visie").FillAsync("Groene waterstof als motor voor de Vlaamse industrie");
        await applicant.GetByLabel("Actieplan").FillAsync("Roadmap, proeftuinen, internationale missies");
        await applicant.GetByLabel("Consortium en aansturing").FillAsync("Kmo's, grote bedrijven en twee universiteiten");
        await applicant.GetByLabel("Naam lid 1", new() { Exact = true }).FillAsync("Hydrogenics Kmo");
        await applicant.GetByLabel("Ondernemingsnummer 1", new() { Exact = true }).FillAsync("0200.000.043");
        await applicant.GetByLabel("Jaar 1", new() { Exact = true }).FillAsync("2027");
        await applicant.GetByLabel("Budget 1", new() { Exact = true }).FillAsync("200.000,00");
        await applicant.GetByLabel("Cofinanciering 1", new() { Exact = true }).FillAsync("100.000,00");
        await applicant.GetByRole(AriaRole.Button, new() { Name = "Ontwerp bewaren" }).ClickAsync();
        await applicant.GetByRole(AriaRole.Button, new() { Name = "Indienen", Exact = true }).ClickAsync();
        // Submitting is final, so the page asks first.
        await Assertions.Expect(applicant.GetByTestId("confirm-submit")).ToContainTextAsync("kan je niets meer wijzigen");
        await Assertions.Expect(applicant.GetByTestId("application-status")).ToHaveTextAsync("Ontwerp");
        await applicant.GetByRole(AriaRole.Button, new() { Name = "Ja, definitief indienen" }).ClickAsync();
        await Assertions.Expect(applicant.GetByTestId("application-status")).ToHaveTextAsync("Ingediend");

        await officer.GotoAsync($"/Calls/Details/{callId}");
        await officer.GetByRole(AriaRole.Link, new() { Name = "A-001" }).ClickAsync();
        await officer.GetByRole(AriaRole.Button, new() { Name = "Ontvankelijk verklaren", Exact = true }).ClickAsync();
        await officer.GetByLabel("Expert toewijzen").SelectOptionAsync(new SelectOptionValue { Label = "Dr. Ingrid Lindqvist (Lund University)" });
        await officer.GetByRole(AriaRole.Button, new() { Name = "Toewijzen" }).ClickAsync();
        await officer.GetByRole(AriaRole.Button, new() { Name = "Beoordeling starten" }).ClickAsync();
        await Assertions.Expect(officer.GetByTestId("application-status")).ToHaveTextAsync("In beoordeling");
        var applicationUrl = officer.Url;

        var expert = await app.SignInAsync("expert@clusterpact.demo");
        await expert.GotoAsync("/Review");
        await expert.GetByRole(AriaRole.Row).Filter(new() { HasText = title }).GetByRole(AriaRole.Link).ClickAsync();
        await expert.GetByLabel("Nee, ik heb geen belangenconflict").CheckAsync();
        await expert.GetByRole(AriaRole.Button, new() { Name = "Verklaren" }).ClickAsync();
        await Assertions.Expect(expert.GetByTestId("declaration")).ToContainTextAsync("Geen belangenconflict");
        await expert.GetByLabel("Score", new() { Exact = true }).FillAsync("8");
        await expert.GetByLabel("Motivering").FillAsync("Helder actieplan met meetbare mijlpalen per jaar.");
        await expert.GetByRole(AriaRole.Button, new() { Name = "Scores bewaren" }).ClickAsync();
        // Until the jury's consensus an expert reads their own scores only.
        await Assertions.Expect(expert.GetByLabel("Motivering")).ToHaveValueAsync("Helder actieplan met meetbare mijlpalen per jaar.");
        await Assertions.Expect(expert.GetByTestId("panel-hidden")).ToBeVisibleAsync();
        await Assertions.Expect(expert.GetByTestId("panel-scores")).ToHaveCountAsync(0);

        // The deadline passes.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ClusterpactDbContext>();
            var call = await db.Calls.SingleAsync(c => c.Id == callId);
            db.Entry(call).Property(nameof(Call.ClosesAt)).CurrentValue = app.Clock.GetUtcNow().AddMinutes(-1);
            await db.SaveChangesAsync();
        }
        await officer.GotoAsync($"/Calls/Details/{callId}");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Oproep sluiten" }).ClickAsync();
        await Assertions.Expect(officer.GetByTestId("call-status")).ToHaveTextAsync("Gesloten");
        await officer.GetByRole(AriaRole.Link, new() { Name = "Rangschikking" }).ClickAsync();
        await Assertions.Expect(officer.GetByTestId("total")).ToHaveTextAsync("80,00");
        await officer.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ScreenshotDir, "call-ranking.png"), FullPage = true });

        await officer.GotoAsync(applicationUrl);
        await officer.GetByLabel("Toegekend", new() { Exact = true }).CheckAsync();
        await officer.GetByRole(AriaRole.Button, new() { Name = "Beslissing vastleggen" }).ClickAsync();
        await Assertions.Expect(officer.GetByTestId("outcome")).ToHaveTextAsync("Toegekend");

        await applicant.ReloadAsync();
        await Assertions.Expect(applicant.GetByTestId("outcome")).ToHaveTextAsync("Toegekend");
    }
}
