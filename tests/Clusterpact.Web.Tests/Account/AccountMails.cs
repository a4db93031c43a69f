using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using Clusterpact.Web.Infrastructure.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Clusterpact.Web.Tests.Account;

/// <summary>Reading the account e-mails the product queued, and following their links as the recipient would.</summary>
public static partial class AccountMails
{
    public static Task<List<OutboxEmail>> ToAsync<TEntry>(WebApplicationFactory<TEntry> app, string email, string category) where TEntry : class =>
        WithDbAsync(app, db => db.OutboxEmails.AsNoTracking().Where(e => e.To == email && e.Category == category).OrderBy(e => e.CreatedAt).ToListAsync());

    /// <summary>The one link in a mail, checked to start at App:BaseUrl, as a local path and query for the test client.</summary>
    public static string LinkIn<TEntry>(WebApplicationFactory<TEntry> app, OutboxEmail mail) where TEntry : class
    {
        var root = app.Services.GetRequiredService<PublicUrls>().Root;
        var link = Assert.Single(Url().Matches(mail.Body)).Value;
        Assert.StartsWith(root + "/", link, StringComparison.Ordinal);
        return new Uri(link).PathAndQuery;
    }

    public static async Task<T> WithDbAsync<TEntry, T>(WebApplicationFactory<TEntry> app, Func<ClusterpactDbContext, Task<T>> work) where TEntry : class
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<ClusterpactDbContext>());
    }

    /// <summary>Posts a form found on a page already loaded (a confirmation step shown after a first post), with its hidden fields.</summary>
    public static Task<HttpResponseMessage> PostAsync(HttpClient client, IHtmlDocument page, Func<IHtmlFormElement, bool> pick, IDictionary<string, string>? values = null)
    {
        var form = page.Forms.First(f => string.Equals(f.Method, "post", StringComparison.OrdinalIgnoreCase) && pick(f));
        var fields = form.Elements.OfType<IHtmlInputElement>().Where(i => i.Type == "hidden" && !string.IsNullOrEmpty(i.Name) && !(values?.ContainsKey(i.Name!) ?? false))
            .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value)).ToList();
        if (values is not null) fields.AddRange(values);
        return client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Url();
}
