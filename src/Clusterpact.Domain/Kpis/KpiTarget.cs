namespace Clusterpact.Domain.Kpis;

/// <summary>A change of a target: the value before and after, why, who and when.</summary>
public sealed class TargetChange
{
    private TargetChange() { Reason = ""; By = ""; }

    internal TargetChange(decimal? from, decimal to, string reason, string by, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        (From, To, Reason, By, At) = (from, to, reason.Trim(), by, at);
    }

    public Guid Id { get; private set; }
    public decimal? From { get; private set; }
    public decimal To { get; private set; }
    public string Reason { get; private set; }
    public string By { get; private set; }
    public DateTimeOffset At { get; private set; }
}

/// <summary>
/// A cluster's target for one KPI in one year, set in its pact, with the baseline it starts from. Changing a target
/// needs a reason; every change is kept.
/// </summary>
public sealed class KpiTarget : IAuditable
{
    private readonly List<TargetChange> _changes = [];

    public const int ReasonMaxLength = 1000;

    private KpiTarget() { KpiCode = ""; }

    public Guid Id { get; private set; }
    public long Version { get; private set; }
    public Guid ClusterId { get; private set; }
    public string KpiCode { get; private set; }
    public int Year { get; private set; }
    public decimal? Baseline { get; private set; }
    public decimal Target { get; private set; }
    /// <summary>The changes oldest first, by when they were made (not the order a database returns them in).</summary>
    public IReadOnlyList<TargetChange> Changes => _changes.OrderBy(c => c.At).ThenBy(c => c.Id).ToList();

    public static Result<KpiTarget> Set(Guid clusterId, string kpiCode, int year, decimal? baseline, decimal target, string by, DateTimeOffset at)
    {
        var kpi = KpiCatalogue.Find(kpiCode);
        if (kpi is null) return Result<KpiTarget>.Fail(new DomainError("Kpi.Unknown"));
        if (DomainRange.Year(year, nameof(year)) is { } outOfRange) return Result<KpiTarget>.Fail(outOfRange);
        var check = CheckValue(kpi, target);
        if (!check.IsSuccess) return Result<KpiTarget>.Fail(check.Error!);
        if (baseline is { } b && !CheckValue(kpi, b).IsSuccess) return Result<KpiTarget>.Fail(new DomainError("Kpi.OutOfRange"));
        var t = new KpiTarget { Id = Guid.CreateVersion7(), ClusterId = clusterId, KpiCode = kpiCode, Year = year, Baseline = baseline, Target = target };
        t._changes.Add(new TargetChange(null, target, "", by, at));
        return Result<KpiTarget>.Ok(t);
    }

    /// <summary>A new target for the same year; the reason is required so the history explains itself.</summary>
    public Result Change(decimal target, string? reason, string by, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(reason)) return Result.Fail(new DomainError("Kpi.ReasonRequired"));
        if (DomainRange.Text(reason, ReasonMaxLength, nameof(reason)) is { } tooLong) return Result.Fail(tooLong);
        var check = CheckValue(KpiCatalogue.Find(KpiCode)!, target);
        if (!check.IsSuccess) return check;
        if (target == Target) return Result.Success;
        _changes.Add(new TargetChange(Target, target, reason, by, at));
        Target = target;
        return Result.Success;
    }

    private static Result CheckValue(KpiDefinition kpi, decimal value) =>
        value < kpi.Range.Min || value > kpi.Range.Max || !DomainRange.HasDecimals(value, DomainRange.FigureDecimals)
            ? Result.Fail(new DomainError("Kpi.OutOfRange")) : Result.Success;
}

public enum CheckSeverity { Error, Warning }

/// <summary>A finding about a reported value: an error refuses it; a warning needs a comment before the report is submitted.</summary>
public sealed record ValueFinding(CheckSeverity Severity, string Code);

/// <summary>
/// Checks a reported KPI value at entry: type and range (a share between 0 and 100%, counts whole and not negative,
/// amounts not negative) and plausibility against last year's value (more than three times as much, or less than
/// half, is flagged for a comment).
/// </summary>
public static class KpiValueCheck
{
    public const decimal MaxGrowthFactor = 3m;
    public const decimal MaxDropShare = 0.5m;

    public static IReadOnlyList<ValueFinding> Check(KpiDefinition kpi, decimal value, decimal? lastYear)
    {
        var findings = new List<ValueFinding>();
        if (value < kpi.Range.Min) findings.Add(new(CheckSeverity.Error, kpi.Unit == KpiUnit.Share ? "Kpi.ShareRange" : "Kpi.Negative"));
        else if (value > kpi.Range.Max) findings.Add(new(CheckSeverity.Error, kpi.Unit == KpiUnit.Share ? "Kpi.ShareRange" : "Range.Figure"));
        else if (!DomainRange.HasDecimals(value, DomainRange.FigureDecimals)) findings.Add(new(CheckSeverity.Error, "Range.Figure"));
        if (kpi.Unit == KpiUnit.Count && value != Math.Floor(value)) findings.Add(new(CheckSeverity.Error, "Kpi.WholeNumber"));
        if (findings.Count == 0 && lastYear is { } last && last > 0)
        {
            if (value > last * MaxGrowthFactor) findings.Add(new(CheckSeverity.Warning, "Kpi.MuchHigherThanLastYear"));
            else if (value < last * MaxDropShare) findings.Add(new(CheckSeverity.Warning, "Kpi.MuchLowerThanLastYear"));
        }
        return findings;
    }
}
