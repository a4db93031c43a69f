namespace Clusterpact.Domain.Tests.Members;

public sealed class SmeClassifierTests
{
    private const decimal M = 1_000_000m;

    [Theory]
    // headcount edges: fewer than 10 / 50 / 250 (strict)
    [InlineData(9, 1, 1, SizeClass.Micro)]
    [InlineData(10, 1, 1, SizeClass.Small)]
    [InlineData(49, 1, 1, SizeClass.Small)]
    [InlineData(50, 1, 1, SizeClass.Medium)]
    [InlineData(249, 1, 1, SizeClass.Medium)]
    [InlineData(250, 1, 1, SizeClass.Large)]
    // financial edges: "not exceeding" (inclusive)
    [InlineData(5, 2, 3, SizeClass.Micro)]
    [InlineData(5, 2.000001, 2.000001, SizeClass.Small)]
    [InlineData(20, 10, 11, SizeClass.Small)]
    [InlineData(20, 10.000001, 10.000001, SizeClass.Medium)]
    [InlineData(100, 50, 60, SizeClass.Medium)]
    [InlineData(100, 60, 43, SizeClass.Medium)]
    [InlineData(100, 50.000001, 43.000001, SizeClass.Large)]
    public void Classes_at_every_ceiling(decimal headcount, decimal turnoverM, decimal balanceM, SizeClass expected) =>
        Assert.Equal(expected, SmeClassifier.Classify(headcount, turnoverM * M, balanceM * M).Class);

    [Fact]
    public void Turnover_or_balance_sheet_is_enough_either_way()
    {
        var byBalance = SmeClassifier.Classify(49, 12 * M, 9.5m * M);
        Assert.Equal(SizeClass.Small, byBalance.Class);
        Assert.Equal("Sme.WithinBalanceSheet", byBalance.Reason);
        var byTurnover = SmeClassifier.Classify(49, 9.5m * M, 12 * M);
        Assert.Equal(SizeClass.Small, byTurnover.Class);
        Assert.Equal("Sme.WithinTurnover", byTurnover.Reason);
        Assert.Equal(10 * M, byTurnover.TurnoverCeiling);
        Assert.Equal(50, byTurnover.HeadcountCeiling);
        // A medium enterprise by balance sheet only (turnover above 50 million).
        Assert.Equal(SizeClass.Medium, SmeClassifier.Classify(200, 80 * M, 40 * M).Class);
    }

    [Fact]
    public void Headcount_alone_makes_a_large_enterprise()
    {
        var c = SmeClassifier.Classify(300, 1 * M, 1 * M);
        Assert.Equal(SizeClass.Large, c.Class);
        Assert.Equal("Sme.HeadcountTooHigh", c.Reason);
        Assert.False(c.IsSme);
        Assert.Equal("Sme.FinancialsTooHigh", SmeClassifier.Classify(100, 60 * M, 50 * M).Reason);
    }

    [Fact]
    public void One_known_financial_figure_is_used_missing_ones_make_the_class_unknown()
    {
        Assert.Equal(SizeClass.Micro, SmeClassifier.Classify(3, null, 1 * M).Class);
        Assert.Equal(SizeClass.Small, SmeClassifier.Classify(3, null, 3 * M).Class);
        Assert.Equal("Sme.UnknownFinancials", SmeClassifier.Classify(3, null, null).Reason);
        Assert.Null(SmeClassifier.Classify(null, 1, 1).Class);
        Assert.Equal("Sme.NegativeFigure", SmeClassifier.Classify(3, -1, null).Reason);
    }

    [Fact]
    public void A_class_changes_only_after_two_consecutive_years_across_the_ceiling()
    {
        var years = SmeClassifier.ClassifyOverYears(
        [
            new(2020, 40, 8 * M, 8 * M),   // small
            new(2021, 60, 8 * M, 8 * M),   // medium by figures, first year across: stays small
            new(2022, 45, 8 * M, 8 * M),   // back to small: nothing changed
            new(2023, 60, 8 * M, 8 * M),   // across again (first year)
            new(2024, 70, 8 * M, 8 * M),   // second consecutive year: now medium
        ]);
        Assert.Equal([SizeClass.Small, SizeClass.Small, SizeClass.Small, SizeClass.Small, SizeClass.Medium], years.Select(y => y.Class));
        Assert.Equal(SizeClass.Medium, years[1].ByFiguresOfTheYear.Class);
    }

    [Fact]
    public void A_gap_in_the_years_breaks_the_two_year_sequence()
    {
        var years = SmeClassifier.ClassifyOverYears(
        [
            new(2019, 5, 1 * M, 1 * M),   // micro
            new(2020, 20, 1 * M, 1 * M),  // small by figures, first year
            new(2022, 20, 1 * M, 1 * M),  // small again but 2021 is missing: still a first crossing
            new(2023, 20, 1 * M, 1 * M),  // second consecutive: small
        ]);
        Assert.Equal([SizeClass.Micro, SizeClass.Micro, SizeClass.Micro, SizeClass.Small], years.Select(y => y.Class));
    }
}
