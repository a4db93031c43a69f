using Clusterpact.Domain.Integrations;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Clusterpact.Web.Infrastructure.Clients;

/// <summary>Section "MachineClients" of the configuration.</summary>
public sealed class MachineClientOptions
{
    public const string Section = "MachineClients";

    /// <summary>The request budget of a new client, per minute.</summary>
    public int DefaultRequestsPerMinute { get; set; } = 600;

    /// <summary>
    /// Webhook addresses must be https; plain http only where this is on (development and tests, whose receivers listen on
    /// loopback without a certificate).
    /// </summary>
    public bool AllowPlainHttpWebhooks { get; set; }
}

public sealed record NewClient(string Name, string Scopes, DateOnly SecretLastDay, Guid? ClusterId, int? RequestsPerMinute);

/// <summary>What is shown once after creation: the identifiers and the secret, never again.</summary>
public sealed record ShownOnce(Guid Id, string Identifier, string Secret, DateTimeOffset ExpiresAt);

/// <summary>A row of the clients list (set by member initialisation, so EF filters and sorts on it in SQL).</summary>
public sealed class ClientListItem
{
    public Guid Id { get; init; }
    public string Name { get; init; } = "";
    public string ClientId { get; init; } = "";
    public string Owner { get; init; } = "";
    public string? Cluster { get; init; }
    public string Scopes { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset SecretExpiresAt { get; init; }
    public DateTimeOffset? RevokedAt { get; init; }
}

public sealed record TokenResponse(string AccessToken, int ExpiresIn, string Scope);

/// <summary>
/// Creating, revoking and using machine clients. An administrator keeps every client and makes the agency's own; a
/// cluster manager makes and keeps clients for one of their own clusters. A client acts with its owner's rights.
/// </summary>
public sealed class MachineClientService(ClusterpactDbContext db, CurrentUser user, Scope scope, TimeProvider clock,
    IOptions<MachineClientOptions> options, IDataProtectionProvider protection)
{
    public const string SecretPurpose = "Clusterpact.Webhooks.Secret";

    /// <summary>The clients this person keeps: all for an administrator, their own for a cluster manager.</summary>
    public IQueryable<MachineClient> Kept()
    {
        if (user.IsInRole(Roles.Administrator)) return db.MachineClients;
        if (user.IsInRole(Roles.ClusterManager) && user.Id is { } id) return db.MachineClients.Where(c => c.OwnerId == id);
        return db.MachineClients.Where(_ => false);
    }

    public IQueryable<ClientListItem> List() =>
        from c in Kept()
        join u in db.Users on c.OwnerId equals u.Id
        join k in db.Clusters on c.ClusterId equals k.Id into ks
        from k in ks.DefaultIfEmpty()
        select new ClientListItem
        {
            Id = c.Id, Name = c.Name, ClientId = c.ClientId, Owner = u.DisplayName, Cluster = k == null ? null : k.Name, Scopes = c.Scopes,
            CreatedAt = c.CreatedAt, SecretExpiresAt = c.SecretExpiresAt, RevokedAt = c.RevokedAt,
        };

    /// <summary>The clusters a new client may be for: none to choose for an administrator (the agency's clients see the programme), a manager's own.</summary>
    public IQueryable<Cluster> ClustersToChoose() =>
        user.IsInRole(Roles.Administrator) ? db.Clusters.Where(_ => false) : scope.ClustersToActOn();

    public async Task<Result<ShownOnce>> CreateAsync(NewClient input, CancellationToken ct)
    {
        var name = (input.Name ?? "").Trim();
        if (name.Length is 0 or > 100) return Fail<ShownOnce>("Clients.NameRequired", "Name");
        var scopes = ApiScopeSet.Parse(input.Scopes);
        if (!scopes.IsSuccess) return Result<ShownOnce>.Fail(scopes.Error!);
        var expiry = ApiCredential.ExpiryFor(input.SecretLastDay, clock.GetUtcNow());
        if (!expiry.IsSuccess) return Result<ShownOnce>.Fail(expiry.Error!);
        var admin = user.IsInRole(Roles.Administrator);
        if (admin && input.ClusterId is not null) return Fail<ShownOnce>("Clients.ClusterNotYours", "ClusterId");
        if (!admin)
        {
            // A cluster manager's client always acts for one of their own clusters.
            if (input.ClusterId is not { } cluster || !await scope.ClustersToActOn().AnyAsync(c => c.Id == cluster, ct))
                return Fail<ShownOnce>("Clients.ClusterNotYours", "ClusterId");
        }
        var perMinute = input.RequestsPerMinute ?? options.Value.DefaultRequestsPerMinute;
        if (perMinute is < 1 or > 100_000) return Fail<ShownOnce>("Clients.RateOutOfRange", "RequestsPerMinute");
        var secret = ClientSecrets.New(ClientSecrets.ClientSecretPrefix);
        var client = new MachineClient
        {
            Name = name, ClientId = ClientSecrets.NewClientId(), OwnerId = user.Id!.Value, ClusterId = input.ClusterId, Scopes = scopes.Value!.ToString(),
            SecretHash = ClientSecrets.Hash(secret), SecretExpiresAt = expiry.Value, RequestsPerMinute = perMinute, CreatedAt = clock.GetUtcNow(),
        };
        db.MachineClients.Add(client);
        await db.SaveChangesAsync(ct);
        return Result<ShownOnce>.Ok(new ShownOnce(client.Id, client.ClientId, secret, client.SecretExpiresAt));
    }

    /// <summary>A new personal access token of a client that is not revoked; it never outlives <see cref="ApiCredential.MaxLifetime"/>.</summary>
    public async Task<Result<ShownOnce>> CreateTokenAsync(Guid clientId, DateOnly lastDay, CancellationToken ct)
    {
        var client = await Kept().SingleOrDefaultAsync(c => c.Id == clientId, ct);
        if (client is null || client.RevokedAt is not null) return Fail<ShownOnce>("Clients.IsRevoked", "");
        var expiry = ApiCredential.ExpiryFor(lastDay, clock.GetUtcNow());
        if (!expiry.IsSuccess) return Result<ShownOnce>.Fail(expiry.Error!);
        var token = ClientSecrets.New(ClientSecrets.PersonalAccessPrefix);
        var row = new ClientToken
        {
            MachineClientId = client.Id, Kind = ClientTokenKind.PersonalAccess, Hint = ClientSecrets.HintOf(token), TokenHash = ClientSecrets.Hash(token),
            CreatedAt = clock.GetUtcNow(), ExpiresAt = expiry.Value,
        };
        db.ClientTokens.Add(row);
        await db.SaveChangesAsync(ct);
        return Result<ShownOnce>.Ok(new ShownOnce(row.Id, row.Hint, token, row.ExpiresAt));
    }

    /// <summary>Revokes the client, and so every token it has; saved through the audit trail like any change.</summary>
    public async Task<bool> RevokeAsync(Guid clientId, CancellationToken ct)
    {
        var client = await Kept().SingleOrDefaultAsync(c => c.Id == clientId, ct);
        if (client is null) return false;
        client.RevokedAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<bool> RevokeTokenAsync(Guid clientId, Guid tokenId, CancellationToken ct)
    {
        if (!await Kept().AnyAsync(c => c.Id == clientId, ct)) return false;
        var token = await db.ClientTokens.SingleOrDefaultAsync(t => t.Id == tokenId && t.MachineClientId == clientId, ct);
        if (token is null) return false;
        token.RevokedAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>
    /// OAuth 2.0 client credentials (RFC 6749 §4.4): a valid id and secret of a client that is not revoked, and whose owner
    /// is active, get a short-lived access token for the scopes asked (all of the client's when none are asked).
    /// </summary>
    public async Task<(TokenResponse? Token, string? Error)> IssueAccessTokenAsync(string clientId, string secret, string? requestedScope, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var client = await db.MachineClients.SingleOrDefaultAsync(c => c.ClientId == clientId, ct);
        if (client is null || !ClientSecrets.SameHash(client.SecretHash, ClientSecrets.Hash(secret))
            || ApiCredential.StateAt(now, client.SecretExpiresAt, client.RevokedAt) != CredentialState.Valid
            || !await db.Users.AnyAsync(u => u.Id == client.OwnerId && u.IsActive, ct))
            return (null, "invalid_client");
        var granted = client.ScopeSet();
        if (!string.IsNullOrWhiteSpace(requestedScope))
        {
            if (ApiScopeSet.Parse(requestedScope) is not { IsSuccess: true, Value: { } asked }) return (null, "invalid_scope");
            var narrowed = granted.Narrow(asked);
            if (narrowed.IsEmpty) return (null, "invalid_scope");
            granted = narrowed;
        }
        // Expired access tokens of the client are of no use to anyone: cleared as new ones are issued.
        await db.ClientTokens.Where(t => t.MachineClientId == client.Id && t.Kind == ClientTokenKind.Access && t.ExpiresAt < now).ExecuteDeleteAsync(ct);
        var token = ClientSecrets.New(ClientSecrets.AccessPrefix);
        var expires = ApiCredential.AccessTokenExpiry(now, client.SecretExpiresAt);
        db.ClientTokens.Add(new ClientToken
        {
            MachineClientId = client.Id, Kind = ClientTokenKind.Access, Hint = ClientSecrets.HintOf(token), TokenHash = ClientSecrets.Hash(token), CreatedAt = now, ExpiresAt = expires,
        });
        await db.SaveChangesAsync(ct);
        return (new TokenResponse(token, (int)Math.Floor((expires - now).TotalSeconds), granted.ToString()), null);
    }

    /// <summary>
    /// Subscribes a client to events at an address: https (plain http only where configured), no credentials in the
    /// address, and only events of areas the client may read (a webhook tells no more than the API would).
    /// </summary>
    public async Task<Result<ShownOnce>> AddWebhookAsync(Guid clientId, string? url, IReadOnlyCollection<WebhookEvent> events, CancellationToken ct)
    {
        var client = await Kept().SingleOrDefaultAsync(c => c.Id == clientId, ct);
        if (client is null || client.RevokedAt is not null) return Fail<ShownOnce>("Clients.IsRevoked", "");
        if (!Uri.TryCreate((url ?? "").Trim(), UriKind.Absolute, out var uri) || uri.UserInfo.Length > 0 || (url ?? "").Trim().Length > 500
            || !(uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && options.Value.AllowPlainHttpWebhooks)))
            return Fail<ShownOnce>("Clients.WebhookUrlInvalid", "Url");
        if (events.Count == 0) return Fail<ShownOnce>("Clients.WebhookNoEvents", "Events");
        var scopes = client.ScopeSet();
        if (events.Any(e => !scopes.Allows(WebhookEvents.AreaOf(e), ApiAccess.Read))) return Fail<ShownOnce>("Clients.WebhookOutOfScope", "Events");
        var secret = ClientSecrets.New("whsec_");
        var subscription = new WebhookSubscription
        {
            MachineClientId = client.Id, Url = uri.ToString(), Events = string.Join(' ', events.Distinct().Select(WebhookEvents.NameOf)),
            ProtectedSecret = protection.CreateProtector(SecretPurpose).Protect(secret), CreatedAt = clock.GetUtcNow(),
        };
        db.WebhookSubscriptions.Add(subscription);
        await db.SaveChangesAsync(ct);
        return Result<ShownOnce>.Ok(new ShownOnce(subscription.Id, subscription.Url, secret, client.SecretExpiresAt));
    }

    public async Task<bool> RemoveWebhookAsync(Guid clientId, Guid subscriptionId, CancellationToken ct)
    {
        if (!await Kept().AnyAsync(c => c.Id == clientId, ct)) return false;
        var subscription = await db.WebhookSubscriptions.SingleOrDefaultAsync(s => s.Id == subscriptionId && s.MachineClientId == clientId, ct);
        if (subscription is null) return false;
        subscription.RemovedAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static Result<T> Fail<T>(string code, string field) => Result<T>.Fail(new DomainError(code, Field: field));
}
