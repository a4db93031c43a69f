namespace Clusterpact.Web.Features.Budget;

/// <summary>A row of an exported table: what it is, and one amount per column.</summary>
public sealed record BudgetExportRow(string Line, string Part, IReadOnlyList<decimal> Amounts);

/// <summary>
/// The projection and the comparison as flat tables for Excel and CSV: amounts as numbers (so they can be summed), one
/// column per calendar year and one for the period.
/// </summary>
public static class BudgetExport
{
    /// <summary>The parts of the money a cluster receives, in the order the tables show them.</summary>
    public static readonly (string Key, Func<BudgetFigures, decimal> Amount)[] Parts =
    [
        ("Budget.OperatingAid", f => f.OperatingAid),
        ("Budget.FollowOnFunding", f => f.FollowOnFunding),
        ("Budget.Earmarked", f => f.Earmarked),
    ];

    /// <summary>Per cluster its three parts, each programme line, then the totals per part, of the programme lines and of everything.</summary>
    public static IReadOnlyList<BudgetExportRow> ProjectionRows(ScenarioProjection p, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(text);
        var rows = new List<BudgetExportRow>();
        foreach (var c in p.Clusters)
            rows.AddRange(Parts.Select(part => new BudgetExportRow(c.Name, text[part.Key], [.. c.Years.Select(y => part.Amount(y.Figures)), part.Amount(c.Total)])));
        foreach (var l in p.ProgrammeLines)
            rows.Add(new BudgetExportRow(l.Label, text["ProgrammeLineKind." + l.Kind], [.. l.Years.Select(y => y.Amount), l.Total]));
        var total = text["Budget.Total"].Value;
        rows.AddRange(Parts.Select(part => new BudgetExportRow(total, text[part.Key], [.. p.YearTotals.Select(y => part.Amount(y.Figures)), part.Amount(p.Total)])));
        rows.Add(new BudgetExportRow(total, text["Budget.ProgrammeLinesTotal"], [.. p.YearTotals.Select(y => y.Figures.ProgrammeLines), p.Total.ProgrammeLines]));
        rows.Add(new BudgetExportRow(total, text["Budget.Everything"], [.. p.YearTotals.Select(y => y.Figures.Total), p.Total.Total]));
        return rows;
    }

    /// <summary>Per scenario its total and its difference to the baseline (the first), per year and over the period.</summary>
    public static IReadOnlyList<BudgetExportRow> ComparisonRows(ScenarioComparison c, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(text);
        var rows = new List<BudgetExportRow>();
        for (var i = 0; i < c.Projections.Count; i++)
        {
            var index = i;
            rows.Add(new BudgetExportRow(c.Projections[i].Name, text["Budget.Total"], [.. c.Years.Select(y => y.Cells[index].Figures.Total), c.Period.Cells[index].Figures.Total]));
            if (i > 0)
                rows.Add(new BudgetExportRow(c.Projections[i].Name, text["Budget.DifferenceToBaseline"],
                    [.. c.Years.Select(y => y.Cells[index].DifferenceToBaseline.Total), c.Period.Cells[index].DifferenceToBaseline.Total]));
        }
        return rows;
    }

    /// <summary>The columns: line, part, one per year, the period.</summary>
    public static IReadOnlyList<ExportColumn<BudgetExportRow>> Columns(IReadOnlyList<int> years, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(years);
        ArgumentNullException.ThrowIfNull(text);
        var columns = new List<ExportColumn<BudgetExportRow>> { new(text["Budget.Line"], r => r.Line), new(text["Budget.Part"], r => r.Part) };
        for (var i = 0; i < years.Count; i++)
        {
            var index = i;
            columns.Add(new(years[i].ToString(CultureInfo.InvariantCulture), r => r.Amounts[index]));
        }
        columns.Add(new(text["Budget.PeriodTotal", years[0], years[^1]], r => r.Amounts[^1]));
        return columns;
    }
}
