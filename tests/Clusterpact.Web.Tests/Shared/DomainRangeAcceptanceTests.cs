using AngleSharp.Html.Dom;

namespace Clusterpact.Web.Tests.Shared;

/// <summary>
/// Issue 20, finding 1: the decimal maximum stored as a cofinancing payment, an envelope, a scenario line or an application
/// budget took /OpenData, /Dashboard, /Agreements, the budget pages and /Funds down for everyone. The largest and smallest
/// value each field accepts is stored through the real forms, as the role that may, and every page and API that shows
/// them still answers 200; one past the limit is refused with the range's message and nothing is stored. It runs on an
/// application of its own, so the huge amounts do not change the totals other tests count on.
/// </summary>
public sealed class DomainRangeAcceptanceTests(DomainRangeAcceptanceTests.OwnApp app) : IClassFixture<DomainRangeAcceptanceTests.OwnApp>
{
    /// <summary>The whole application on a database of its own.</summary>
    public sealed class OwnApp : IAsyncLifetime
    {
        public ClusterpactApp App { get; } = new();
        public Task InitializeAsync() => ((IAsyncLifetime)App).InitializeAsync();
        public Task DisposeAsync() => ((IAsyncLifetime)App).DisposeAsync();
    }

    private ClusterpactApp App => app.App;

    private const string Largest = "10.000.000.000,00";
    private const string Smallest = "0,01";
    private const string PastLargest = "10.000.000.000,01";
    private const string DecimalMax = "79228162514264337593543950335";
    private const string AmountMessage = "Een bedrag ligt tussen € 0 en € 10.000.000.000";
    private const string DateMessage = "De datum moet tussen 01-01-2000 en 31-12-2100 liggen.";

    private static bool Handler(IHtmlFormElement f, string name) => f.GetAttribute("action")?.Contains($"handler={name}", StringComparison.Ordinal) == true;

