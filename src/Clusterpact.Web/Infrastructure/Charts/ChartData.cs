using System.Text.Json;
using System.Text.Json.Serialization;

namespace Clusterpact.Web.Infrastructure.Charts;

/// <summary>How a chart lays out its series: side by side, stacked, as horizontal bars (one per option), or as lines.</summary>
public enum ChartKind { Bar, StackedBar, HorizontalBar, Line }

/// <summary>How the values read on the axis and in the tooltip; a share is a fraction (0.25 reads 25 %).</summary>
public enum ChartUnit { Number, Count, Euro, Percent }

/// <summary>One named row of values, one per label; a missing value (null) leaves a gap. A line over bars, or dashed for a target.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<decimal?> Values, bool AsLine = false, bool Dashed = false)
{
    public static ChartSeries Of<T>(string name, IEnumerable<T> items, Func<T, decimal?> value, bool asLine = false, bool dashed = false) =>
        new(name, [.. items.Select(value)], asLine, dashed);
}

/// <summary>
/// What a chart draws, whatever the page: <c>Features/Shared/_Chart.cshtml</c> writes it as JSON beside its canvas and
/// <c>wwwroot/js/charts.js</c> draws it. The page always shows the same numbers in a table, so the chart is never the
/// only way to read them (WCAG 1.1.1). <paramref name="Id"/> names the canvas (<c>{Id}-chart</c>) and its data (<c>{Id}-data</c>).
/// </summary>
public sealed record ChartData(string Id, string Label, ChartKind Kind, ChartUnit Unit, IReadOnlyList<string> Labels, IReadOnlyList<ChartSeries> Series)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>A chart over calendar years, the usual kind here.</summary>
    public static ChartData ByYear(string id, string label, ChartKind kind, ChartUnit unit, IEnumerable<int> years, params IReadOnlyList<ChartSeries> series) =>
        new(id, label, kind, unit, [.. years.Select(y => y.ToString(CultureInfo.InvariantCulture))], series);

    public string CanvasId => Id + "-chart";
    public string DataId => Id + "-data";

    /// <summary>The figures for the script. The default encoder escapes &lt; and &gt;, so a label cannot close the script element.</summary>
    public string ToJson() => JsonSerializer.Serialize(new
    {
        Kind, Unit, Labels,
        Series = Series.Select(s => new { s.Name, s.Values, Line = s.AsLine, s.Dashed }),
    }, Json);
}
