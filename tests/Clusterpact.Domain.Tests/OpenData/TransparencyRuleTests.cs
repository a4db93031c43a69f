using static Clusterpact.Domain.Tests.OpenData.OpenDataFixtures;

namespace Clusterpact.Domain.Tests.OpenData;

public sealed class TransparencyRuleTests
{
    // GBER art. 9(1)(c): "each individual aid award exceeding EUR 100 000": exactly the threshold is not above it.
    [Theory]
    [InlineData("99999.99", false)]
    [InlineData("100000.00", false)]
    [InlineData("100000.01", true)]
    [InlineData("150000", true)]
    public void Awards_exceeding_EUR_100000_must_be_published(string amount, bool published)
    {
        var aid = decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture);
        var rule = new TransparencyRule();
        Assert.Equal(100_000m, rule.ThresholdEur);
        Assert.Equal(published, rule.MustPublish(aid));
        Assert.Equal(published ? 1 : 0, rule.SelectPublishable([Award(aid)]).Count);
    }

    [Fact]
    public void The_threshold_is_a_parameter()
    {
        var old = new TransparencyRule(500_000m);
        Assert.False(old.MustPublish(500_000m));
        Assert.True(old.MustPublish(500_000.01m));
        Assert.False(old.MustPublish(150_000m));
    }

    [Fact]
    public void The_rule_in_force_on_the_granting_date_decides()
    {
        var rules = TransparencyRuleSet.Default;
        Assert.Null(rules.InForce(new DateOnly(2016, 6, 30)));
        Assert.Equal(500_000m, rules.InForce(new DateOnly(2016, 7, 1))!.ThresholdEur);
        Assert.Equal(500_000m, rules.InForce(new DateOnly(2023, 6, 30))!.ThresholdEur);
        Assert.Equal(100_000m, rules.InForce(new DateOnly(2023, 7, 1))!.ThresholdEur);

        Assert.False(rules.MustPublish(Award(10_000_000m, on: new DateOnly(2016, 6, 30))));
        Assert.True(rules.MustPublish(Award(500_000.01m, on: new DateOnly(2016, 7, 1))));
        Assert.False(rules.MustPublish(Award(200_000m, on: new DateOnly(2023, 6, 30))));
        Assert.True(rules.MustPublish(Award(200_000m, on: new DateOnly(2023, 7, 1))));
    }

    [Fact]
    public void Lines_of_one_granting_act_count_as_one_award_of_their_sum()
    {
        // A support agreement recorded as three agreement years of 40,000 each, all granted by one decision.
        var lines = new[] { Award(40_000m, "agr-7-y2"), Award(40_000m, "agr-7-y1"), Award(40_000m, "agr-7-y3") };
        Assert.All(lines, l => Assert.False(new TransparencyRule().MustPublish(l.AidElementEur)));

        var merged = Assert.Single(TransparencyRule.Aggregate(lines));
        Assert.Equal(120_000m, merged.AidElementEur);
        Assert.Equal("agr-7-y1", merged.Reference);

        var published = Assert.Single(new TransparencyRule().SelectPublishable(lines));
        Assert.Equal(120_000m, published.AidElementEur);
    }

    [Fact]
    public void Awards_on_other_dates_under_other_measures_or_to_other_enterprises_stay_separate()
    {
        var otherDate = new[] { Award(60_000m, "a"), Award(60_000m, "b", on: new DateOnly(2024, 3, 2)) };
        var otherMeasure = new[] { Award(60_000m, "a"), Award(60_000m, "b", measure: "SA.54321") };
        var otherEnterprise = new[] { Award(60_000m, "a"), Award(60_000m, "b", number: Kbo(4_031_708)) };

        foreach (var set in new[] { otherDate, otherMeasure, otherEnterprise })
        {
            Assert.Equal(2, TransparencyRule.Aggregate(set).Count);
            Assert.Empty(new TransparencyRule().SelectPublishable(set));
        }
    }

    [Fact]
    public void A_merged_award_spans_the_planned_dates_of_its_lines()
    {
        var early = Award(60_000m, "a") with { PlannedStart = new DateOnly(2024, 1, 1), PlannedEnd = new DateOnly(2024, 12, 31) };
        var late = Award(60_000m, "b") with { PlannedStart = new DateOnly(2025, 1, 1), PlannedEnd = new DateOnly(2026, 12, 31) };
        var merged = Assert.Single(TransparencyRule.Aggregate([late, early]));
        Assert.Equal((new DateOnly(2024, 1, 1), new DateOnly(2026, 12, 31)), (merged.PlannedStart!.Value, merged.PlannedEnd!.Value));
    }

    [Fact]
    public void A_merged_award_has_the_fields_of_its_smallest_reference_whatever_the_order_and_acts_stay_in_order_of_appearance()
    {
        // Aggregate sums as it goes (one pass, no grouping per act): the result must not depend on the order of the lines.
        var second = Award(30_000m, "p-2", name: "Second") with { PlannedStart = null, PlannedEnd = new DateOnly(2025, 6, 30) };
        var first = Award(30_000m, "p-1", name: "First") with { PlannedStart = new DateOnly(2024, 2, 1), PlannedEnd = null };
        var third = Award(30_000m, "p-3", name: "Third") with { PlannedStart = new DateOnly(2024, 1, 1), PlannedEnd = new DateOnly(2024, 12, 31) };
        var other = Award(50_000m, "q", number: Kbo(4_031_708));

        var acts = TransparencyRule.Aggregate([second, other, first, third]);

        Assert.Equal(["p-1", "q"], acts.Select(a => a.Reference));
        Assert.Equal(("First", 90_000m, new DateOnly(2024, 1, 1), new DateOnly(2025, 6, 30)),
            (acts[0].BeneficiaryName, acts[0].AidElementEur, acts[0].PlannedStart!.Value, acts[0].PlannedEnd!.Value));
        Assert.Same(other, acts[1]);
    }

    [Fact]
    public void Granting_acts_summed_as_the_lines_stream_in_equal_the_aggregation_of_the_list_and_make_awards_only_for_the_acts_kept()
    {
        // Hand-worked: Catalisti's act of 2024-03-01 under SA.12345 has three lines (60,000 + 30,000 + 20,000 = 110,000, the
        // fields of "p-1", planned 2024-01-01 to 2026-12-31); its act under SA.54321 one line of 90,000; another enterprise's
        // act one line of 150,000; a line of 2024-03-02 is an act of its own (40,000). Above EUR 100,000: the first and the third.
        var lines = new[]
        {
            Award(60_000m, "p-2", name: "Second") with { PlannedEnd = new DateOnly(2025, 6, 30) },
            Award(90_000m, "q", measure: "SA.54321"),
            Award(30_000m, "p-1", name: "First"),
            Award(150_000m, "r", number: Kbo(4_031_708)),
            Award(20_000m, "p-3", name: "Third") with { PlannedStart = new DateOnly(2023, 6, 1) },
            Award(40_000m, "s", on: new DateOnly(2024, 3, 2)),
        };
        // The source of a line is its reference: the award is made again from it, as a computation that does not hold the lines does.
        var byReference = lines.ToDictionary(l => l.Reference);
        var made = new List<string>();
        var acts = new GrantingActs<string>(reference => { made.Add(reference); return byReference[reference]; });
        foreach (var line in lines)
            acts.Add(line, line.Reference);

        Assert.Equal(4, acts.Count);
        var all = acts.Awards().ToList();
        Assert.Equal(TransparencyRule.Aggregate(lines), all);
        Assert.Equal(["p-1", "q", "r", "s"], all.Select(a => a.Reference));
        Assert.Equal(("First", 110_000m, new DateOnly(2023, 6, 1), new DateOnly(2026, 12, 31)),
            (all[0].BeneficiaryName, all[0].AidElementEur, all[0].PlannedStart!.Value, all[0].PlannedEnd!.Value));

        made.Clear();
        var rules = TransparencyRuleSet.Default;
        var kept = acts.Awards(rules.MustPublish).ToList();
        Assert.Equal(rules.SelectPublishable(lines), rules.SelectAggregated(kept));
        Assert.Equal(["p-1", "r"], kept.Select(a => a.Reference));
        Assert.Equal(["p-1", "r"], made);
    }

    [Fact]
    public void The_listing_runs_by_granting_date_then_beneficiary()
    {
        var awards = new[]
        {
            Award(200_000m, "c", on: new DateOnly(2024, 5, 1), name: "VIL vzw", number: Kbo(4_031_708)),
            Award(200_000m, "b", on: new DateOnly(2024, 5, 1), name: "Flux50 vzw", number: Kbo(4_031_709)),
            Award(200_000m, "a", on: new DateOnly(2024, 1, 1)),
        };
        Assert.Equal(["a", "b", "c"], new TransparencyRule().SelectPublishable(awards).Select(a => a.Reference));
    }

    [Theory]
    [InlineData("2024-03-01", "2024-09-01")]
    [InlineData("2024-08-31", "2025-02-28")]
    public void Publication_is_due_six_months_after_granting(string granted, string due)
    {
        var award = Award(on: DateOnly.Parse(granted, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), TransparencyRule.PublishBy(award));
    }
}
