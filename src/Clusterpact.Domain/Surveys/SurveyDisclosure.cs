using Clusterpact.Domain.Members;

namespace Clusterpact.Domain.Surveys;

/// <summary>What a viewer asks to see: one cluster or all, all sizes, one size class or the SMEs.</summary>
public sealed record SurveySelection(Guid? Cluster, SizeClass? Size, bool SmeOnly)
{
    private static bool IsSme(SizeClass? s) => s is SizeClass.Micro or SizeClass.Small or SizeClass.Medium;

    /// <summary>A size class wins over "SMEs only", as on the page.</summary>
    public static SurveySelection Of(Guid? cluster, SizeClass? size, bool smeOnly) => new(cluster, size, size is null && smeOnly);

    public bool Includes(SurveyResponse r) =>
        (Cluster is null || r.ClusterId == Cluster) && (Size is { } s ? r.SizeClass == s : !SmeOnly || IsSme(r.SizeClass));

    /// <summary>
    /// The other selections the viewer could ask for that contain this one, so subtracting this one from them would
    /// show the rest: the same cluster without the size filter (or with "SMEs only" around an SME size class), and for
    /// someone who sees every cluster, the same filters over all clusters.
    /// </summary>
    public IReadOnlyList<SurveySelection> Enclosing(bool viewerSeesAllClusters)
    {
        var clusters = Cluster is null ? [null] : viewerSeesAllClusters ? new Guid?[] { Cluster, null } : [Cluster];
        var filters = new List<(SizeClass? Size, bool Sme)> { (Size, SmeOnly), (null, false) };
        if (IsSme(Size)) filters.Add((null, true));
        return clusters.SelectMany(c => filters.Select(f => new SurveySelection(c, f.Size, f.Sme))).Distinct().Where(s => s != this).ToList();
    }
}

/// <summary>One option's or scale value's count as it may be shown; null when suppressed.</summary>
public sealed record DisclosedCount(string Label, int? Count, decimal? Share);

/// <summary>
/// A question's results as they may be shown. <see cref="Shown"/> is false when too few answered it (or the rest of an
/// enclosing selection is too small), and then nothing else is given.
/// </summary>
public sealed record DisclosedQuestion(Guid QuestionId, bool Shown, int? Answered, IReadOnlyList<DisclosedCount> Counts, decimal? Mean, decimal? Median,
    decimal? TopShare, IReadOnlyList<string> Texts)
{
    public bool AnySuppressed => Counts.Any(c => c.Count is null);
}

/// <summary>The results of one selection as they may be shown, question by question.</summary>
public sealed record DisclosedResults(bool Shown, int? Responses, IReadOnlyList<DisclosedQuestion> Questions, decimal? CompetitivenessKpi)
{
    public bool AnySuppressed => Questions.Any(q => !q.Shown || q.AnySuppressed);
}

/// <summary>
/// The five-answer rule of anonymous surveys (docs/decisions/0005), for every figure of every view and export: no
/// figure may describe a group of one to four members, neither directly nor as the difference between two figures
/// the viewer can see (a cluster's total minus its SMEs, all clusters minus one, a question's answers minus the
/// options shown). A group is safe when it is empty or has at least <see cref="Survey.MinAnswersToShow"/> members.
/// </summary>
public static class SurveyDisclosure
{
    public static int Threshold => Survey.MinAnswersToShow;

    /// <summary>No one, or at least five: a group nobody can be picked out of.</summary>
    public static bool SafeGroup(int count) => count == 0 || count >= Threshold;

    /// <summary>A selection is shown from five answers, and only when what is left of each enclosing selection is safe too.</summary>
    public static bool SelectionShown(int selected, IEnumerable<int> enclosing) => selected >= Threshold && enclosing.All(e => SafeGroup(e - selected));

    /// <summary>
    /// The results of <paramref name="selection"/> over <paramref name="visible"/> (every response the viewer may see
    /// results of), with what would single out small groups suppressed.
    /// </summary>
    public static DisclosedResults Disclose(Survey survey, IReadOnlyList<SurveyResponse> visible, SurveySelection selection, bool viewerSeesAllClusters, bool english = false)
    {
        var selected = visible.Where(selection.Includes).ToList();
        var enclosing = selection.Enclosing(viewerSeesAllClusters).Select(s => (IReadOnlyList<SurveyResponse>)visible.Where(s.Includes).ToList()).ToList();
        if (!SelectionShown(selected.Count, enclosing.Select(e => e.Count))) return new DisclosedResults(false, null, [], null);
        var questions = survey.Questions.Select(q => Disclose(q, selected, enclosing, english)).ToList();
        var kpiQuestion = survey.Questions.FirstOrDefault(x => x.KpiCode == Survey.CompetitivenessKpi && x.Kind == QuestionKind.Scale);
        var kpi = kpiQuestion is null ? null : questions.Single(d => d.QuestionId == kpiQuestion.Id).TopShare;
        return new DisclosedResults(true, selected.Count, questions, kpi);
    }

