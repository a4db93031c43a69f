using System.Security.Cryptography;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;

namespace Clusterpact.Web.Tests.Account;

/// <summary>
/// The app with the product's sign-in rules: agency staff need a second factor, and 5 failures pause an account for a
/// client address. Only the rate limits are lifted, so that the lock-out behind them can be seen (RateLimitApp keeps them).
/// A test names its client address with a header (<see cref="ClientAddressFromHeader"/>).
/// </summary>
public sealed class SignInApp : ClusterpactApp
{
    public CountingPasswordHasher Hasher { get; } = new();

    protected override IReadOnlyDictionary<string, string> SecuritySettings { get; } = new Dictionary<string, string>
    {
        ["Security:RequireTwoFactorForStaff"] = "true",
        ["Security:SignIn:PerAddressPerMinute"] = "1000000",
        ["Security:SignIn:PerAccountPerMinute"] = "1000000",
        ["Security:SignIn:LockoutFailures"] = "5",
        ["Security:SignIn:LockoutMinutes"] = "15",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IStartupFilter, ClientAddressFromHeader>();
            services.AddSingleton<IPasswordHasher<AppUser>>(Hasher);
        });
    }

    /// <summary>An anonymous client that the server sees at <paramref name="address"/>.</summary>
    public HttpClient From(string address)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Add(ClientAddressFromHeader.Header, address);
        return client;
    }

    public static Task<HttpResponseMessage> PostSignInAsync(HttpClient client, string email, string password) =>
        client.SubmitFormAsync("/Account/Login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });

    /// <summary>The code an authenticator app shows half a minute later than the last one (a code is accepted once).</summary>
    public string NextCode(string sharedKey)
    {
        Clock.Advance(TimeSpan.FromSeconds(30));
        return Totp.Code(sharedKey, Clock.GetUtcNow());
    }

    public Task<string> SharedKeyAsync(string email) => WithScopeAsync(async sp =>
    {
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        return (await users.GetAuthenticatorKeyAsync((await users.FindByEmailAsync(email))!))!;
    });

    /// <summary>Signs in with a password and enrols the authenticator through the pages; returns the signed-in client and the recovery codes.</summary>
    public async Task<(HttpClient Client, string SharedKey, IReadOnlyList<string> RecoveryCodes)> EnrolAsync(string email, string password = UsersTestData.Password, string address = "10.9.9.9")
    {
        var client = From(address);
        var signedIn = await PostSignInAsync(client, email, password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var page = await client.GetDocumentAsync("/TwoFactor");
        var key = SharedKeyOn(page);
        var enabled = await client.SubmitFormAsync("/TwoFactor", new Dictionary<string, string> { ["Code"] = NextCode(key) }, Handler("Enable"));
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        var codes = (await enabled.ParseAsync()).QuerySelectorAll("[data-testid=recovery-codes] li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(10, codes.Count);
        return (client, key, codes);
    }

    /// <summary>Password, then the authenticator code: a fresh session of an enrolled person.</summary>
    public async Task<HttpClient> SignInWithCodeAsync(string email, string sharedKey, string password = UsersTestData.Password, string address = "10.9.9.9")
    {
        var client = From(address);
        var first = await PostSignInAsync(client, email, password);
        Assert.StartsWith("/Account/LoginTwoFactor", first.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var second = await client.SubmitFormAsync(first.Headers.Location!.OriginalString, new Dictionary<string, string> { ["Code"] = NextCode(sharedKey) });
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        return client;
    }

    /// <summary>Picks the form that posts to a page handler.</summary>
    public static Func<IHtmlFormElement, bool> Handler(string name) =>
        f => (f.GetAttribute("action") ?? "").Contains("handler=" + name, StringComparison.OrdinalIgnoreCase);

    public static string SharedKeyOn(IHtmlDocument page) =>
        page.QuerySelector("[data-testid=shared-key]")!.TextContent.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
}

/// <summary>The app with every sign-in setting as shipped in appsettings.json, rate limits included.</summary>
public sealed class RateLimitApp : ClusterpactApp
{
    protected override IReadOnlyDictionary<string, string> SecuritySettings { get; } = new Dictionary<string, string>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, ClientAddressFromHeader>());
    }

    public HttpClient From(string address)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Add(ClientAddressFromHeader.Header, address);
        return client;
    }
}

/// <summary>The test server has no network peer: a header stands in for the client's address.</summary>
public sealed class ClientAddressFromHeader : IStartupFilter
{
    public const string Header = "X-Test-Client-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (http, nextStep) =>
        {
            if (IPAddress.TryParse(http.Request.Headers[Header].ToString(), out var ip)) http.Connection.RemoteIpAddress = ip;
            await nextStep(http);
        });
        next(app);
    };
}

/// <summary>Identity's hasher, counting how often a password is checked against a hash.</summary>
public sealed class CountingPasswordHasher : PasswordHasher<AppUser>
{
    private int _verifications;

    public int Verifications => Volatile.Read(ref _verifications);

    public override PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref _verifications);
        return base.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}

/// <summary>RFC 6238 as an authenticator app computes it (HMAC-SHA1, 30-second steps, 6 digits), written here apart from the product's.</summary>
public static class Totp
{
    public static string Code(string base32Key, DateTimeOffset at)
    {
        var key = FromBase32(base32Key);
        var counter = BitConverter.GetBytes(at.ToUnixTimeSeconds() / 30);
        if (BitConverter.IsLittleEndian) Array.Reverse(counter);
        var hash = HMACSHA1.HashData(key, counter);
        var offset = hash[^1] & 0xF;
        var value = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (value % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    private static byte[] FromBase32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = string.Concat(text.TrimEnd('=').Select(c => Convert.ToString(alphabet.IndexOf(char.ToUpperInvariant(c), StringComparison.Ordinal), 2).PadLeft(5, '0')));
        return Enumerable.Range(0, bits.Length / 8).Select(i => Convert.ToByte(bits.Substring(i * 8, 8), 2)).ToArray();
    }
}

[CollectionDefinition(Name)]
public sealed class SignInCollection : ICollectionFixture<SignInApp>
{
    public const string Name = "sign-in";
}

[CollectionDefinition(Name)]
public sealed class RateLimitCollection : ICollectionFixture<RateLimitApp>
{
    public const string Name = "rate-limit";
}
