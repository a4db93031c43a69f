using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;

namespace Clusterpact.Web.Tests.Authorization;

/// <summary>
/// Every page and endpoint of the running app declares who may call it: a named policy or AllowAnonymous. The fallback
/// policy (signed in) is a safety net and does not count, so a new page or route without a rule fails here. There is
/// no allow-list: every endpoint the app maps today has a rule.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class EndpointRulesTests(ClusterpactApp app)
{
    private const string Anonymous = "(anonymous)";

    /// <summary>
    /// The expected rule per page path (Razor Pages, as in Program.cs) or route prefix (minimal APIs); the longest
    /// matching prefix wins. Written out by hand, so that a wrong policy on a folder fails as surely as a missing one.
    /// </summary>
    private static readonly IReadOnlyDictionary<string, string> Expected = new Dictionary<string, string>
    {
        ["/Index"] = Anonymous,
        ["/Error"] = Anonymous,
        ["/Accessibility"] = Anonymous,
        ["/Account"] = Anonymous,
        // Self-service accounts (decision 0012): written out so that a policy put on them by mistake fails here.
        ["/Account/Register"] = Anonymous,
        ["/Account/ConfirmEmail"] = Anonymous,
        ["/Account/ForgotPassword"] = Anonymous,
        ["/Account/ResetPassword"] = Anonymous,
        ["/TwoFactor"] = Policies.SignedIn,
        ["/Confirm"] = Policies.SignedIn,
        ["/Notifications"] = Policies.SignedIn,
        ["/Clients"] = Policies.MachineClients,
        ["/OpenCalls"] = Anonymous,
        ["/OpenData"] = Anonymous,
        ["/Respond"] = Anonymous,
        ["/Admin"] = Policies.Administration,
        ["/Clusters"] = Policies.ClusterData,
        ["/Clusters/Record"] = Policies.AgencyStaff,
        ["/Organisations"] = Policies.ClusterData,
        ["/Organisations/Import"] = Policies.ClusterEditing,
        ["/Agreements"] = Policies.ClusterData,
        ["/Agreements/Deadlines"] = Policies.ClusterData,
        ["/Agreements/New"] = Policies.AgencyStaff,
        ["/Agreements/Extend"] = Policies.AgencyStaff,
        ["/Agreements/Shorten"] = Policies.AgencyStaff,
        ["/Agreements/Rules"] = Policies.AgencyStaff,
        ["/Projects"] = Policies.ClusterData,
        ["/Projects/Import"] = Policies.ClusterEditing,
        ["/Projects/New"] = Policies.ClusterEditing,
        ["/Projects/Edit"] = Policies.ClusterEditing,
        ["/Funds"] = Policies.ClusterData,
        ["/Evaluations"] = Policies.ClusterData,
        ["/Evaluations/New"] = Policies.AgencyStaff,
        ["/Surveys"] = Policies.ClusterData,
        ["/Kpis"] = Policies.ClusterData,
        ["/Pacts"] = Policies.ClusterData,
        ["/Reports"] = Policies.ClusterData,
        ["/Calls"] = Policies.AgencyStaff,
        ["/Dashboard"] = Policies.ProgrammeView,
        ["/AnswerPack"] = Policies.ProgrammeView,
        ["/Budget"] = Policies.ProgrammeView,
        ["/Budget/New"] = Policies.AgencyStaff,
        ["/Budget/Edit"] = Policies.AgencyStaff,
        ["/Apply"] = Policies.Applying,
        ["/Review"] = Policies.Reviewing,
        ["/health"] = Anonymous,
        // Two OpenAPI documents: the public one (open-data endpoints only) for anyone, the full one after sign-in.
        ["/openapi/{documentName:regex(^public$)}.json"] = Anonymous,
        ["/openapi/{documentName:regex(^v1$)}.json"] = Policies.SignedIn,
        ["/scalar"] = Anonymous,
        ["/culture"] = Anonymous,
        ["/api/v1/open-data"] = Anonymous,
        ["/api/v1/me"] = Policies.SignedIn,
        // OAuth 2.0 client credentials: the client's id and secret are the credential (decision 0014).
        ["/api/v1/token"] = Anonymous,
        ["/api/v1/jobs"] = Policies.SignedIn,
        ["/api/v1/clusters"] = Policies.ClusterData,
        // The suggestions of the lists' cluster filter (Clusters/ChooseCluster): scoped by the caller's clusters (ClusterChoiceTests).
        ["/api/v1/clusters/choices"] = Policies.ClusterData,
        ["/api/v1/organisations"] = Policies.ClusterData,
        ["/api/v1/projects"] = Policies.ClusterData,
        ["/api/v1/funds"] = Policies.ClusterData,
        ["/api/v1/users"] = Policies.Administration,
        ["/api/v1/audit"] = Policies.Administration,
        // The areas' API (issue 21): the policy of the pages' folder each mirrors.
        ["/api/v1/agreements"] = Policies.ClusterData,
        // The agency's agreement forms through the API: the rule of their pages (/Agreements/Extend, /Shorten, the budget's year).
        ["/api/v1/agreements/{id:guid}/extend"] = Policies.AgencyStaff,
        ["/api/v1/agreements/{id:guid}/shorten"] = Policies.AgencyStaff,
        ["/api/v1/working-years"] = Policies.ClusterData,
        ["/api/v1/payments"] = Policies.ClusterData,
        ["/api/v1/reports"] = Policies.ClusterData,
        ["/api/v1/evaluations"] = Policies.ClusterData,
        ["/api/v1/pacts"] = Policies.ClusterData,
        ["/api/v1/surveys"] = Policies.ClusterData,
        ["/api/v1/clusters/{id:guid}/kpi-targets"] = Policies.ClusterData,
        ["/api/v1/budget-scenarios"] = Policies.ProgrammeView,
        // A call's lifecycle, its ranking, the panel, the consensus and the agreement made from an application: the /Calls folder's rule.
        ["/api/v1/calls"] = Policies.AgencyStaff,
        ["/api/v1/applications"] = Policies.AgencyStaff,
        // The expert's own assignments: the /Review folder's rule.
        ["/api/v1/reviews"] = Policies.Reviewing,
        // The budget page's agency forms: a working year's lapse (the payment's request shares its route with the list, both checked by the tests).
        ["/api/v1/working-years/{id:guid}/lapse"] = Policies.AgencyStaff,
        ["/api/v1/answer-pack"] = Policies.ProgrammeView,
        // Imports through the API: the pages' rule (decision 0015).
        ["/api/v1/imports"] = Policies.ClusterEditing,
    };

    /// <summary>Which policies each demo login meets, written from the roles' descriptions in decision 0003, not from the code.</summary>
    internal static readonly IReadOnlyDictionary<string, string[]> Meets = new Dictionary<string, string[]>
    {
        [Emails.Admin] = [Policies.SignedIn, Policies.Administration, Policies.AgencyStaff, Policies.ClusterEditing, Policies.ClusterData, Policies.ProgrammeView, Policies.MachineClients],
        [Emails.Officer] = [Policies.SignedIn, Policies.AgencyStaff, Policies.ClusterEditing, Policies.ClusterData, Policies.ProgrammeView],
        [Emails.CatalistiManager] = [Policies.SignedIn, Policies.ClusterEditing, Policies.ClusterData, Policies.Applying, Policies.MachineClients],
        [Emails.Flux50Manager] = [Policies.SignedIn, Policies.ClusterEditing, Policies.ClusterData, Policies.Applying, Policies.MachineClients],
        [Emails.Reader] = [Policies.SignedIn, Policies.ClusterData, Policies.ProgrammeView],
        [Emails.Expert] = [Policies.SignedIn, Policies.Reviewing],
        [Emails.Expert2] = [Policies.SignedIn, Policies.Reviewing],
        [Emails.Applicant] = [Policies.SignedIn, Policies.Applying],
    };

    /// <summary>Pages whose own answer is an error status: the refusal page says 403, the error page (without a code) 500.</summary>
    private static readonly IReadOnlyDictionary<string, HttpStatusCode> OwnStatus = new Dictionary<string, HttpStatusCode>
    {
        ["/Account/AccessDenied"] = HttpStatusCode.Forbidden,
        ["/Error"] = HttpStatusCode.InternalServerError,
    };

    private sealed record Rule(string Key, RouteEndpoint Endpoint, bool IsPage, bool AllowsAnonymous, IReadOnlySet<string> Policies, bool UnnamedAuthorize);

    private IReadOnlyList<Rule> Rules()
    {
        var source = app.Services.GetRequiredService<EndpointDataSource>();
        return source.Endpoints.OfType<RouteEndpoint>().Select(e =>
        {
            var page = e.Metadata.GetMetadata<PageActionDescriptor>();
            var authorize = e.Metadata.GetOrderedMetadata<IAuthorizeData>();
            return new Rule(page?.ViewEnginePath ?? "/" + e.RoutePattern.RawText!.TrimStart('/'), e, page is not null,
                e.Metadata.GetMetadata<IAllowAnonymous>() is not null,
                authorize.Where(a => !string.IsNullOrEmpty(a.Policy)).Select(a => a.Policy!).ToHashSet(),
                authorize.Any(a => string.IsNullOrEmpty(a.Policy) && string.IsNullOrEmpty(a.Roles)));
        }).ToList();
    }

    private static string? ExpectedFor(string key) => Expected
        .Where(kv => key.Equals(kv.Key, StringComparison.Ordinal) || key.StartsWith(kv.Key + "/", StringComparison.Ordinal) || key.StartsWith(kv.Key + ".", StringComparison.Ordinal))
        .OrderByDescending(kv => kv.Key.Length).Select(kv => kv.Value).FirstOrDefault();

    [Fact]
    public void The_app_has_pages_and_api_endpoints_to_check()
    {
        var rules = Rules();
        Assert.Contains(rules, r => r.IsPage && r.Key == "/Agreements/New");
        Assert.Contains(rules, r => !r.IsPage && r.Key.StartsWith("/api/v1/clusters", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_endpoint_names_a_policy_or_allows_anonymous()
    {
        var undecided = Rules().Where(r => !r.AllowsAnonymous && r.Policies.Count == 0).Select(r => r.Endpoint.DisplayName).ToList();
        Assert.True(undecided.Count == 0, "Without a rule of their own (the fallback policy does not count):\n" + string.Join("\n", undecided));
    }

    [Fact]
    public void No_endpoint_relies_on_the_default_policy_without_a_name()
    {
        var unnamed = Rules().Where(r => r.UnnamedAuthorize).Select(r => r.Endpoint.DisplayName).ToList();
        Assert.True(unnamed.Count == 0, "RequireAuthorization() without a policy name:\n" + string.Join("\n", unnamed));
    }

    [Fact]
    public void Every_endpoint_has_the_policy_the_table_expects()
    {
        var wrong = new List<string>();
        foreach (var rule in Rules())
        {
            var expected = ExpectedFor(rule.Key);
            if (expected is null) wrong.Add($"{rule.Key}: not in the table of expected rules");
            else if (expected == Anonymous && !rule.AllowsAnonymous) wrong.Add($"{rule.Key}: expected anonymous, has {string.Join(", ", rule.Policies)}");
            else if (expected != Anonymous && rule.AllowsAnonymous) wrong.Add($"{rule.Key}: expected {expected}, allows anonymous");
            else if (expected != Anonymous && !rule.Policies.Contains(expected)) wrong.Add($"{rule.Key}: expected {expected}, has {string.Join(", ", rule.Policies)}");
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong.Distinct()));
    }

    public static TheoryData<string> Logins() => new(Meets.Keys);

    [Theory]
    [MemberData(nameof(Logins))]
    public async Task Every_page_without_route_values_answers_each_role_as_its_policy_says(string email)
    {
        var client = await app.SignedInAsync(email);
        var wrong = new List<string>();
        foreach (var rule in ParameterlessPages())
        {
            var allowed = rule.AllowsAnonymous || rule.Policies.All(Meets[email].Contains);
            var response = await client.GetAsync(rule.Endpoint.RoutePattern.RawText is { Length: > 0 } raw ? "/" + raw.TrimStart('/') : "/");
            var outcome = Outcome(rule, response);
            if (allowed ? outcome is not "ok" : outcome is not "denied") wrong.Add($"{rule.Key}: {(int)response.StatusCode} {response.Headers.Location} ({outcome}), expected {(allowed ? "ok" : "denied")}");
        }
        Assert.True(wrong.Count == 0, $"As {email}:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public async Task Every_page_without_route_values_sends_anonymous_callers_to_sign_in_unless_it_is_public()
    {
        var client = app.Anonymous();
        var wrong = new List<string>();
        foreach (var rule in ParameterlessPages())
        {
            var response = await client.GetAsync(rule.Endpoint.RoutePattern.RawText is { Length: > 0 } raw ? "/" + raw.TrimStart('/') : "/");
            var outcome = Outcome(rule, response);
            if (rule.AllowsAnonymous ? outcome is not "ok" : outcome is not "sign-in") wrong.Add($"{rule.Key}: {(int)response.StatusCode} {response.Headers.Location} ({outcome})");
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    private IEnumerable<Rule> ParameterlessPages() => Rules()
        .Where(r => r.IsPage && r.Endpoint.RoutePattern.Parameters.Count == 0)
        .GroupBy(r => r.Key).Select(g => g.OrderBy(r => r.Endpoint.RoutePattern.RawText!.Length).First())
        .OrderBy(r => r.Key, StringComparer.Ordinal);

    /// <summary>"sign-in" (the login challenge), "denied" (the access-denied redirect or 403), or "ok" (anything the page answers itself).</summary>
    private static string Outcome(Rule rule, HttpResponseMessage response)
    {
        if (OwnStatus.TryGetValue(rule.Key, out var own) && response.StatusCode == own) return "ok";
        if (response.StatusCode == HttpStatusCode.Forbidden) return "denied";
        if (response.StatusCode == HttpStatusCode.Unauthorized) return "sign-in";
        if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found && response.Headers.Location is { } location)
        {
            var target = location.IsAbsoluteUri ? location : new Uri(new Uri("http://localhost"), location);
            if (target.AbsolutePath.Equals("/Account/AccessDenied", StringComparison.OrdinalIgnoreCase)) return "denied";
            if (target.AbsolutePath.Equals("/Account/Login", StringComparison.OrdinalIgnoreCase) && target.Query.Contains("ReturnUrl", StringComparison.OrdinalIgnoreCase)) return "sign-in";
            return "ok";
        }
        return response.IsSuccessStatusCode ? "ok" : $"status {(int)response.StatusCode}";
    }
}
