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
    /// One pass through <see cref="GrantingActs{TLine}"/>, which keeps per act its running sum, in the order the acts first
    /// appear: at the EU size (900,000 partner lines) a grouping per act held about as much memory as the lines themselves.
    /// </remarks>
    public static IReadOnlyList<AidAward> Aggregate(IEnumerable<AidAward> awards)
    {
        var acts = new GrantingActs<AidAward>(a => a);
        foreach (var award in awards)
            acts.Add(award, award);
        return acts.Awards().ToList();
    }

    /// <summary>The earlier date; an unknown date counts only when both are unknown (as <see cref="Enumerable.Min{TSource}(IEnumerable{TSource})"/>).</summary>
    internal static DateOnly? Earliest(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a < b ? a : b;

    internal static DateOnly? Latest(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a > b ? a : b;

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

    public bool MustPublish(AidAward award) => MustPublish(award.GrantedOn, award.AidElementEur);

    /// <summary>Whether an award of <paramref name="aidElementEur"/> granted on <paramref name="grantedOn"/> must be published.</summary>
    public bool MustPublish(DateOnly grantedOn, decimal aidElementEur) => InForce(grantedOn) is { } rule && rule.MustPublish(aidElementEur);

    public IReadOnlyList<AidAward> SelectPublishable(IEnumerable<AidAward> awards) => SelectAggregated(TransparencyRule.Aggregate(awards));

    /// <summary>As <see cref="SelectPublishable"/>, of awards already summed per granting act by <see cref="TransparencyRule.Aggregate"/>.</summary>
    public IReadOnlyList<AidAward> SelectAggregated(IEnumerable<AidAward> aggregated) => TransparencyRule.Order(aggregated.Where(MustPublish));
}

/// <summary>
/// <see cref="TransparencyRule.Aggregate"/> as the lines come, one at a time, for a caller that cannot hold them all: per
/// granting act it keeps only the running sum, the planned span and the source of the line with the smallest reference
/// (<typeparamref name="TLine"/>, from which <c>award</c> makes that line again). The full award is made only for the acts
/// asked for (<see cref="Awards"/>), so what a computation holds is one small entry per act, not every line's record.
/// The same result, order and fields as the aggregation of the list (TransparencyRuleTests).
/// </summary>
/// <param name="award">The line a source stands for; called again only for a merge's reference and for the acts asked for.</param>
public sealed class GrantingActs<TLine>(Func<TLine, AidAward> award)
{
    private readonly Dictionary<(string Digits, string Measure, DateOnly GrantedOn, AidInstrument Instrument, AidObjective Objective), int> _index = [];
    private readonly List<Act> _acts = [];

    private readonly record struct Act(TLine First, DateOnly GrantedOn, decimal Sum, DateOnly? PlannedStart, DateOnly? PlannedEnd, int Lines);

    /// <summary>The granting acts so far.</summary>
    public int Count => _acts.Count;

    /// <summary>One award line, and the source it was made from (kept only while it is its act's smallest reference).</summary>
    public void Add(AidAward line, TLine source)
    {
        var key = (line.BeneficiaryId.Digits, line.AidMeasureReference, line.GrantedOn, line.Instrument, line.Objective);
        if (!_index.TryAdd(key, _acts.Count))
        {
            var index = _index[key];
            var act = _acts[index];
            // The fields of the line with the smallest reference (the first one on a tie), the sum and the span of all.
            _acts[index] = new Act(string.CompareOrdinal(line.Reference, award(act.First).Reference) < 0 ? source : act.First, act.GrantedOn,
                act.Sum + line.AidElementEur, TransparencyRule.Earliest(act.PlannedStart, line.PlannedStart), TransparencyRule.Latest(act.PlannedEnd, line.PlannedEnd), act.Lines + 1);
            return;
        }
        _acts.Add(new Act(source, line.GrantedOn, line.AidElementEur, line.PlannedStart, line.PlannedEnd, 1));
    }

    /// <summary>
    /// The summed awards in the order their acts first appeared; with <paramref name="keep"/> (granting date, sum) only
    /// those it keeps are made. An act of one line is that line itself.
    /// </summary>
    public IEnumerable<AidAward> Awards(Func<DateOnly, decimal, bool>? keep = null)
    {
        foreach (var act in _acts)
        {
            if (keep is not null && !keep(act.GrantedOn, act.Sum)) continue;
            var first = award(act.First);
            yield return act.Lines == 1 ? first : first with { AidElementEur = act.Sum, PlannedStart = act.PlannedStart, PlannedEnd = act.PlannedEnd };
        }
    }
}
