namespace Clusterpact.Domain.Tests.Common;

/// <summary>
/// Issue 20: one stored number took pages down for everyone. Every value has a range, checked where the rule lives:
/// the edges are accepted, one step past them is refused with the range's reason and the field it is about.
/// </summary>
public sealed class DomainRangeTests
{
    private const decimal Max = 10_000_000_000m;
    private const decimal DecimalMax = 79228162514264337593543950335m;

    [Theory]
    [InlineData("0", true)]
    [InlineData("0.01", true)]
    [InlineData("10000000000", true)]
    [InlineData("10000000000.00", true)]
    [InlineData("10000000000.01", false)]
    [InlineData("-0.01", false)]
    [InlineData("0.001", false)]
    [InlineData("1.50", true)]
    [InlineData("79228162514264337593543950335", false)]
    public void An_amount_is_0_to_EUR_10_billion_in_cents(string value, bool accepted)
    {
        var error = DomainRange.Amount(decimal.Parse(value, CultureInfo.InvariantCulture), "amount");
        Assert.Equal(accepted, error is null);
        if (!accepted) Assert.Equal(new DomainError("Range.Amount", null, "amount"), error);
    }

    [Fact]
    public void A_signed_amount_may_be_negative_to_the_same_limit()
    {
        Assert.Null(DomainRange.SignedAmount(-Max, "x"));
        Assert.Null(DomainRange.SignedAmount(Max, "x"));
        Assert.Equal("Range.SignedAmount", DomainRange.SignedAmount(-Max - 0.01m, "x")!.Code);
        Assert.Equal("Range.SignedAmount", DomainRange.SignedAmount(0.005m, "x")!.Code);
        Assert.Null(DomainRange.SignedAmount(null, "x"));
    }

    [Theory]
    [InlineData(1999, false)]
    [InlineData(2000, true)]
    [InlineData(2100, true)]
    [InlineData(2101, false)]
    [InlineData(-1, false)]
    [InlineData(int.MaxValue, false)]
    [InlineData(int.MinValue, false)]
    public void A_year_is_2000_to_2100(int year, bool accepted)
    {
        Assert.Equal(accepted, DomainRange.Year(year, "year") is null);
        if (!accepted) Assert.Equal("Range.Year", DomainRange.Year(year, "year")!.Code);
    }

    [Fact]
    public void A_date_is_1_January_2000_to_31_December_2100()
    {
        Assert.Null(DomainRange.Date(new DateOnly(2000, 1, 1), "d"));
        Assert.Null(DomainRange.Date(new DateOnly(2100, 12, 31), "d"));
        Assert.Equal("Range.Date", DomainRange.Date(new DateOnly(1999, 12, 31), "d")!.Code);
        Assert.Equal("Range.Date", DomainRange.Date(new DateOnly(2101, 1, 1), "d")!.Code);
        Assert.Equal("Range.Date", DomainRange.Date(DateOnly.MaxValue, "d")!.Code);
        Assert.Equal("Range.Date", DomainRange.Date(DateOnly.MinValue, "d")!.Code);
        Assert.Null(DomainRange.Date((DateOnly?)null, "d"));
    }

    [Fact]
    public void Counts_figures_percentages_and_texts_have_their_own_edges()
    {
        Assert.Null(DomainRange.Count(10_000_000m, "c"));
        Assert.Null(DomainRange.Count(0.5m, "c"));
        Assert.Equal("Range.Count", DomainRange.Count(10_000_000.01m, "c")!.Code);
        Assert.Equal("Range.Count", DomainRange.Count(-1m, "c")!.Code);
        Assert.Null(DomainRange.WholeCount(10_000_000, "c"));
        Assert.Equal("Range.Count", DomainRange.WholeCount(10_000_001, "c")!.Code);
        Assert.Null(DomainRange.Figure(-Max, "f"));
        Assert.Null(DomainRange.Figure(0.0001m, "f"));
        Assert.Equal("Range.Figure", DomainRange.Figure(0.00001m, "f")!.Code);
        Assert.Equal("Range.Figure", DomainRange.Figure(DecimalMax, "f")!.Code);
        Assert.Null(DomainRange.Percentage(100m, "p"));
        Assert.Equal("Range.Percentage", DomainRange.Percentage(100.01m, "p")!.Code);
        Assert.Null(DomainRange.Text(new string('a', 10) + "  ", 10, "t"));
        Assert.Equal("Range.TextTooLong", DomainRange.Text(new string('a', 11), 10, "t")!.Code);
    }

