namespace Clusterpact.Web.Tests.Security;

/// <summary>
/// Issue 18: the layout reads TempData (the flash message) on every page, and ASP.NET Core's cookie provider then sent
/// "delete the TempData cookie" on every response, also to requests that had none (dotnet/aspnetcore#46189): a
/// Set-Cookie header on every page. (ApplicationDraftTests: the message still shows once and is deleted when read.)
/// </summary>
[Collection(AppCollection.Name)]
public sealed class TempDataCookieTests(ClusterpactApp app)
{
    [Fact]
    public async Task A_page_read_without_a_message_to_keep_sets_no_tempdata_cookie()
    {
        var officer = await app.SignedInAsync(Emails.Officer);
        foreach (var response in new[] { await app.Anonymous().GetAsync("/OpenData"), await officer.GetAsync("/Clusters"), await officer.GetAsync("/Dashboard") })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var cookies = response.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToList() : [];
            Assert.DoesNotContain(cookies, c => c.Contains("TempData", StringComparison.OrdinalIgnoreCase));
        }
    }
}
