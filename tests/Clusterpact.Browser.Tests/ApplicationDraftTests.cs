namespace Clusterpact.Browser.Tests;

/// <summary>What an applicant types stays when they upload a file before saving, and removing asks first.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ApplicationDraftTests(BrowserApp app)
{
    [Fact]
    public async Task Uploading_a_file_before_saving_keeps_every_typed_field_and_removing_it_asks_first()
    {
        var applicant = await app.SignInAsync("applicant@clusterpact.demo");
        await applicant.GotoAsync("/OpenCalls");
        await applicant.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Oproep innovatieve bedrijfsnetwerken") }).First.ClickAsync();
        await applicant.GetByRole(AriaRole.Link, new() { Name = "Aanvraag starten" }).ClickAsync();
        await applicant.GetByRole(AriaRole.Button, new() { Name = "Starten" }).ClickAsync();

        await applicant.GetByLabel("Strategisch domein").FillAsync("Fotonica");
        await applicant.GetByLabel("Visie").FillAsync("Licht als sleuteltechnologie");
        await applicant.GetByLabel("Actieplan").FillAsync("Netwerk, demonstrators, missies");
        await applicant.GetByLabel("Consortium en aansturing").FillAsync("Negen kmo's");
        await applicant.GetByLabel("Naam lid 1", new() { Exact = true }).FillAsync("Kmo Licht");
        await applicant.GetByLabel("Ondernemingsnummer 1", new() { Exact = true }).FillAsync("0200.000.043");
        await applicant.GetByLabel("Jaar 1", new() { Exact = true }).FillAsync("2027");
        await applicant.GetByLabel("Budget 1", new() { Exact = true }).FillAsync("120.000,00");
        await applicant.GetByLabel("Cofinanciering 1", new() { Exact = true }).FillAsync("60.000,00");
        // No "save" first: the file goes up straight away.
        await applicant.GetByLabel("Bestand").SetInputFilesAsync(new FilePayload { Name = "plan.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4 plan"u8.ToArray() });
        await applicant.GetByRole(AriaRole.Button, new() { Name = "Opladen" }).ClickAsync();

        await Assertions.Expect(applicant.GetByTestId("flash")).ToHaveTextAsync("Je ontwerp is bewaard en het bestand is toegevoegd.");
        await Assertions.Expect(applicant.GetByTestId("attachments")).ToContainTextAsync("plan.pdf");
        await Assertions.Expect(applicant.GetByLabel("Strategisch domein")).ToHaveValueAsync("Fotonica");
        await Assertions.Expect(applicant.GetByLabel("Visie")).ToHaveValueAsync("Licht als sleuteltechnologie");
        await Assertions.Expect(applicant.GetByLabel("Actieplan")).ToHaveValueAsync("Netwerk, demonstrators, missies");
        await Assertions.Expect(applicant.GetByLabel("Consortium en aansturing")).ToHaveValueAsync("Negen kmo's");
        await Assertions.Expect(applicant.GetByLabel("Naam lid 1", new() { Exact = true })).ToHaveValueAsync("Kmo Licht");
        await Assertions.Expect(applicant.GetByLabel("Jaar 1", new() { Exact = true })).ToHaveValueAsync("2027");
        await Assertions.Expect(applicant.GetByLabel("Budget 1", new() { Exact = true })).ToHaveValueAsync("120.000,00");

        // Removing the file asks first; "Annuleren" leaves it, "Ja, verwijderen" removes it.
        var draftUrl = applicant.Url;
        await applicant.GetByTestId("attachments").GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(applicant.GetByTestId("confirm-question")).ToContainTextAsync("plan.pdf");
        await applicant.GetByRole(AriaRole.Link, new() { Name = "Annuleren" }).ClickAsync();
        await Assertions.Expect(applicant.GetByTestId("attachments")).ToContainTextAsync("plan.pdf");
        await applicant.GetByTestId("attachments").GetByRole(AriaRole.Button).ClickAsync();
        await applicant.GetByRole(AriaRole.Button, new() { Name = "Ja, verwijderen" }).ClickAsync();
        await applicant.WaitForURLAsync(draftUrl);
        await Assertions.Expect(applicant.GetByTestId("attachments")).Not.ToContainTextAsync("plan.pdf");
        await Assertions.Expect(applicant.GetByLabel("Visie")).ToHaveValueAsync("Licht als sleuteltechnologie");
    }
}
