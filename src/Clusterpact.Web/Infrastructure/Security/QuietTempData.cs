using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;

namespace Clusterpact.Web.Infrastructure.Security;

/// <summary>
/// The cookie TempData provider, without the "delete the TempData cookie" header on every response: the layout reads
/// TempData (the flash message) on every page, and the framework's provider then deletes the cookie even when the request
/// had none (dotnet/aspnetcore#46189). A Set-Cookie on every response is bytes on every request and makes every page
/// uncacheable for a proxy. The cookie is still written when there is something to keep, and deleted when the request
/// brought one that has been read.
/// </summary>
public sealed class QuietTempDataProvider(CookieTempDataProvider cookies, IOptions<CookieTempDataProviderOptions> options) : ITempDataProvider
{
    public IDictionary<string, object> LoadTempData(HttpContext context) => cookies.LoadTempData(context);

    public void SaveTempData(HttpContext context, IDictionary<string, object> values)
    {
        if (values.Count == 0 && !context.Request.Cookies.ContainsKey(options.Value.Cookie.Name ?? CookieTempDataProvider.CookieName)) return;
        cookies.SaveTempData(context, values);
    }
}

public static class QuietTempDataServices
{
    /// <summary>Replaces MVC's <see cref="ITempDataProvider"/> (call after AddRazorPages).</summary>
    public static IServiceCollection AddQuietTempData(this IServiceCollection services)
    {
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<CookieTempDataProvider>(sp));
        services.AddSingleton<ITempDataProvider, QuietTempDataProvider>();
        return services;
    }
}
