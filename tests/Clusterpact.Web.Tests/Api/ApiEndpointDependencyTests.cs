using System.Reflection;
using Clusterpact.Web.Data;
using Microsoft.AspNetCore.Routing;

namespace Clusterpact.Web.Tests.Api;

/// <summary>
/// Decision 0019 by construction: no /api/v1 endpoint takes the DbContext; each reads and changes through the use case
/// the pages use, so the API cannot drift from the pages' rules, scope or SQL. The handler's own parameters are read
/// from the running app's endpoints, so a new endpoint that injects the DbContext fails here.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ApiEndpointDependencyTests(ClusterpactApp app)
{
    private IReadOnlyList<(string Name, MethodInfo? Handler)> ApiEndpoints() => app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
        .Where(e => ("/" + e.RoutePattern.RawText!.TrimStart('/')).StartsWith("/api/v1/", StringComparison.Ordinal))
        .Select(e => (e.DisplayName ?? e.RoutePattern.RawText!, e.Metadata.OfType<MethodInfo>().FirstOrDefault()))
        .ToList();

    [Fact]
    public void Every_api_endpoint_has_a_handler_whose_parameters_can_be_read()
    {
        var endpoints = ApiEndpoints();
        Assert.True(endpoints.Count > 50, $"Only {endpoints.Count} /api/v1 endpoints found");
        var unreadable = endpoints.Where(e => e.Handler is null).Select(e => e.Name).ToList();
        Assert.True(unreadable.Count == 0, "Without a handler method in their metadata:\n" + string.Join("\n", unreadable));
    }

    [Fact]
    public void No_api_endpoint_takes_the_DbContext()
    {
        var direct = ApiEndpoints().Where(e => e.Handler is { } h && h.GetParameters().Any(p => typeof(ClusterpactDbContext).IsAssignableFrom(p.ParameterType)))
            .Select(e => e.Name).ToList();
        Assert.True(direct.Count == 0, "Endpoints that inject ClusterpactDbContext instead of a use case (decision 0019):\n" + string.Join("\n", direct));
    }
}
