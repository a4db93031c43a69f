using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;
using Clusterpact.Web.Infrastructure.Security;

namespace Clusterpact.Web.Infrastructure.Clients;

/// <summary>Machine clients and webhooks (docs/decisions/0014-machine-clients.md), registered in one call from Program.cs.</summary>
public static class MachineClientServices
{
    /// <summary>The selector that sends an API request with a bearer token to <see cref="ClientTokenHandler"/> and everything else to the cookie.</summary>
    public const string SelectorScheme = "ClusterpactSelector";

    public static IServiceCollection AddClusterpactMachineClients(this IServiceCollection services, IConfiguration config, IHostEnvironment env)
    {
        services.AddOptions<MachineClientOptions>().Bind(config.GetSection(MachineClientOptions.Section))
            .Configure(o => o.AllowPlainHttpWebhooks |= env.IsDevelopment() || env.IsEnvironment("Testing"))
            .Validate(o => o.DefaultRequestsPerMinute > 0, "MachineClients:DefaultRequestsPerMinute must be positive.");
        services.AddScoped<MachineClientService>();
        services.AddScoped<WebhookOutbox>();
        services.AddSingleton<WebhookDispatcher>();
        // No redirects: a receiver cannot send the signed body on to an address nobody registered.
        services.AddHttpClient(WebhookDispatcher.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(15))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });

        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ClientTokenHandler>(ClientClaims.Scheme, null)
            .AddPolicyScheme(SelectorScheme, null, o => o.ForwardDefaultSelector = ClientTokenHandler.SchemeFor);
        // Identity made the cookie the default; the selector keeps it for pages and adds the bearer token on the API.
        services.PostConfigure<AuthenticationOptions>(o =>
        {
            o.DefaultAuthenticateScheme = SelectorScheme;
            o.DefaultChallengeScheme = SelectorScheme;
            o.DefaultForbidScheme = SelectorScheme;
        });
        services.AddScoped<IAuthorizationHandler, ClientScopeHandler>();
        services.PostConfigure<AuthorizationOptions>(ClientScopeRequirement.AddToEveryPolicy);
        services.PostConfigure<RateLimiterOptions>(ClientRateLimits.Chain);
        return services;
    }

    /// <summary>POST /api/v1/token: OAuth 2.0 client credentials (RFC 6749 §4.4), answered in OAuth's own JSON.</summary>
    public static void MapTokenEndpoint(this RouteGroupBuilder api) =>
        api.MapPost("/token", async (HttpRequest request, MachineClientService clients, CancellationToken ct) =>
            {
                if (!request.HasFormContentType) return OAuthError("invalid_request", StatusCodes.Status400BadRequest);
                var form = await request.ReadFormAsync(ct);
                var (id, secret) = (form["client_id"].ToString(), form["client_secret"].ToString());
                // RFC 6749 §2.3.1: the credentials may come as HTTP Basic instead of in the form.
                if (BasicOf(request) is { } basic) (id, secret) = basic;
                if (form["grant_type"].ToString() != "client_credentials") return OAuthError("unsupported_grant_type", StatusCodes.Status400BadRequest);
                if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(secret)) return OAuthError("invalid_request", StatusCodes.Status400BadRequest);
                var (token, error) = await clients.IssueAccessTokenAsync(id, secret, form["scope"].ToString(), ct);
                if (token is null) return OAuthError(error!, error == "invalid_client" ? StatusCodes.Status401Unauthorized : StatusCodes.Status400BadRequest);
                return Results.Json(new { access_token = token.AccessToken, token_type = "Bearer", expires_in = token.ExpiresIn, scope = token.Scope },
                    statusCode: StatusCodes.Status200OK);
            })
            .AllowAnonymous()
            .DisableAntiforgery()
            .RequireRateLimiting(Auth.SignInSecurity.CredentialPolicy)
            .Produces(StatusCodes.Status200OK).Produces(StatusCodes.Status400BadRequest).Produces(StatusCodes.Status401Unauthorized)
            .WithTags("Machine clients").WithName("IssueToken")
            .WithExample(new { access_token = "cpac_3Jq9…", token_type = "Bearer", expires_in = 3600, scope = "payments:read" })
            .WithSummary("Exchange a client's id and secret for an access token (OAuth 2.0 client_credentials).");

    /// <summary>RFC 6749 §5.2: an error code the client's OAuth library understands.</summary>
    private static IResult OAuthError(string error, int status) => Results.Json(new { error }, statusCode: status);

    private static (string Id, string Secret)? BasicOf(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase)) return null;
        try
        {
            var pair = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
            var colon = pair.IndexOf(':');
            return colon <= 0 ? null : (Uri.UnescapeDataString(pair[..colon]), Uri.UnescapeDataString(pair[(colon + 1)..]));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