    /// <summary>Posts a form as a browser would: every named field with what the page shows in it, then the values given.</summary>
    private static async Task<HttpResponseMessage> SubmitWholeFormAsync(HttpClient client, string url, IDictionary<string, string> values, Func<IHtmlFormElement, bool>? pick = null)
    {
        var doc = await client.GetDocumentAsync(url);
        var form = doc.Forms.Where(f => string.Equals(f.Method, "post", StringComparison.OrdinalIgnoreCase))
            .First(f => pick?.Invoke(f) ?? (string.IsNullOrEmpty(f.GetAttribute("action")) || f.GetAttribute("action") == url));
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || values.ContainsKey(name)) continue;
            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" or "radio" } box: if (box.IsChecked) fields.Add(new(name, box.Value)); break;
                case IHtmlInputElement { Type: "submit" or "file" }: break;
                case IHtmlInputElement input: fields.Add(new(name, input.Value)); break;
                case IHtmlSelectElement select: fields.Add(new(name, select.Value ?? "")); break;
                case IHtmlTextAreaElement area: fields.Add(new(name, area.Value)); break;
            }
        }
        fields.AddRange(values.Select(kv => new KeyValuePair<string, string>(kv.Key, kv.Value)));
        var action = form.GetAttribute("action");
        return await client.PostAsync(string.IsNullOrEmpty(action) ? url : action, new FormUrlEncodedContent(fields));
    }

    private static void Stored(HttpResponseMessage response, string what) =>
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{what}: expected a redirect after saving, got {(int)response.StatusCode}");

    private static async Task RefusedAsync(HttpResponseMessage response, string message, string what)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{what}: expected the form again (200), got {(int)response.StatusCode}");
        var text = (await response.ParseAsync()).Body!.TextContent;
        Assert.True(text.Contains(message, StringComparison.Ordinal), $"{what}: the page does not say '{message}'");
    }

    private async Task<(Guid Cluster, Guid Agreement, Guid Year, DateOnly YearStart, string BudgetUrl)> CatalistiYearAsync()
    {
        var cluster = await App.ClusterIdAsync("Catalisti");
        var year = await App.WithDbAsync(db => db.AgreementYears.AsNoTracking()
            .Where(y => db.SupportAgreements.Any(a => a.Id == y.AgreementId && a.ClusterId == cluster))
            .OrderBy(y => y.YearStart).Select(y => new { y.AgreementId, y.Id, y.YearStart }).FirstAsync());
        return (cluster, year.AgreementId, year.Id, year.YearStart, $"/Clusters/{cluster}/Agreements/{year.AgreementId}/Budget");
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Local(DateTimeOffset instant) => BrusselsTime.ToLocal(instant).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_largest_and_smallest_values_are_stored_through_the_forms_and_every_page_and_API_that_shows_them_answers_200()
    {
        var officer = await App.SignedInAsync(Emails.Officer);
        var manager = await App.SignedInAsync(Emails.CatalistiManager);
        var applicant = await App.SignedInAsync(Emails.Applicant);
        var (cluster, agreement, yearId, yearStart, budgetUrl) = await CatalistiYearAsync();

        // Envelopes: the programme officer opens the first and the last year there can be, the largest and the smallest amount.
        foreach (var (year, amount) in new[] { ("2100", Largest), ("2000", Smallest) })
            Stored(await officer.SubmitFormAsync("/Funds", new Dictionary<string, string>
            {
                ["Kind"] = "ClusterEarmarked", ["Input.ClusterId"] = cluster.ToString(), ["NewYear"] = year, ["Amount"] = amount, ["Note"] = "grens",
            }), $"envelope {year}");

        // Cofinancing paid in: the cluster's manager records the largest amount on the last possible day and a cent on the first day of the year.
        foreach (var (paidOn, amount) in new[] { ("2100-12-31", Largest), (Iso(yearStart), Smallest) })
            Stored(await manager.SubmitFormAsync(budgetUrl, new Dictionary<string, string> { ["paidOn"] = paidOn, ["amount"] = amount, ["reference"] = "grens" },
                f => Handler(f, "Cofinancing") && f.QuerySelector<IHtmlInputElement>("input[name=yearId]")?.Value == yearId.ToString()), $"cofinancing {paidOn}");

        // A project on a regular instrument from the first to the last day, with the largest budget and aid, approved.
        var lead = await App.WithDbAsync(db => db.Organisations.Where(o => o.EnterpriseNumber != null).Select(o => o.EnterpriseNumber!).FirstAsync());
        var proposed = await officer.SubmitFormAsync("/Projects/New", new Dictionary<string, string>
        {
            ["Input.Type"] = "RegularInstrument", ["Input.Title"] = "Grensproject", ["Input.Theme"] = "Other", ["Input.Start"] = "2000-01-01", ["Input.End"] = "2100-12-31",
            ["Input.TrlStart"] = "1", ["Input.TrlTarget"] = "9", ["Input.TotalBudget"] = Largest, ["Input.Aid"] = Largest, ["Input.ClusterIds"] = cluster.ToString(),
            ["Input.LeadEnterpriseNumber"] = lead,
        });
        Stored(proposed, "project");
        var projectUrl = proposed.Headers.Location!.OriginalString;
        Stored(await officer.SubmitFormAsync(projectUrl, new Dictionary<string, string> { ["step"] = "Approve", ["Reason"] = "grens" },
            f => Handler(f, "Step") && f.QuerySelector("button[name=step][value=Approve]") is not null), "project approval");

        // A member whose fee is the largest amount, from the first to the last day.
        Stored(await manager.SubmitFormAsync($"/Clusters/{cluster}/Members/Add", new Dictionary<string, string>
        {
            ["Input.EnterpriseNumber"] = "0200000043", ["Input.Name"] = "Grens nv", ["Input.Kind"] = "Company", ["Input.Role"] = "Member",
            ["Input.From"] = "2000-01-01", ["Input.Until"] = "2100-12-31", ["Input.YearlyFee"] = "10000000000",
        }), "membership");

        // A KPI target of the last year at the largest figure.
        Stored(await officer.SubmitFormAsync($"/Kpis/Cluster/{cluster}?kpi=members", new Dictionary<string, string>
        {
            ["TargetYear"] = "2100", ["Baseline"] = "0", ["Target"] = "10.000.000.000",
        }, f => Handler(f, "Target")), "KPI target");

        // A call with the largest budget, and an application that plans the largest budget in the last year and the smallest in the first.
        var now = App.Clock.GetUtcNow();
        var call = await officer.SubmitFormAsync("/Calls/Edit", new Dictionary<string, string>
        {
            ["Input.Kind"] = "InnovativeBusinessNetwork", ["Input.TitleNl"] = "Grensoproep", ["Input.TitleEn"] = "Edge call", ["Input.BudgetEur"] = Largest,
            ["Input.OpensLocal"] = Local(now.AddDays(-1)), ["Input.ClosesLocal"] = Local(now.AddDays(7)), ["Input.ScaleMin"] = "0", ["Input.ScaleMax"] = "1000",
            ["Input.Criteria[0].Code"] = "C1", ["Input.Criteria[0].NameNl"] = "Alles", ["Input.Criteria[0].NameEn"] = "All", ["Input.Criteria[0].Weight"] = "100",
        });
        Stored(call, "call");
        var callId = Guid.Parse(call.Headers.Location!.OriginalString.Split('/').Last());
        Stored(await officer.SubmitFormAsync($"/Calls/Details/{callId}", new Dictionary<string, string>(), f => Handler(f, "Publish")), "publishing the call");
        var started = await applicant.SubmitFormAsync($"/Apply/Start/{callId}", new Dictionary<string, string> { ["Input.ApplicantName"] = "Grens vzw", ["Input.EnterpriseNumber"] = "0200000043" });
        Stored(started, "application");
        var applicationUrl = started.Headers.Location!.OriginalString;
        Stored(await applicant.SubmitFormAsync(applicationUrl, new Dictionary<string, string>
        {
            ["Input.Years[0].Year"] = "2000", ["Input.Years[0].Budget"] = Smallest, ["Input.Years[0].Cofinancing"] = "0",
            ["Input.Years[1].Year"] = "2100", ["Input.Years[1].Budget"] = Largest, ["Input.Years[1].Cofinancing"] = Largest,
        }, f => Handler(f, "Save")), "application budget");

        // A budget scenario over the last fifteen years with a programme line of the largest amount in 2100.
        var scenario = await officer.SubmitFormAsync("/Budget/New", new Dictionary<string, string>
        {
            ["Input.Basis"] = "BasicMissionWithEarmarkedFunds", ["Input.Name"] = "Grensscenario", ["Input.FirstYear"] = "2086", ["Input.LastYear"] = "2100",
        });
        Stored(scenario, "scenario");
        var scenarioId = Guid.Parse(scenario.Headers.Location!.OriginalString.Split('/').Last());
        var editUrl = $"/Budget/Edit/{scenarioId}";
        var editPage = await officer.GetDocumentAsync(editUrl);
        var line = editPage.QuerySelectorAll<IHtmlInputElement>("input[name^='Input.ProgrammeLines['][name$='].Label']").Count() - 1;
        Stored(await SubmitWholeFormAsync(officer, editUrl, new Dictionary<string, string>
        {
            [$"Input.ProgrammeLines[{line}].Label"] = "Grenslijn", [$"Input.ProgrammeLines[{line}].Kind"] = "Other",
            [$"Input.ProgrammeLines[{line}].Amounts[14].Amount"] = Largest, [$"Input.ProgrammeLines[{line}].Amounts[0].Amount"] = Smallest,
        }), "scenario line");

        var pages = new[]
        {
            "/OpenData", "/api/v1/open-data/awards", "/api/v1/open-data/awards.csv", "/api/v1/open-data/awards.xlsx", "/api/v1/open-data/360giving.json",
            "/Dashboard", "/Agreements", budgetUrl, $"/Clusters/{cluster}", "/Budget", $"/Budget/{scenarioId}", editUrl,
            "/Funds", "/Funds?year=2100", "/Funds?year=2000", "/AnswerPack", "/AnswerPack?on=2026-12-01", projectUrl, "/Projects", "/Projects/Figures",
            "/Projects/Figures?year=2100", "/Projects/Figures?year=2000", applicationUrl, "/Apply", $"/Calls/Details/{callId}", "/Calls", "/OpenCalls", $"/OpenCalls/{callId}",
            "/Kpis", $"/Kpis/Cluster/{cluster}", "/Kpis?year=2100", "/Organisations", "/Organisations/Figures", "/Clusters",
            "/api/v1/projects", "/api/v1/projects?year=2100", "/api/v1/projects/figures", "/api/v1/projects/figures?year=2000", "/api/v1/funds", "/api/v1/funds?year=2100",
            $"/api/v1/clusters/{cluster}", "/api/v1/organisations",
        };
        foreach (var page in pages)
        {
            var client = page.StartsWith("/Apply", StringComparison.Ordinal) ? applicant : officer;
            var answer = await client.GetAsync(page);
            Assert.True(answer.StatusCode == HttpStatusCode.OK, $"GET {page} answered {(int)answer.StatusCode} with the edge values stored");
        }
        Assert.Equal(HttpStatusCode.OK, (await App.Anonymous().GetAsync("/api/v1/open-data/awards")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync(budgetUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/Clusters/{cluster}")).StatusCode);

        // What was stored reads back exactly, to the cent.
        Assert.Contains(await App.WithDbAsync(db => db.FundEnvelopes.AsNoTracking().Where(e => e.ClusterId == cluster).Select(e => e.Amount).ToListAsync()), a => a == 10_000_000_000m);
        Assert.Contains(await App.WithDbAsync(db => db.FundEnvelopes.AsNoTracking().Where(e => e.ClusterId == cluster).Select(e => e.Amount).ToListAsync()), a => a == 0.01m);
        var payments = (await App.WithDbAsync(db => db.AgreementYears.AsNoTracking().SingleAsync(y => y.Id == yearId))).CofinancingPayments;
        Assert.Contains(payments, p => p.AmountEur == 10_000_000_000m && p.PaidOn == new DateOnly(2100, 12, 31));
        Assert.Contains(payments, p => p.AmountEur == 0.01m);
        Assert.NotEqual(Guid.Empty, agreement);
    }

    [Fact]
    public async Task One_past_each_limit_is_refused_with_its_message_and_nothing_is_stored()
    {
        var officer = await App.SignedInAsync(Emails.Officer);
        var manager = await App.SignedInAsync(Emails.CatalistiManager);
        var (cluster, _, yearId, yearStart, budgetUrl) = await CatalistiYearAsync();
        var before = await CountsAsync(cluster, yearId);

        foreach (var (year, amount, message) in new[]
                 {
                     ("2026", PastLargest, AmountMessage), ("2026", DecimalMax, AmountMessage), ("2026", "0,001", AmountMessage),
                     ("2101", "1", "Het jaar moet tussen 2000 en 2100 liggen."), ("1999", "1", "Het jaar moet tussen 2000 en 2100 liggen."),
                     ("-1", "1", "Het jaar moet tussen 2000 en 2100 liggen."), ("2147483647", "1", "Het jaar moet tussen 2000 en 2100 liggen."),
                 })
            await RefusedAsync(await officer.SubmitFormAsync("/Funds", new Dictionary<string, string>
            {
                ["Kind"] = "ClusterEarmarked", ["Input.ClusterId"] = cluster.ToString(), ["NewYear"] = year, ["Amount"] = amount,
            }), message, $"envelope {year} {amount}");

        Func<IHtmlFormElement, bool> cofinancing = f => Handler(f, "Cofinancing") && f.QuerySelector<IHtmlInputElement>("input[name=yearId]")?.Value == yearId.ToString();
        foreach (var (paidOn, amount, message) in new[]
                 {
                     (Iso(yearStart), PastLargest, AmountMessage), (Iso(yearStart), DecimalMax, AmountMessage), ("2101-01-01", "1", DateMessage), ("9999-12-31", "1", DateMessage),
                 })
            await RefusedAsync(await manager.SubmitFormAsync(budgetUrl, new Dictionary<string, string> { ["paidOn"] = paidOn, ["amount"] = amount }, cofinancing),
                message, $"cofinancing {paidOn} {amount}");

        var lead = await App.WithDbAsync(db => db.Organisations.Where(o => o.EnterpriseNumber != null).Select(o => o.EnterpriseNumber!).FirstAsync());
        foreach (var (start, end, budget, message) in new[]
                 {
                     ("2026-01-01", "2026-12-31", PastLargest, AmountMessage), ("2026-01-01", "9999-12-31", "1000", DateMessage), ("1999-12-31", "2026-12-31", "1000", DateMessage),
                 })
            await RefusedAsync(await officer.SubmitFormAsync("/Projects/New", new Dictionary<string, string>
            {
                ["Input.Type"] = "RegularInstrument", ["Input.Title"] = "Te ver", ["Input.Theme"] = "Other", ["Input.Start"] = start, ["Input.End"] = end,
                ["Input.TrlStart"] = "1", ["Input.TrlTarget"] = "9", ["Input.TotalBudget"] = budget, ["Input.ClusterIds"] = cluster.ToString(), ["Input.LeadEnterpriseNumber"] = lead,
            }), message, $"project {start} {end} {budget}");

        foreach (var (until, fee, message) in new[] { ("", "79228162514264337593543950335", AmountMessage), ("9999-12-31", "1", DateMessage) })
            await RefusedAsync(await manager.SubmitFormAsync($"/Clusters/{cluster}/Members/Add", new Dictionary<string, string>
            {
                ["Input.EnterpriseNumber"] = "0248.015.142", ["Input.Name"] = "Te ver", ["Input.Kind"] = "Company", ["Input.Role"] = "Member",
                ["Input.From"] = "2020-01-01", ["Input.Until"] = until, ["Input.YearlyFee"] = fee,
            }), message, $"membership {until} {fee}");

        await RefusedAsync(await officer.SubmitFormAsync($"/Kpis/Cluster/{cluster}?kpi=members", new Dictionary<string, string> { ["TargetYear"] = "2026", ["Target"] = DecimalMax },
            f => Handler(f, "Target")), "Deze waarde ligt buiten het bereik van de KPI.", "KPI target");

        Assert.Equal(before, await CountsAsync(cluster, yearId));
    }

    [Fact]
    public async Task The_API_refuses_a_text_longer_than_its_field_with_problem_details_and_stores_nothing()
    {
        var manager = await App.SignedInAsync(Emails.CatalistiManager);
        var cluster = await App.ClusterIdAsync("Catalisti");
        var before = await App.WithDbAsync(db => db.Clusters.AsNoTracking().Where(c => c.Id == cluster).Select(c => new { c.Version, c.ContactName }).SingleAsync());
        var refused = await manager.PutAsJsonAsync($"/api/v1/clusters/{cluster}/contact",
            new { version = before.Version, website = "https://www.catalisti.be", contactName = new string('x', 10_000), contactEmail = "info@catalisti.be" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        // The API group's validation holds the body to the form's lengths before the domain sees it, naming the field.
        Assert.NotEmpty(problem.GetProperty("errors").GetProperty("contactName")[0].GetString()!);
        Assert.Equal(before.ContactName, await App.WithDbAsync(db => db.Clusters.AsNoTracking().Where(c => c.Id == cluster).Select(c => c.ContactName).SingleAsync()));
        var fits = await manager.PutAsJsonAsync($"/api/v1/clusters/{cluster}/contact",
            new { version = before.Version, website = "https://www.catalisti.be", contactName = new string('x', Cluster.NameMaxLength), contactEmail = "info@catalisti.be" });
        Assert.Equal(HttpStatusCode.OK, fits.StatusCode);
    }

    [Fact]
    public async Task Years_and_dates_past_the_range_in_a_list_or_API_query_never_answer_500()
    {
        var officer = await App.SignedInAsync(Emails.Officer);
        var admin = await App.SignedInAsync(Emails.Admin);
        foreach (var value in new[] { "-1", "2147483647", "1999", "2101" })
        {
            foreach (var url in new[] { "/Funds?year=", "/OpenData?year=", "/Projects?year=", "/Projects/Figures?year=", "/Kpis?year=", "/Reports?year=",
                         "/api/v1/projects?year=", "/api/v1/projects/figures?year=", "/api/v1/funds?year=", "/api/v1/open-data/awards?year=" })
            {
                var answer = await officer.GetAsync(url + value);
                Assert.True(answer.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"GET {url}{value} answered {(int)answer.StatusCode}");
            }
        }
        foreach (var value in new[] { "9999-12-31", "0001-01-01" })
        {
            foreach (var (client, url) in new[] { (officer, "/AnswerPack?on="), (officer, "/Organisations/Figures?date="), (admin, "/Admin/Audit?from="), (admin, "/Admin/Audit?to="),
                         (admin, "/api/v1/audit?from="), (admin, "/api/v1/audit?to=") })
            {
                var answer = await client.GetAsync(url + value);
                Assert.True(answer.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"GET {url}{value} answered {(int)answer.StatusCode}");
            }
        }
    }

    private Task<(int Envelopes, int Payments, int Projects, int Memberships, int Targets)> CountsAsync(Guid cluster, Guid yearId) =>
        App.WithDbAsync(async db => (
            await db.FundEnvelopes.CountAsync(e => e.ClusterId == cluster),
            (await db.AgreementYears.AsNoTracking().SingleAsync(y => y.Id == yearId)).CofinancingPayments.Count,
            await db.Projects.CountAsync(),
            await db.Memberships.CountAsync(m => m.ClusterId == cluster),
            await db.KpiTargets.CountAsync(t => t.ClusterId == cluster)));
}
