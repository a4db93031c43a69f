namespace Clusterpact.Domain.Tests.Common;

public sealed class BrusselsClockTests
{
    /// <summary>A clock stopped at one instant, on a server whose own zone is whatever the test says.</summary>
    private sealed class StoppedClock(DateTimeOffset utc, string serverZone) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => utc;
        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.FindSystemTimeZoneById(serverZone);
    }

    [Theory]
    [InlineData("UTC")]
    [InlineData("America/New_York")]
    [InlineData("Pacific/Kiritimati")]
    public void At_23_30_UTC_on_31_December_it_is_already_1_January_in_Brussels_whatever_the_server_zone(string serverZone)
    {
        var clock = new StoppedClock(new DateTimeOffset(2026, 12, 31, 23, 30, 0, TimeSpan.Zero), serverZone);

        Assert.Equal(new DateOnly(2027, 1, 1), clock.TodayInBrussels());
        Assert.Equal(new DateTimeOffset(2027, 1, 1, 0, 30, 0, TimeSpan.FromHours(1)), clock.NowInBrussels());
    }

    [Fact]
    public void In_summer_Brussels_is_two_hours_ahead_so_22_30_UTC_is_the_next_day()
    {
        var clock = new StoppedClock(new DateTimeOffset(2026, 6, 30, 22, 30, 0, TimeSpan.Zero), "UTC");

        Assert.Equal(new DateOnly(2026, 7, 1), clock.TodayInBrussels());
        Assert.Equal(TimeSpan.FromHours(2), clock.NowInBrussels().Offset);
    }

    [Fact]
    public void Late_evening_UTC_in_winter_is_still_the_same_day_in_Brussels()
    {
        var clock = new StoppedClock(new DateTimeOffset(2026, 12, 31, 22, 59, 0, TimeSpan.Zero), "Pacific/Kiritimati");

        Assert.Equal(new DateOnly(2026, 12, 31), clock.TodayInBrussels());
    }
}
