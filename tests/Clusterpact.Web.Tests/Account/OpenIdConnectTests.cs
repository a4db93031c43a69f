using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Clusterpact.Web.Tests.Account;

[Collection(AppCollection.Name)]
public sealed class OpenIdConnectTests(ClusterpactApp app)
{
    [Fact]
    public async Task Without_configuration_there_is_no_external_sign_in()
    {
        var page = await app.Anonymous().GetStringAsync("/Account/Login");
        Assert.DoesNotContain("name=\"provider\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_an_authority_configured_the_login_page_offers_the_agency_sign_in_and_challenges_it()
    {
        using var withOidc = app.WithWebHostBuilder(b =>
        {
            b.UseSetting("Authentication:OpenIdConnect:Authority", "https://idp.agency.example/realms/vlaio");
            b.UseSetting("Authentication:OpenIdConnect:ClientId", "clusterpact");
            b.UseSetting("Authentication:OpenIdConnect:DisplayName", "VLAIO-account");
        });
        var client = withOidc.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var page = await client.GetStringAsync("/Account/Login");
        Assert.Contains("Aanmelden met VLAIO-account", page, StringComparison.Ordinal);
        Assert.Contains("value=\"OpenIdConnect\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_external_callback_without_a_provider_session_shows_an_error_not_a_crash()
    {
        var response = await app.Anonymous().GetAsync("/Account/ExternalLogin?handler=Callback");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("mislukt", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
