using Serilog.Events;

namespace Clusterpact.Web.Tests.Api;

/// <summary>
/// A list's window parameters the request gets wrong (a limit that is no number or out of range, a direction that is
/// no boolean) are a 400 problem naming the parameter as the client sent it, with its reason in the client's language,
/// and the request log records the 400 the client got (it logged 500 while the refusal passed it as an exception).
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ApiListParameterTests(ClusterpactApp app)
{
    [Theory]
    [InlineData("limit=abc", "limit", "De parameter 'limit' is een geheel getal van 1 tot en met 200.", "The parameter 'limit' is a whole number from 1 to 200.")]
    [InlineData("limit=0", "limit", "De parameter 'limit' is een geheel getal van 1 tot en met 200.", "The parameter 'limit' is a whole number from 1 to 200.")]
    [InlineData("limit=201", "limit", "De parameter 'limit' is een geheel getal van 1 tot en met 200.", "The parameter 'limit' is a whole number from 1 to 200.")]
    [InlineData("desc=maybe", "desc", "De parameter 'desc' is true (aflopend) of false (oplopend).", "The parameter 'desc' is true (descending) or false (ascending).")]
    public async Task A_bad_limit_or_direction_is_a_400_naming_it_in_the_client_s_language(string query, string parameter, string dutch, string english)
    {
        var officer = await app.SignedInAsync(Emails.Officer);
        foreach (var (language, reason) in new[] { ((string?)null, dutch), ("en", english) })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/payments?" + query);
            if (language is not null) request.Headers.TryAddWithoutValidation("Accept-Language", language);
            var problem = await AreaApiTests.ProblemAsync(await officer.SendAsync(request), HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out var errors), $"{query}: {problem}");
            Assert.Equal(reason, Assert.Single(errors.EnumerateArray()).GetString());
            Assert.Equal(reason, problem.GetProperty("detail").GetString());
        }
    }

    [Fact]
    public async Task The_request_log_records_the_400_of_a_bad_list_parameter_not_a_500()
    {
        var officer = await app.SignedInAsync(Emails.Officer);
        List<LogEvent> logged;
        using (app.Log.Record())
        {
            foreach (var query in new[] { "limit=abc", "sort=bogus", "cursor=not-a-cursor" })
                Assert.Equal(HttpStatusCode.BadRequest, (await officer.GetAsync("/api/v1/payments?" + query)).StatusCode);
            logged = app.Log.Events.Where(e => e.Properties.TryGetValue("RequestPath", out var path) && path.ToString() == "\"/api/v1/payments\"").ToList();
        }
        Assert.Equal(3, logged.Count);
        Assert.All(logged, e =>
        {
            Assert.Equal("400", e.Properties["StatusCode"].ToString());
            Assert.True(e.Level < LogEventLevel.Error, e.RenderMessage(CultureInfo.InvariantCulture));
        });
    }
}
