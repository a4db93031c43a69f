namespace Clusterpact.Web.Tests.Api;

/// <summary>What the areas' API tests share: the agency's key with some scopes, a PUT that makes a record, and who the audit names.</summary>
internal static class ApiAreaClients
{
    /// <summary>The agency's integration: a key of the administrator's with the given scopes.</summary>
    public static async Task<HttpClient> AgencyKeyAsync(this ClusterpactApp app, string name, params string[] scopes)
    {
        var admin = await app.SignedInAsync(Emails.Admin);
        var client = await MachineClientPages.CreateAsync(admin, name, scopes);
        return app.WithToken(await MachineClientPages.CreateTokenAsync(admin, client.Id, app.Today.AddDays(30)));
    }

    /// <summary>A request that makes the record only when there is none yet (<c>If-None-Match: *</c>).</summary>
    public static HttpRequestMessage IfNoneExists(HttpMethod method, string url, object body)
    {
        var request = AreaApiTests.Send(method, url, null, body);
        request.Headers.TryAddWithoutValidation("If-None-Match", "*");
        return request;
    }

    /// <summary>Who the audit trail names for the changes of one record.</summary>
    public static Task<List<string>> AuditedByAsync(this ClusterpactApp app, string entityType, Guid id) =>
        app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == entityType && a.EntityId == id.ToString()).Select(a => a.UserName).Distinct().ToListAsync());
}
