using AngleSharp.Html.Dom;
using MiniExcelLibs;

namespace Clusterpact.Web.Tests.Budget;

/// <summary>
/// The budget planner over HTTP. The hand-worked scenario (green-paper scenario 3, 2027-2028): every cluster of today is set
/// to nothing, except two:
/// <list type="bullet">
/// <item>A, a spearhead cluster: EUR 650.000 operating aid and EUR 1.000.000 earmarked funds a year, its term ending on
/// 30-06-2027, continuing after it with EUR 400.000 follow-on funding a year.</item>
/// <item>B, another cluster: EUR 150.000 operating aid a year, its term running beyond 2028, not continuing.</item>
/// </list>
/// and the intercluster pool is EUR 500.000 in 2027 and nothing in 2028. ProRata: amount x days / days in the year, rounded to
/// the cent, halves away from zero.
/// <code>
/// 2027 (365 days): A's term covers 1 Jan - 30 Jun = 31+28+31+30+31+30 = 181 days, follow-on 1 Jul - 31 Dec = 184 days.
///   A operating aid  650.000 x 181/365 = 322.328,767... = 322.328,77
///   A earmarked    1.000.000 x 181/365 = 495.890,410... = 495.890,41
///   A follow-on      400.000 x 184/365 = 201.643,835... = 201.643,84
///   B operating aid  150.000 x 365/365 = 150.000,00
///   pool                                 500.000,00
///   total 2027 = 322.328,77 + 495.890,41 + 201.643,84 + 150.000,00 + 500.000,00 = 1.669.863,02
///   operating aid 2027 = 322.328,77 + 150.000,00 = 472.328,77
/// 2028 (366 days, leap year): A follow-on 400.000 x 366/366 = 400.000,00; B 150.000,00; pool 0 -> total 550.000,00
/// period 2027-2028: 1.669.863,02 + 550.000,00 = 2.219.863,02
/// </code>
/// </summary>
[Collection(BudgetPlannerCollection.Name)]
public sealed class BudgetPlannerTests(BudgetPlannerApp app)
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-BE");

    [Fact]
    public async Task A_scenario_made_through_the_forms_adds_up_to_the_hand_worked_totals_on_the_page_and_in_the_export()
    {
        var officer = await app.SignedInAsync(Emails.Officer);
        var (id, name) = await CreateHandWorkedAsync(officer, "Handberekend");

        var page = await officer.GetDocumentAsync($"/Budget/{id}");
        Assert.Equal("2027–2028", page.QuerySelector("[data-testid=period]")!.TextContent.Trim());
        Assert.Contains("Bedragen in euro per kalenderjaar, 2027–2028", page.QuerySelector("[data-testid=units]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["€ 1.669.863,02", "€ 550.000,00", "€ 2.219.863,02"], Cells(page, "tr[data-line=total]"));
        Assert.Equal(["€ 472.328,77", "€ 150.000,00", "€ 622.328,77"], Cells(page, "tr[data-line='Budget.OperatingAid']"));
        Assert.Equal(["€ 201.643,84", "€ 400.000,00", "€ 601.643,84"], Cells(page, "tr[data-line='Budget.FollowOnFunding']"));
        Assert.Equal(["€ 495.890,41", "€ 0,00", "€ 495.890,41"], Cells(page, "tr[data-line='Budget.Earmarked']"));

        // The export holds the same numbers, as numbers.
        var rows = await ExportAsync(officer, $"/Budget/{id}?handler=Export&format=xlsx");
        var total = rows.Single(r => (string?)r["Lijn"] == "Totaal" && (string?)r["Onderdeel"] == "Alles samen");
        Assert.Equal((1_669_863.02m, 550_000.00m, 2_219_863.02m), (Money(total["2027"]), Money(total["2028"]), Money(total["Totaal 2027–2028"])));
        var a = rows.Where(r => (string?)r["Onderdeel"] == "Werkingsmiddelen" && Money(r["2027"]) == 322_328.77m).ToList();
        Assert.Single(a);
        var csv = await (await officer.GetAsync($"/Budget/{id}?handler=Export&format=csv")).Content.ReadAsStringAsync();
        Assert.Contains("\r\nTotaal;Alles samen;1669863,02;550000;2219863,02\r\n", csv, StringComparison.Ordinal);

        // It is in the list, and every change is in the audit trail.
        var list = await officer.GetDocumentAsync("/Budget?search=" + Uri.EscapeDataString(name));
        Assert.Contains("€ 2.219.863,02", list.QuerySelector($"tr[data-scenario='{id}']")!.TextContent, StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.EntityType == nameof(SavedBudgetScenario) && e.EntityId == id.ToString() && e.Action == Data.AuditAction.Created)));
        // The edit replaced the cluster lines: the old ones deleted, the new ones (with the typed 650.000) created, all tied to the scenario.
        var scenarioId = id.ToString();
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.EntityType == nameof(SavedClusterLine) && e.Action == Data.AuditAction.Deleted
            && e.OldValue!.Contains(scenarioId) && e.OldValue.Contains("\"OperatingAidPerYear\":"))));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.EntityType == nameof(SavedClusterLine) && e.Action == Data.AuditAction.Created
            && e.NewValue!.Contains(scenarioId) && e.NewValue.Contains("\"OperatingAidPerYear\":\"650000\"") && e.NewValue.Contains("\"TermEnd\":\"2027-06-30\""))));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.EntityType == nameof(SavedProgrammeLine) && e.NewValue!.Contains(scenarioId)
            && e.NewValue.Contains("2027=500000"))));
    }

    [Fact]
    public async Task An_edit_on_a_stale_version_is_refused_and_nothing_is_lost()
    {
        var officer = await app.SignedInAsync(Emails.Officer);
        var (id, name) = await CreateHandWorkedAsync(officer, "Gelijktijdig");
        var stale = await FormAsync(officer, $"/Budget/Edit/{id}");

        var first = await PostAsync(officer, $"/Budget/Edit/{id}", stale, new() { ["Input.Notes"] = "Eerste wijziging" });
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        var second = await PostAsync(officer, $"/Budget/Edit/{id}", stale, new() { ["Input.Notes"] = "Tweede wijziging", ["Input.Name"] = name + " (B)" });
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var doc = await second.ParseAsync();
        Assert.Contains("Iemand anders heeft dit record intussen gewijzigd", doc.QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(name + " (B)", doc.QuerySelector<IHtmlInputElement>("#Input_Name")!.Value);
        Assert.Equal("Tweede wijziging", doc.QuerySelector<IHtmlTextAreaElement>("#Input_Notes")!.Value);

        var stored = await app.WithDbAsync(db => db.BudgetScenarios.AsNoTracking().SingleAsync(s => s.Id == id));
        Assert.Equal((name, "Eerste wijziging"), (stored.Name, stored.Notes));
        // The first edit's parameters are intact: still the hand-worked projection.
        Assert.Equal(2_219_863.02m, ScenarioProjection.Compute(stored.ToScenario()).Value!.Total.Total);
    }

    [Fact]
    public async Task Wrong_input_shows_the_form_again_with_the_message_next_to_the_field_and_what_was_typed()
    {
        var officer = await app.SignedInAsync(Emails.Officer);
        var (id, _) = await CreateHandWorkedAsync(officer, "Foute invoer");
        var form = await FormAsync(officer, $"/Budget/Edit/{id}");
        var a = SpearheadIndex(form);

        var unreadable = await PostAsync(officer, $"/Budget/Edit/{id}", form, new()
        {
            [$"Input.Clusters[{a}].OperatingAidPerYear"] = "zeshonderd", [$"Input.Clusters[{a}].TermEnd"] = "31-02-2027",
        });
        Assert.Equal(HttpStatusCode.OK, unreadable.StatusCode);
        var doc = await unreadable.ParseAsync();
        Assert.Equal("zeshonderd", doc.QuerySelector<IHtmlInputElement>($"#Input_Clusters_{a}__OperatingAidPerYear")!.Value);
        Assert.Equal("31-02-2027", doc.QuerySelector<IHtmlInputElement>($"#Input_Clusters_{a}__TermEnd")!.Value);
        Assert.Contains("zeshonderd is geen geldig bedrag", FieldError(doc, $"Input.Clusters[{a}].OperatingAidPerYear"), StringComparison.Ordinal);
        Assert.Contains("31-02-2027 is geen geldige datum", FieldError(doc, $"Input.Clusters[{a}].TermEnd"), StringComparison.Ordinal);

        // The domain's rules, translated: a negative amount, the last year before the first.
        var refused = await PostAsync(officer, $"/Budget/Edit/{id}", form, new()
        {
            [$"Input.Clusters[{a}].FollowOnFundingPerYear"] = "-5,00", ["Input.LastYear"] = "2026",
        });
        doc = await refused.ParseAsync();
        Assert.Contains("Een bedrag mag niet negatief zijn", FieldError(doc, $"Input.Clusters[{a}].FollowOnFundingPerYear"), StringComparison.Ordinal);
        Assert.Contains("Het laatste jaar ligt voor het eerste jaar", FieldError(doc, "Input.LastYear"), StringComparison.Ordinal);
        Assert.Equal("-5,00", doc.QuerySelector<IHtmlInputElement>($"#Input_Clusters_{a}__FollowOnFundingPerYear")!.Value);

        var stored = await app.WithDbAsync(db => db.BudgetScenarios.AsNoTracking().SingleAsync(s => s.Id == id));
        Assert.Equal(2028, stored.LastYear);
        Assert.Equal(650_000m, stored.Clusters[a].OperatingAidPerYear);
    }

    [Fact]
    public async Task Two_scenarios_compare_with_the_difference_to_the_first_on_the_page_and_in_the_export()
    {
        var officer = await app.SignedInAsync(Emails.Officer);
        var (baseline, name) = await CreateHandWorkedAsync(officer, "Vergelijking");

        // A copy with EUR 800.000 in the pool in 2027 instead of 500.000: 300.000,00 more in 2027 and over the period.
        var copied = await officer.SubmitFormAsync($"/Budget/{baseline}", new Dictionary<string, string>(), f => f.GetAttribute("action")?.Contains("handler=Copy", StringComparison.Ordinal) == true);
        Assert.Equal(HttpStatusCode.Redirect, copied.StatusCode);
        var copy = Guid.Parse(copied.Headers.Location!.OriginalString.Split('/').Last());
        var form = await FormAsync(officer, $"/Budget/Edit/{copy}");
        Assert.Equal(name + " (kopie)", Value(form, "Input.Name"));
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(officer, $"/Budget/Edit/{copy}", form, new() { [AmountField(form, 0, 2027)] = "800.000,00" })).StatusCode);

        var page = await officer.GetDocumentAsync($"/Budget/Compare?s={baseline}&s={copy}");
        Assert.Equal(["€ 1.669.863,02", "€ 1.969.863,02", "€ 300.000,00"], Cells(page, "tr[data-year='2027']"));
        Assert.Equal(["€ 550.000,00", "€ 550.000,00", "€ 0,00"], Cells(page, "tr[data-year='2028']"));
        Assert.Equal(["€ 2.219.863,02", "€ 2.519.863,02", "€ 300.000,00"], Cells(page, "tr[data-year='period']"));

        var rows = await ExportAsync(officer, $"/Budget/Compare?s={baseline}&s={copy}&handler=Export&format=xlsx");
        var difference = rows.Single(r => (string?)r["Lijn"] == name + " (kopie)" && (string?)r["Onderdeel"] == "Verschil met basis");
        Assert.Equal((300_000m, 0m, 300_000m), (Money(difference["2027"]), Money(difference["2028"]), Money(difference["Totaal 2027–2028"])));
        Assert.Equal(1_669_863.02m, Money(rows.Single(r => (string?)r["Lijn"] == name && (string?)r["Onderdeel"] == "Totaal")["2027"]));

        // Scenarios over different years are not compared: a year one does not project is not a year it costs nothing.
        var demo = await app.WithDbAsync(db => db.BudgetScenarios.Where(s => s.Name.EndsWith("(demo)")).Select(s => s.Id).FirstAsync());
        var differ = await officer.GetDocumentAsync($"/Budget/Compare?s={baseline}&s={demo}");
        Assert.Contains("niet dezelfde jaren", differ.QuerySelector("[data-testid=compare-error]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(differ.QuerySelector("[data-testid=comparison]"));
    }

    [Fact]
    public async Task The_demo_scenarios_are_listed_and_a_new_one_starts_from_the_green_paper_defaults()
    {
        var officer = await app.SignedInAsync(Emails.Officer);
        var list = await officer.GetDocumentAsync("/Budget?search=(demo)");
        var names = list.QuerySelectorAll("[data-testid=scenarios] tbody tr td:first-child").Select(td => td.TextContent.Trim()).ToList();
        Assert.Contains("3. Basisopdracht met geoormerkte middelen (demo)", names);
        Assert.Contains("4. Nieuw programma voor systemische transformaties (demo)", names);

        var newForm = await officer.GetDocumentAsync("/Budget/New");
        Assert.Contains("Inkanteling in onderzoekscentra", newForm.QuerySelector("label[for=basis-2]")!.TextContent, StringComparison.Ordinal);

        // Without a name the scenario takes its green-paper name; scenario 4 has the transformation programme line.
        var created = await officer.SubmitFormAsync("/Budget/New", new Dictionary<string, string>
        {
            ["Input.Basis"] = "SystemicTransformationProgramme", ["Input.FirstYear"] = "2027", ["Input.LastYear"] = "2029",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = Guid.Parse(created.Headers.Location!.OriginalString.Split('/').Last());
        var stored = await app.WithDbAsync(db => db.BudgetScenarios.AsNoTracking().SingleAsync(s => s.Id == id));
        Assert.Equal(("4. Nieuw programma voor systemische transformaties", GreenPaperScenario.SystemicTransformationProgramme, 2027, 2029),
            (stored.Name, stored.Basis, stored.FirstYear, stored.LastYear));
        Assert.Equal(["Pool interclusterprojecten", "Programma systemische transformaties"], stored.ProgrammeLines.Select(l => l.Label));
        Assert.All(stored.Clusters, c => Assert.False(c.ContinuesAfterTerm));

        // Today's clusters from the agreements and funds: the six spearhead clusters under an agreement on 23-11-2026 (the
        // networks' agreements ended by 2021), with the aid granted for this year's working year, this year's EUR 8.000.000
        // envelope and the 10-year last day (first aid 01-01-2017 -> 31-12-2026).
        // (Other tests may give a cluster a new agreement; those come in too, so the demo's six must be there.)
        Assert.Subset(stored.Clusters.Select(c => c.Name).ToHashSet(), new HashSet<string> { "Catalisti", "De Blauwe Cluster", "Flanders' FOOD", "Flux50", "SIM", "VIL" });
        Assert.DoesNotContain(stored.Clusters, c => c.Name is "B-hive" or "EdTech");
        var thisYear = app.Today.Year;
        var granted = await app.WithDbAsync(async db =>
        {
            var agreements = await db.SupportAgreements.AsNoTracking().Select(a => new { a.Id, a.ClusterId }).ToListAsync();
            var years = await db.AgreementYears.AsNoTracking().ToListAsync();
            return stored.Clusters.Where(c => c.Name is "Catalisti" or "De Blauwe Cluster" or "Flanders' FOOD" or "Flux50" or "SIM" or "VIL").ToDictionary(c => c.Name, c => years.Where(y => y.YearStart.Year == thisYear && agreements.Any(a => a.Id == y.AgreementId && a.ClusterId == c.ClusterId)).Sum(y => y.GrantedAid));
        });
        Assert.All(granted.Values, g => Assert.InRange(g, 500_000m, 650_000m));
        var catalisti = stored.Clusters.Single(c => c.Name == "Catalisti");
        Assert.Equal((granted["Catalisti"], 8_000_000m, new DateOnly(2026, 12, 31)), (catalisti.OperatingAidPerYear, catalisti.EarmarkedPerYear, catalisti.TermEnd!.Value));
        Assert.Equal(new DateOnly(2027, 12, 31), stored.Clusters.Single(c => c.Name == "Flanders' FOOD").TermEnd);
        // Scenario 4's defaults: the pool (this year's EUR 75 million minus 6 x 8 million = 27.000.000) while a spearhead term
        // runs (2027: Flanders' FOOD, De Blauwe Cluster), and the money the ending terms free: the aid and the 8.000.000 of the
        // four clusters ending in 2026 in 2027, of all six from 2028.
        var ending2026 = new[] { "Catalisti", "Flux50", "SIM", "VIL" };
        var freed2027 = ending2026.Sum(n => granted[n] + 8_000_000m);
        var freed2028 = granted.Values.Sum(g => g + 8_000_000m);
        Assert.Equal("2027=27000000;2028=0;2029=0", stored.ProgrammeLines[0].Amounts.Replace(".00", "", StringComparison.Ordinal));
        Assert.Equal(FormattableString.Invariant($"2027={freed2027:0};2028={freed2028:0};2029={freed2028:0}"), stored.ProgrammeLines[1].Amounts.Replace(".00", "", StringComparison.Ordinal));

        // A period the domain refuses comes back with its message.
        var refused = await officer.SubmitFormAsync("/Budget/New", new Dictionary<string, string>
        {
            ["Input.Basis"] = "CommercialWithoutStructuralFunding", ["Input.FirstYear"] = "2027", ["Input.LastYear"] = "2050",
        });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("hoogstens 15 jaar", (await refused.ParseAsync()).QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readers_look_agency_staff_change_and_everybody_else_is_refused()
    {
        var id = await app.WithDbAsync(db => db.BudgetScenarios.Select(s => s.Id).FirstAsync());
        await app.AllDeniedAsync([Emails.CatalistiManager, Emails.Applicant, Emails.Expert],
            "/Budget", $"/Budget/{id}", "/Budget/New", $"/Budget/Edit/{id}", "/Budget/Compare", $"/Budget/{id}?handler=Export&format=xlsx");
        AccessAssert.SentToSignIn(await app.Anonymous().GetAsync("/Budget"));

        var reader = await app.SignedInAsync(Emails.Reader);
        var page = await reader.GetDocumentAsync($"/Budget/{id}");
        Assert.DoesNotContain(page.Forms, f => (f.GetAttribute("action") ?? "").Contains("handler=", StringComparison.Ordinal));
        Assert.Null(page.QuerySelector("a[href^='/Budget/Edit']"));
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/Budget")).StatusCode);
        AccessAssert.Denied(await reader.GetAsync("/Budget/New"));
        var token = page.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        var before = await app.WithDbAsync(db => db.BudgetScenarios.CountAsync());
        var copy = await reader.PostFormRawAsync($"/Budget/{id}?handler=Copy", [new("__RequestVerificationToken", token)]);
        AccessAssert.Denied(copy);
        var delete = await reader.PostFormRawAsync($"/Budget/{id}?handler=Delete", [new("__RequestVerificationToken", token), new("version", "0")]);
        AccessAssert.Denied(delete);
        Assert.Equal(before, await app.WithDbAsync(db => db.BudgetScenarios.CountAsync()));
    }

    [Fact]
    public async Task A_scenario_is_deleted_only_at_the_version_seen_and_the_deletion_is_audited()
    {
        var officer = await app.SignedInAsync(Emails.Officer);
        var (id, _) = await CreateHandWorkedAsync(officer, "Verwijderen");
        var page = await officer.GetDocumentAsync($"/Budget/{id}");
        var version = await app.WithDbAsync(db => db.BudgetScenarios.Where(s => s.Id == id).Select(s => s.Version).SingleAsync());

        var stale = await officer.ConfirmAsync($"/Budget/{id}", "Delete", new Dictionary<string, string> { ["version"] = (version - 1).ToString(CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("Iemand anders heeft dit record intussen gewijzigd", (await stale.ParseAsync()).QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);

        var deleted = await officer.ConfirmAsync($"/Budget/{id}", "Delete");
        Assert.Equal("/Budget", deleted.Headers.Location!.OriginalString);
        Assert.False(await app.WithDbAsync(db => db.BudgetScenarios.AnyAsync(s => s.Id == id)));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.EntityType == nameof(SavedBudgetScenario) && e.EntityId == id.ToString() && e.Action == Data.AuditAction.Deleted)));
        Assert.NotNull(page);
    }

    // ---- helpers ----

    /// <summary>Green-paper scenario 3 for 2027-2028 through the "new" form, then the hand-worked parameters through the edit form.</summary>
    private static async Task<(Guid Id, string Name)> CreateHandWorkedAsync(HttpClient officer, string label)
    {
        var name = $"{label} {Guid.NewGuid():N}"[..(label.Length + 9)];
        var created = await officer.SubmitFormAsync("/Budget/New", new Dictionary<string, string>
        {
            ["Input.Basis"] = "BasicMissionWithEarmarkedFunds", ["Input.Name"] = name, ["Input.FirstYear"] = "2027", ["Input.LastYear"] = "2028",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = Guid.Parse(created.Headers.Location!.OriginalString.Split('/').Last());

        var form = await FormAsync(officer, $"/Budget/Edit/{id}");
        var a = SpearheadIndex(form);
        var b = a == 0 ? 1 : 0;
        var values = new Dictionary<string, string>();
        for (var i = 0; form.Any(f => f.Key == $"Input.Clusters[{i}].ClusterId"); i++)
        {
            values[$"Input.Clusters[{i}].OperatingAidPerYear"] = "0";
            values[$"Input.Clusters[{i}].EarmarkedPerYear"] = "0";
            values[$"Input.Clusters[{i}].FollowOnFundingPerYear"] = "0";
            values[$"Input.Clusters[{i}].FollowOnEarmarkedPerYear"] = "0";
            values[$"Input.Clusters[{i}].ContinuesAfterTerm"] = "false";
        }
        values[$"Input.Clusters[{a}].OperatingAidPerYear"] = "650.000";
        values[$"Input.Clusters[{a}].EarmarkedPerYear"] = "1.000.000,00";
        values[$"Input.Clusters[{a}].TermEnd"] = "30-06-2027";
        values[$"Input.Clusters[{a}].ContinuesAfterTerm"] = "true";
        values[$"Input.Clusters[{a}].FollowOnFundingPerYear"] = "€ 400.000";
        values[$"Input.Clusters[{b}].OperatingAidPerYear"] = "150000";
        values[$"Input.Clusters[{b}].TermEnd"] = "";
        // The pool (line 0): 500.000 in 2027, nothing in 2028; every other line emptied (which removes it).
        for (var i = 0; form.Any(f => f.Key == $"Input.ProgrammeLines[{i}].Label"); i++)
        {
            if (i > 0) values[$"Input.ProgrammeLines[{i}].Label"] = "";
            for (var j = 0; form.Any(f => f.Key == $"Input.ProgrammeLines[{i}].Amounts[{j}].Amount"); j++) values[$"Input.ProgrammeLines[{i}].Amounts[{j}].Amount"] = "";
        }
        values[AmountField(form, 0, 2027)] = "500.000,00";
        var saved = await PostAsync(officer, $"/Budget/Edit/{id}", form, values);
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, (await saved.ParseAsync()).QuerySelector("#error-summary")?.TextContent);
        return (id, name);
    }

    /// <summary>Every field the browser would send from the page's edit form: hidden and text inputs, ticked boxes, selects, text areas.</summary>
    private static async Task<List<KeyValuePair<string, string>>> FormAsync(HttpClient client, string url)
    {
        var doc = await client.GetDocumentAsync(url);
        var form = doc.Forms.First(f => f.Method == "post" && f.Elements.OfType<IHtmlInputElement>().Any(i => i.Name == "Input.Version"));
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var e in form.Elements)
        {
            switch (e)
            {
                case IHtmlInputElement i when string.IsNullOrEmpty(i.Name) || i.Type is "submit" or "button": break;
                case IHtmlInputElement i when i.Type is "checkbox" or "radio": if (i.IsChecked) fields.Add(new(i.Name!, i.Value)); break;
                case IHtmlInputElement i: fields.Add(new(i.Name!, i.Value)); break;
                case IHtmlSelectElement s when !string.IsNullOrEmpty(s.Name): fields.Add(new(s.Name!, s.Value ?? "")); break;
                case IHtmlTextAreaElement t when !string.IsNullOrEmpty(t.Name): fields.Add(new(t.Name!, t.Value)); break;
            }
        }
        return fields;
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, List<KeyValuePair<string, string>> form, Dictionary<string, string> values)
    {
        var fields = form.Where(f => !values.ContainsKey(f.Key)).Concat(values).ToList();
        return client.PostFormRawAsync(url, fields);
    }

    private static string Value(List<KeyValuePair<string, string>> form, string name) => form.First(f => f.Key == name).Value;

    private static int SpearheadIndex(List<KeyValuePair<string, string>> form)
    {
        var key = form.First(f => f.Key.EndsWith("].Type", StringComparison.Ordinal) && f.Value == "SpearheadCluster").Key;
        return int.Parse(key["Input.Clusters[".Length..key.IndexOf(']', StringComparison.Ordinal)], CultureInfo.InvariantCulture);
    }

    /// <summary>The amount box of a programme line for a year.</summary>
    private static string AmountField(List<KeyValuePair<string, string>> form, int line, int year)
    {
        var yearKey = form.First(f => f.Key.StartsWith($"Input.ProgrammeLines[{line}].Amounts[", StringComparison.Ordinal) && f.Key.EndsWith("].Year", StringComparison.Ordinal)
            && f.Value == year.ToString(CultureInfo.InvariantCulture)).Key;
        return yearKey[..^"Year".Length] + "Amount";
    }

    private static string[] Cells(IHtmlDocument doc, string row) =>
        doc.QuerySelector(row)!.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray();

    private static string FieldError(IHtmlDocument doc, string field) =>
        doc.QuerySelector($"span[data-valmsg-for='{field}']")?.TextContent ?? "";

    private static async Task<List<IDictionary<string, object?>>> ExportAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        return stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
    }

    private static decimal Money(object? cell) => Math.Round(Convert.ToDecimal(cell, CultureInfo.InvariantCulture), 2);
}

/// <summary>
/// An installation of its own: a new scenario starts from today's agreements and funds, which other test classes change
/// (a new agreement for a network, an extension), so the green paper's defaults are checked against the demo as loaded.
/// </summary>
public sealed class BudgetPlannerApp : ClusterpactApp;

[CollectionDefinition(Name)]
public sealed class BudgetPlannerCollection : ICollectionFixture<BudgetPlannerApp>
{
    public const string Name = "budget planner";
}
