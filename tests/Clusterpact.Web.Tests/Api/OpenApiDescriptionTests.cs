using Clusterpact.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;

namespace Clusterpact.Web.Tests.Api;

/// <summary>
/// Every operation of the API document (/openapi/v1.json) says who may call it, what problems it can answer and what
/// it looks like (decision 0015): a security requirement and the policy's name unless anonymous, problem details for
/// 400 (and 401, 403 unless anonymous; 404 with a path value; 412 and 428 with If-Match), an example of its success
/// response and of its request body. An endpoint added without them fails here.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class OpenApiDescriptionTests(ClusterpactApp app)
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    private sealed record Operation(string Method, string Path, JsonElement Body);

    private async Task<(JsonElement Document, List<Operation> Operations)> DocumentAsync()
    {
        var reader = await app.SignedInAsync(Emails.Reader);
        var response = await reader.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Where(o => Methods.Contains(o.Name)).Select(o => new Operation(o.Name.ToUpperInvariant(), p.Name, o.Value)))
            .Where(o => o.Path.StartsWith("/api/", StringComparison.Ordinal)).ToList();
        return (document, operations);
    }

    /// <summary>What anyone may call: the open data, and the OAuth token endpoint (a client proves itself with its secret there).</summary>
    private static bool Anonymous(Operation o) => o.Path.StartsWith("/api/v1/open-data", StringComparison.Ordinal) || o.Path == "/api/v1/token";

    [Fact]
    public async Task Every_operation_declares_its_authorization()
    {
        var (document, operations) = await DocumentAsync();
        Assert.True(document.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("session", out _));
        var missing = operations.Where(o => !Anonymous(o) && !(o.Body.TryGetProperty("security", out var s) && s.GetArrayLength() > 0
                && o.Body.TryGetProperty("x-authorization-policy", out var p) && p.GetString() is { Length: > 0 }))
            .Select(o => $"{o.Method} {o.Path}").ToList();
        Assert.True(missing.Count == 0, "Without a security requirement and policy:\n" + string.Join("\n", missing));
        // And an anonymous one says so by having none.
        Assert.All(operations.Where(Anonymous), o => Assert.False(o.Body.TryGetProperty("security", out _), $"{o.Method} {o.Path}"));
    }

    /// <summary>
    /// A machine client reads in the document which scope an operation needs (issue 21): the OAuth scheme lists every
    /// scope with the token URL, and an area's operation asks for its area's read (GET) or write scope.
    /// </summary>
    [Fact]
    public async Task Every_operation_a_machine_client_may_call_names_its_scope()
    {
        var (document, operations) = await DocumentAsync();
        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("oauth2");
        var flow = scheme.GetProperty("flows").GetProperty("clientCredentials");
        Assert.Equal("/api/v1/token", flow.GetProperty("tokenUrl").GetString());
        Assert.True(flow.GetProperty("scopes").TryGetProperty("payments:write", out _));

        // The client's requirement as "scope scope" ("" for any scope), or null when the operation offers none.
        string? ScopesOf(Operation o) => o.Body.TryGetProperty("security", out var s)
            ? s.EnumerateArray().Where(r => r.TryGetProperty("oauth2", out _)).Select(r => string.Join(' ', r.GetProperty("oauth2").EnumerateArray().Select(x => x.GetString()))).FirstOrDefault()
            : null;
        Operation Find(string method, string path) => operations.Single(o => o.Method == method && o.Path.TrimEnd('/') == path);
        Assert.Equal("agreements:read", ScopesOf(Find("GET", "/api/v1/agreements")));
        Assert.Equal("payments:write", ScopesOf(Find("POST", "/api/v1/payments/{id}/approve")));
        Assert.Equal("members:write", ScopesOf(Find("POST", "/api/v1/clusters/{id}/members")));
        // Who am I answers any client; the administrators' user list is closed to clients, so it offers the session only.
        Assert.Equal("", ScopesOf(Find("GET", "/api/v1/me")));
        Assert.Null(ScopesOf(Find("GET", "/api/v1/users")));
    }

    [Fact]
    public async Task Every_operation_declares_its_problem_responses()
    {
        var (_, operations) = await DocumentAsync();
        var missing = new List<string>();
        foreach (var o in operations)
        {
            var expected = new List<string> { "400" };
            if (!Anonymous(o)) expected.AddRange(["401", "403"]);
            if (o.Path.Contains('{', StringComparison.Ordinal)) expected.Add("404");
            var ifMatch = o.Body.TryGetProperty("parameters", out var ps) && ps.EnumerateArray().Any(p => p.GetProperty("name").GetString() == "If-Match" && p.GetProperty("in").GetString() == "header");
            if (ifMatch) expected.AddRange(["412", "428"]);
            var responses = o.Body.GetProperty("responses");
            foreach (var status in expected)
                if (!responses.TryGetProperty(status, out var r) || !r.TryGetProperty("content", out var c) || !c.TryGetProperty("application/problem+json", out _))
                    missing.Add($"{o.Method} {o.Path}: {status}");
        }
        Assert.True(missing.Count == 0, "Problem responses not declared:\n" + string.Join("\n", missing));
    }

    [Fact]
    public async Task Every_change_takes_If_Match_and_every_transition_is_its_own_post()
    {
        var (_, operations) = await DocumentAsync();
        // Changes of an existing record (PUT, and POST on a record's action) say which version they rest on.
        var changes = operations.Where(o => o.Method == "PUT"
            || (o.Method == "POST" && o.Path.Contains("/{", StringComparison.Ordinal) && !o.Path.TrimEnd('/').EndsWith("/members", StringComparison.Ordinal)));
        // The contact's PUT predates the convention and keeps its version in the body (decision 0015).
        var without = changes.Where(o => o.Path != "/api/v1/clusters/{id}/contact"
                && !(o.Body.TryGetProperty("parameters", out var ps) && ps.EnumerateArray().Any(p => p.GetProperty("name").GetString() == "If-Match")))
            .Select(o => $"{o.Method} {o.Path}").ToList();
        Assert.True(without.Count == 0, "Changes without If-Match:\n" + string.Join("\n", without));
        foreach (var step in new[] { "approve", "reject", "mark-paid" })
            Assert.Contains(operations, o => o.Method == "POST" && o.Path == $"/api/v1/payments/{{id}}/{step}");
        foreach (var step in new[] { "submit", "accept", "return" })
            Assert.Contains(operations, o => o.Method == "POST" && o.Path == $"/api/v1/reports/{{id}}/{step}");
    }

    [Fact]
    public async Task Every_operation_has_a_name_a_summary_and_an_example()
    {
        var (_, operations) = await DocumentAsync();
        var missing = new List<string>();
        foreach (var o in operations)
        {
            if (!o.Body.TryGetProperty("operationId", out var id) || id.GetString() is not { Length: > 0 }) missing.Add($"{o.Method} {o.Path}: name");
            if (!o.Body.TryGetProperty("summary", out var summary) || summary.GetString() is not { Length: > 0 }) missing.Add($"{o.Method} {o.Path}: summary");
            var success = o.Body.GetProperty("responses").EnumerateObject().Where(r => r.Name.StartsWith('2')).ToList();
            if (!success.Any(r => r.Value.TryGetProperty("content", out var c) && c.EnumerateObject().Any(m => m.Value.TryGetProperty("example", out _))))
                missing.Add($"{o.Method} {o.Path}: response example");
            if (o.Body.TryGetProperty("requestBody", out var body) && !body.GetProperty("content").EnumerateObject().Any(m => m.Value.TryGetProperty("example", out _)))
                missing.Add($"{o.Method} {o.Path}: request example");
        }
        Assert.True(missing.Count == 0, "Operations without a name, summary or example:\n" + string.Join("\n", missing));
    }

    /// <summary>
    /// A record made through the API answers its version as its ETag, and every example of a 201 shows that same version
    /// (the examples showed 1, or the read's example, while a new record is at 0 until its first change). An endpoint that
    /// makes or changes (SetKpiTarget) may show the change's answer (<see cref="ApiExamples.Changed"/>).
    /// </summary>
    [Fact]
    public async Task Every_example_of_a_new_record_shows_the_version_a_new_record_is_answered_with()
    {
        var agency = await app.AgencyKeyAsync("Versie nieuw record", "budget:write");
        var created = await agency.PostAsJsonAsync("/api/v1/budget-scenarios", new { basis = "BasicMissionWithEarmarkedFunds", firstYear = 2027, lastYear = 2028, name = "Versie nieuw record" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var answered = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt64();
        Assert.Equal($"\"{answered}\"", created.Headers.ETag!.Tag);

        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };
        var examples = app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Where(e => e.Metadata.OfType<IProducesResponseTypeMetadata>().Any(p => p.StatusCode == (int)HttpStatusCode.Created))
            .Select(e => (Name: e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName ?? e.DisplayName, Example: e.Metadata.GetMetadata<ApiExample>()?.Response))
            .Where(e => !ReferenceEquals(e.Example, ApiExamples.Changed))
            .Select(e => (e.Name, Body: JsonSerializer.SerializeToElement(e.Example, json)))
            .Where(e => e.Body.ValueKind == JsonValueKind.Object && e.Body.TryGetProperty("version", out _)).ToList();
        Assert.Contains(examples, e => e.Name?.Contains("CreateScenario", StringComparison.Ordinal) == true);
        var other = examples.Where(e => e.Body.GetProperty("version").GetInt64() != answered).Select(e => $"{e.Name}: {e.Body.GetProperty("version")}").ToList();
        Assert.True(other.Count == 0, $"Examples of a new record that show another version than {answered}:\n" + string.Join("\n", other));
    }
}
