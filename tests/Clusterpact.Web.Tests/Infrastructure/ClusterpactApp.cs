using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Clusterpact.Web.Data.Seed;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Time.Testing;

namespace Clusterpact.Web.Tests.Infrastructure;

/// <summary>
/// The whole application on a throwaway database: SQLite by default, PostgreSQL when CLUSTERPACT_TEST_DB=postgres
/// (test.sh runs this suite once on each). The demo data is loaded, so every role has a known user.
/// </summary>
public class ClusterpactApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public static bool OnPostgres => TestDatabase.OnPostgres;

    private readonly TestDatabase _database = new("test");
    public string OutboxFolder => _database.OutboxFolder;

    /// <summary>The throwaway database this host runs on (and its derived hosts), dropped when the fixture is disposed.</summary>
    public TestDatabase Database => _database;

    /// <summary>
    /// The app's only clock: 1 December 2026, 10:00 in Brussels, whatever the machine's date. Each reading steps it a
    /// millisecond, so records written one after another get increasing times. A test that needs another moment moves
    /// it forward with <c>Clock.Advance</c> (it cannot go back, and the collection shares it).
    /// </summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero)) { AutoAdvanceAmount = TimeSpan.FromMilliseconds(1) };

    public DateOnly Today => Clock.TodayInBrussels();

    /// <summary>The SQL the app sends while a test records it (<see cref="SqlCommandLog.Record"/>).</summary>
    public SqlCommandLog Sql { get; } = new();

    /// <summary>The app's log events while a test records them (<see cref="LogCapture.Record"/>).</summary>
    public LogCapture Log { get; } = new();

    /// <summary>How long the tests' readers wait for a kept answer being computed before taking the previous one.</summary>
    public const int FreshWaitMilliseconds = 120_000;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Demo:Load", "true");
        // Tests send the outbox themselves (OutboxDispatcher.DispatchOnceAsync), into a folder of their own.
        builder.UseSetting("Email:DispatchInBackground", "false");
        builder.UseSetting("Reminders:Enabled", "false");
        // Each host (and each host a test derives from it, on the same database) is a scheduler cluster of its own: a job
        // queued by a host with a test's own job handler runs there. ReminderNodesApp joins two hosts in one cluster.
        builder.UseSetting(Scheduling.SchedulerNameSetting, $"test-{Guid.NewGuid():N}");
        // The register's sample is loaded by RegisterApp (Organisations/EnterpriseRegister): with it, unknown numbers are refused.
        builder.UseSetting("EnterpriseRegister:LoadSampleWithDemo", "false");
        // A test reads what it has just changed: on a loaded machine a kept answer's computation can take more than the
        // product's fresh wait (1 s), and the reader would be given the previous answer (decision 0020). The previous
        // answer is proven where it is meant, with the product's wait (KeptRenderTests, ReadModelSingleFlightTests).
        builder.UseSetting("ReadModels:FreshWaitMilliseconds", FreshWaitMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // Hundreds of sign-ins from one test address: the sign-in limits and the staff's second factor are proven by
        // SignInApp and RateLimitApp (Account tests), which keep the product's settings.
        foreach (var (key, value) in SecuritySettings) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock).AddSingleton<Serilog.Core.ILogEventSink>(Log)
            .ConfigureDbContext<SqliteClusterpactDbContext>((_, o) => o.AddInterceptors(Sql))
            .ConfigureDbContext<PostgresClusterpactDbContext>((_, o) => o.AddInterceptors(Sql)));
        _database.Apply(builder);
    }

    /// <summary>The sign-in settings of this host; a derived host (SignInApp, RateLimitApp) puts the product's back.</summary>
    protected virtual IReadOnlyDictionary<string, string> SecuritySettings { get; } = new Dictionary<string, string>
    {
        ["Security:RequireTwoFactorForStaff"] = "false",
        ["Security:SignIn:PerAddressPerMinute"] = "1000000",
        ["Security:SignIn:PerAccountPerMinute"] = "1000000",
        ["Security:SignIn:LockoutFailures"] = "1000000",
    };

    public Task InitializeAsync()
    {
        _ = Server; // start the host: migrations and demo data run once for the whole collection
        return Task.CompletedTask;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        // The database goes also when the host fails to stop (TestDatabaseTests).
        try
        {
            await DisposeAsync();
        }
        finally
        {
            await _database.DropAsync();
        }
    }

    /// <summary>A client that does not follow redirects, so tests see 302 to the login page as such.</summary>
    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A client signed in through the real login form.</summary>
    public async Task<HttpClient> SignedInAsync(string email, string password = DemoLogins.Password)
    {
        var client = Anonymous();
        var response = await client.SubmitFormAsync("/Account/Login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in as {email} failed: {(int)response.StatusCode}");
        return client;
    }

    /// <summary>Another node of the app with <typeparamref name="T"/> (one instance) intercepting its database, on either provider.</summary>
    public WebApplicationFactory<Program> WithInterceptor<T>() where T : class, Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor =>
        WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        {
            s.AddSingleton<T>();
            s.ConfigureDbContext<Web.Data.SqliteClusterpactDbContext>((sp, o) => o.AddInterceptors(sp.GetRequiredService<T>()));
            s.ConfigureDbContext<Web.Data.PostgresClusterpactDbContext>((sp, o) => o.AddInterceptors(sp.GetRequiredService<T>()));
        }));

    public Task<T> WithDbAsync<T>(Func<ClusterpactDbContext, Task<T>> work) => WithScopeAsync(sp => work(sp.GetRequiredService<ClusterpactDbContext>()));

    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public Task<Guid> ClusterIdAsync(string name) => WithDbAsync(db => db.Clusters.Where(c => c.Name == name).Select(c => c.Id).SingleAsync());
}

