using System.Net;

namespace Clusterpact.Web.Tests.Api;

/// <summary>
/// docs/api.md tells clients to send <c>Accept-Language: en</c> for English reasons: the API answers in the client's
/// language, while a page stays Dutch until the person switches, whatever the browser sends.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ApiLanguageTests(ClusterpactApp app)
{
    private async Task<string> RefusalAsync(HttpClient client, string? acceptLanguage)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/clusters?sort=nope");
        if (acceptLanguage is not null) request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Theory]
    [InlineData("en", true)]
    [InlineData("en-GB,en;q=0.8", true)]
    [InlineData("fr-BE, en;q=0.7, nl;q=0.9", false)]
    [InlineData("nl-BE", false)]
    [InlineData(null, false)]
    public async Task An_api_answer_is_in_the_language_the_client_accepts_and_Dutch_otherwise(string? acceptLanguage, bool english)
    {
        var officer = await app.SignedInAsync(Emails.Officer);
        var body = await RefusalAsync(officer, acceptLanguage);
        Assert.Contains(english ? "this list cannot be sorted by 'nope'" : "deze lijst kan niet sorteren op 'nope'", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_stays_Dutch_whatever_the_browser_accepts()
    {
        var officer = await app.SignedInAsync(Emails.Officer);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Clusters");
        request.Headers.TryAddWithoutValidation("Accept-Language", "en");
        using var response = await officer.SendAsync(request);
        Assert.Contains("<html lang=\"nl", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
