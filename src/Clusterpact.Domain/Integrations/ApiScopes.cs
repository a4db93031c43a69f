namespace Clusterpact.Domain.Integrations;

/// <summary>
/// The areas of the API a machine client may be given, one per group of endpoints (docs/api.md). Small on purpose:
/// an integration asks for "payments" or "members", not for single endpoints.
/// </summary>
public enum ApiArea { Clusters, Members, Projects, Agreements, Payments, Kpis, Reports, Calls, Evaluations, Surveys, Budget }

/// <summary>Reading (GET, HEAD) or changing (everything else); a write scope includes reading the same area.</summary>
public enum ApiAccess { Read, Write }

/// <summary>One scope, written <c>area:read</c> or <c>area:write</c> (lower case), as in OAuth 2.0 scope strings.</summary>
public readonly record struct ApiScope(ApiArea Area, ApiAccess Access)
{
    public override string ToString() => $"{Area.ToString().ToLowerInvariant()}:{Access.ToString().ToLowerInvariant()}";

    public static bool TryParse(string? text, out ApiScope scope)
    {
        scope = default;
        var parts = (text ?? "").Trim().Split(':');
        if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0) return false;
        // Names only: Enum.TryParse would also take "3" or "Read, Write".
        var area = Enum.GetValues<ApiArea>().Where(a => string.Equals(a.ToString(), parts[0], StringComparison.OrdinalIgnoreCase)).ToList();
        var access = Enum.GetValues<ApiAccess>().Where(a => string.Equals(a.ToString(), parts[1], StringComparison.OrdinalIgnoreCase)).ToList();
        if (area.Count != 1 || access.Count != 1) return false;
        scope = new ApiScope(area[0], access[0]);
        return true;
    }

    /// <summary>The access an HTTP method asks for: only GET, HEAD and OPTIONS leave things as they are.</summary>
    public static ApiAccess AccessOf(string httpMethod) =>
        httpMethod.ToUpperInvariant() is "GET" or "HEAD" or "OPTIONS" ? ApiAccess.Read : ApiAccess.Write;
}

/// <summary>The scopes of one client: what it may do, and the one rule that says whether a request is within them.</summary>
public sealed class ApiScopeSet
{
    private readonly HashSet<ApiScope> _scopes;

    private ApiScopeSet(IEnumerable<ApiScope> scopes) => _scopes = [.. scopes];

    public static ApiScopeSet Empty { get; } = new([]);

    public static ApiScopeSet Of(params ApiScope[] scopes) => new(scopes);

    /// <summary>Scopes in their stored form, separated by spaces (RFC 6749 §3.3); an unknown scope makes the whole text invalid.</summary>
    public static Result<ApiScopeSet> Parse(string? text)
    {
        var scopes = new List<ApiScope>();
        foreach (var word in (text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!ApiScope.TryParse(word, out var scope)) return Result<ApiScopeSet>.Fail(new DomainError("Clients.UnknownScope", "RFC 6749 §3.3", "Scopes"));
            scopes.Add(scope);
        }
        if (scopes.Count == 0) return Result<ApiScopeSet>.Fail(new DomainError("Clients.NoScope", Field: "Scopes"));
        return Result<ApiScopeSet>.Ok(new ApiScopeSet(scopes));
    }

    public IReadOnlyCollection<ApiScope> Scopes => _scopes;

    /// <summary>A write scope also reads its area; a read scope never writes; no scope reaches another area.</summary>
    public bool Allows(ApiArea area, ApiAccess access) =>
        _scopes.Contains(new ApiScope(area, ApiAccess.Write)) || (access == ApiAccess.Read && _scopes.Contains(new ApiScope(area, ApiAccess.Read)));

    /// <summary>For the few endpoints about the caller's own work (who am I, my jobs): any scope that gives the access.</summary>
    public bool AllowsAny(ApiAccess access) => _scopes.Any(s => s.Access == ApiAccess.Write || access == ApiAccess.Read);

    /// <summary>
    /// What a client receives when it asks for <paramref name="requested"/>: what it asked within what it was given
    /// (RFC 6749 §3.3), so a write asked where only reading was given is reading.
    /// </summary>
    public ApiScopeSet Narrow(ApiScopeSet requested) => new(requested._scopes
        .Select(s => Allows(s.Area, s.Access) ? s : s with { Access = ApiAccess.Read })
        .Where(s => Allows(s.Area, s.Access)));

    public bool IsEmpty => _scopes.Count == 0;

    /// <summary>The stored and OAuth form: write before read per area, areas in their declared order.</summary>
    public override string ToString() =>
        string.Join(' ', _scopes.Where(s => s.Access == ApiAccess.Write || !_scopes.Contains(s with { Access = ApiAccess.Write }))
            .OrderBy(s => s.Area).ThenBy(s => s.Access).Select(s => s.ToString()));
}
