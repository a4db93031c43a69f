using Clusterpact.Domain.Integrations;

namespace Clusterpact.Web.Infrastructure.Clients;

/// <summary>
/// An integration (the agency's financial system, a cluster's CRM) that calls the API as itself: it acts with its
/// owner's rights, narrowed to its scopes and, for a cluster manager's client, to that one cluster. It proves who it is
/// with a personal access token or with its client id and secret (OAuth 2.0 client credentials); only hashes of both
/// are stored. Revoking the client stops every token it has.
/// </summary>
public sealed class MachineClient : IAuditable
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public long Version { get; set; }
    public string Name { get; set; } = "";

    /// <summary>The public client identifier of client credentials, <c>cpc_</c> and 24 hex digits.</summary>
    public string ClientId { get; set; } = "";

    /// <summary>The person whose rights the client has: the administrator or cluster manager who created it.</summary>
    public Guid OwnerId { get; set; }

    /// <summary>The one cluster a cluster manager's client acts for; null for the agency's own clients.</summary>
    public Guid? ClusterId { get; set; }

    /// <summary>Its scopes in their OAuth form, e.g. <c>members:write kpis:read</c> (<see cref="ApiScopeSet"/>).</summary>
    public string Scopes { get; set; } = "";

    /// <summary>SHA-256 of the client secret (hex); the secret itself is shown once.</summary>
    public string SecretHash { get; set; } = "";

    /// <summary>When the client secret ends; a personal access token has its own end.</summary>
    public DateTimeOffset SecretExpiresAt { get; set; }

    /// <summary>Requests per minute this client may make before it is answered 429.</summary>
    public int RequestsPerMinute { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }

    public ApiScopeSet ScopeSet() => ApiScopeSet.Parse(Scopes) is { IsSuccess: true, Value: { } set } ? set : ApiScopeSet.Empty;
}

public enum ClientTokenKind { PersonalAccess, Access }

/// <summary>
/// A bearer token of a <see cref="MachineClient"/>: a personal access token created on the client's page, or a
/// short-lived access token issued by /api/v1/token. Only its SHA-256 is kept, with its first characters to tell it apart.
/// </summary>
public sealed class ClientToken
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid MachineClientId { get; set; }
    public ClientTokenKind Kind { get; set; }

    /// <summary>The token's first characters (its kind prefix and four more), shown in the list so a person can tell tokens apart.</summary>
    public string Hint { get; set; } = "";

    public string TokenHash { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
