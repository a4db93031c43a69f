using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Clusterpact.Web.Infrastructure.Auth;

/// <summary>Section "Sessions" of the configuration: how long a sign-in lasts (decision 0010).</summary>
public sealed class SessionOptions
{
    public const string Section = "Sessions";

    /// <summary>A session without a request for this long has ended (sliding: each request in its second half renews it).</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A session ends this long after sign-in, however active it is.</summary>
    public TimeSpan AbsoluteLifetime { get; set; } = TimeSpan.FromHours(8);
}

/// <summary>
/// Sessions that end (decision 0010): the sign-in cookie carries the person's security stamp and the moment they signed
/// in, and every request checks both against the database and the clock. Signing out, deactivating someone, changing
/// their role or clusters and setting their password each change the stamp, so a cookie issued before is refused at once.
/// </summary>
public static class Sessions
{
    /// <summary>The sign-in moment, kept in the cookie's properties (sliding renewals keep it, a new sign-in sets it).</summary>
    private const string SignedInAtKey = "clusterpact.signedInAt";

    public static IServiceCollection AddClusterpactSessions(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<SessionOptions>().Bind(config.GetSection(SessionOptions.Section))
            .Validate(o => o.IdleTimeout > TimeSpan.Zero && o.AbsoluteLifetime >= o.IdleTimeout, "Sessions: IdleTimeout must be positive and at most AbsoluteLifetime.")
            .ValidateOnStart();
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme).Configure<IOptions<SessionOptions>>((o, sessions) =>
        {
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = sessions.Value.IdleTimeout;
            o.Events.OnSigningIn = ctx =>
            {
                if (!ctx.Properties.Items.ContainsKey(SignedInAtKey))
                    ctx.Properties.Items[SignedInAtKey] = Now(ctx.Options).ToString("O", CultureInfo.InvariantCulture);
                return Task.CompletedTask;
            };
            o.Events.OnValidatePrincipal = ValidateAsync;
        });
        return services;
    }

    /// <summary>Ends every session of <paramref name="user"/>: the stamp in their cookies no longer matches.</summary>
    public static Task EndAllAsync(UserManager<AppUser> users, AppUser user) => users.UpdateSecurityStampAsync(user);

    private static DateTimeOffset Now(CookieAuthenticationOptions options) => (options.TimeProvider ?? TimeProvider.System).GetUtcNow();

    /// <summary>Runs on every request with a sign-in cookie: one query for the person's stamp and whether they are active.</summary>
    private static async Task ValidateAsync(CookieValidatePrincipalContext ctx)
    {
        if (!await IsCurrentAsync(ctx))
        {
            ctx.RejectPrincipal();
            await ctx.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }

    private static async Task<bool> IsCurrentAsync(CookieValidatePrincipalContext ctx)
    {
        var services = ctx.HttpContext.RequestServices;
        var limits = services.GetRequiredService<IOptions<SessionOptions>>().Value;
        if (!ctx.Properties.Items.TryGetValue(SignedInAtKey, out var signedInText)
            || !DateTimeOffset.TryParse(signedInText, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var signedInAt)
            || Now(ctx.Options) - signedInAt >= limits.AbsoluteLifetime)
            return false;

        if (ctx.Principal is not { } principal || CurrentUser.IdOf(principal) is not { } id) return false;
        var stampClaim = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var stamp = principal.FindFirstValue(stampClaim);
        if (string.IsNullOrEmpty(stamp)) return false;
        var db = services.GetRequiredService<ClusterpactDbContext>();
        var row = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => new { u.SecurityStamp, u.IsActive }).SingleOrDefaultAsync(ctx.HttpContext.RequestAborted);
        return row is { IsActive: true } && string.Equals(row.SecurityStamp, stamp, StringComparison.Ordinal);
    }
}
