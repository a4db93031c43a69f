using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;

namespace Clusterpact.Web.Tests.Authorization;

/// <summary>
/// The role-by-route matrix for every route that takes an id: each such page and API read is called with records of
/// two clusters (Catalisti and Flux50), of two experts and of two owners, as every demo login, and must answer 200
/// exactly when the person may see that record and refuse (403, 404 or the access-denied page) otherwise. Ids are
/// also swapped between clusters inside one route (Catalisti's id with Flux50's membership or agreement), which
/// nobody may open. Who may see what is written here from the roles in decision 0003 (agency staff and readers the
/// whole programme, a manager their own cluster, an expert their own assignments, an owner their own application),
/// not read from <c>Scope</c>, so a scoping mistake in the app fails here. A route with an id that has no sample here
/// and no test elsewhere fails the coverage test, so a new one cannot be forgotten.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class RecordRouteMatrixTests(ClusterpactApp app)
{
    private const string Catalisti = "Catalisti";
    private const string Flux50 = "Flux50";

    private static readonly string[] Logins =
        [Emails.Admin, Emails.Officer, Emails.Reader, Emails.CatalistiManager, Emails.Flux50Manager, Emails.Expert, Emails.Expert2, Emails.Applicant];

    /// <summary>The cluster each manager login acts for (decision 0003: a manager's scope).</summary>
    private static readonly IReadOnlyDictionary<string, string> ManagerOf = new Dictionary<string, string>
    {
        [Emails.CatalistiManager] = Catalisti,
        [Emails.Flux50Manager] = Flux50,
    };

    private static readonly string[] SeesProgramme = [Emails.Admin, Emails.Officer, Emails.Reader];

    /// <summary>Routes with an id whose access is proven by a test of their own, and which one.</summary>
    private static readonly IReadOnlyDictionary<string, string> ProvenElsewhere = new Dictionary<string, string>
    {
        ["/s/{token}"] = "Surveys/SurveyTests: the answer link is a secret token, not an id",
        ["/Account/Setup/{token?}"] = "Account/FirstRunTests: the first-run link is a secret token, void once any account exists",
        ["/Organisations/Import/{id:guid}"] = "Import/MemberImportTests: an import session is its creator's",
        ["/Projects/Import/{id:guid}"] = "Import/ProjectImportTests: an import session is its creator's",
        ["/api/v1/jobs/{id:guid}"] = "Import tests: a job's progress is its creator's",
        ["/api/v1/imports/members/{id:guid}"] = "Api/ImportApiTests: an import session is its creator's",
        ["/api/v1/imports/members/{id:guid}/report"] = "Api/ImportApiTests: an import session is its creator's",
        ["/api/v1/imports/projects/{id:guid}"] = "Api/ImportApiTests: an import session is its creator's",
        ["/api/v1/imports/projects/{id:guid}/report"] = "Api/ImportApiTests: an import session is its creator's",
        ["/api/v1/clusters/{id:guid}/contact"] = "Clusters/ClusterApiTests: PUT, not a read",
        ["/Admin/Users/{id}"] = "Admin/UserTests: administration only",
        ["/Apply/Start/{callId:guid}"] = "Apply tests: starting an application depends on the call being open",
        ["/Projects/{id:guid}/Edit"] = "Projects/ProjectTests: whether a project can be edited depends on its stage; the policy is ClusterEditing",
        ["/Calls/Edit/{id:guid?}"] = "Calls tests: a call can be edited only before it opens (otherwise the page sends to its details)",
        ["/Clients/{id:guid}"] = "Api/MachineClientTests: a machine client is its owner's (an administrator keeps every one); demo data has none",
    };

    /// <summary>One call of the matrix: a URL with real ids and the logins that may open it.</summary>
    private sealed record Sample(string Template, string Url, IReadOnlySet<string> MayOpen);

    private static IReadOnlySet<string> ClusterRecord(string cluster, string policy) =>
        Logins.Where(l => EndpointRulesTests.Meets[l].Contains(policy) && (SeesProgramme.Contains(l) || ManagerOf.GetValueOrDefault(l) == cluster)).ToHashSet();

    private static IReadOnlySet<string> Programme(string policy) => Logins.Where(l => EndpointRulesTests.Meets[l].Contains(policy)).ToHashSet();

    private static IReadOnlySet<string> Only(params string[] logins) => logins.ToHashSet();

    private async Task<IReadOnlyList<Sample>> SamplesAsync() => await app.WithDbAsync(async db =>
    {
        var samples = new List<Sample>();
        var ids = await db.Clusters.Where(c => c.Name == Catalisti || c.Name == Flux50).ToDictionaryAsync(c => c.Name, c => c.Id);
        var users = await db.Users.Where(u => Logins.Contains(u.Email!)).ToDictionaryAsync(u => u.Email!, u => u.Id);
        foreach (var (name, id) in ids)
        {
            var other = ids.Single(kv => kv.Key != name).Value;
            void Add(string template, string url, string policy) => samples.Add(new(template, url, ClusterRecord(name, policy)));
            void Swap(string template, string url) => samples.Add(new(template, url, Only()));

            Add("/Clusters/{id:guid}", $"/Clusters/{id}", Policies.ClusterData);
            Add("/Clusters/{id:guid}/Edit", $"/Clusters/{id}/Edit", Policies.ClusterEditing);
            Add("/Clusters/{id:guid}/Record", $"/Clusters/{id}/Record", Policies.AgencyStaff);
            Add("/Clusters/{id:guid}/Members/Add", $"/Clusters/{id}/Members/Add", Policies.ClusterEditing);
            Add("/Clusters/{id:guid}/Agreements/New", $"/Clusters/{id}/Agreements/New", Policies.AgencyStaff);
            Add("/Kpis/Cluster/{id:guid}", $"/Kpis/Cluster/{id}", Policies.ClusterData);
            Add("/Pacts/{id:guid}", $"/Pacts/{id}", Policies.ClusterData);
            Add("/api/v1/clusters/{id:guid}", $"/api/v1/clusters/{id}", Policies.ClusterData);

            var membership = await db.Memberships.Where(m => m.ClusterId == id).Select(m => m.Id).FirstAsync();
            Add("/Clusters/{id:guid}/Members/{membershipId:guid}", $"/Clusters/{id}/Members/{membership}", Policies.ClusterEditing);
            Swap("/Clusters/{id:guid}/Members/{membershipId:guid}", $"/Clusters/{other}/Members/{membership}");

            var agreement = await db.SupportAgreements.Where(a => a.ClusterId == id).Select(a => a.Id).FirstAsync();
            foreach (var step in new[] { "Extend", "Shorten" })
            {
                Add($"/Clusters/{{id:guid}}/Agreements/{{agreementId:guid}}/{step}", $"/Clusters/{id}/Agreements/{agreement}/{step}", Policies.AgencyStaff);
                Swap($"/Clusters/{{id:guid}}/Agreements/{{agreementId:guid}}/{step}", $"/Clusters/{other}/Agreements/{agreement}/{step}");
            }
            Add("/Clusters/{id:guid}/Agreements/{agreementId:guid}", $"/Clusters/{id}/Agreements/{agreement}", Policies.ClusterData);
            Swap("/Clusters/{id:guid}/Agreements/{agreementId:guid}", $"/Clusters/{other}/Agreements/{agreement}");
            Add("/Clusters/{id:guid}/Agreements/{agreementId:guid}/Budget", $"/Clusters/{id}/Agreements/{agreement}/Budget", Policies.ClusterData);
            Swap("/Clusters/{id:guid}/Agreements/{agreementId:guid}/Budget", $"/Clusters/{other}/Agreements/{agreement}/Budget");

            // An organisation that is (or was) a member of this cluster only.
            var organisation = await db.Organisations
                .Where(o => db.Memberships.Any(m => m.OrganisationId == o.Id && m.ClusterId == id) && !db.Memberships.Any(m => m.OrganisationId == o.Id && m.ClusterId != id))
                .OrderBy(o => o.Id).Select(o => o.Id).FirstAsync();
            Add("/Organisations/{id:guid}", $"/Organisations/{organisation}", Policies.ClusterData);
            Add("/api/v1/organisations/{id:guid}", $"/api/v1/organisations/{organisation}", Policies.ClusterData);

            // A project of this cluster alone (an intercluster project is seen by each of its clusters).
            var project = await db.Projects.Where(p => p.Clusters.Any(c => c.ClusterId == id) && p.Clusters.All(c => c.ClusterId == id))
                .OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
            Add("/Projects/{id:guid}", $"/Projects/{project}", Policies.ClusterData);

            var evaluation = await db.Evaluations.Where(e => e.ClusterId == id).OrderBy(e => e.Id).Select(e => e.Id).FirstAsync();
            Add("/Evaluations/{id:guid}", $"/Evaluations/{evaluation}", Policies.ClusterData);

            var report = await db.AnnualReports.Where(r => r.ClusterId == id).OrderBy(r => r.Id).Select(r => r.Id).FirstAsync();
            Add("/Reports/{id:guid}", $"/Reports/{report}", Policies.ClusterData);

            var envelope = await db.FundEnvelopes.Where(e => e.ClusterId == id).OrderBy(e => e.Id).Select(e => e.Id).FirstAsync();
            Add("/Funds/{id:guid}", $"/Funds/{envelope}", Policies.ClusterData);

            // The areas' API (issue 21) answers each login as the pages of the same records do.
            Add("/api/v1/clusters/{id:guid}/members/", $"/api/v1/clusters/{id}/members", Policies.ClusterData);
            Add("/api/v1/clusters/{id:guid}/members/{membershipId:guid}", $"/api/v1/clusters/{id}/members/{membership}", Policies.ClusterData);
            Swap("/api/v1/clusters/{id:guid}/members/{membershipId:guid}", $"/api/v1/clusters/{other}/members/{membership}");
            Add("/api/v1/clusters/{id:guid}/kpis/{year:int}", $"/api/v1/clusters/{id}/kpis/2024", Policies.ClusterData);
            Add("/api/v1/agreements/{id:guid}", $"/api/v1/agreements/{agreement}", Policies.ClusterData);
            var year = await db.AgreementYears.Where(y => y.AgreementId == agreement).OrderBy(y => y.Id).Select(y => y.Id).FirstAsync();
            Add("/api/v1/working-years/{id:guid}", $"/api/v1/working-years/{year}", Policies.ClusterData);
            var payment = await db.AidPayments.Where(p => p.AgreementId == agreement).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
            Add("/api/v1/payments/{id:guid}", $"/api/v1/payments/{payment}", Policies.ClusterData);
            Add("/api/v1/reports/{id:guid}", $"/api/v1/reports/{report}", Policies.ClusterData);
            Add("/api/v1/evaluations/{id:guid}", $"/api/v1/evaluations/{evaluation}", Policies.ClusterData);
            Add("/api/v1/pacts/{clusterId:guid}", $"/api/v1/pacts/{id}", Policies.ClusterData);
            Add("/api/v1/clusters/{id:guid}/kpi-targets/", $"/api/v1/clusters/{id}/kpi-targets", Policies.ClusterData);
            var target = await db.KpiTargets.Where(t => t.ClusterId == id).OrderBy(t => t.Id).Select(t => new { t.KpiCode, t.Year }).FirstAsync();
            Add("/api/v1/clusters/{id:guid}/kpi-targets/{code}/{year:int}", $"/api/v1/clusters/{id}/kpi-targets/{target.KpiCode}/{target.Year}", Policies.ClusterData);
            Add("/api/v1/funds/{id:guid}", $"/api/v1/funds/{envelope}", Policies.ClusterData);

        }

        // A survey is seen by the programme and by the managers of the clusters whose members it invited.
        var survey = await db.Surveys.OrderBy(x => x.Id).Select(x => x.Id).FirstAsync();
        var invited = await db.SurveyInvitations.Where(i => i.SurveyId == survey).Select(i => i.ClusterId).Distinct().ToListAsync();
        var surveyReaders = Logins.Where(l => EndpointRulesTests.Meets[l].Contains(Policies.ClusterData)
            && (SeesProgramme.Contains(l) || (ManagerOf.TryGetValue(l, out var c) && ids.TryGetValue(c, out var cid) && invited.Contains(cid)))).ToHashSet();
        samples.Add(new("/Surveys/{id:guid}", $"/Surveys/{survey}", surveyReaders));
        samples.Add(new("/Surveys/{id:guid}/Results", $"/Surveys/{survey}/Results", surveyReaders));
        samples.Add(new("/api/v1/surveys/{id:guid}/results", $"/api/v1/surveys/{survey}/results", surveyReaders));

        samples.Add(new("/api/v1/surveys/{id:guid}", $"/api/v1/surveys/{survey}", surveyReaders));

        // A year in which both clusters have an envelope: everyone who sees cluster data sees that year (a manager: their own envelope in it).
        var bothYears = await db.FundEnvelopes.Where(e => e.ClusterId != null && ids.Values.Contains(e.ClusterId.Value)).GroupBy(e => e.Year)
            .Where(g => g.Select(e => e.ClusterId).Distinct().Count() == 2).Select(g => g.Key).OrderBy(y => y).FirstAsync();
        samples.Add(new("/api/v1/funds/years/{year:int}", $"/api/v1/funds/years/{bothYears}", Programme(Policies.ClusterData)));

        var scenario = await db.BudgetScenarios.OrderBy(b => b.Id).Select(b => b.Id).FirstAsync();
        samples.Add(new("/api/v1/budget-scenarios/{id:guid}", $"/api/v1/budget-scenarios/{scenario}", Programme(Policies.ProgrammeView)));
        samples.Add(new("/Budget/{id:guid}", $"/Budget/{scenario}", Programme(Policies.ProgrammeView)));
        samples.Add(new("/Budget/Edit/{id:guid}", $"/Budget/Edit/{scenario}", Programme(Policies.AgencyStaff)));

        var call = await db.Calls.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
        foreach (var page in new[] { "Details", "Ranking" })
            samples.Add(new($"/Calls/{page}/{{id:guid}}", $"/Calls/{page}/{call}", Programme(Policies.AgencyStaff)));
        samples.Add(new("/api/v1/calls/{id:guid}", $"/api/v1/calls/{call}", Programme(Policies.AgencyStaff)));
        samples.Add(new("/api/v1/calls/{id:guid}/applications", $"/api/v1/calls/{call}/applications", Programme(Policies.AgencyStaff)));
        // A draft call has no ranking (404 for everyone), so the ranking's sample is a call past its draft.
        var rankedCall = await db.Calls.Where(c => c.Status != CallStatus.Draft).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
        samples.Add(new("/api/v1/calls/{id:guid}/ranking", $"/api/v1/calls/{rankedCall}/ranking", Programme(Policies.AgencyStaff)));

        var openCall = await db.Calls.Where(c => db.Applications.Any(a => a.CallId == c.Id)).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
        samples.Add(new("/OpenCalls/{id:guid}", $"/OpenCalls/{openCall}", Logins.ToHashSet()));

        // Applications and assignments belong to a person: the owner's page is theirs alone, the agency reads the
        // application from the call.
        var applications = await db.Applications.Where(a => a.OwnerId != null).OrderBy(a => a.Id).Select(a => new { a.Id, Owner = a.OwnerId!.Value }).ToListAsync();
        foreach (var owner in users.Keys.Where(u => applications.Any(a => a.Owner == users[u])))
        {
            var own = applications.First(a => a.Owner == users[owner]);
            samples.Add(new("/Apply/{id:guid}", $"/Apply/{own.Id}", Only(owner)));
            samples.Add(new("/Calls/Application/{id:guid}", $"/Calls/Application/{own.Id}", Programme(Policies.AgencyStaff)));
            samples.Add(new("/api/v1/applications/{id:guid}", $"/api/v1/applications/{own.Id}", Programme(Policies.AgencyStaff)));
            samples.Add(new("/api/v1/applications/{id:guid}/panel", $"/api/v1/applications/{own.Id}/panel", Programme(Policies.AgencyStaff)));
        }

        var assignments = await db.ExpertAssignments.OrderBy(a => a.Id).Select(a => new { a.Id, a.ExpertId }).ToListAsync();
        foreach (var expert in users.Keys.Where(u => assignments.Any(a => a.ExpertId == users[u])))
        {
            var assignment = assignments.First(a => a.ExpertId == users[expert]).Id;
            samples.Add(new("/Review/{id:guid}", $"/Review/{assignment}", Only(expert)));
            samples.Add(new("/api/v1/reviews/{id:guid}", $"/api/v1/reviews/{assignment}", Only(expert)));
        }
        return (IReadOnlyList<Sample>)samples;
    });

    private IEnumerable<string> TemplatesWithIds()
    {
        var source = app.Services.GetRequiredService<EndpointDataSource>();
        return source.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.Parameters.Count > 0)
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null
                        || e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains("GET") != false
                        || ProvenElsewhere.ContainsKey("/" + e.RoutePattern.RawText!.TrimStart('/')))
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(t => !t.StartsWith("/openapi", StringComparison.Ordinal) && !t.StartsWith("/scalar", StringComparison.Ordinal) && !t.StartsWith("/api/v1/open-data", StringComparison.Ordinal))
            .Distinct();
    }

    [Fact]
    public async Task Every_route_with_an_id_is_in_the_matrix_or_proven_elsewhere()
    {
        var covered = (await SamplesAsync()).Select(s => s.Template).ToHashSet();
        var missing = TemplatesWithIds().Where(t => !covered.Contains(t) && !ProvenElsewhere.ContainsKey(t)).ToList();
        Assert.True(missing.Count == 0, "Routes with an id that nobody checks:\n" + string.Join("\n", missing));
        var stale = ProvenElsewhere.Keys.Concat(covered).Where(t => !TemplatesWithIds().Contains(t)).ToList();
        Assert.True(stale.Count == 0, "Templates the app does not map (any more):\n" + string.Join("\n", stale));
    }

    [Fact]
    public async Task Both_clusters_have_a_sample_of_each_cluster_record()
    {
        var samples = await SamplesAsync();
        var ids = await app.WithDbAsync(db => db.Clusters.Where(c => c.Name == Catalisti || c.Name == Flux50).Select(c => c.Id).ToListAsync());
        foreach (var template in new[] { "/Clusters/{id:guid}", "/Projects/{id:guid}", "/Organisations/{id:guid}", "/Reports/{id:guid}", "/Funds/{id:guid}", "/Evaluations/{id:guid}" })
            Assert.Equal(2, samples.Count(s => s.Template == template));
        Assert.Equal(2, ids.Count);
    }

    public static TheoryData<string> Everyone() => new(Logins);

    [Theory]
    [MemberData(nameof(Everyone))]
    public async Task Each_login_opens_exactly_the_records_that_are_theirs(string email)
    {
        var client = await app.SignedInAsync(email);
        var wrong = new List<string>();
        foreach (var sample in await SamplesAsync())
        {
            var response = await client.GetAsync(sample.Url);
            var opened = response.StatusCode == HttpStatusCode.OK;
            var refused = response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden
                || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/Account/AccessDenied", StringComparison.OrdinalIgnoreCase) == true);
            var may = sample.MayOpen.Contains(email);
            if (may ? !opened : !refused)
                wrong.Add($"{sample.Url} ({sample.Template}): {(int)response.StatusCode} {response.Headers.Location}, expected {(may ? "200" : "a refusal")}");
        }
        Assert.True(wrong.Count == 0, $"As {email}:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public async Task Anonymous_callers_open_no_record_but_a_published_call()
    {
        var client = app.Anonymous();
        var wrong = new List<string>();
        foreach (var sample in await SamplesAsync())
        {
            var response = await client.GetAsync(sample.Url);
            var isPublic = sample.Template.StartsWith("/OpenCalls/", StringComparison.Ordinal);
            var ok = isPublic
                ? response.StatusCode == HttpStatusCode.OK
                : response.StatusCode == HttpStatusCode.Unauthorized
                  || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase) == true);
            if (!ok) wrong.Add($"{sample.Url}: {(int)response.StatusCode} {response.Headers.Location}");
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }
}
