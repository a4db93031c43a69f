namespace Clusterpact.Domain.Tests.Budget;

public class ProRataTests
{
    [Fact]
    public void A_term_ending_30_June_of_a_common_year_gets_181_of_365_days()
    {
        // 1 Jan - 30 Jun 2026: 31 + 28 + 31 + 30 + 31 + 30 = 181 days of 365.
        // 650,000 x 181 / 365 = 117,650,000 / 365 = 322,328.767... -> 322,328.77 (not 325,000: 365 days cannot be halved).
        Assert.Equal(181, ProRata.DaysIn(2026, null, new DateOnly(2026, 6, 30)));
        Assert.Equal(322_328.77m, ProRata.For(650_000m, 2026, null, new DateOnly(2026, 6, 30)));
    }

    [Fact]
    public void In_a_leap_year_30_June_is_182_of_366_days_and_1_July_is_exactly_half()
    {
        // 1 Jan - 30 Jun 2024: 31 + 29 + 31 + 30 + 31 + 30 = 182 days; 650,000 x 182 / 366 = 323,224.043... -> 323,224.04.
        Assert.Equal(323_224.04m, ProRata.For(650_000m, 2024, null, new DateOnly(2024, 6, 30)));
        // 1 Jan - 1 Jul 2024: 183 of 366 days = exactly one half: 325,000.00.
        Assert.Equal(183, ProRata.DaysIn(2024, null, new DateOnly(2024, 7, 1)));
        Assert.Equal(325_000m, ProRata.For(650_000m, 2024, null, new DateOnly(2024, 7, 1)));
    }

    [Fact]
    public void A_term_starting_1_October_gets_92_days()
    {
        // 1 Oct - 31 Dec 2025: 31 + 30 + 31 = 92 days; 150,000 x 92 / 365 = 13,800,000 / 365 = 37,808.219... -> 37,808.22.
        Assert.Equal(92, ProRata.DaysIn(2025, new DateOnly(2025, 10, 1), null));
        Assert.Equal(37_808.22m, ProRata.For(150_000m, 2025, new DateOnly(2025, 10, 1), null));
    }

    [Fact]
    public void A_whole_year_is_the_yearly_amount_and_a_year_outside_the_period_is_zero()
    {
        Assert.Equal(365, ProRata.DaysIn(2025, null, null));
        Assert.Equal(366, ProRata.DaysIn(2028, new DateOnly(2017, 1, 1), new DateOnly(2030, 12, 31)));
        Assert.Equal(650_000m, ProRata.For(650_000m, 2028, new DateOnly(2017, 1, 1), new DateOnly(2030, 12, 31)));
        Assert.Equal(0m, ProRata.For(650_000m, 2027, null, new DateOnly(2026, 12, 31)));
        Assert.Equal(0m, ProRata.For(650_000m, 2025, new DateOnly(2026, 1, 1), null));
    }

    [Fact]
    public void The_first_and_last_day_both_count()
    {
        Assert.Equal(1, ProRata.DaysIn(2025, new DateOnly(2025, 12, 31), null));
        Assert.Equal(1, ProRata.DaysIn(2025, null, new DateOnly(2025, 1, 1)));
        Assert.Equal(1, ProRata.DaysIn(2025, new DateOnly(2025, 5, 5), new DateOnly(2025, 5, 5)));
        Assert.Equal(0, ProRata.DaysIn(2025, new DateOnly(2025, 5, 6), new DateOnly(2025, 5, 5)));
    }

    [Fact]
    public void Half_a_cent_rounds_away_from_zero()
    {
        // 1.825 x 1 / 365 = 0.005 exactly: away from zero gives 0.01 (banker's rounding would give 0.00).
        Assert.Equal(0.01m, ProRata.Share(1.825m, 1, 2025));
        // 1.095 x 1 / 365 = 0.003 -> 0.00.
        Assert.Equal(0m, ProRata.Share(1.095m, 1, 2025));
    }
}
