using Clusterpact.Web.Features.OpenData;

namespace Clusterpact.Web.Tests.OpenData;

/// <summary>
/// The public open data on aid awarded over HTTP, on data this class inserts: an innovative business network granted
/// 3 × € 40.000 by one decision (one award of € 120.000, published), one granted 2 × € 50.000 (€ 100.000, exactly the
/// threshold: not published), and a collaboration project of € 450.000 aid split by budget shares 300/100/100 over a
/// lead (€ 270.000, published), a company (€ 90.000, below) and a knowledge institution (not State aid: not published).
/// </summary>
[Collection(AppCollection.Name)]
public sealed class OpenDataTests(ClusterpactApp app)
{
    private const string Api = "/api/v1/open-data";

    /// <summary>Enterprise numbers starting with 1, which the demo data never uses (it starts them with 0).</summary>
    private static string Kbo(int body) => body.ToString("D8", CultureInfo.InvariantCulture) + (97 - body % 97).ToString("D2", CultureInfo.InvariantCulture);

    private static readonly string NetworkNumber = Kbo(10_700_001);
    private static readonly string ThresholdNumber = Kbo(10_700_002);
    private static readonly string LeadNumber = Kbo(10_700_003);
    private static readonly string PartnerNumber = Kbo(10_700_004);
    private static readonly string CollegeNumber = Kbo(10_700_005);
    private const string NetworkContact = "Griet Opdebeeck";
    private const string NetworkEmail = "griet.opdebeeck@opendatanetwerk.demo";
    private const string MemberEmail = "inkoop@leadchemie.demo";

    private static string Formatted(string digits) => $"{digits[..4]}.{digits[4..7]}.{digits[7..]}";

    private sealed record Inserted(Guid NetworkAgreement, Guid ProjectId, Guid LeadId, Guid CollegeId);

    private static Task<Inserted>? _inserted;
    private static readonly Lock Gate = new();

    private Task<Inserted> InsertedAsync()
    {
        lock (Gate) return _inserted ??= InsertAsync();
    }

