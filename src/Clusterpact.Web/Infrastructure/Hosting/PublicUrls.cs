using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;

namespace Clusterpact.Web.Infrastructure.Hosting;

/// <summary>Section "App" of the configuration: where people reach the product.</summary>
public sealed class AppOptions
{
    public const string Section = "App";

    /// <summary>
    /// The public address (scheme, host, optional port and path) every absolute link the product writes starts with:
    /// links in e-mails, the 360Giving file, the OpenAPI server, the OpenID Connect callback. Never the request's Host.
    /// </summary>
    public string BaseUrl { get; set; } = "http://localhost:5080";
}

/// <summary>Absolute links to the product, from the configured <see cref="AppOptions.BaseUrl"/> only.</summary>
public sealed class PublicUrls
{
    public PublicUrls(IOptions<AppOptions> options)
    {
        if (!TryParseBase(options.Value.BaseUrl, out var root))
            throw new InvalidOperationException($"App:BaseUrl '{options.Value.BaseUrl}' is not an absolute http(s) address without query or fragment.");
        Root = root;
    }

    /// <summary>The base address without a trailing slash, e.g. <c>https://clusterpact.vlaio.be</c>.</summary>
    public string Root { get; }

    public string Host => new Uri(Root).Host;

    /// <summary>The absolute link to a path of the product (<c>/s/abc</c> becomes <c>https://…/s/abc</c>).</summary>
    public string To(string path) => Root + "/" + path.TrimStart('/');

    public static bool TryParseBase(string? value, out string root)
    {
        root = "";
        if (!Uri.TryCreate(value?.Trim(), UriKind.Absolute, out var uri)) return false;
        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) return false;
        if (!string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment) || !string.IsNullOrEmpty(uri.UserInfo)) return false;
        root = uri.GetLeftPart(UriPartial.Path).TrimEnd('/');
        return true;
    }
}

public static class PublicUrlServices
{
    /// <summary>
    /// One public base URL for every link the product writes, the OpenAPI document's server among them, and the
    /// host it names always allowed by host filtering (AllowedHosts lists any others, e.g. localhost).
    /// </summary>
    public static IServiceCollection AddClusterpactPublicUrls(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<AppOptions>().Bind(config.GetSection(AppOptions.Section))
            .Validate(o => PublicUrls.TryParseBase(o.BaseUrl, out _), "App:BaseUrl must be an absolute http(s) address without query or fragment.")
            .ValidateOnStart();
        services.AddSingleton<PublicUrls>();
        services.PostConfigure<HostFilteringOptions>(o =>
        {
            // Runs after the host's own post-configuration, which reads AllowedHosts (and leaves "*" when it is not set).
            if (o.AllowedHosts.Count == 0 || o.AllowedHosts.Contains("*")) return;
            if (!PublicUrls.TryParseBase(config[$"{AppOptions.Section}:BaseUrl"] ?? new AppOptions().BaseUrl, out var root)) return;
            var host = new Uri(root).Host;
            if (!o.AllowedHosts.Contains(host, StringComparer.OrdinalIgnoreCase)) o.AllowedHosts = [.. o.AllowedHosts, host];
        });
        // Every generated document (the public one and the full one) would name the request's scheme and host as its server.
        services.ConfigureAll<OpenApiOptions>(o => o.AddDocumentTransformer((document, context, _) =>
        {
            var urls = context.ApplicationServices.GetRequiredService<PublicUrls>();
            document.Servers = [new Microsoft.OpenApi.OpenApiServer { Url = urls.Root }];
            return Task.CompletedTask;
        }));
        return services;
    }
}