    [Fact]
    public void Every_range_fits_what_the_databases_store_and_read_back()
    {
        // SQLite keeps money as REAL (decision 0002): 15 significant digits. The largest amount in cents has 12.
        var cents = Max - 0.01m;
        Assert.Equal(cents, (decimal)(double)cents);
        // PostgreSQL's narrowest money column is numeric(14,2): 12 digits before the point.
        Assert.True(Max < 1_000_000_000_000m);
        // A KPI figure with four decimals fits numeric(18,4).
        Assert.True(DomainRange.MaxFigure < 100_000_000_000_000m);
        // A headcount fits numeric(10,2).
        Assert.True(DomainRange.MaxCount < 100_000_000m);
    }

    private static readonly FundingRuleSet Rules = FundingRuleSet.Default;

    private static SupportAgreement Agreement(DateOnly start, DateOnly end) =>
        SupportAgreement.Create(Guid.CreateVersion7(), ClusterType.SpearheadCluster, start, end, "HF-1", start, Rules).Value!;

    [Fact]
    public void A_cofinancing_payment_and_an_aid_payment_refuse_the_decimal_maximum_and_take_EUR_10_billion()
    {
        var agreement = Agreement(new DateOnly(2024, 1, 15), new DateOnly(2027, 1, 14));
        var year = AgreementYear.Plan(agreement, [], new DateOnly(2024, 1, 15), 500_000m, 500_000m, 1_000_000m, 0, 0, 0, Rules).Value!;
        Assert.Equal(new DomainError("Range.Amount", null, "amount"), year.RecordCofinancing(new DateOnly(2024, 2, 1), DecimalMax, null).Error);
        Assert.Equal("Range.Amount", year.RecordCofinancing(new DateOnly(2024, 2, 1), Max + 0.01m, null).Error!.Code);
        Assert.Equal("Range.Amount", year.RecordCofinancing(new DateOnly(2024, 2, 1), 1.005m, null).Error!.Code);
        Assert.Equal(new DomainError("Range.Date", null, "paidOn"), year.RecordCofinancing(new DateOnly(9999, 12, 31), 1, null).Error);
        Assert.Empty(year.CofinancingPayments);
        Assert.True(year.RecordCofinancing(new DateOnly(2100, 12, 31), Max, null).IsSuccess);
        Assert.Equal("Range.Amount", year.RequestPayment(DecimalMax, [], Guid.CreateVersion7(), new DateOnly(2024, 2, 1)).Error!.Code);
    }

    [Fact]
    public void A_working_year_budget_names_the_amount_out_of_range()
    {
        var agreement = Agreement(new DateOnly(2024, 1, 15), new DateOnly(2027, 1, 14));
        var planned = AgreementYear.Plan(agreement, [], new DateOnly(2024, 1, 15), 500_000m, DecimalMax, 1_000_000m, 0, 0, 0, Rules);
        Assert.Equal(new DomainError("Range.Amount", null, "plannedCofinancing"), planned.Error);
        Assert.Equal("training", AgreementYear.Plan(agreement, [], new DateOnly(2024, 1, 15), 500_000m, 500_000m, 1_000_000m, 0, 0, -1, Rules).Error!.Field);
    }

    [Fact]
    public void An_agreement_refuses_dates_past_2100_before_any_date_arithmetic()
    {
        var refused = SupportAgreement.Create(Guid.CreateVersion7(), ClusterType.SpearheadCluster, new DateOnly(9999, 12, 31), new DateOnly(9999, 12, 31), "HF-1",
            new DateOnly(9999, 12, 31), Rules);
        Assert.Equal(new DomainError("Range.Date", null, "start"), refused.Error);
        var agreement = Agreement(new DateOnly(2024, 1, 15), new DateOnly(2027, 1, 14));
        Assert.Equal("Range.Date", agreement.ShortenTo(DateOnly.MinValue, new DateOnly(2025, 1, 1), "stop").Error!.Code);
        Assert.Equal("Range.TextTooLong", agreement.ShortenTo(new DateOnly(2026, 1, 1), new DateOnly(2025, 1, 1), new string('x', 1001)).Error!.Code);
    }

    [Fact]
    public void An_envelope_takes_2000_to_2100_and_up_to_EUR_10_billion()
    {
        var cluster = Guid.CreateVersion7();
        Assert.True(FundEnvelope.Open(EnvelopeKind.ClusterEarmarked, cluster, 2100, Max, null).IsSuccess);
        Assert.True(FundEnvelope.Open(EnvelopeKind.ClusterEarmarked, cluster, 2000, 0.01m, null).IsSuccess);
        Assert.Equal("Range.Amount", FundEnvelope.Open(EnvelopeKind.ClusterEarmarked, cluster, 2026, DecimalMax, null).Error!.Code);
        Assert.Equal("Envelope.YearRange", FundEnvelope.Open(EnvelopeKind.ClusterEarmarked, cluster, int.MaxValue, 1, null).Error!.Code);
        Assert.Equal("Envelope.YearRange", FundEnvelope.Open(EnvelopeKind.ClusterEarmarked, cluster, -1, 1, null).Error!.Code);
        var envelope = FundEnvelope.Open(EnvelopeKind.ClusterEarmarked, cluster, 2026, 100, null).Value!;
        Assert.Equal("Range.Amount", envelope.Resize(Max + 1, null).Error!.Code);
        Assert.Equal("Range.Amount", envelope.Commit(Guid.CreateVersion7(), 0.001m, new DateOnly(2026, 1, 1)).Error!.Code);
    }

