using System.Net;
using Microsoft.AspNetCore.CookiePolicy;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using NetEscapades.AspNetCore.SecurityHeaders.Infrastructure;

namespace Clusterpact.Web.Infrastructure.Security;

/// <summary>
/// The headers every response carries (docs/security.md): a Content-Security-Policy without inline script, nosniff, no
/// referrer, a permissions policy, same-origin opener, no framing, HSTS over HTTPS; cookies Secure over HTTPS; forwarded
/// scheme and client address taken only from the proxies the configuration names; no <c>Server</c> header.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>The relaxed policy of the Scalar API browser (/scalar), and only there.</summary>
    public const string ScalarPolicy = "scalar";

    /// <summary>One year, the minimum ASVS 5.0 3.4.1 asks for.</summary>
    private const int HstsMaxAgeSeconds = 365 * 24 * 60 * 60;

    public static IServiceCollection AddClusterpactSecurity(this IServiceCollection services, IConfiguration config, IWebHostEnvironment env)
    {
        // Kestrel names itself in a Server header unless told not to; nothing later in the pipeline can remove it.
        services.Configure<KestrelServerOptions>(o => o.AddServerHeader = false);

        services.Configure<ForwardedHeadersOptions>(o => ConfigureProxies(o, config.GetSection("ForwardedHeaders")));

        // Every cookie (sign-in, antiforgery, culture, TempData, the OpenID Connect correlation) is Secure when the request
        // came over HTTPS (directly or, per the proxy's X-Forwarded-Proto, behind it) and never readable from script.
        services.Configure<CookiePolicyOptions>(o =>
        {
            o.Secure = CookieSecurePolicy.SameAsRequest;
            o.HttpOnly = HttpOnlyPolicy.Always;
        });

        var oidcAuthority = config["Authentication:OpenIdConnect:Authority"];
        // HSTS for localhost would stick in a developer's browser; anywhere else (a proxy may pass Host: localhost) it is sent.
        string[] hstsExcluded = env.IsDevelopment() ? ["localhost", "127.0.0.1", "[::1]"] : [];
        services.AddSecurityHeaderPolicies()
            .SetDefaultPolicy(p => Common(p, hstsExcluded).AddContentSecurityPolicy(csp =>
            {
                csp.AddDefaultSrc().Self();
                csp.AddScriptSrc().Self();
                csp.AddStyleSrc().Self();
                // Bootstrap draws its icons (menu toggle, select arrows, check marks) as data: SVG in its stylesheet.
                csp.AddImgSrc().Self().Data();
                csp.AddFontSrc().Self();
                csp.AddConnectSrc().Self();
                Lockdown(csp, oidcAuthority);
            }))
            .AddPolicy(ScalarPolicy, p => Common(p, hstsExcluded).AddContentSecurityPolicy(csp =>
            {
                // The default policy with two differences, both proven needed by ContentSecurityPolicyTests (browser):
                csp.AddDefaultSrc().Self();
                // 1. Scalar's page starts its bundle with an inline module script: allowed by this response's nonce only.
                csp.AddScriptSrc().Self().WithNonce();
                // 2. Scalar's bundle (Vue) writes style attributes and <style> elements as it renders, so styles need
                //    'unsafe-inline' here. Script stays nonce-only, so markup injected into the page still cannot run.
                csp.AddStyleSrc().Self().UnsafeInline();
                csp.AddImgSrc().Self().Data();
                csp.AddFontSrc().Self();
                csp.AddConnectSrc().Self();
                Lockdown(csp, oidcAuthority);
            }));
        return services;
    }

    /// <summary>First in the pipeline: the scheme and client address are known, and every answer (errors too) gets the headers.</summary>
    public static IApplicationBuilder UseClusterpactSecurity(this IApplicationBuilder app) => app
        .UseForwardedHeaders()
        .UseSecurityHeaders()
        .UseCookiePolicy();

    private static HeaderPolicyCollection Common(HeaderPolicyCollection p, string[] hstsExcluded) => p
        .AddContentTypeOptionsNoSniff()
        .AddFrameOptionsDeny()
        // Secret links (survey answers, password setup) carry their token in the path: no Referer ever repeats it.
        .AddReferrerPolicyNoReferrer()
        .AddPermissionsPolicyWithDefaultSecureDirectives()
        .AddCrossOriginOpenerPolicy(o => o.SameOrigin())
        // Sent on HTTPS responses only (the library checks the request's scheme, which the proxy's X-Forwarded-Proto sets).
        .AddStrictTransportSecurity(HstsMaxAgeSeconds, includeSubdomains: true, preload: false, hstsExcluded);

    private static void Lockdown(CspBuilder csp, string? oidcAuthority)
    {
        csp.AddObjectSrc().None();
        // No page uses <base>; 'none' (ASVS 5.0 3.4.3) stops injected markup from redirecting every relative URL.
        csp.AddBaseUri().None();
        csp.AddFrameAncestors().None();
        var formAction = csp.AddFormAction().Self();
        // "Sign in with the agency's account" posts here and is redirected to the identity provider: browsers check
        // form-action on that redirect too, so the provider's origin is allowed when one is configured.
        if (Uri.TryCreate(oidcAuthority, UriKind.Absolute, out var authority))
            formAction.From(authority.GetLeftPart(UriPartial.Authority));
    }

    /// <summary>
    /// X-Forwarded-For and X-Forwarded-Proto are believed only from the proxies listed in <c>ForwardedHeaders:KnownProxies</c>
    /// (addresses) and <c>ForwardedHeaders:KnownNetworks</c> (CIDR); with neither set, only from this machine (loopback).
    /// X-Forwarded-Host is never used: links are built from the configured base URL, not from a header.
    /// </summary>
    internal static void ConfigureProxies(ForwardedHeadersOptions o, IConfiguration section)
    {
        o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        var proxies = section.GetSection("KnownProxies").Get<string[]>() ?? [];
        var networks = section.GetSection("KnownNetworks").Get<string[]>() ?? [];
        o.KnownProxies.Clear();
        o.KnownIPNetworks.Clear();
        if (proxies.Length == 0 && networks.Length == 0)
        {
            o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse("127.0.0.0/8"));
            o.KnownProxies.Add(IPAddress.IPv6Loopback);
            return;
        }
        foreach (var proxy in proxies) o.KnownProxies.Add(IPAddress.Parse(proxy));
        foreach (var network in networks) o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
    }
}
