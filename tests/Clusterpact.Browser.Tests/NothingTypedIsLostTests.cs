using Clusterpact.Domain.Members;

namespace Clusterpact.Browser.Tests;

/// <summary>
/// Issue 17, "Nothing typed is lost", through the real forms in Chromium: a refused form comes back with what was typed,
/// the focus on the error summary (so a keyboard or screen-reader user lands on what to correct) and the refused field
/// marked <c>aria-invalid="true"</c> and described by its message ("Words and layout").
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class NothingTypedIsLostTests(BrowserApp app)
{
    private async Task<T> DbAsync<T>(Func<ClusterpactDbContext, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<ClusterpactDbContext>());
    }

    private static Task<string?> FocusedIdAsync(IPage page) => page.EvaluateAsync<string?>("() => document.activeElement && document.activeElement.id");

    [Fact]
    public async Task A_refused_working_year_keeps_every_amount_focuses_the_summary_and_marks_the_field()
    {
        var (url, firstYear) = await DbAsync(async db =>
        {
            var cluster = await db.Clusters.Where(c => c.Name == "Catalisti").Select(c => c.Id).SingleAsync();
            var year = await db.AgreementYears.AsNoTracking()
                .Where(y => db.SupportAgreements.Any(a => a.Id == y.AgreementId && a.ClusterId == cluster))
                .OrderBy(y => y.YearStart).Select(y => new { y.AgreementId, y.YearStart }).FirstAsync();
            return ($"/Clusters/{cluster}/Agreements/{year.AgreementId}/Budget", year.YearStart.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        });
        var officer = await app.SignInAsync("officer@clusterpact.demo");
        await officer.GotoAsync(url);
        // The form folds open under its heading; a year that already exists, with amounts as people type them in Belgium.
        await officer.Locator("summary", new() { HasText = "Werkjaar toevoegen" }).ClickAsync();
        await officer.GetByLabel("Begin van het werkjaar").FillAsync(firstYear);
        await officer.GetByLabel("Toegekende werkingssteun (€)").FillAsync("€ 150.000");
        await officer.GetByLabel("Geplande cofinanciering (€)").FillAsync("160 000");
        await officer.GetByLabel("Animatie (€)").FillAsync("200.000,50");
        await officer.GetByLabel("Marketing (€)").FillAsync("100000");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Werkjaar toevoegen" }).ClickAsync();

        await Assertions.Expect(officer.Locator("#error-summary")).ToContainTextAsync("Dit werkjaar bestaat al.");
        Assert.Equal("error-summary", await FocusedIdAsync(officer));
        await Assertions.Expect(officer.GetByLabel("Begin van het werkjaar")).ToHaveValueAsync(firstYear);
        await Assertions.Expect(officer.GetByLabel("Toegekende werkingssteun (€)")).ToHaveValueAsync("€ 150.000");
        await Assertions.Expect(officer.GetByLabel("Geplande cofinanciering (€)")).ToHaveValueAsync("160 000");
        await Assertions.Expect(officer.GetByLabel("Animatie (€)")).ToHaveValueAsync("200.000,50");
        await Assertions.Expect(officer.GetByLabel("Marketing (€)")).ToHaveValueAsync("100000");
        await Assertions.Expect(officer.Locator("main")).Not.ToContainTextAsync("Vul alle verplichte velden in");
        // The refused field says so, and is described by its message; the fields that were right are not marked.
        var yearStart = officer.GetByLabel("Begin van het werkjaar");
        await Assertions.Expect(yearStart).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(yearStart).ToHaveAccessibleDescriptionAsync(new System.Text.RegularExpressions.Regex("Dit werkjaar bestaat al"));
        await Assertions.Expect(officer.GetByLabel("Marketing (€)")).Not.ToHaveAttributeAsync("aria-invalid", "true");
        // The summary's message leads to its field, though the message is kept under "YearStart" and the field posts "yearStart".
        await officer.Locator("#error-summary a", new() { HasText = "Dit werkjaar bestaat al." }).ClickAsync();
        await Assertions.Expect(yearStart).ToBeFocusedAsync();
    }

    [Fact]
    public async Task A_project_for_a_cluster_the_manager_does_not_act_for_keeps_the_form_and_says_why()
    {
        var lead = await DbAsync(async db =>
        {
            var catalisti = await db.Clusters.Where(c => c.Name == "Catalisti").Select(c => c.Id).SingleAsync();
            return await db.Organisations.AsNoTracking()
                .Where(o => o.Kind == OrganisationKind.Company && o.EnterpriseNumber != null && db.Memberships.Any(m => m.OrganisationId == o.Id && m.ClusterId == catalisti))
                .OrderBy(o => o.EnterpriseNumber).Select(o => o.EnterpriseNumber!).FirstAsync();
        });
        var manager = await app.SignInAsync("manager.catalisti@clusterpact.demo");
        await manager.GotoAsync("/Projects/New");
        await manager.GetByLabel("Ondernemingsnummer van de trekker").FillAsync(lead);
        await manager.GetByLabel("Samenwerkingsproject (geoormerkte middelen)").CheckAsync();
        await manager.GetByLabel("Titel", new() { Exact = true }).FillAsync("Niet van mij (browsertest)");
        await manager.GetByLabel("Samenvatting").FillAsync("Een voorstel voor een andere cluster");
        await manager.GetByLabel("Start", new() { Exact = true }).FillAsync("2034-01-01");
        await manager.GetByLabel("Einde", new() { Exact = true }).FillAsync("2035-01-01");
        await manager.GetByLabel("Totaal budget (€)").FillAsync("1.000");
        // Only Flux50 (an earmarked project belongs to exactly one cluster): the manager's own cluster unticked, Flux50 added by name.
        await manager.GetByRole(AriaRole.Checkbox, new() { Name = "Catalisti" }).SetCheckedAsync(false);
        await manager.GetByLabel("Cluster toevoegen").FillAsync("Flux50");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Voorstel indienen" }).ClickAsync();

        // The same form, refused next to the field, not an access-denied page.
        await Assertions.Expect(manager).ToHaveURLAsync(app.BaseUrl + "/Projects/New");
        await Assertions.Expect(manager.Locator("#error-summary")).ToContainTextAsync("minstens één cluster waarvoor u optreedt");
        Assert.Equal("error-summary", await FocusedIdAsync(manager));
        await Assertions.Expect(manager.GetByLabel("Ondernemingsnummer van de trekker")).ToHaveValueAsync(lead);
        await Assertions.Expect(manager.GetByLabel("Titel", new() { Exact = true })).ToHaveValueAsync("Niet van mij (browsertest)");
        await Assertions.Expect(manager.GetByLabel("Samenvatting")).ToHaveValueAsync("Een voorstel voor een andere cluster");
        await Assertions.Expect(manager.GetByLabel("Start", new() { Exact = true })).ToHaveValueAsync("2034-01-01");
        await Assertions.Expect(manager.GetByLabel("Totaal budget (€)")).ToHaveValueAsync("1.000");
        await Assertions.Expect(manager.GetByLabel("Samenwerkingsproject (geoormerkte middelen)")).ToBeCheckedAsync();
        await Assertions.Expect(manager.GetByLabel("Flux50")).ToBeCheckedAsync();
        Assert.False(await DbAsync(db => db.Projects.AnyAsync(p => p.Title == "Niet van mij (browsertest)")));
    }
}
