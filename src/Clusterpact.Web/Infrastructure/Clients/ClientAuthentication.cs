using System.Security.Claims;
using System.Text.Encodings.Web;
using Clusterpact.Domain.Integrations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Clusterpact.Web.Infrastructure.Clients;

/// <summary>The claims a machine client's principal carries beside its owner's id and roles.</summary>
public static class ClientClaims
{
    public const string Scheme = "ClientToken";
    public const string ClientId = "clusterpact:client";
    public const string Cluster = "clusterpact:cluster";
    public const string Scopes = "scope";
    public const string RequestsPerMinute = "clusterpact:rpm";

    public static bool IsClient(ClaimsPrincipal user) => user.HasClaim(c => c.Type == ClientId);

    public static Guid? ClientOf(ClaimsPrincipal user) => Guid.TryParse(user.FindFirstValue(ClientId), out var id) ? id : null;

    /// <summary>The one cluster a cluster manager's client acts for; null for a person and for the agency's clients.</summary>
    public static Guid? ClusterOf(ClaimsPrincipal user) => Guid.TryParse(user.FindFirstValue(Cluster), out var id) ? id : null;

    public static ApiScopeSet ScopesOf(ClaimsPrincipal user) =>
        ApiScopeSet.Parse(user.FindFirstValue(Scopes)) is { IsSuccess: true, Value: { } set } ? set : ApiScopeSet.Empty;

    /// <summary>How the audit trail and the API name the client: "API-client X (of user Y)".</summary>
    public static string DisplayName(string client, string owner) => $"API-client {client} (of user {owner})";
}

/// <summary>
/// <c>Authorization: Bearer &lt;token&gt;</c> on the API: a personal access token or an access token from /api/v1/token,
/// looked up by its SHA-256. The principal is the client with its owner's id and current roles (a deactivated owner or a
/// revoked client stops every token at once), its scopes, and for a manager's client its one cluster. Failures say
/// nothing about which check failed, and the token is never logged.
/// </summary>
public sealed class ClientTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    ClusterpactDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> text) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>Set by the scope check, so the 403 names the scope that was missing.</summary>
    public const string MissingScopeItem = "clusterpact.missingScope";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (BearerOf(Request) is not { } token) return AuthenticateResult.NoResult();
        if (!token.StartsWith(ClientSecrets.PersonalAccessPrefix, StringComparison.Ordinal) && !token.StartsWith(ClientSecrets.AccessPrefix, StringComparison.Ordinal))
            return AuthenticateResult.Fail("Not a Clusterpact token.");
        var hash = ClientSecrets.Hash(token);
        var found = await db.ClientTokens.AsNoTracking().Where(t => t.TokenHash == hash)
            .Join(db.MachineClients.AsNoTracking(), t => t.MachineClientId, c => c.Id, (t, c) => new { Token = t, Client = c })
            .Join(db.Users.AsNoTracking(), x => x.Client.OwnerId, u => u.Id, (x, u) => new { x.Token, x.Client, Owner = new { u.Id, u.DisplayName, u.Email, u.IsActive } })
            .SingleOrDefaultAsync(Context.RequestAborted);
        var now = clock.GetUtcNow();
        if (found is null || !found.Owner.IsActive
            || ApiCredential.StateAt(now, found.Token.ExpiresAt, found.Token.RevokedAt ?? found.Client.RevokedAt) != CredentialState.Valid)
        {
            Logger.LogInformation("API token refused: {Hint}", found?.Token.Hint ?? "unknown");
            return AuthenticateResult.Fail("The token is unknown, expired or revoked.");
        }
        var roles = await db.UserRoles.AsNoTracking().Where(r => r.UserId == found.Owner.Id)
            .Join(db.Roles.AsNoTracking(), r => r.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync(Context.RequestAborted);
        var c = found.Client;
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, found.Owner.Id.ToString()),
            new(ClaimTypes.Name, ClientClaims.DisplayName(c.Name, string.IsNullOrWhiteSpace(found.Owner.DisplayName) ? found.Owner.Email ?? "" : found.Owner.DisplayName)),
            new(ClientClaims.ClientId, c.Id.ToString()),
            new(ClientClaims.Scopes, c.Scopes),
            new(ClientClaims.RequestsPerMinute, c.RequestsPerMinute.ToString(CultureInfo.InvariantCulture)),
        };
        if (c.ClusterId is { } cluster) claims.Add(new Claim(ClientClaims.Cluster, cluster.ToString()));
        claims.AddRange(roles.Select(r => new Claim(ClaimTypes.Role, r)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, ClientClaims.Scheme, ClaimTypes.Name, ClaimTypes.Role));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, ClientClaims.Scheme));
    }

    /// <summary>401 as problem details, with the RFC 6750 challenge.</summary>
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
        await WriteProblemAsync(StatusCodes.Status401Unauthorized, text["Clients.TokenRefused"]);
    }

    /// <summary>403 as problem details: the missing scope when the scope check refused, the owner's rights otherwise.</summary>
    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        var missing = Context.Items[MissingScopeItem] as string;
        if (missing is not null) Response.Headers.WWWAuthenticate = $"Bearer error=\"insufficient_scope\", scope=\"{missing}\"";
        await WriteProblemAsync(StatusCodes.Status403Forbidden, missing is null ? text["Clients.NotAllowed"] : text["Clients.OutOfScope", missing]);
    }

    private Task WriteProblemAsync(int status, string detail) =>
        Context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Status = status, Title = status == StatusCodes.Status401Unauthorized ? "Unauthorized" : "Forbidden", Detail = detail },
        }).AsTask();

    public static string? BearerOf(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && header.Length > 7 ? header[7..].Trim() : null;
    }

    /// <summary>
    /// The API takes a bearer token or the sign-in cookie; pages only the cookie, so a token cannot open a page.
    /// One selector for authenticate, challenge and forbid, so a refused token is answered by this handler.
    /// </summary>
    public static string SchemeFor(HttpContext http) =>
        http.Request.Path.StartsWithSegments("/api") && BearerOf(http.Request) is not null ? ClientClaims.Scheme : IdentityConstants.ApplicationScheme;
}
