using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;

namespace Clusterpact.Web.Tests.Security;

/// <summary>
/// The probe found the public OpenAPI document and Scalar describing admin-only endpoints. Now /openapi/public.json
/// (anonymous) lists only endpoints anyone may call, /openapi/v1.json (everything) needs sign-in, and Scalar offers
/// each to whom it belongs.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class OpenApiDocumentTests(ClusterpactApp app)
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    private static async Task<List<(string Method, string Path)>> OperationsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Where(o => Methods.Contains(o.Name)).Select(o => (o.Name.ToUpperInvariant(), p.Name)))
            .ToList();
    }

    /// <summary>The endpoint behind an operation of the document: same method and same route (parameter names ignoring constraints).</summary>
    private RouteEndpoint EndpointOf(string method, string path)
    {
        static string Shape(string route) => System.Text.RegularExpressions.Regex.Replace(route.TrimStart('/'), @"\{([^}:?=]+)[^}]*\}", "{$1}");
        return app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Single(e => Shape(e.RoutePattern.RawText!) == Shape(path)
                         && (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IHttpMethodMetadata>()?.HttpMethods.Contains(method) ?? false));
    }

    [Fact]
    public async Task The_anonymous_document_lists_only_endpoints_anyone_may_call()
    {
        var operations = await OperationsAsync(await app.Anonymous().GetAsync("/openapi/public.json"));
        Assert.Contains(("GET", "/api/v1/open-data/awards"), operations);
        Assert.Contains(("GET", "/api/v1/open-data/360giving.json"), operations);

        var notPublic = operations.Where(o => EndpointOf(o.Method, o.Path).Metadata.GetMetadata<IAllowAnonymous>() is null).ToList();
        Assert.True(notPublic.Count == 0, "In the public document but not anonymous: " + string.Join(", ", notPublic));

        // And as an outsider sees it: every operation in it answers without sign-in.
        var anonymous = app.Anonymous();
        foreach (var (method, path) in operations.Where(o => o.Method == "GET" && !o.Path.Contains('{', StringComparison.Ordinal)))
        {
            var response = await anonymous.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{method} {path} gave {(int)response.StatusCode} to an anonymous caller");
        }
    }

    [Fact]
    public async Task The_full_document_needs_sign_in_and_describes_every_api_endpoint()
    {
        AccessAssert.SentToSignIn(await app.Anonymous().GetAsync("/openapi/v1.json"));
        AccessAssert.SentToSignIn(await app.Anonymous().GetAsync("/openapi/V1.json"));

        var operations = await OperationsAsync(await (await app.SignedInAsync(Emails.Reader)).GetAsync("/openapi/v1.json"));
        Assert.Contains(operations, o => o.Path == "/api/v1/users");
        Assert.Contains(operations, o => o.Path == "/api/v1/open-data/awards");
        var apiRoutes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api/v1", StringComparison.Ordinal)
                        && e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IExcludeFromDescriptionMetadata>() is not { ExcludeFromDescription: true })
            .ToList();
        Assert.Equal(apiRoutes.Count, operations.Count(o => o.Path.StartsWith("/api/v1", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task No_other_document_name_is_served()
    {
        var reader = await app.SignedInAsync(Emails.Reader);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/openapi/v2.json")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await app.Anonymous().GetAsync("/openapi/v1.json?documentName=public")).StatusCode);
    }

    [Fact]
    public async Task Scalar_offers_visitors_the_public_document_and_a_signed_in_user_the_full_one_too()
    {
        var anonymous = await app.Anonymous().GetStringAsync("/scalar/");
        Assert.Contains("openapi/public.json", anonymous, StringComparison.Ordinal);
        Assert.DoesNotContain("openapi/v1.json", anonymous, StringComparison.Ordinal);

        var signedIn = await (await app.SignedInAsync(Emails.Officer)).GetStringAsync("/scalar/");
        Assert.Contains("openapi/v1.json", signedIn, StringComparison.Ordinal);
        Assert.Contains("openapi/public.json", signedIn, StringComparison.Ordinal);

        // The options are built per request: a visitor after a signed-in user still sees only the public one.
        Assert.DoesNotContain("openapi/v1.json", await app.Anonymous().GetStringAsync("/scalar/"), StringComparison.Ordinal);
    }
}
