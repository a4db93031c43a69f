namespace Clusterpact.Domain.Surveys;

/// <summary>What a respondent gave for one question, before checking: choice indexes, a scale value, a number or text.</summary>
public sealed record AnswerInput(Guid QuestionId, IReadOnlyList<int> Choices, int? Scale, decimal? Number, string? Text);

/// <summary>A refused answer: which question and why.</summary>
public sealed record AnswerProblem(Guid QuestionId, string Code);

/// <summary>Checks a filled questionnaire: required questions answered, choices and scale values in range, text not too long.</summary>
public static class SurveyAnswers
{
    public static (IReadOnlyList<SurveyAnswer> Answers, IReadOnlyList<AnswerProblem> Problems) Check(Survey survey, IEnumerable<AnswerInput> inputs)
    {
        var byQuestion = inputs.GroupBy(i => i.QuestionId).ToDictionary(g => g.Key, g => g.First());
        var answers = new List<SurveyAnswer>();
        var problems = new List<AnswerProblem>();
        foreach (var q in survey.Questions)
        {
            byQuestion.TryGetValue(q.Id, out var a);
            var given = a is not null && (a.Choices.Count > 0 || a.Scale is not null || a.Number is not null || !string.IsNullOrWhiteSpace(a.Text));
            if (!given)
            {
                if (q.Required) problems.Add(new(q.Id, "Survey.AnswerRequired"));
                continue;
            }
            switch (q.Kind)
            {
                case QuestionKind.SingleChoice or QuestionKind.MultipleChoice:
                    var options = q.Options(false).Count;
                    var chosen = a!.Choices.Distinct().Order().ToList();
                    if (chosen.Count == 0 || chosen.Any(c => c < 0 || c >= options)) problems.Add(new(q.Id, "Survey.ChoiceInvalid"));
                    else if (q.Kind == QuestionKind.SingleChoice && chosen.Count > 1) problems.Add(new(q.Id, "Survey.OneChoiceOnly"));
                    else answers.Add(new SurveyAnswer(q.Id, string.Join(',', chosen), null, null, null));
                    break;
                case QuestionKind.Scale:
                    if (a!.Scale is not { } v || v < q.ScaleMin || v > q.ScaleMax) problems.Add(new(q.Id, "Survey.ScaleInvalid"));
                    else answers.Add(new SurveyAnswer(q.Id, null, v, null, null));
                    break;
                case QuestionKind.Number:
                    if (a!.Number is not { } n) problems.Add(new(q.Id, "Survey.NumberInvalid"));
                    else if (DomainRange.Figure(n, nameof(a.Number)) is { } outOfRange) problems.Add(new(q.Id, outOfRange.Code));
                    else answers.Add(new SurveyAnswer(q.Id, null, null, n, null));
                    break;
                default:
                    var text = a!.Text?.Trim() ?? "";
                    if (text.Length > SurveyQuestion.MaxTextAnswer) problems.Add(new(q.Id, "Survey.TextTooLong"));
                    else if (text.Length > 0) answers.Add(new SurveyAnswer(q.Id, null, null, null, text));
                    break;
            }
        }
        return (answers, problems);
    }
}

/// <param name="Answered">Respondents who answered this question.</param>
/// <param name="OptionCounts">Per option (choices) or per scale value (from the minimum up): how many respondents chose it.</param>
/// <param name="Mean">Mean of a scale or number question.</param>
/// <param name="Median">Median of a scale or number question.</param>
/// <param name="TopShare">For a scale: the share answering in the top two values (e.g. 4 or 5 on 1-5), the way the KPIs count "agrees".</param>
/// <param name="Texts">The open answers.</param>
public sealed record QuestionResult(Guid QuestionId, int Answered, IReadOnlyList<(string Label, int Count, decimal Share)> OptionCounts, decimal? Mean, decimal? Median,
    decimal? TopShare, IReadOnlyList<string> Texts);

