using Microsoft.AspNetCore.Authorization;
using NetEscapades.AspNetCore.SecurityHeaders;
using Scalar.AspNetCore;

namespace Clusterpact.Web.Infrastructure.Security;

/// <summary>
/// Two OpenAPI documents: <c>/openapi/public.json</c>, for anyone, describes only the endpoints anyone may call (those that
/// allow anonymous access, the open-data API today); <c>/openapi/v1.json</c> describes every endpoint and needs sign-in.
/// The Scalar browser (/scalar) offers the public one to visitors and both to a signed-in user.
/// </summary>
public static class ApiDocuments
{
    public const string Public = "public";
    public const string Full = "v1";

    public static IServiceCollection AddClusterpactApiDocuments(this IServiceCollection services)
    {
        services.AddOpenApi(Full, ApiDescriptions.Describe);
        services.AddOpenApi(Public, o =>
        {
            o.ShouldInclude = d => IsPublic(d.ActionDescriptor.EndpointMetadata);
            ApiDescriptions.Describe(o);
        });
        return services;
    }

    /// <summary>Public means what the authorization middleware lets through without sign-in: the endpoint allows anonymous.</summary>
    internal static bool IsPublic(IEnumerable<object> endpointMetadata) => endpointMetadata.OfType<IAllowAnonymous>().Any();

    public static void MapClusterpactApiDocuments(this IEndpointRouteBuilder app)
    {
        // One route per document, so each declares its own rule; another name matches neither and is a 404.
        app.MapOpenApi("/openapi/{documentName:regex(^" + Public + "$)}.json").AllowAnonymous();
        app.MapOpenApi("/openapi/{documentName:regex(^" + Full + "$)}.json").RequireAuthorization(Policies.SignedIn);

        app.MapScalarApiReference("/scalar", (o, http) =>
            {
                o.WithTitle("Clusterpact API")
                    // Nothing from Scalar's CDN or services: fonts, the AI agent and MCP stay off, so the page needs no
                    // origin but this one.
                    .DisableDefaultFonts()
                    .DisableAgent()
                    .DisableMcp()
                    .DisableTelemetry()
                    .WithNonce(http.GetNonce())
                    // Its <html> gets a language and its colours AA contrast (axe-core, issue 17): files of this origin.
                    .ForceLightMode()
                    .AddHeadContent($"<link rel=\"stylesheet\" href=\"/css/scalar.css\" /><script nonce=\"{http.GetNonce()}\" src=\"/js/scalar-page.js\"></script>");
                if (http.User.Identity?.IsAuthenticated == true) o.AddDocument(Full, "Clusterpact API", isDefault: true);
                o.AddDocument(Public, "Clusterpact open data", isDefault: http.User.Identity?.IsAuthenticated != true);
            })
            .AllowAnonymous()
            .WithSecurityHeadersPolicy(SecurityHeaders.ScalarPolicy);
    }
}
