using System.Reflection;
using Clusterpact.Domain.Integrations;
using Microsoft.AspNetCore.Authorization;

namespace Clusterpact.Web.Infrastructure.Clients;

/// <summary>
/// The API area a group of endpoints belongs to, declared once on the route group (<see cref="ApiAreaEndpoints.ForApiArea{TBuilder}"/>).
/// A null area is for the few endpoints about the caller's own work (who am I, my jobs): any scope reaches them.
/// An endpoint without this metadata is closed to machine clients.
/// </summary>
public sealed record ApiAreaMetadata(ApiArea? Area);

public static class ApiAreaEndpoints
{
    /// <summary>Machine clients reach these endpoints with a scope of <paramref name="area"/>: read for GET and HEAD, write otherwise.</summary>
    public static TBuilder ForApiArea<TBuilder>(this TBuilder builder, ApiArea area) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ApiAreaMetadata(area));

    /// <summary>Endpoints about the caller itself, open to a machine client with any scope of the access asked.</summary>
    public static TBuilder ForAnyApiArea<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ApiAreaMetadata(null));
}

/// <summary>
/// Part of every named policy (added once, by <see cref="AddToEveryPolicy"/>): a person passes untouched; a machine
/// client passes only when the endpoint's area and the request's method are within its scopes. So the existing policies
/// (roles) and record rights (the owner's, and the client's one cluster) decide as for the owner, and the scopes narrow them.
/// </summary>
public sealed class ClientScopeRequirement : IAuthorizationRequirement
{
    public static readonly ClientScopeRequirement Instance = new();

    /// <summary>Appends the requirement to every policy named in <see cref="Policies"/>, and to the default and fallback policies.</summary>
    internal static void AddToEveryPolicy(AuthorizationOptions o)
    {
        foreach (var name in typeof(Policies).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!))
        {
            if (o.GetPolicy(name) is { } policy) o.AddPolicy(name, With(policy));
        }
        o.DefaultPolicy = With(o.DefaultPolicy);
        if (o.FallbackPolicy is { } fallback) o.FallbackPolicy = With(fallback);
    }

    private static AuthorizationPolicy With(AuthorizationPolicy policy) =>
        policy.Requirements.Contains(Instance) ? policy : new AuthorizationPolicyBuilder(policy).AddRequirements(Instance).Build();
}

public sealed class ClientScopeHandler(IHttpContextAccessor accessor) : AuthorizationHandler<ClientScopeRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ClientScopeRequirement requirement)
    {
        if (!ClientClaims.IsClient(context.User))
        {
            context.Succeed(requirement);
            return Task.CompletedTask;
        }
        var http = context.Resource as HttpContext ?? accessor.HttpContext;
        var area = http?.GetEndpoint()?.Metadata.GetMetadata<ApiAreaMetadata>();
        if (http is null || area is null) return Task.CompletedTask;
        var access = ApiScope.AccessOf(http.Request.Method);
        var scopes = ClientClaims.ScopesOf(context.User);
        if (area.Area is { } a ? scopes.Allows(a, access) : scopes.AllowsAny(access))
            context.Succeed(requirement);
        else
            http.Items[ClientTokenHandler.MissingScopeItem] = area.Area is { } missing ? new ApiScope(missing, access).ToString() : access.ToString().ToLowerInvariant();
        return Task.CompletedTask;
    }
}