    private Task<Inserted> InsertAsync() => app.WithDbAsync(async db =>
    {
        var rules = FundingRuleSet.Default;
        Organisation Org(string name, OrganisationKind kind, string number, SizeClass? size, string nace, string nuts)
        {
            var o = new Organisation(name, kind, number, "BE", false);
            o.SetSizeClass(size);
            o.Describe(name, kind, null, nace, nuts);
            db.Organisations.Add(o);
            return o;
        }

        Guid Network(string name, string number, DateOnly start, int years, decimal aidPerYear, string? contact, string? email)
        {
            Org(name + " vzw", OrganisationKind.CivilSociety, number, SizeClass.Small, "94.11", "BE23");
            var cluster = new Cluster(name, ClusterType.InnovativeBusinessNetwork, "open data", "IBN test", start, start.AddYears(years).AddDays(-1), ClusterStatus.Supported);
            cluster.SetEnterpriseNumber(number);
            Assert.True(cluster.UpdateContactDetails("https://www.example.org", contact, email).IsSuccess);
            db.Clusters.Add(cluster);
            var agreement = SupportAgreement.Create(cluster.Id, cluster.Type, start, start.AddYears(years).AddDays(-1), $"IBN-{start.Year}-ODT", start, rules).Value!;
            db.SupportAgreements.Add(agreement);
            var planned = new List<AgreementYear>();
            for (var i = 0; i < years; i++)
            {
                var year = AgreementYear.Plan(agreement, planned, start.AddYears(i), aidPerYear, 1.5m * aidPerYear, 2.5m * aidPerYear, 0, 0, 0, rules);
                Assert.True(year.IsSuccess, year.Error?.Code);
                planned.Add(year.Value!);
            }
            db.AgreementYears.AddRange(planned);
            return cluster.Id;
        }

        var networkId = Network("Open Data Testnetwerk", NetworkNumber, new DateOnly(2024, 1, 1), 3, 40_000m, NetworkContact, NetworkEmail);
        Network("Drempel Testnetwerk", ThresholdNumber, new DateOnly(2024, 1, 1), 2, 50_000m, "Pieter Drempel", "pieter@drempel.demo");
        var lead = Org("Leadchemie Open Data NV", OrganisationKind.Company, LeadNumber, SizeClass.Medium, "20.16", "BE21");
        var partner = Org("Partnerplast Open Data BV", OrganisationKind.Company, PartnerNumber, SizeClass.Large, "22.21", "BE25");
        var college = Org("Hogeschool Open Data", OrganisationKind.KnowledgeInstitution, CollegeNumber, null, "85.42", "BE23");
        var membership = new Membership(lead.Id, networkId, new DateOnly(2024, 1, 1), null, MembershipRole.Member, 1000m);
        membership.SetContact(MemberEmail);
        db.Memberships.Add(membership);

        var project = Project.Propose(new ProjectDetails(ProjectType.Collaboration, "Open Data Recyclage Demonstrator", null, StrategicTheme.CircularEconomy,
            new DateOnly(2024, 4, 1), new DateOnly(2026, 3, 31), 4, 7, 1_000_000m, 450_000m, [networkId]), lead.Id, null).Value!;
        Assert.True(project.SetPartner(lead.Id, PartnerRole.Lead, 300_000m, true).IsSuccess);
        Assert.True(project.SetPartner(partner.Id, PartnerRole.Partner, 100_000m, true).IsSuccess);
        Assert.True(project.SetPartner(college.Id, PartnerRole.Partner, 100_000m, true).IsSuccess);
        Assert.True(project.Take(ProjectStep.Approve, new HashSet<Domain.Common.Actor> { Domain.Common.Actor.Agency }, null, new DateOnly(2024, 3, 1)).IsSuccess);
        Assert.True(project.Take(ProjectStep.Start, new HashSet<Domain.Common.Actor> { Domain.Common.Actor.Agency }, null, new DateOnly(2024, 3, 1)).IsSuccess);
        db.Projects.Add(project);
        await db.SaveChangesAsync();
        var agreementId = await db.SupportAgreements.Where(a => a.ClusterId == networkId).Select(a => a.Id).SingleAsync();
        return new Inserted(agreementId, project.Id, lead.Id, college.Id);
    });

    private static async Task<JsonElement> JsonAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private static List<JsonElement> Items(JsonElement page) => page.GetProperty("items").EnumerateArray().ToList();

    [Fact]
    public async Task Three_years_granted_by_one_decision_are_one_published_award_of_their_sum()
    {
        var ids = await InsertedAsync();
        var client = app.Anonymous();
        var found = Items(await JsonAsync(client, $"{Api}/awards?search={Formatted(NetworkNumber)}"));
        var award = Assert.Single(found);
        Assert.Equal($"agreement-{ids.NetworkAgreement:N}-1", award.GetProperty("id").GetString());
        Assert.Equal("Open Data Testnetwerk vzw", award.GetProperty("beneficiaryName").GetString());
        Assert.Equal(Formatted(NetworkNumber), award.GetProperty("enterpriseNumber").GetString());
        Assert.Equal("SME", award.GetProperty("beneficiaryType").GetString());
        Assert.Equal("BE23", award.GetProperty("nutsRegion").GetString());
        Assert.Equal("Prov. Oost-Vlaanderen", award.GetProperty("nutsRegionName").GetString());
        Assert.Equal("94.1", award.GetProperty("sector").GetString());
        Assert.Equal("Grant", award.GetProperty("aidInstrument").GetString());
        Assert.Equal("InnovationClusters", award.GetProperty("objective").GetString());
        Assert.Equal(JsonValueKind.Number, award.GetProperty("aidElementEur").ValueKind);
        Assert.Equal(120_000m, award.GetProperty("aidElementEur").GetDecimal());
        Assert.Equal("2024-01-01", award.GetProperty("grantingDate").GetString());
        Assert.Equal("2026-12-31", award.GetProperty("plannedEnd").GetString());
        Assert.Equal(AidAward.Vlaio, award.GetProperty("grantingAuthority").GetString());
        Assert.Equal("SA.00027", award.GetProperty("aidMeasureReference").GetString());

        // 2 × € 50.000 is exactly the threshold: not published (GBER art. 9(1)(c): "exceeding").
        Assert.Empty(Items(await JsonAsync(client, $"{Api}/awards?search={ThresholdNumber}")));

        // The filters: year, objective and region select it; another region does not.
        Assert.Contains(Items(await JsonAsync(client, $"{Api}/awards?year=2024&objective=InnovationClusters&region=be23&pageSize=200")),
            a => a.GetProperty("enterpriseNumber").GetString() == Formatted(NetworkNumber));
        Assert.DoesNotContain(Items(await JsonAsync(client, $"{Api}/awards?region=BE21&pageSize=200")),
            a => a.GetProperty("enterpriseNumber").GetString() == Formatted(NetworkNumber));
        Assert.Empty(Items(await JsonAsync(client, $"{Api}/awards?search=Open%20Data%20Testnetwerk&year=2023")));
    }

