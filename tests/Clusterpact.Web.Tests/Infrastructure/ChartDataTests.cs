using Clusterpact.Web.Infrastructure.Charts;

namespace Clusterpact.Web.Tests.Infrastructure;

/// <summary>The one shape of chart figures that charts.js reads.</summary>
public sealed class ChartDataTests
{
    [Fact]
    public void A_chart_over_years_writes_its_kind_unit_labels_and_series_for_the_script()
    {
        var chart = ChartData.ByYear("kpi", "Extra VTE", ChartKind.Line, ChartUnit.Percent, [2024, 2025],
            new ChartSeries("Actual", [0.25m, null]), new ChartSeries("Target", [0.3m, 0.35m], Dashed: true));

        using var json = JsonDocument.Parse(chart.ToJson());
        var root = json.RootElement;
        Assert.Equal("line", root.GetProperty("kind").GetString());
        Assert.Equal("percent", root.GetProperty("unit").GetString());
        Assert.Equal(["2024", "2025"], root.GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
        var actual = root.GetProperty("series")[0];
        Assert.Equal("Actual", actual.GetProperty("name").GetString());
        Assert.Equal(0.25m, actual.GetProperty("values")[0].GetDecimal());
        Assert.Equal(JsonValueKind.Null, actual.GetProperty("values")[1].ValueKind);
        Assert.False(actual.GetProperty("dashed").GetBoolean());
        Assert.True(root.GetProperty("series")[1].GetProperty("dashed").GetBoolean());
        Assert.Equal(("kpi-chart", "kpi-data"), (chart.CanvasId, chart.DataId));
    }

    [Fact]
    public void A_label_cannot_close_the_script_element_it_is_written_in()
    {
        var chart = new ChartData("q1", "Vraag 1", ChartKind.HorizontalBar, ChartUnit.Count, ["</script><b>ja</b>"], [ChartSeries.Of("Aantal", new[] { 3 }, n => n)]);

        var text = chart.ToJson();
        Assert.DoesNotContain("<", text, StringComparison.Ordinal);
        Assert.Equal("</script><b>ja</b>", JsonDocument.Parse(text).RootElement.GetProperty("labels")[0].GetString());
        Assert.Equal("horizontalBar", JsonDocument.Parse(text).RootElement.GetProperty("kind").GetString());
    }
}