    /// <summary>
    /// The share of a cluster's members saying the cluster made them more competitive, for the KPIs, under the same rule
    /// as every survey view: the KPIs are shown to every viewer beside the all-cluster results, so the cluster is judged
    /// against all of <paramref name="responses"/> (the survey's), and a value that would single out a small group (a
    /// small cluster, or a small rest of all clusters) is not given.
    /// </summary>
    public static decimal? CompetitivenessKpi(Survey survey, IReadOnlyList<SurveyResponse> responses, Guid cluster) =>
        Disclose(survey, responses, SurveySelection.Of(cluster, null, false), viewerSeesAllClusters: true).CompetitivenessKpi;

    /// <summary>
    /// <see cref="CompetitivenessKpi"/> for every cluster of a survey at once, from what each cluster's members gave: how
    /// many responded and their answers on the survey's competitiveness question (one scale value per respondent who
    /// answered it). The survey's totals are counted once, not once per cluster, so the work grows with the clusters, not
    /// with clusters times answers. Clusters whose value would single out a small group are left out.
    /// </summary>
    public static Dictionary<Guid, decimal> CompetitivenessKpis(Survey survey, IReadOnlyDictionary<Guid, (int Responses, IReadOnlyList<int> Scale)> clusters)
    {
        var shares = new Dictionary<Guid, decimal>();
        var q = survey.Questions.FirstOrDefault(x => x.KpiCode == Survey.CompetitivenessKpi && x.Kind == QuestionKind.Scale);
        if (q is null) return shares;
        // The one enclosing selection of a cluster for a viewer who sees every cluster: all of the survey's responses.
        var all = clusters.Values.Sum(c => c.Responses);
        var outer = SurveyResults.ForScale(q, clusters.Values.SelectMany(c => c.Scale).ToList());
        foreach (var (cluster, c) in clusters)
            if (SelectionShown(c.Responses, [all]) && Disclose(q, SurveyResults.ForScale(q, c.Scale), [outer]).TopShare is { } share) shares[cluster] = share;
        return shares;
    }

    /// <summary>One question: shown from five answers (and safe complements); each count shown only when it and its complements are safe.</summary>
    public static DisclosedQuestion Disclose(SurveyQuestion q, IReadOnlyList<SurveyResponse> selected, IReadOnlyList<IReadOnlyList<SurveyResponse>> enclosing, bool english = false) =>
        Disclose(q, SurveyResults.For(q, selected, english), enclosing.Select(e => SurveyResults.For(q, e, english)).ToList());

    /// <summary>One question from its results over the selection and over each enclosing selection.</summary>
    private static DisclosedQuestion Disclose(SurveyQuestion q, QuestionResult r, IReadOnlyList<QuestionResult> outer)
    {
        if (!SelectionShown(r.Answered, outer.Select(o => o.Answered))) return new DisclosedQuestion(q.Id, false, null, [], null, null, null, []);
        var n = r.Answered;
        var counts = r.OptionCounts.Select(o => o.Count).ToArray();
        var shown = counts.Select((c, i) =>
            SafeGroup(c) && SafeGroup(n - c)
            && outer.All(o => SafeGroup(o.OptionCounts[i].Count - c) && SafeGroup(o.Answered - o.OptionCounts[i].Count - (n - c)))).ToArray();
        // A single choice or a scale splits the answers into parts that add up to the total shown: the hidden parts
        // together are the total minus the shown ones, so hide more until that sum is safe too (complementary suppression).
        if (q.Kind is QuestionKind.SingleChoice or QuestionKind.Scale)
        {
            bool HiddenSumsSafe() =>
                SafeGroup(counts.Where((_, i) => !shown[i]).Sum())
                && outer.All(o => SafeGroup(counts.Select((c, i) => o.OptionCounts[i].Count - c).Where((_, i) => !shown[i]).Sum()));
            while (!HiddenSumsSafe())
            {
                var next = Enumerable.Range(0, counts.Length).Where(i => shown[i] && counts[i] > 0).OrderBy(i => counts[i]).ThenBy(i => i).Cast<int?>().FirstOrDefault()
                    ?? Enumerable.Range(0, counts.Length).Where(i => shown[i]).Cast<int?>().FirstOrDefault();
                if (next is null) break;
                shown[next.Value] = false;
            }
        }
        var cells = r.OptionCounts.Select((o, i) => shown[i] ? new DisclosedCount(o.Label, o.Count, o.Share) : new DisclosedCount(o.Label, null, null)).ToList();
        // With every count shown, mean, median and the top-two share add nothing; with one hidden they would help to solve it.
        var complete = shown.All(s => s);
        return new DisclosedQuestion(q.Id, true, n, cells, complete ? r.Mean : null, complete ? r.Median : null, complete ? r.TopShare : null, r.Texts);
    }
}