    [Fact]
    public async Task A_project_aid_is_split_over_the_partners_by_budget_share_and_each_part_is_tested_on_its_own()
    {
        var ids = await InsertedAsync();
        var client = app.Anonymous();
        // € 450.000 × 300.000 / 500.000 = € 270.000 to the lead, granted on the decision date.
        var lead = Assert.Single(Items(await JsonAsync(client, $"{Api}/awards?search={LeadNumber}")));
        Assert.Equal($"project-{ids.ProjectId:N}-{ids.LeadId:N}", lead.GetProperty("id").GetString());
        Assert.Equal(270_000m, lead.GetProperty("aidElementEur").GetDecimal());
        Assert.Equal("2024-03-01", lead.GetProperty("grantingDate").GetString());
        Assert.Equal("ResearchAndDevelopmentProjects", lead.GetProperty("objective").GetString());
        Assert.Equal("20.1", lead.GetProperty("sector").GetString());
        Assert.Equal("BE21", lead.GetProperty("nutsRegion").GetString());
        Assert.Equal("SA.00025", lead.GetProperty("aidMeasureReference").GetString());
        Assert.Equal("Open Data Recyclage Demonstrator", lead.GetProperty("title").GetString());
        // € 90.000 to the company partner: below the threshold; the college's € 90.000 is a research organisation's: not published.
        Assert.Empty(Items(await JsonAsync(client, $"{Api}/awards?search={PartnerNumber}")));
        Assert.Empty(Items(await JsonAsync(client, $"{Api}/awards?search={CollegeNumber}")));

        // The agency sees why the college's part was not published; the public does not.
        var officer = await app.SignedInAsync(Emails.Officer);
        var refused = (await officer.GetDocumentAsync("/OpenData")).QuerySelector("[data-testid=refused]");
        Assert.NotNull(refused);
        Assert.NotNull(refused!.QuerySelector("tr[data-code='OpenData.ResearchOrganisation']"));
        // The kept set holds the refusals by rule with their examples, not the lines (A_kept_open_data_set_...).
        var set = await app.WithScopeAsync(sp => sp.GetRequiredService<PublishedAwards>().BuildAsync(CancellationToken.None));
        Assert.Contains(set.RefusedByRule, r => r.Code == "OpenData.ResearchOrganisation" && r.Count > 0);
        Assert.Empty(set.Refused);
        Assert.Null((await app.Anonymous().GetDocumentAsync("/OpenData")).QuerySelector("[data-testid=refused]"));
    }

