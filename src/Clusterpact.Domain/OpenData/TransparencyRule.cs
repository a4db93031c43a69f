namespace Clusterpact.Domain.OpenData;

/// <summary>
/// Which individual aid awards must be published (GBER art. 9(1)(c)): those whose aid element EXCEEDS the threshold.
/// The regulation says "exceeding EUR 100 000" (Dutch text: "van meer dan 100 000 EUR"), so an award of exactly
/// the threshold need not be published. EUR 100,000 since Regulation (EU) 2023/1315 (in force 1 July 2023);
/// EUR 500,000 in Regulation (EU) No 651/2014 as adopted, published from 1 July 2016 (art. 9(6) of that text).
/// </summary>
/// <param name="ThresholdEur">Defaults to the EUR 100,000 of the 2023 amendment.</param>
/// <param name="EffectiveFrom">First granting date the rule applies to; the default applies to every date.</param>
/// <param name="Source">Shown next to the listing.</param>
public sealed record TransparencyRule(decimal ThresholdEur = TransparencyRule.DefaultThresholdEur, DateOnly EffectiveFrom = default, string Source = TransparencyRule.DefaultSource)
{
    public const decimal DefaultThresholdEur = 100_000m;
    public const string DefaultSource = "GBER (Reg. 651/2014) art. 9(1)(c) as amended by Reg. (EU) 2023/1315";

    /// <summary>GBER art. 9(4): publication within six months of the granting date.</summary>
    public const int PublicationMonths = 6;

    public static TransparencyRule Gber2014 { get; } = new(500_000m, new DateOnly(2016, 7, 1), "GBER (Reg. 651/2014) art. 9(1)(c) and 9(6), text of 2014");
    public static TransparencyRule Gber2023 { get; } = new(100_000m, new DateOnly(2023, 7, 1), DefaultSource);

    public bool MustPublish(decimal aidElementEur) => aidElementEur > ThresholdEur;

    /// <summary>The awards this rule requires to be published, after <see cref="Aggregate"/>, by date then beneficiary.</summary>
    public IReadOnlyList<AidAward> SelectPublishable(IEnumerable<AidAward> awards) =>
        Order(Aggregate(awards).Where(a => MustPublish(a.AidElementEur)));

    /// <summary>An award exists from its granting date: one dated after <paramref name="today"/> is not published yet.</summary>
    public static bool GrantedBy(AidAward award, DateOnly today) => award.GrantedOn <= today;

    /// <summary>The date by which the award must be in the Transparency Award Module (art. 9(4)).</summary>
    public static DateOnly PublishBy(AidAward award) => award.GrantedOn.AddMonths(PublicationMonths);

    /// <summary>
    /// Our reading of "individual aid award": the aid conferred on one beneficiary by one granting act. Lines that
    /// share the beneficiary (enterprise number), the aid measure, the granting date, the instrument and the objective
    /// come from one act (a 3-year support agreement recorded as three agreement years, a project whose aid is split
    /// over budget lines) and count as one award of their sum (the threshold is tested on the sum). Awards granted on
    /// different dates, under different measures or to different enterprises stay separate: each is its own act.
    /// Splitting one decision over several dates to stay under the threshold is not detectable from data; that is
    /// for the agency's state-aid check. The merged award keeps the fields of the line with the smallest reference
    /// (ordinal), so its id stays stable, and spans the earliest planned start to the latest planned end.
    /// </summary>
    /// <remarks>
    /// One pass with a dictionary from the act to its award so far, in the order the acts first appear: at the EU size
    /// (900,000 partner lines) a grouping per act held about as much memory as the lines themselves.
    /// </remarks>
    public static IReadOnlyList<AidAward> Aggregate(IEnumerable<AidAward> awards)
    {
        var acts = new Dictionary<(string Digits, string Measure, DateOnly GrantedOn, AidInstrument Instrument, AidObjective Objective), int>();
        var merged = new List<AidAward>();
        foreach (var award in awards)
        {
            var key = (award.BeneficiaryId.Digits, award.AidMeasureReference, award.GrantedOn, award.Instrument, award.Objective);
            if (!acts.TryAdd(key, merged.Count))
            {
                var index = acts[key];
                var sum = merged[index];
                // The fields of the line with the smallest reference (the first one on a tie), the sum and the span of all.
                var first = string.CompareOrdinal(award.Reference, sum.Reference) < 0 ? award : sum;
                merged[index] = first with
                {
                    AidElementEur = sum.AidElementEur + award.AidElementEur,
                    PlannedStart = Earliest(sum.PlannedStart, award.PlannedStart),
                    PlannedEnd = Latest(sum.PlannedEnd, award.PlannedEnd),
                };
                continue;
            }
            merged.Add(award);
        }
        return merged;
    }

    /// <summary>The earlier date; an unknown date counts only when both are unknown (as <see cref="Enumerable.Min{TSource}(IEnumerable{TSource})"/>).</summary>
    private static DateOnly? Earliest(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a < b ? a : b;

    private static DateOnly? Latest(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a > b ? a : b;

    internal static IReadOnlyList<AidAward> Order(IEnumerable<AidAward> awards) =>
        awards.OrderBy(a => a.GrantedOn).ThenBy(a => a.BeneficiaryName, StringComparer.Ordinal).ThenBy(a => a.Reference, StringComparer.Ordinal).ToList();
}

/// <summary>
/// The transparency thresholds over time: the rule in force on an award's granting date decides. GBER runs to
/// 31 December 2026; a successor's threshold is added here as a new dated rule, not by editing the old ones.
/// </summary>
public sealed class TransparencyRuleSet(IEnumerable<TransparencyRule> rules)
{
    private readonly IReadOnlyList<TransparencyRule> _rules = rules.OrderBy(r => r.EffectiveFrom).ToList();

    public static TransparencyRuleSet Default { get; } = new([TransparencyRule.Gber2014, TransparencyRule.Gber2023]);

    public IReadOnlyList<TransparencyRule> Rules => _rules;

    /// <summary>The latest rule in effect on the date; null before any (no individual publication before 1 July 2016).</summary>
    public TransparencyRule? InForce(DateOnly grantedOn) => _rules.LastOrDefault(r => r.EffectiveFrom <= grantedOn);

    public bool MustPublish(AidAward award) => InForce(award.GrantedOn) is { } rule && rule.MustPublish(award.AidElementEur);

    public IReadOnlyList<AidAward> SelectPublishable(IEnumerable<AidAward> awards) => SelectAggregated(TransparencyRule.Aggregate(awards));

    /// <summary>As <see cref="SelectPublishable"/>, of awards already summed per granting act by <see cref="TransparencyRule.Aggregate"/>.</summary>
    public IReadOnlyList<AidAward> SelectAggregated(IEnumerable<AidAward> aggregated) => TransparencyRule.Order(aggregated.Where(MustPublish));
}