public static class Emails
{
    public const string Admin = "admin@clusterpact.demo";
    public const string Officer = "officer@clusterpact.demo";
    public const string CatalistiManager = "manager.catalisti@clusterpact.demo";
    public const string Flux50Manager = "manager.flux50@clusterpact.demo";
    public const string Expert = "expert@clusterpact.demo";
    public const string Reader = "reader@clusterpact.demo";
    public const string Expert2 = "expert2@clusterpact.demo";
    public const string Applicant = "applicant@clusterpact.demo";
}

/// <summary>Posting forms as a browser does: read the page, keep its hidden fields (antiforgery, version), fill the rest.</summary>
public static class FormExtensions
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IHtmlDocument> GetDocumentAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url} gave {(int)response.StatusCode}");
        return await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }

    public static async Task<IHtmlDocument> ParseAsync(this HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    /// <summary>Submits the first POST form of the page at <paramref name="url"/> whose action matches (or the page itself).</summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(this HttpClient client, string url, IDictionary<string, string> values, Func<IHtmlFormElement, bool>? pick = null)
    {
        var doc = await client.GetDocumentAsync(url);
        var form = doc.Forms.Where(f => string.Equals(f.Method, "post", StringComparison.OrdinalIgnoreCase))
            .FirstOrDefault(f => pick?.Invoke(f) ?? (string.IsNullOrEmpty(f.GetAttribute("action")) || f.GetAttribute("action") == url))
            ?? throw new InvalidOperationException($"No matching form on {url}");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var input in form.Elements.OfType<IHtmlInputElement>().Where(i => i.Type == "hidden" && !string.IsNullOrEmpty(i.Name)))
        {
            if (!values.ContainsKey(input.Name!)) fields.Add(new(input.Name!, input.Value));
        }
        fields.AddRange(values.Select(kv => new KeyValuePair<string, string>(kv.Key, kv.Value)));
        var action = form.GetAttribute("action");
        return await client.PostAsync(string.IsNullOrEmpty(action) ? url : action, new FormUrlEncodedContent(fields));
    }

    /// <summary>
    /// The confirmation page a delete or remove button on <paramref name="url"/> opens (Features/Confirm): the GET form to
    /// /Confirm whose target is <paramref name="handler"/> (and that <paramref name="pick"/> chooses), as its URL.
    /// </summary>
    public static async Task<string> ConfirmationUrlAsync(this HttpClient client, string url, string handler, Func<IHtmlFormElement, bool>? pick = null)
    {
        var doc = await client.GetDocumentAsync(url);
        var form = doc.Forms.Where(f => string.Equals(f.Method, "get", StringComparison.OrdinalIgnoreCase) && f.GetAttribute("action") == "/Confirm")
            .FirstOrDefault(f => f.QuerySelector<IHtmlInputElement>("input[name='confirm.action']")?.Value.Contains($"handler={handler}", StringComparison.Ordinal) == true && (pick?.Invoke(f) ?? true))
            ?? throw new InvalidOperationException($"No confirmation button for {handler} on {url}");
        return "/Confirm?" + string.Join("&", form.Elements.OfType<IHtmlInputElement>().Where(i => !string.IsNullOrEmpty(i.Name))
            .Select(i => $"{Uri.EscapeDataString(i.Name!)}={Uri.EscapeDataString(i.Value)}"));
    }

    /// <summary>A delete or remove as a person does it: the button opens the confirmation page, whose "Yes" posts to the handler.</summary>
    public static async Task<HttpResponseMessage> ConfirmAsync(this HttpClient client, string url, string handler, IDictionary<string, string>? values = null, Func<IHtmlFormElement, bool>? pick = null) =>
        await client.SubmitFormAsync(await client.ConfirmationUrlAsync(url, handler, pick), values ?? new Dictionary<string, string>(), f => f.GetAttribute("data-testid") == "confirm-form");

    public static async Task<HttpResponseMessage> PostFormRawAsync(this HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> fields) =>
        await client.PostAsync(url, new FormUrlEncodedContent(fields));
}

[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<ClusterpactApp>
{
    public const string Name = "app";
}
