namespace Clusterpact.Domain.Members;

/// <summary>Size data of one financial year: annual work units (AWU/VTE) and euro amounts.</summary>
public sealed record SizeFigures(int Year, decimal? Headcount, decimal? TurnoverEur, decimal? BalanceSheetEur);

/// <summary>
/// The class and why: <see cref="Reason"/> is a message key, the figures and the ceilings used let the UI
/// write it out ("49 AWU &lt; 50 and balance sheet 9.500.000 &lt;= 10.000.000, although turnover 12.000.000 &gt; 10.000.000").
/// </summary>
public sealed record SmeClassification(SizeClass? Class, string Reason, decimal? Headcount, decimal? TurnoverEur, decimal? BalanceSheetEur,
    int? HeadcountCeiling, decimal? TurnoverCeiling, decimal? BalanceSheetCeiling)
{
    public bool IsSme => Class is SizeClass.Micro or SizeClass.Small or SizeClass.Medium;
}

/// <summary>
/// SME definition of Recommendation 2003/361/EC, Annex art. 2: fewer than 250 AWU and turnover at most EUR 50
/// million or balance-sheet total at most EUR 43 million (medium); fewer than 50 and 10/10 million (small);
/// fewer than 10 and 2/2 million (micro). The headcount ceiling is strict, the financial ceilings are "not
/// exceeding", and one of the two financial ceilings is enough.
/// </summary>
public static class SmeClassifier
{
    private sealed record Ceiling(SizeClass Class, int Headcount, decimal Turnover, decimal BalanceSheet);

    private static readonly Ceiling[] Ceilings =
    [
        new(SizeClass.Micro, 10, 2_000_000m, 2_000_000m),
        new(SizeClass.Small, 50, 10_000_000m, 10_000_000m),
        new(SizeClass.Medium, 250, 50_000_000m, 43_000_000m),
    ];

    public static SmeClassification Classify(decimal? headcount, decimal? turnoverEur, decimal? balanceSheetEur)
    {
        if (headcount is null) return new(null, "Sme.UnknownHeadcount", headcount, turnoverEur, balanceSheetEur, null, null, null);
        if (turnoverEur is null && balanceSheetEur is null) return new(null, "Sme.UnknownFinancials", headcount, turnoverEur, balanceSheetEur, null, null, null);
        if (headcount < 0 || turnoverEur < 0 || balanceSheetEur < 0) return new(null, "Sme.NegativeFigure", headcount, turnoverEur, balanceSheetEur, null, null, null);

        foreach (var c in Ceilings)
        {
            if (headcount >= c.Headcount) continue;
            var turnoverOk = turnoverEur is { } t && t <= c.Turnover;
            var balanceOk = balanceSheetEur is { } b && b <= c.BalanceSheet;
            if (turnoverOk || balanceOk)
            {
                var reason = turnoverOk && balanceOk ? "Sme.WithinBoth" : turnoverOk ? "Sme.WithinTurnover" : "Sme.WithinBalanceSheet";
                return new(c.Class, reason, headcount, turnoverEur, balanceSheetEur, c.Headcount, c.Turnover, c.BalanceSheet);
            }
        }
        var medium = Ceilings[^1];
        var why = headcount >= medium.Headcount ? "Sme.HeadcountTooHigh" : "Sme.FinancialsTooHigh";
        return new(SizeClass.Large, why, headcount, turnoverEur, balanceSheetEur, medium.Headcount, medium.Turnover, medium.BalanceSheet);
    }

    /// <summary>
    /// Art. 4(2): an enterprise gains or loses a class only when it crosses the ceilings in two consecutive
    /// financial years. The first year with figures gives the starting class. Years are taken in order; a gap in
    /// the years breaks the sequence (the next year counts as a first crossing).
    /// </summary>
    public static IReadOnlyList<(int Year, SizeClass? Class, SmeClassification ByFiguresOfTheYear)> ClassifyOverYears(IEnumerable<SizeFigures> byYear)
    {
        var result = new List<(int, SizeClass?, SmeClassification)>();
        SizeClass? current = null;
        SizeClass? pending = null;
        int? previousYear = null;
        foreach (var f in byYear.OrderBy(f => f.Year))
        {
            var raw = Classify(f.Headcount, f.TurnoverEur, f.BalanceSheetEur);
            if (raw.Class is null) { result.Add((f.Year, current, raw)); previousYear = f.Year; pending = null; continue; }
            if (current is null) current = raw.Class;
            else if (raw.Class == current) pending = null;
            else if (pending == raw.Class && previousYear == f.Year - 1) { current = raw.Class; pending = null; }
            else pending = raw.Class;
            previousYear = f.Year;
            result.Add((f.Year, current, raw));
        }
        return result;
    }
}
