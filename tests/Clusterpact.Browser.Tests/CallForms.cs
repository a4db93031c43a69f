using System.Globalization;
using Clusterpact.Domain.Calls;

namespace Clusterpact.Browser.Tests;

/// <summary>What several walks do through the call form.</summary>
public static class CallForms
{
    /// <summary>The officer publishes a call with one criterion (C1, weight 100), open since yesterday for ten days; returns its id.</summary>
    public static async Task<Guid> PublishAsync(BrowserApp app, IPage officer, string title, string englishTitle)
    {
        static string Local(DateTimeOffset instant) => BrusselsTime.ToLocal(instant).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
        await officer.GotoAsync("/Calls/Edit");
        await officer.GetByLabel("Titel (Nederlands)").FillAsync(title);
        await officer.GetByLabel("Titel (Engels)").FillAsync(englishTitle);
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
}
