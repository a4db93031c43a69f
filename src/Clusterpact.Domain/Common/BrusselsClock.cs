namespace Clusterpact.Domain.Common;

/// <summary>
/// The one way to read "now" and "today": the agency works in Belgian time, so a deadline, a reporting year or a
/// member's start date follows the Brussels calendar whatever time zone the server (or a test machine) runs in.
/// Every reading goes through an injected <see cref="TimeProvider"/>, so tests can fix and move time.
/// </summary>
public static class BrusselsClock
{
    /// <summary>The Brussels wall-clock time at this instant, with the offset in force (CET +1, CEST +2).</summary>
    public static DateTimeOffset NowInBrussels(this TimeProvider clock) => BrusselsTime.ToLocal(clock.GetUtcNow());

    /// <summary>The calendar date in Brussels at this instant: 23:30 UTC on 31 December is already 1 January.</summary>
    public static DateOnly TodayInBrussels(this TimeProvider clock) => DateOnly.FromDateTime(clock.NowInBrussels().DateTime);
}
