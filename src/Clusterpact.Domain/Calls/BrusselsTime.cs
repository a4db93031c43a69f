namespace Clusterpact.Domain.Calls;

/// <summary>
/// Calls are announced in Belgian wall-clock time ("closes 15 May at 17:00"), whatever zone the server runs in.
/// A local time is turned into an instant once, with the offset in force on that date (CET +1, CEST +2), so a
/// deadline on a daylight-saving day still closes at the announced minute.
/// </summary>
public static class BrusselsTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");

    /// <summary>
    /// The instant of a Brussels wall-clock time. A time that does not exist (the spring-forward hour, 02:00-02:59
    /// on the last Sunday of March) or that happens twice (the fall-back hour in October) is refused: a deadline
    /// must name one instant, and the agency picks another minute rather than the software guessing.
    /// </summary>
    public static Result<DateTimeOffset> ToInstant(DateTime local)
    {
        var wallClock = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(wallClock)) return Result<DateTimeOffset>.Fail(new DomainError("Call.LocalTimeDoesNotExist"));
        if (Zone.IsAmbiguousTime(wallClock)) return Result<DateTimeOffset>.Fail(new DomainError("Call.LocalTimeAmbiguous"));
        return Result<DateTimeOffset>.Ok(new DateTimeOffset(wallClock, Zone.GetUtcOffset(wallClock)));
    }

    /// <summary>The Brussels wall-clock reading of an instant, for display and for tests that speak local time.</summary>
    public static DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);
}
