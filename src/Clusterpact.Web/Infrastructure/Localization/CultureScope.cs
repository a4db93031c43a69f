namespace Clusterpact.Web.Infrastructure.Localization;

/// <summary>Writes something (an e-mail) in its recipient's language, then restores the request's culture.</summary>
public sealed class CultureScope : IDisposable
{
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _ui = CultureInfo.CurrentUICulture;

    public CultureScope(string? name)
    {
        var c = Cultures.Resolve(name);
        CultureInfo.CurrentCulture = c;
        CultureInfo.CurrentUICulture = c;
    }

    public void Dispose()
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _ui;
    }
}
