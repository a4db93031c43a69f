using Microsoft.Extensions.Configuration;
namespace Clusterpact.Web.Tests.Security;

/// <summary>
/// Each kind of malformed request the bad-input suite found answering 500, answered the way it should: a 400 problem
/// naming the parameter on the API, a 404 for a handler the page does not have, a field error for a checkbox that is
/// not a bool, a 413 with a message over the stated size, the form's own limits on the API.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class BadRequestAnswerTests(ClusterpactApp app)
{
    public static TheoryData<string, string> BadApiQueries() => new()
    {
        { "/api/v1/clusters?sort=Bogus", "sort" },
        { "/api/v1/clusters?type=Bogus", "type" },
        { "/api/v1/clusters?cursor=bogus", "cursor" },
        { "/api/v1/organisations?cluster=not-a-guid", "cluster" },
        { "/api/v1/projects?year=99999999999", "year" },
        { "/api/v1/audit?from=2026-02-31", "from" },
    };

    [Theory]
    [MemberData(nameof(BadApiQueries))]
    public async Task An_api_value_that_does_not_bind_is_a_400_problem_naming_the_parameter(string url, string parameter)
    {
        var client = await app.SignedInAsync(Emails.Admin);
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        var message = problem.GetProperty("errors").GetProperty(parameter)[0].GetString();
        Assert.Contains($"'{parameter}'", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("")]
    [InlineData("{\"version\":")]
    [InlineData("{\"version\":\"one\"}")]
    public async Task A_contact_body_that_is_not_the_request_is_a_400_problem(string body)
    {
        var client = await app.SignedInAsync(Emails.Officer);
        var id = await app.ClusterIdAsync("Catalisti");
        var response = await client.PutAsync($"/api/v1/clusters/{id}/contact", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).TryGetProperty("errors", out var errors) && errors.TryGetProperty("body", out _));
    }

    [Fact]
    public async Task The_contact_api_refuses_what_the_form_refuses()
    {
        var client = await app.SignedInAsync(Emails.Officer);
        var id = await app.ClusterIdAsync("Flux50");
        var version = await app.WithDbAsync(db => db.Clusters.Where(c => c.Id == id).Select(c => c.Version).SingleAsync());
        var response = await client.PutAsJsonAsync($"/api/v1/clusters/{id}/contact", new { version, website = (string?)null, contactName = new string('x', 10_000), contactEmail = (string?)null });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("contactName")[0].GetString();
        Assert.Contains("200", message, StringComparison.Ordinal);
        Assert.NotEqual(new string('x', 10_000), await app.WithDbAsync(db => db.Clusters.Where(c => c.Id == id).Select(c => c.ContactName).SingleAsync()));
    }

    [Theory]
    [InlineData("/Dashboard?handler=Nope")]
    [InlineData("/Clusters?handler=Nope")]
    [InlineData("/Agreements/Rules?handler=Nope")]
    public async Task A_page_handler_that_does_not_exist_is_a_404(string url)
    {
        var client = await app.SignedInAsync(Emails.Admin);
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.NotNull(page.QuerySelector("h1"));
    }

    [Fact]
    public async Task A_post_to_a_page_that_only_shows_is_a_404()
    {
        var client = await app.SignedInAsync(Emails.Admin);
        var token = (await client.GetDocumentAsync("/Dashboard")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var response = await client.PostFormRawAsync("/Dashboard", [new("__RequestVerificationToken", token)]);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/\u0001evil")]
    [InlineData("/Clusters\r\nSet-Cookie: x=y")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    public async Task The_language_switch_sends_a_bad_return_address_home(string returnUrl)
    {
        var client = app.Anonymous();
        var token = (await client.GetDocumentAsync("/")).QuerySelector("form[action='/culture'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var response = await client.PostFormRawAsync("/culture", [new("culture", "en"), new("returnUrl", returnUrl), new("__RequestVerificationToken", token)]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_language_switch_without_a_valid_token_is_a_400()
    {
        var response = await app.Anonymous().PostFormRawAsync("/culture", [new("culture", "en"), new("returnUrl", "/"), new("__RequestVerificationToken", "forged")]);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_checkbox_posted_as_a_number_is_a_field_error_on_the_form()
    {
        var client = await app.SignedInAsync(Emails.Officer);
        var scenario = await app.WithDbAsync(db => db.BudgetScenarios.OrderBy(b => b.Id).Select(b => b.Id).FirstAsync());
        var response = await client.SubmitFormAsync($"/Budget/Edit/{scenario}", new Dictionary<string, string> { ["Input.Clusters[0].ContinuesAfterTerm"] = "2" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Contains("'2'", page.QuerySelector(".validation-summary-errors, [data-valmsg-summary], .alert-danger")?.TextContent ?? page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_over_the_stated_size_is_a_413_with_a_message()
    {
        var client = await app.SignedInAsync(Emails.Officer);
        var id = await app.ClusterIdAsync("Catalisti");
        var limit = app.Services.GetRequiredService<IConfiguration>().GetSection("RequestLimits:MaxBodyBytes").Get<long>();
        Assert.True(limit > 20 * 1024 * 1024, "an application's 20 MB attachment must fit");
        var body = new ByteArrayContent(new byte[limit + 1]);
        body.Headers.ContentType = new("application/json");
        var api = await client.PutAsync($"/api/v1/clusters/{id}/contact", body);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, api.StatusCode);
        Assert.Contains("MB", (await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);

        var page = await client.PostAsync($"/Clusters/{id}/Edit", new ByteArrayContent(new byte[limit + 1]) { Headers = { ContentType = new("application/x-www-form-urlencoded") } });
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, page.StatusCode);
        Assert.NotNull((await page.ParseAsync()).QuerySelector("h1"));
    }

    [Fact]
    public async Task A_form_field_over_the_stated_length_is_refused_without_a_500()
    {
        var client = await app.SignedInAsync(Emails.Officer);
        var id = await app.ClusterIdAsync("Catalisti");
        var response = await client.SubmitFormAsync($"/Clusters/{id}/Edit", new Dictionary<string, string> { ["Input.ContactName"] = new string('x', 4 * 1024 * 1024 + 1) });
        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, $"{(int)response.StatusCode}");
    }
}
