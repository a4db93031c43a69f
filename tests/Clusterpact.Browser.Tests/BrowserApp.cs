using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Time.Testing;

namespace Clusterpact.Browser.Tests;

/// <summary>
/// The application on a real Kestrel port (SQLite, demo data) and Debian's Chromium driven by Playwright.
/// Playwright never downloads a browser here: it launches /usr/bin/chromium.
/// </summary>
public sealed class BrowserApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string _db = Path.Combine(Path.GetTempPath(), $"clusterpact-browser-{Guid.NewGuid():N}.db");
    private IPlaywright? _playwright;

    /// <summary>The app's clock, at the date the other suites use (1 December 2026, 10:00 Brussels), a millisecond further at each reading.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero)) { AutoAdvanceAmount = TimeSpan.FromMilliseconds(1) };

    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";

    /// <summary>Screenshots for a person to look at, under the test output folder (never committed).</summary>
    public static string ScreenshotDir { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Sqlite", $"Data Source={_db}");
        builder.UseSetting("Demo:Load", "true");
        // Every browser test signs in with a password from one address; the sign-in limits and the second factor are
        // proven in the web tests (Account/SignInHardeningTests, TwoFactorTests).
        builder.UseSetting("Security:RequireTwoFactorForStaff", "false");
        builder.UseSetting("Security:SignIn:PerAddressPerMinute", "1000000");
        builder.UseSetting("Security:SignIn:PerAccountPerMinute", "1000000");
        builder.UseSetting("Security:SignIn:LockoutFailures", "1000000");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public async Task InitializeAsync()
    {
        UseKestrel(0);
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, Locale = "en-GB" });
        await Accessibility.Axe.WatchAsync(context);
        return await context.NewPageAsync();
    }

    /// <summary>A new page signed in through the login form as a demo user.</summary>
    public async Task<IPage> SignInAsync(string email)
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("E-mailadres").FillAsync(email);
        await page.GetByLabel("Wachtwoord").FillAsync(Clusterpact.Web.Data.Seed.DemoLogins.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Aanmelden" }).ClickAsync();
        await page.WaitForURLAsync(BaseUrl + "/");
        return page;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        await DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var f in new[] { _db, _db + "-wal", _db + "-shm" }) File.Delete(f);
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "browser";
}
