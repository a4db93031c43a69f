namespace Clusterpact.Web.Infrastructure.Localization;

/// <summary>
/// The two UI languages. Dutch is the default. Both use the Belgian formats for amounts (EUR, "1.234,56") and
/// the Dutch date is written dd-MM-yyyy, as Flemish civil servants write it.
/// </summary>
public static class Cultures
{
    public const string DutchName = "nl-BE";
    public const string EnglishName = "en-BE";

    public static readonly CultureInfo Dutch = Create(DutchName, "dd-MM-yyyy");
    public static readonly CultureInfo English = Create(EnglishName, "dd/MM/yyyy");

    public static readonly IList<CultureInfo> Supported = [Dutch, English];

    /// <summary>Is this request in English? Texts that exist in both languages (KPI names, survey questions) pick by it.</summary>
    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public static CultureInfo Resolve(string? name) =>
        Supported.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase)
            || string.Equals(c.TwoLetterISOLanguageName, name, StringComparison.OrdinalIgnoreCase)) ?? Dutch;

    private static CultureInfo Create(string name, string shortDate)
    {
        var c = new CultureInfo(name);
        c.DateTimeFormat.ShortDatePattern = shortDate;
        // Belgian amounts in both languages: a dot groups thousands, a comma marks the cents.
        c.NumberFormat.NumberDecimalSeparator = ",";
        c.NumberFormat.NumberGroupSeparator = ".";
        c.NumberFormat.CurrencyDecimalSeparator = ",";
        c.NumberFormat.CurrencyGroupSeparator = ".";
        c.NumberFormat.CurrencySymbol = "€";
        c.NumberFormat.CurrencyPositivePattern = 2; // "€ 1.234,56"
        c.NumberFormat.CurrencyNegativePattern = 12; // "€ -1.234,56"
        c.NumberFormat.PercentDecimalSeparator = ",";
        c.NumberFormat.PercentGroupSeparator = ".";
        return CultureInfo.ReadOnly(c);
    }
}