/// <summary>The survey results: per question, over whichever responses are passed in (a cluster, a size class, all).</summary>
public static class SurveyResults
{
    public static QuestionResult For(SurveyQuestion q, IEnumerable<SurveyResponse> responses, bool english = false)
    {
        var answers = responses.SelectMany(r => r.Answers.Where(a => a.QuestionId == q.Id)).ToList();
        var n = answers.Count;
        decimal Share(int count) => n == 0 ? 0 : Math.Round((decimal)count / n, 4);
        switch (q.Kind)
        {
            case QuestionKind.SingleChoice or QuestionKind.MultipleChoice:
            {
                var labels = q.Options(english);
                var counts = labels.Select((label, i) => (label, answers.Count(a => a.ChoiceIndexes.Contains(i)))).Select(x => (x.label, x.Item2, Share(x.Item2))).ToList();
                return new QuestionResult(q.Id, n, counts, null, null, null, []);
            }
            case QuestionKind.Scale:
                return ForScale(q, answers.Select(a => a.Scale!.Value).ToList());
            case QuestionKind.Number:
            {
                var values = answers.Select(a => a.Number!.Value).ToList();
                return new QuestionResult(q.Id, n, [], Mean(values), Median(values), null, []);
            }
            default:
                return new QuestionResult(q.Id, n, [], null, null, null, answers.Select(a => a.Text!).ToList());
        }
    }

    /// <summary>
    /// A scale question's result from the scale values given (one per respondent who answered it), as <see cref="For"/> counts them.
    /// One pass that tallies the values (the counts, the mean and the median follow from the tally): the KPI figures pass
    /// every answer of a survey here, at the EU size 500,000 of them, where counting each value, the top two and sorting
    /// them again and again took a fifth of the dashboard's computation.
    /// </summary>
    public static QuestionResult ForScale(SurveyQuestion q, IReadOnlyList<int> values)
    {
        var (min, max) = (q.ScaleMin!.Value, q.ScaleMax!.Value);
        var n = values.Count;
        decimal Share(int count) => n == 0 ? 0 : Math.Round((decimal)count / n, 4);
        var tally = new int[max - min + 1];
        var (sum, outside) = (0L, false);
        foreach (var v in values)
        {
            sum += v;
            if (v < min || v > max) outside = true;
            else tally[v - min]++;
        }
        var counts = tally.Select((c, i) => ((min + i).ToString(System.Globalization.CultureInfo.InvariantCulture), c, Share(c))).ToList();
        var top = max - 1;
        // A value outside the scale (never stored: the answer's range is checked) is still counted as For counted it.
        var median = outside ? Median(values.Select(v => (decimal)v)) : MedianOf(tally, min, n);
        return new QuestionResult(q.Id, n, counts, n == 0 ? null : Math.Round((decimal)sum / n, 2), median,
            n == 0 ? null : Share(outside ? values.Count(v => v >= top) : tally.Skip(Math.Max(0, top - min)).Sum()), []);
    }

    /// <summary>The median of <paramref name="n"/> values tallied per value from <paramref name="min"/> on: the middle one, or the mean of the middle two.</summary>
    private static decimal? MedianOf(int[] tally, int min, int n)
    {
        if (n == 0) return null;
        decimal At(int index)
        {
            for (var (i, seen) = (0, 0); i < tally.Length; i++)
                if ((seen += tally[i]) > index) return min + i;
            throw new ArgumentOutOfRangeException(nameof(index));
        }
        return n % 2 == 1 ? At(n / 2) : (At(n / 2 - 1) + At(n / 2)) / 2;
    }

    /// <summary>Answers received over invitations sent, 0..1; null before any invitation.</summary>
    public static decimal? ResponseRate(int invited, int answered) => invited == 0 ? null : Math.Round((decimal)answered / invited, 4);

    private static decimal? Mean(IEnumerable<decimal> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? null : Math.Round(list.Sum() / list.Count, 2);
    }

    private static decimal? Median(IEnumerable<decimal> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0) return null;
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
