namespace Clusterpact.Domain.Budget;

/// <summary>
/// Part of a yearly amount for the days of a calendar year that fall within a period: amount x days / days in that year
/// (365 or 366), rounded to the cent, halves away from zero. A term ending on 30 June is therefore not exactly half a
/// year: 181/365 in a common year, 182/366 in a leap year.
/// </summary>
public static class ProRata
{
    /// <summary>The days of <paramref name="year"/> from <paramref name="from"/> to <paramref name="to"/>, both included;
    /// an open end (null) runs to the year's edge.</summary>
    public static int DaysIn(int year, DateOnly? from, DateOnly? to)
    {
        var yearStart = new DateOnly(year, 1, 1);
        var yearEnd = new DateOnly(year, 12, 31);
        var start = from is { } f && f > yearStart ? f : yearStart;
        var end = to is { } t && t < yearEnd ? t : yearEnd;
        return end < start ? 0 : end.DayNumber - start.DayNumber + 1;
    }

    public static int DaysInYear(int year) => DateTime.IsLeapYear(year) ? 366 : 365;

    /// <summary>The share of <paramref name="perYear"/> for <paramref name="days"/> days of <paramref name="year"/>.</summary>
    public static decimal Share(decimal perYear, int days, int year)
    {
        if (days <= 0 || perYear == 0) return 0m;
        return Math.Round(perYear * days / DaysInYear(year), 2, MidpointRounding.AwayFromZero);
    }

    /// <summary>The share of <paramref name="perYear"/> for the part of <paramref name="year"/> within the period.</summary>
    public static decimal For(decimal perYear, int year, DateOnly? from, DateOnly? to) => Share(perYear, DaysIn(year, from, to), year);
}
