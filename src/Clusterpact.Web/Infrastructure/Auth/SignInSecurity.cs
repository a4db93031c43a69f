using System.Net;
using System.Net.Sockets;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Clusterpact.Web.Infrastructure.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;

namespace Clusterpact.Web.Infrastructure.Auth;

/// <summary>The <c>Security</c> section: who needs a second factor and how fast anyone may try a credential (docs/decisions/0011-sign-in.md).</summary>
public sealed class SignInSecurityOptions
{
    public const string Section = "Security";

    /// <summary>Agency staff (administrators, programme officers) must sign in with an authenticator code. Off only for the demo run.</summary>
    public bool RequireTwoFactorForStaff { get; set; } = true;

    /// <summary>Whether this person must have a second factor: the one rule the gate and the second-factor page both ask.</summary>
    public bool TwoFactorRequiredFor(System.Security.Claims.ClaimsPrincipal user) => RequireTwoFactorForStaff && Roles.IsAgencyStaff(user);

    public SignInLimits SignIn { get; set; } = new();
}

public sealed class SignInLimits
{
    /// <summary>Credential posts one client address may make per minute, whatever account they name.</summary>
    public int PerAddressPerMinute { get; set; } = 20;

    /// <summary>Credential posts naming one account from one client address per minute: the 6th rapid attempt is refused.</summary>
    public int PerAccountPerMinute { get; set; } = 5;

    /// <summary>Failed passwords or codes for one account from one client address before that pair is paused.</summary>
    public int LockoutFailures { get; set; } = 5;

    public int LockoutMinutes { get; set; } = 15;
}

/// <summary>
/// Sign-in hardening in one place: rate limits on every credential form (429 with Retry-After), the lock-out per account
/// and client address, the authenticator (TOTP) as the second factor, the gate that keeps agency staff without it out of
/// every page, and the security events in the audit trail.
/// </summary>
public static class SignInSecurity
{
    /// <summary>The rate-limiting policy of the credential forms (sign-in, second factor); put on their page models.</summary>
    public const string CredentialPolicy = "credentials";

    /// <summary>The authentication-method claim Identity writes; "mfa" once the second factor is done.</summary>
    public const string MethodClaim = "amr";
    public const string SecondFactorDone = "mfa";

    public static bool HasSecondFactor(ClaimsPrincipal user) => user.HasClaim(MethodClaim, SecondFactorDone);

    public static IServiceCollection AddClusterpactSignInSecurity(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<SignInSecurityOptions>().Bind(config.GetSection(SignInSecurityOptions.Section));
        services.AddScoped<SignInThrottle>();
        services.AddScoped<SecurityEvents>();
        services.AddScoped<PasswordSignIn>();
        services.AddScoped<SecondFactorSignIn>();

        // The authenticator is Identity's ("Authenticator" provider), computed on the app's clock and refusing a code twice.
        services.AddTransient<TotpAuthenticator>();
        services.Configure<IdentityOptions>(o =>
        {
            o.Tokens.ProviderMap[TokenOptions.DefaultAuthenticatorProvider] = new TokenProviderDescriptor(typeof(TotpAuthenticator));
        });

        // Identity rebuilds the cookie's claims when it checks the security stamp; the second factor must survive that.
        services.PostConfigure<SecurityStampValidatorOptions>(o =>
        {
            var inner = o.OnRefreshingPrincipal;
            o.OnRefreshingPrincipal = async ctx =>
            {
                if (ctx.CurrentPrincipal is { } current && ctx.NewPrincipal?.Identity is ClaimsIdentity renewed && HasSecondFactor(current) && !HasSecondFactor(ctx.NewPrincipal))
                    renewed.AddClaim(new Claim(MethodClaim, SecondFactorDone));
                if (inner is not null) await inner(ctx);
            };
        });

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Per client address, over every credential form together.
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                IsCredentialPost(http)
                    ? RateLimitPartition.GetSlidingWindowLimiter("address|" + ClientAddress(http), _ => Window(LimitsOf(http).PerAddressPerMinute))
                    : RateLimitPartition.GetNoLimiter(""));
            // Per account named in the form and client address: an outsider's attempts slow only the outsider.
            o.AddPolicy(CredentialPolicy, http =>
                http.Request.Method == HttpMethods.Post
                    ? RateLimitPartition.GetSlidingWindowLimiter("account|" + AccountOf(http) + "|" + ClientAddress(http), _ => Window(LimitsOf(http).PerAccountPerMinute))
                    : RateLimitPartition.GetNoLimiter(""));
            o.OnRejected = (ctx, _) =>
            {
                var seconds = ctx.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds)) : 60;
                ctx.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                ctx.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SignInSecurity))
                    .LogWarning("Credential post refused by the rate limit for {Address}", ClientAddress(ctx.HttpContext));
                // The status-code page says it in the reader's language (Error page, code 429).
                return ValueTask.CompletedTask;
            };
        });
        return services;
    }

    /// <summary>Between authentication and authorization: the rate limits, then the second-factor gate.</summary>
    public static WebApplication UseClusterpactSignInSecurity(this WebApplication app)
    {
        // The account a sign-in names is in the form; read it before the limiter partitions on it.
        app.Use(async (http, next) =>
        {
            if (IsCredentialPost(http) && http.Request.HasFormContentType) await http.Request.ReadFormAsync(http.RequestAborted);
            await next(http);
        });
        app.UseRateLimiter();
        app.UseMiddleware<TwoFactorGate>();
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var required = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SignInSecurityOptions>>().Value.RequireTwoFactorForStaff;
            app.Services.GetRequiredService<Setup.StartupConsole>().WriteLine(required
                ? "Two-factor sign-in (authenticator app) is required for agency staff (Security:RequireTwoFactorForStaff=true)."
                : "Two-factor sign-in is NOT required for agency staff (Security:RequireTwoFactorForStaff=false): for the demo only, never in production.");
        });
        return app;
    }

    private static SlidingWindowRateLimiterOptions Window(int permits) => new()
    {
        PermitLimit = Math.Max(1, permits), Window = TimeSpan.FromMinutes(1), SegmentsPerWindow = 6, QueueLimit = 0, AutoReplenishment = true,
    };

    private static SignInLimits LimitsOf(HttpContext http) =>
        http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<SignInSecurityOptions>>().Value.SignIn;

    private static bool IsCredentialPost(HttpContext http) =>
        http.Request.Method == HttpMethods.Post
        && http.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == CredentialPolicy;

    /// <summary>The account a credential form names: the e-mail typed at sign-in, or the pending second-factor step.</summary>
    private static string AccountOf(HttpContext http)
    {
        var form = http.Request.HasFormContentType ? http.Features.Get<Microsoft.AspNetCore.Http.Features.IFormFeature>()?.Form : null;
        var email = form?["Input.Email"].ToString();
        return string.IsNullOrWhiteSpace(email) ? "second-factor" : SignInThrottle.Normalise(email);
    }

    /// <summary>
    /// The client's address as the server sees it (behind a proxy, after the forwarded-headers middleware). IPv6 clients
    /// get a whole /64 each, so one host cannot step through its own prefix to escape the limit.
    /// </summary>
    public static string ClientAddress(HttpContext http)
    {
        var ip = http.Connection.RemoteIpAddress;
        if (ip is null) return "unknown";
        if (ip.IsIPv4MappedToIPv6) ip = ip.MapToIPv4();
        if (ip.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes = ip.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            return new IPAddress(bytes) + "/64";
        }
        return ip.ToString();
    }
}