    [Fact]
    public async Task The_public_page_lists_the_award_with_the_transparency_fields_in_belgian_format()
    {
        await InsertedAsync();
        var doc = await app.Anonymous().GetDocumentAsync($"/OpenData?search={NetworkNumber}");
        var rows = doc.QuerySelectorAll("[data-testid=award-table] tbody tr");
        var cells = Assert.Single(rows).Children.Select(c => c.TextContent.Trim()).ToArray();
        Assert.StartsWith("Open Data Testnetwerk vzw", cells[0], StringComparison.Ordinal);
        Assert.Equal(Formatted(NetworkNumber), cells[1]);
        Assert.Equal("kmo", cells[2]);
        Assert.StartsWith("BE23", cells[3], StringComparison.Ordinal);
        Assert.Contains("Oost-Vlaanderen", cells[3], StringComparison.Ordinal);
        Assert.Equal("94.1", cells[4]);
        Assert.Equal("Subsidie", cells[5]);
        Assert.Equal("Steun voor innovatieclusters (AGVV art. 27)", cells[6]);
        Assert.Equal("€ 120.000,00", cells[7]);
        Assert.Equal("01-01-2024", cells[8]);
        Assert.Equal(AidAward.Vlaio, cells[9]);
        Assert.Equal("SA.00027", cells[10]);
        // The rule is explained with its dated thresholds, and the downloads keep the filter.
        var threshold = doc.QuerySelector("[data-testid=threshold]")!.TextContent;
        Assert.Contains("strikt meer", threshold, StringComparison.Ordinal);
        Assert.Contains("01-07-2023", threshold, StringComparison.Ordinal);
        Assert.Contains("€ 100.000,00", threshold, StringComparison.Ordinal);
        var links = doc.QuerySelectorAll("[data-testid=downloads] a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Contains(links, l => l.StartsWith($"{Api}/awards.csv?", StringComparison.Ordinal) && l.Contains($"search={NetworkNumber}", StringComparison.Ordinal));
        Assert.Contains($"{Api}/360giving.json", links);
        // Linked from the public navigation and the footer.
        Assert.Equal(2, (await app.Anonymous().GetDocumentAsync("/")).QuerySelectorAll("a[href='/OpenData']").Length);
    }

    [Fact]
    public async Task Csv_and_excel_downloads_are_public_and_hold_the_award()
    {
        await InsertedAsync();
        var client = app.Anonymous();
        var response = await client.GetAsync($"{Api}/awards.csv?search={NetworkNumber}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Begunstigde;Ondernemingsnummer;Kmo of groot;", lines[0], StringComparison.Ordinal);
        var line = Assert.Single(lines.Skip(1));
        Assert.StartsWith($"Open Data Testnetwerk vzw;{Formatted(NetworkNumber)};kmo;BE23;Prov. Oost-Vlaanderen;94.1;Subsidie;Steun voor innovatieclusters (AGVV art. 27);120000;01-01-2024;", line, StringComparison.Ordinal);

        var xlsx = await client.GetAsync($"{Api}/awards.xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        Assert.Equal("PK"u8.ToArray(), (await xlsx.Content.ReadAsByteArrayAsync())[..2]);
    }

    [Fact]
    public async Task The_360Giving_package_parses_with_org_ids_amounts_and_dates()
    {
        await InsertedAsync();
        var package = await JsonAsync(app.Anonymous(), $"{Api}/360giving.json");
        var grants = package.GetProperty("grants").EnumerateArray().ToList();
        Assert.NotEmpty(grants);
        Assert.All(grants, g =>
        {
            Assert.StartsWith("360G-", g.GetProperty("id").GetString(), StringComparison.Ordinal);
            Assert.StartsWith("BE-BCE_KBO-", g.GetProperty("recipientOrganization")[0].GetProperty("id").GetString(), StringComparison.Ordinal);
            Assert.Equal("EUR", g.GetProperty("currency").GetString());
            Assert.True(g.GetProperty("amountAwarded").GetDecimal() > 100_000m);
            Assert.False(g.GetProperty("recipientOrganization")[0].TryGetProperty("email", out _));
        });
        var ours = Assert.Single(grants, g => g.GetProperty("recipientOrganization")[0].GetProperty("id").GetString() == "BE-BCE_KBO-" + NetworkNumber);
        Assert.Equal(120_000m, ours.GetProperty("amountAwarded").GetDecimal());
        Assert.Equal("2024-01-01", ours.GetProperty("awardDate").GetString());
        Assert.Equal("Open Data Testnetwerk vzw", ours.GetProperty("recipientOrganization")[0].GetProperty("name").GetString());
        Assert.Equal("360G-vlaio", ours.GetProperty("fundingOrganization")[0].GetProperty("id").GetString());
        Assert.EndsWith("/OpenData", ours.GetProperty("dataSource").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(grants, g => g.GetProperty("recipientOrganization")[0].GetProperty("id").GetString() == "BE-BCE_KBO-" + ThresholdNumber);
    }

    [Fact]
    public async Task No_personal_data_in_the_page_the_json_the_csv_or_the_360Giving_file()
    {
        await InsertedAsync();
        var client = app.Anonymous();
        var contacts = await app.WithDbAsync(async db =>
        {
            var clusters = await db.Clusters.AsNoTracking().Select(c => new { c.ContactName, c.ContactEmail }).ToListAsync();
            var members = await db.Memberships.AsNoTracking().Where(m => m.ContactEmail != null).Select(m => m.ContactEmail!).ToListAsync();
            return clusters.SelectMany(c => new[] { c.ContactName, c.ContactEmail }).Concat(members).OfType<string>().Distinct().ToList();
        });
        Assert.Contains(NetworkContact, contacts);
        Assert.Contains(MemberEmail, contacts);

        var json = new List<string>();
        for (var page = 1; ; page++)
        {
            var body = await client.GetStringAsync($"{Api}/awards?pageSize=200&page={page}");
            json.Add(body);
            var parsed = JsonDocument.Parse(body).RootElement;
            if (page >= parsed.GetProperty("totalPages").GetInt32()) break;
        }
        var outputs = new Dictionary<string, string>
        {
            ["page"] = (await client.GetDocumentAsync($"/OpenData?search={NetworkNumber}")).DocumentElement.OuterHtml,
            ["all pages"] = string.Join("\n", await Task.WhenAll(Enumerable.Range(1, 3).Select(p => client.GetStringAsync($"/OpenData?p={p}")))),
            ["json"] = string.Join("\n", json),
            ["csv"] = await client.GetStringAsync($"{Api}/awards.csv"),
            ["360giving"] = await client.GetStringAsync($"{Api}/360giving.json"),
        };
        Assert.Contains("Open Data Testnetwerk vzw", outputs["json"], StringComparison.Ordinal);
        foreach (var (name, text) in outputs)
        {
            Assert.False(text.Contains('@', StringComparison.Ordinal), $"'@' in the {name}");
            foreach (var contact in contacts) Assert.False(text.Contains(contact, StringComparison.OrdinalIgnoreCase), $"'{contact}' in the {name}");
        }
    }

    [Theory]
    [InlineData("awards?year=abc", "year")]
    [InlineData("awards?year=1800", "year")]
    [InlineData("awards?objective=Charity", "objective")]
    [InlineData("awards?objective=1", "objective")]
    [InlineData("awards?region=NL11", "region")]
    [InlineData("awards?sort=Colour", "sort")]
    [InlineData("awards?desc=maybe", "desc")]
    [InlineData("awards?page=0", "page")]
    [InlineData("awards?page=x", "page")]
    [InlineData("awards?pageSize=1000", "pageSize")]
    [InlineData("awards?regoin=BE21", "regoin")]
    [InlineData("awards.csv?year=20x4", "year")]
    [InlineData("awards.xlsx?region=BE99", "region")]
    public async Task Bad_parameters_are_a_400_problem_naming_the_parameter(string query, string parameter)
    {
        var response = await app.Anonymous().GetAsync($"{Api}/{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var messages = problem.GetProperty("errors").GetProperty(parameter).EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.NotEmpty(Assert.Single(messages));
    }

    [Fact]
    public async Task Anonymous_callers_reach_the_page_and_every_endpoint_and_sorting_and_paging_hold()
    {
        await InsertedAsync();
        var client = app.Anonymous();
        foreach (var url in new[] { "/OpenData", "/OpenData?sort=Amount&desc=false&p=2", $"{Api}/awards", $"{Api}/awards.csv", $"{Api}/awards.xlsx", $"{Api}/360giving.json" })
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);

        var byAmount = Items(await JsonAsync(client, $"{Api}/awards?sort=Amount&desc=false&pageSize=200"));
        var amounts = byAmount.Select(a => a.GetProperty("aidElementEur").GetDecimal()).ToList();
        Assert.Equal(amounts.Order(), amounts);
        var first = await JsonAsync(client, $"{Api}/awards?sort=Amount&desc=false&pageSize=1&page=1");
        Assert.Equal(amounts[0], Items(first)[0].GetProperty("aidElementEur").GetDecimal());
        Assert.Equal(byAmount.Count, first.GetProperty("totalCount").GetInt32());
        Assert.Equal(byAmount.Count, first.GetProperty("totalPages").GetInt32());
    }
}

/// <summary>The mapping without HTTP: terms as granting acts, the dated threshold, and the split of a project's aid in cents.</summary>
public sealed class OpenDataMappingTests
{
    private static readonly AidMeasures Measures = new("SA.00027", "SA.00025");

    [Fact]
    public void An_extension_is_a_new_decision_and_each_term_is_tested_against_the_threshold_of_its_date()
    {
        var rules = FundingRuleSet.Default;
        var start = new DateOnly(2021, 1, 1);
        var organisation = new Organisation("Mappingcluster vzw", OrganisationKind.CivilSociety, "0403170701", "BE", true);
        organisation.SetSizeClass(SizeClass.Small);
        organisation.Describe(organisation.Name, organisation.Kind, null, "94.11", "BE21");
        var cluster = new Cluster("Mappingcluster", ClusterType.SpearheadCluster, "test", "test", start, new DateOnly(2026, 12, 31), ClusterStatus.Supported);
        cluster.SetEnterpriseNumber("0403170701");
        var agreement = SupportAgreement.Create(cluster.Id, cluster.Type, start, new DateOnly(2023, 12, 31), "HF-2021", start, rules).Value!;
        Assert.True(agreement.Extend(new DateOnly(2026, 12, 31), new ExtensionEvaluation(Guid.NewGuid(), cluster.Id, Domain.Evaluations.EvaluationKind.Interim, new DateOnly(2023, 5, 15), Domain.Evaluations.EvaluationOutcome.Extend), "HF-2024", start, rules).IsSuccess);
        var years = new List<AgreementYear>();
        foreach (var (year, aid) in new[] { (2021, 150_000m), (2022, 150_000m), (2023, 150_000m), (2024, 40_000m), (2025, 30_000m), (2026, 30_000m) })
            years.Add(AgreementYear.Plan(agreement, years, new DateOnly(year, 1, 1), aid, 2 * aid, 2 * aid, 0, 0, 0, rules).Value!);

        var set = PublishedAwards.Build([new AgreementSource(agreement, cluster, years)], [], [AwardOrganisation.Of(organisation)], Measures, TransparencyRuleSet.Default);

        // First term: € 450.000 granted in 2021, under the € 500.000 of the 2014 text; the extension: € 100.000 in 2024, not above.
        Assert.Empty(set.Published);
        Assert.Equal(2, set.BelowThreshold);
        Assert.Empty(set.Refused);

        years.Add(AgreementYear.Plan(agreement, [], new DateOnly(2026, 6, 1), 0.01m, 1m, 1m, 0, 0, 0, rules).Value!);
        var published = Assert.Single(PublishedAwards.Build([new AgreementSource(agreement, cluster, years)], [], [AwardOrganisation.Of(organisation)], Measures, TransparencyRuleSet.Default).Published);
        Assert.Equal(100_000.01m, published.AidElementEur);
        Assert.Equal(new DateOnly(2024, 1, 1), published.GrantedOn);
        Assert.Equal($"agreement-{agreement.Id:N}-2", published.Reference);

        // Without the cluster organisation in the register nothing is published and the agency is told, once per term.
        var missing = PublishedAwards.Build([new AgreementSource(agreement, cluster, years)], [], [], Measures, TransparencyRuleSet.Default);
        Assert.Equal(["OpenData.ClusterNotInRegister", "OpenData.ClusterNotInRegister"], missing.Refused.Select(r => r.Code));

        // Issue 21: when the official register knows the number as a natural person (a sole trader), the name is not published.
        var soleTrader = PublishedAwards.Build([new AgreementSource(agreement, cluster, years)], [], [AwardOrganisation.Of(organisation)], Measures, TransparencyRuleSet.Default,
            naturalPersons: new HashSet<string>(["0403170701"]));
        Assert.Empty(soleTrader.Published);
        Assert.Contains(soleTrader.Refused, r => r.Code == "AidAward.NaturalPerson" && r.Reference == published.Reference);
    }

    [Fact]
    public void An_award_is_published_from_its_granting_date_and_not_before()
    {
        var rules = FundingRuleSet.Default;
        var start = new DateOnly(2024, 1, 1);
        var organisation = new Organisation("Toekomstcluster vzw", OrganisationKind.CivilSociety, "0403170701", "BE", true);
        organisation.SetSizeClass(SizeClass.Small);
        organisation.Describe(organisation.Name, organisation.Kind, null, "94.11", "BE21");
        var cluster = new Cluster("Toekomstcluster", ClusterType.SpearheadCluster, "test", "test", start, new DateOnly(2029, 12, 31), ClusterStatus.Supported);
        cluster.SetEnterpriseNumber("0403170701");
        var agreement = SupportAgreement.Create(cluster.Id, cluster.Type, start, new DateOnly(2026, 12, 31), "HF-2024", start, rules).Value!;
        Assert.True(agreement.Extend(new DateOnly(2029, 12, 31), new ExtensionEvaluation(Guid.NewGuid(), cluster.Id, Domain.Evaluations.EvaluationKind.Interim, new DateOnly(2026, 5, 15), Domain.Evaluations.EvaluationOutcome.Extend), "HF-2027", start, rules).IsSuccess);
        var years = new List<AgreementYear>();
        foreach (var year in Enumerable.Range(2024, 6))
            years.Add(AgreementYear.Plan(agreement, years, new DateOnly(year, 1, 1), 150_000m, 300_000m, 300_000m, 0, 0, 0, rules).Value!);
        var sources = new[] { new AgreementSource(agreement, cluster, years) };

        // On 1 December 2026 the extension (granted on its start, 1 January 2027) is not an award yet; the agency is told why.
        var before = PublishedAwards.Build(sources, [], [AwardOrganisation.Of(organisation)], Measures, TransparencyRuleSet.Default, new DateOnly(2026, 12, 1));
        Assert.Equal([new DateOnly(2024, 1, 1)], before.Published.Select(a => a.GrantedOn));
        Assert.Equal(["OpenData.NotYetGranted"], before.Refused.Select(r => r.Code));

        var on = PublishedAwards.Build(sources, [], [AwardOrganisation.Of(organisation)], Measures, TransparencyRuleSet.Default, new DateOnly(2027, 1, 1));
        Assert.Equal([new DateOnly(2024, 1, 1), new DateOnly(2027, 1, 1)], on.Published.Select(a => a.GrantedOn).Order());
        Assert.Empty(on.Refused);
    }

    [Fact]
    public void A_refused_line_is_named_by_the_reference_its_award_would_carry_and_listed_once()
    {
        Guid european = Guid.NewGuid(), undecided = Guid.NewGuid(), unknownPartner = Guid.NewGuid(), stranger = Guid.NewGuid();
        AwardProject Decided(Guid id, ProjectType type, DateOnly? decidedOn, params AwardPartner[] partners) =>
            new(id, $"Project {type}", type, ProjectStatus.Running, 200_000m, decidedOn, new DateOnly(2024, 1, 1), new DateOnly(2025, 12, 31), partners);
        var organisation = new AwardOrganisation(Guid.NewGuid(), "Trekker NV", OrganisationKind.Company, "0403170701", SizeClass.Small, "BE21", "20.1");
        var set = PublishedAwards.Build([], [
                Decided(european, ProjectType.European, new DateOnly(2024, 3, 1)),
                Decided(undecided, ProjectType.Collaboration, null),
                // A partner the register does not hold, with two shares: one refusal.
                Decided(unknownPartner, ProjectType.Collaboration, new DateOnly(2024, 3, 1),
                    new AwardPartner(stranger, PartnerRole.Lead, 100_000m), new AwardPartner(stranger, PartnerRole.Partner, 100_000m)),
            ], [organisation], Measures, TransparencyRuleSet.Default);

        Assert.Equal([
                (PublishedAwards.ProjectSourceName, $"project-{european:N}", "Project European", "OpenData.EuropeanFunds"),
                (PublishedAwards.ProjectSourceName, $"project-{undecided:N}", "Project Collaboration", "OpenData.DecisionDateUnknown"),
                (PublishedAwards.ProjectSourceName, $"project-{unknownPartner:N}-{stranger:N}", "Project Collaboration", "OpenData.OrganisationUnknown"),
            ], set.Refused.Select(r => (r.Source, r.Reference, r.Name, r.Code)));
    }

    [Fact]
    public void A_kept_open_data_set_holds_each_rules_count_and_first_five_names_instead_of_the_refused_lines()
    {
        AwardProject Other(string title, ProjectType type = ProjectType.RegularInstrument) =>
            new(Guid.NewGuid(), title, type, ProjectStatus.Completed, 10_000m, new DateOnly(2024, 3, 1), new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31), []);
        var set = PublishedAwards.Build([], [
                Other("Europees project", ProjectType.European), Other("A"), Other("B"), Other("A"), Other("C"), Other("D"), Other("E"), Other("F"),
            ], [], Measures, TransparencyRuleSet.Default);

        var kept = set.Kept();

        // Most frequent rule first; of its seven lines the first five distinct titles ("A" twice is one).
        Assert.Equal([("OpenData.OtherInstrument", 7, "A|B|C|D|E"), ("OpenData.EuropeanFunds", 1, "Europees project")],
            kept.RefusedByRule.Select(r => (r.Code, r.Count, string.Join("|", r.Examples))));
        Assert.Empty(kept.Refused);
        Assert.Equal(8, set.Refused.Count);
        Assert.Equal(set.BelowThreshold, kept.BelowThreshold);
        Assert.Same(set.Published, kept.Published);
    }

    [Fact]
    public void A_project_aid_split_in_three_equal_shares_gives_the_rounding_cent_to_the_lead()
    {
        Guid lead = Guid.NewGuid(), a = Guid.NewGuid(), b = Guid.NewGuid();
        var project = Project.Propose(new ProjectDetails(ProjectType.Collaboration, "Drie gelijke delen", null, StrategicTheme.Materials,
            new DateOnly(2024, 1, 1), new DateOnly(2025, 12, 31), 3, 6, 300_000m, 100_000m, [Guid.NewGuid()]), lead, null).Value!;
        project.SetPartner(a, PartnerRole.Partner, 100_000m, true);
        project.SetPartner(b, PartnerRole.Partner, 100_000m, true);
        project.SetPartner(lead, PartnerRole.Lead, 100_000m, true);
        var split = PublishedAwards.SplitAid(AwardProject.Of(project)).ToDictionary(p => p.OrganisationId, p => p.Aid);
        Assert.Equal(33_333.34m, split[lead]);
        Assert.Equal(33_333.33m, split[a]);
        Assert.Equal(33_333.33m, split[b]);

        // No shares recorded: the lead holds the whole aid.
        var leadOnly = Project.Propose(new ProjectDetails(ProjectType.Collaboration, "Alleen de trekker", null, StrategicTheme.Materials,
            new DateOnly(2024, 1, 1), new DateOnly(2025, 12, 31), 3, 6, 300_000m, 100_000m, [Guid.NewGuid()]), lead, null).Value!;
        Assert.Equal((lead, 100_000m), Assert.Single(PublishedAwards.SplitAid(AwardProject.Of(leadOnly))));
    }
}
