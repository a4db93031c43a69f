namespace Clusterpact.Domain.Common;

/// <summary>
/// The ranges every money amount, count, year, date and figure of this policy lies in. They are wide enough for any
/// real value of the programme (its whole yearly budget is about EUR 100 million) and narrow enough that what is stored
/// can always be read back and summed on both databases: SQLite keeps 15 significant digits (decision 0002), the
/// PostgreSQL columns numeric(14,2) and up. A refusal names its field and a message key that states the range.
/// </summary>
public static class DomainRange
{
    /// <summary>EUR 10 billion: a hundred times the programme's yearly budget, far inside every money column.</summary>
    public const decimal MaxAmount = 10_000_000_000m;

    /// <summary>Euros and cents.</summary>
    public const int AmountDecimals = 2;

    public const int FirstYear = 2000;
    public const int LastYear = 2100;
    public static readonly DateOnly FirstDate = new(FirstYear, 1, 1);
    public static readonly DateOnly LastDate = new(LastYear, 12, 31);

    /// <summary>People, members, FTE and headcounts: more than any organisation has (the headcount column holds 10^8).</summary>
    public const decimal MaxCount = 10_000_000m;

    /// <summary>A KPI value, target or survey number: as large as an amount either way, with up to four decimals (numeric(18,4)).</summary>
    public const decimal MaxFigure = MaxAmount;

    public const int FigureDecimals = 4;

    /// <summary>A percentage, 0 to 100, with up to two decimals.</summary>
    public const decimal MaxPercentage = 100m;

    /// <summary>An amount in EUR from 0 to <see cref="MaxAmount"/>, in cents.</summary>
    public static DomainError? Amount(decimal value, string field) =>
        value is < 0 or > MaxAmount || !HasDecimals(value, AmountDecimals) ? new DomainError("Range.Amount", null, field) : null;

    public static DomainError? Amount(decimal? value, string field) => value is { } v ? Amount(v, field) : null;

    /// <summary>An amount that may be negative (a loss, a decrease): from -<see cref="MaxAmount"/> to <see cref="MaxAmount"/>, in cents.</summary>
    public static DomainError? SignedAmount(decimal? value, string field) =>
        value is { } v && (Math.Abs(v) > MaxAmount || !HasDecimals(v, AmountDecimals)) ? new DomainError("Range.SignedAmount", null, field) : null;

    /// <summary>A working or calendar year from <see cref="FirstYear"/> to <see cref="LastYear"/>.</summary>
    public static DomainError? Year(int value, string field) => value is < FirstYear or > LastYear ? new DomainError("Range.Year", null, field) : null;

    public static DomainError? Year(int? value, string field) => value is { } v ? Year(v, field) : null;

    /// <summary>A calendar date from <see cref="FirstDate"/> to <see cref="LastDate"/>.</summary>
    public static DomainError? Date(DateOnly value, string field) => value < FirstDate || value > LastDate ? new DomainError("Range.Date", null, field) : null;

    public static DomainError? Date(DateOnly? value, string field) => value is { } v ? Date(v, field) : null;

    /// <summary>A count of people or FTE: 0 to <see cref="MaxCount"/>, with up to two decimals (part-time staff).</summary>
    public static DomainError? Count(decimal? value, string field) =>
        value is { } v && (v is < 0 or > MaxCount || !HasDecimals(v, 2)) ? new DomainError("Range.Count", null, field) : null;

    /// <summary>A whole count (invitations, numbers, places): 0 to <see cref="MaxCount"/>.</summary>
    public static DomainError? WholeCount(int? value, string field) =>
        value is { } v && v is < 0 or > (int)MaxCount ? new DomainError("Range.Count", null, field) : null;

    /// <summary>A KPI value or target, or a number a survey asks for: -<see cref="MaxFigure"/> to <see cref="MaxFigure"/>, up to four decimals.</summary>
    public static DomainError? Figure(decimal? value, string field) =>
        value is { } v && (Math.Abs(v) > MaxFigure || !HasDecimals(v, FigureDecimals)) ? new DomainError("Range.Figure", null, field) : null;

    /// <summary>A percentage from 0 to 100 with up to two decimals.</summary>
    public static DomainError? Percentage(decimal? value, string field) =>
        value is { } v && (v is < 0 or > MaxPercentage || !HasDecimals(v, 2)) ? new DomainError("Range.Percentage", null, field) : null;

    /// <summary>A text no longer (trimmed) than its column.</summary>
    public static DomainError? Text(string? value, int maxLength, string field) =>
        value is not null && value.Trim().Length > maxLength ? new DomainError("Range.TextTooLong", null, field) : null;

    /// <summary>The first refusal of several checks, or null when all pass.</summary>
    public static DomainError? FirstOf(params DomainError?[] checks) => checks.FirstOrDefault(c => c is not null);

    /// <summary>Whether the value has no more than this many decimals (trailing zeros do not count: 1.50 is 1.5).</summary>
    public static bool HasDecimals(decimal value, int decimals) => decimal.Round(value, decimals) == value;
}
