using System.Net.Http.Headers;
using AngleSharp.Html.Dom;

namespace Clusterpact.Web.Tests.Api;

/// <summary>A machine client as a person makes it: the New page, the token form on its page; the secret read from the one answer that shows it.</summary>
public sealed record CreatedClient(Guid Id, string ClientId, string Secret);

public static class MachineClientPages
{
    public static async Task<CreatedClient> CreateAsync(HttpClient person, string name, string[] scopes, int? perMinute = null, Guid? cluster = null)
    {
        var fields = new List<KeyValuePair<string, string>> { new("Input.Name", name), new("Input.LastDay", "2027-06-01") };
        fields.AddRange(scopes.Select(s => new KeyValuePair<string, string>("Input.Scopes", s)));
        if (perMinute is { } rpm) fields.Add(new("Input.RequestsPerMinute", rpm.ToString(CultureInfo.InvariantCulture)));
        if (cluster is { } c) fields.Add(new("Input.ClusterId", c.ToString()));
        var doc = await PostAsync(person, "/Clients/New", "/Clients/New", fields);
        var shown = doc.QuerySelector("[data-testid=shown-once]") ?? throw new InvalidOperationException("No client was created: " + doc.QuerySelector("#error-summary")?.TextContent);
        var link = shown.ParentElement!.QuerySelector<IHtmlAnchorElement>("a[href^='/Clients/']")!.GetAttribute("href")!;
        return new CreatedClient(Guid.Parse(link["/Clients/".Length..]), doc.QuerySelector("[data-testid=client-id]")!.TextContent, doc.QuerySelector("[data-testid=client-secret]")!.TextContent);
    }

    /// <summary>An agency integration: a client of the administrator's with the given scopes and a token for the next 30 days.</summary>
    public static async Task<HttpClient> AgencyKeyAsync(ClusterpactApp app, string name, params string[] scopes)
    {
        var admin = await app.SignedInAsync(Emails.Admin);
        var client = await CreateAsync(admin, name, scopes);
        return app.WithToken(await CreateTokenAsync(admin, client.Id, app.Today.AddDays(30)));
    }

    /// <summary>A personal access token whose last valid day is <paramref name="lastDay"/>.</summary>
    public static async Task<string> CreateTokenAsync(HttpClient person, Guid clientId, DateOnly lastDay)
    {
        var doc = await PostAsync(person, $"/Clients/{clientId}", $"/Clients/{clientId}?handler=Token", [new("LastDay", lastDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))]);
        return doc.QuerySelector("[data-testid=shown-secret]")?.TextContent ?? throw new InvalidOperationException("No token was shown: " + doc.QuerySelector("#error-summary")?.TextContent);
    }

    /// <summary>Posts <paramref name="fields"/> with the antiforgery token of the page at <paramref name="page"/>, and parses the answer.</summary>
    public static async Task<IHtmlDocument> PostAsync(HttpClient person, string page, string action, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var form = await person.GetDocumentAsync(page);
        var token = form.QuerySelector<IHtmlInputElement>("input[name='__RequestVerificationToken']")!.Value;
        var response = await person.PostFormRawAsync(action, fields.Append(new("__RequestVerificationToken", token)));
        Assert.True(response.IsSuccessStatusCode, $"POST {action} gave {(int)response.StatusCode}");
        return await response.ParseAsync();
    }

    /// <summary>An HTTP client of the app that calls the API with <paramref name="token"/> and no cookie.</summary>
    public static HttpClient WithToken(this ClusterpactApp app, string token)
    {
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
