namespace Clusterpact.Web.Infrastructure.Formatting;

/// <summary>How dates, amounts and shares are written in the UI, in the request's culture.</summary>
public static class Format
{
    public static string Date(DateOnly? date) => date?.ToString("d", CultureInfo.CurrentCulture) ?? "–";

    public static string DateTime(DateTimeOffset? instant) =>
        instant is { } i ? TimeZoneInfo.ConvertTime(i, Brussels).ToString("g", CultureInfo.CurrentCulture) : "–";

    /// <summary>An amount in euro, Belgian format: "€ 1.234,56".</summary>
    public static string Money(decimal? amount) => amount?.ToString("C2", CultureInfo.CurrentCulture) ?? "–";

    public static string Number(decimal? value, int decimals = 0) => value?.ToString("N" + decimals, CultureInfo.CurrentCulture) ?? "–";

    public static string Percent(decimal? share, int decimals = 0) => share?.ToString("P" + decimals, CultureInfo.CurrentCulture) ?? "–";

    /// <summary>A KPI value as people read it: shares as percentages, money in euro, FTE with one decimal, counts whole.</summary>
    public static string Kpi(Domain.Kpis.KpiDefinition kpi, decimal? value) => value is null ? "–" : kpi.Unit switch
    {
        Domain.Kpis.KpiUnit.Share => Percent(value, 1),
        Domain.Kpis.KpiUnit.Euro => Money(value),
        Domain.Kpis.KpiUnit.Fte => Number(value, 1),
        _ => Number(value),
    };

    /// <summary>
    /// The width of a progress bar as a class of site.css (w-pct-0 … w-pct-100): the Content-Security-Policy allows no
    /// style attributes, so a bar's width is a class. Shares over 100% draw a full bar; the number beside it says how much.
    /// </summary>
    public static string BarWidth(int percent) => "w-pct-" + Math.Clamp(percent, 0, 100).ToString(CultureInfo.InvariantCulture);

    /// <summary>A Belgian enterprise number as people write it: 0403.170.701.</summary>
    public static string EnterpriseNumber(string? digits) =>
        digits is { Length: 10 } n ? $"{n[..4]}.{n[4..7]}.{n[7..]}" : "–";

    /// <summary>Calls and deadlines are in Brussels time whatever the server's zone.</summary>
    public static readonly TimeZoneInfo Brussels = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");

    /// <summary>The instant a day starts in Brussels (midnight local time), in UTC.</summary>
    public static DateTimeOffset StartOfDay(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, Brussels.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>The last instant of a day in Brussels, in UTC: "by the end of that day".</summary>
    public static DateTimeOffset EndOfDay(DateOnly day) => StartOfDay(day.AddDays(1)).AddTicks(-1);
}
