using Microsoft.AspNetCore.Localization;

namespace Clusterpact.Web.Infrastructure.Localization;

/// <summary>
/// The language of an API answer (its problem details' reasons) from the client's <c>Accept-Language</c>, by language
/// (<c>en</c>, <c>en-GB</c> and <c>en-BE</c> all answer in English), most preferred first. Pages ignore the header:
/// a person's language is Dutch until they switch it (the cookie), whatever their browser says.
/// </summary>
public sealed class ApiAcceptLanguageProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        if (!httpContext.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)) return NullProviderCultureResult;
        foreach (var language in httpContext.Request.GetTypedHeaders().AcceptLanguage.OrderByDescending(l => l.Quality ?? 1))
        {
            var name = language.Value.Value ?? "";
            var twoLetters = name.Split('-')[0];
            if (Cultures.Supported.FirstOrDefault(c => string.Equals(c.TwoLetterISOLanguageName, twoLetters, StringComparison.OrdinalIgnoreCase)) is { } culture)
                return Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(culture.Name));
        }
        return NullProviderCultureResult;
    }
}
