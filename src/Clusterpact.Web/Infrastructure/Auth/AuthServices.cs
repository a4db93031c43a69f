using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace Clusterpact.Web.Infrastructure.Auth;

public static class AuthServices
{
    public const string OidcScheme = OpenIdConnectDefaults.AuthenticationScheme;

    public static IServiceCollection AddClusterpactAuth(this IServiceCollection services, IConfiguration config)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentUser>();
        services.AddScoped<Scope>();
        services.AddScoped<ClusterAccess>();
        services.AddScoped<RecordRights>();
        services.AddScoped<IAuthorizationHandler, RecordAuthorizationHandler>();
        services.AddScoped<Permissions>();
        services.AddScoped<RecordActors>();

        services.AddIdentity<AppUser, AppRole>(o =>
            {
                // Password and lock-out rules for an agency system (BOSA/NIST-style: long rather than cryptic).
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = true;
                // No account-wide lock-out: SignInThrottle pauses an account per client address (docs/decisions/0011-sign-in.md).
                o.Lockout.AllowedForNewUsers = false;
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<ClusterpactDbContext>()
            .AddDefaultTokenProviders();
        services.AddClusterpactAccountLinks(config);

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.Cookie.Name = "clusterpact.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            // The API answers 401/403 as problem details instead of redirecting to the login page.
            o.Events.OnRedirectToLogin = ctx => ApiAwareRedirect(ctx.HttpContext, ctx.RedirectUri, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiAwareRedirect(ctx.HttpContext, ctx.RedirectUri, StatusCodes.Status403Forbidden);
        });
        services.AddClusterpactSessions(config);

        var oidc = config.GetSection("Authentication:OpenIdConnect");
        if (!string.IsNullOrWhiteSpace(oidc["Authority"]))
        {
            services.AddAuthentication().AddOpenIdConnect(OidcScheme, oidc["DisplayName"] ?? "Agency sign-in", o =>
            {
                o.Authority = oidc["Authority"];
                o.ClientId = oidc["ClientId"];
                o.ClientSecret = oidc["ClientSecret"];
                o.ResponseType = "code";
                o.UsePkce = true;
                o.SignInScheme = IdentityConstants.ExternalScheme;
                o.Scope.Add("email");
                o.Scope.Add("profile");
                o.CallbackPath = "/signin-oidc";
                o.MapInboundClaims = true;
                o.Events.OnRedirectToIdentityProvider = UsePublicCallback;
            });
        }

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.SignedIn, p => p.RequireAuthenticatedUser())
            .AddPolicy(Policies.Administration, p => p.RequireRole(Roles.Administrator))
            .AddPolicy(Policies.AgencyStaff, p => p.RequireRole(Roles.AgencyStaff))
            .AddPolicy(Policies.ClusterEditing, p => p.RequireRole(Roles.Administrator, Roles.ProgrammeOfficer, Roles.ClusterManager))
            .AddPolicy(Policies.ClusterData, p => p.RequireRole(Roles.Administrator, Roles.ProgrammeOfficer, Roles.Reader, Roles.ClusterManager))
            .AddPolicy(Policies.ProgrammeView, p => p.RequireRole(Roles.WholeProgramme))
            .AddPolicy(Policies.Applying, p => p.RequireRole(Roles.Applicant, Roles.ClusterManager))
            .AddPolicy(Policies.Reviewing, p => p.RequireRole(Roles.ExternalExpert))
            .AddPolicy(Policies.MachineClients, p => p.RequireRole(Roles.Administrator, Roles.ClusterManager))
            // A safety net only: every page and endpoint declares its own policy or AllowAnonymous (EndpointRulesTests).
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        return services;
    }

    private static async Task ApiAwareRedirect(HttpContext http, string redirectUri, int status)
    {
        if (http.Request.Path.StartsWithSegments("/api"))
        {
            http.Response.StatusCode = status;
            var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
            await problems.WriteAsync(new ProblemDetailsContext { HttpContext = http });
            return;
        }
        http.Response.Redirect(LocalPart(redirectUri));
    }

    /// <summary>
    /// The handler writes the sign-in and access-denied redirects with the request's scheme and host; the path and
    /// query alone send the browser to the same page without repeating a Host header someone forged.
    /// </summary>
    internal static string LocalPart(string redirectUri) =>
        Uri.TryCreate(redirectUri, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri.PathAndQuery : redirectUri;

    /// <summary>The provider sends the person back to the configured public address, not to the Host of the request that left.</summary>
    private static Task UsePublicCallback(Microsoft.AspNetCore.Authentication.OpenIdConnect.RedirectContext ctx)
    {
        // The handler keeps this redirect_uri in the protected state after the event, so the code is redeemed with it too.
        ctx.ProtocolMessage.RedirectUri = ctx.HttpContext.RequestServices.GetRequiredService<Hosting.PublicUrls>().To(ctx.Options.CallbackPath);
        return Task.CompletedTask;
    }
}