    [Fact]
    public void A_project_application_and_scenario_refuse_amounts_and_years_out_of_range()
    {
        var details = new ProjectDetails(ProjectType.RegularInstrument, "P", null, StrategicTheme.Other, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), 3, 6,
            Max, Max, [Guid.CreateVersion7()]);
        Assert.True(Project.Check(details).IsSuccess);
        Assert.Equal(new DomainError("Range.Amount", null, "TotalBudget"), Project.Check(details with { TotalBudget = DecimalMax }).Error);
        Assert.Equal(new DomainError("Range.Date", null, "End"), Project.Check(details with { End = new DateOnly(9999, 12, 31) }).Error);

        var scenario = ScenarioDefaults.All(2026, 2030, [], 0)[0];
        var line = ProgrammeLine.Flat(ProgrammeLineKind.AdHocAssignments, "Pool", DecimalMax, 2026, 2027);
        Assert.Equal("Range.Amount", SavedBudgetScenario.Check(scenario with { ProgrammeLines = [line] }));
        Assert.Null(SavedBudgetScenario.Check(scenario with { ProgrammeLines = [ProgrammeLine.Flat(ProgrammeLineKind.AdHocAssignments, "Pool", Max, 2026, 2027)] }));
    }

    [Fact]
    public void Kpi_targets_and_reported_values_stop_at_the_figure_maximum()
    {
        var cluster = Guid.CreateVersion7();
        Assert.True(KpiTarget.Set(cluster, KpiCatalogue.Members, 2026, null, Max, "o", DateTimeOffset.UnixEpoch).IsSuccess);
        Assert.Equal("Kpi.OutOfRange", KpiTarget.Set(cluster, KpiCatalogue.Members, 2026, null, DecimalMax, "o", DateTimeOffset.UnixEpoch).Error!.Code);
        Assert.Equal("Range.Year", KpiTarget.Set(cluster, KpiCatalogue.Members, int.MaxValue, null, 1, "o", DateTimeOffset.UnixEpoch).Error!.Code);
        var report = AnnualReport.Start(cluster, 2025);
        var code = KpiCatalogue.Reported.First(k => k.Unit != KpiUnit.Share).Code;
        Assert.Equal("Range.Figure", report.SetValue(code, DecimalMax, null, null, null).Error!.Code);
        Assert.Equal("Range.Year", AnnualReport.CheckYear(-1)!.Code);
    }

    [Fact]
    public void Membership_terms_and_size_figures_have_their_ranges()
    {
        Assert.True(Membership.Check(new DateOnly(2000, 1, 1), new DateOnly(2100, 12, 31), Max).IsSuccess);
        Assert.Equal(new DomainError("Range.Amount", null, "YearlyFee"), Membership.Check(new DateOnly(2020, 1, 1), null, DecimalMax).Error);
        Assert.Equal(new DomainError("Range.Date", null, "Until"), Membership.Check(new DateOnly(2020, 1, 1), new DateOnly(9999, 12, 31), null).Error);
        Assert.Equal("Range.Count", Organisation.CheckFigures(2025, 10_000_000.01m, null, null)!.Code);
        Assert.Equal("Range.Year", Organisation.CheckFigures(int.MaxValue, 1, null, null)!.Code);
        var org = new Organisation("A", OrganisationKind.Company, "0123456749", "BE", false);
        Assert.False(org.RecordFigures(2025, null, DecimalMax, null).IsSuccess);
        Assert.Empty(org.Figures);
    }

    [Fact]
    public void A_scale_cannot_wrap_around_and_a_survey_number_stays_in_range()
    {
        Assert.False(new ScoringScale(int.MinValue, int.MaxValue).IsValid);
        Assert.False(new ScoringScale(0, ScoringScale.MaxPoints + 1).IsValid);
        Assert.True(new ScoringScale(0, ScoringScale.MaxPoints).IsValid);
        var survey = Survey.Create("S", 2026).Value!;
        Assert.Equal("Survey.ScaleRange", survey.AddQuestion(QuestionKind.Scale, "Q", null, [], [], int.MinValue, int.MaxValue, false, null).Error!.Code);
        Assert.Equal("Survey.YearRange", Survey.Create("S", int.MaxValue).Error!.Code);
    }
}
