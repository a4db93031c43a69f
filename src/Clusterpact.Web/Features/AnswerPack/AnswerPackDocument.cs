using Clusterpact.Web.Infrastructure.Pdf;

namespace Clusterpact.Web.Features.AnswerPack;

/// <summary>
/// The answer pack's words and files: the short answer to each question (the same on the page and in the PDF),
/// the PDF for the minister's cabinet and the Excel workbook with the figures underneath.
/// </summary>
public static class AnswerPackDocument
{
    /// <summary>The parliamentary questions of seed 003, numbered as asked; 3 and 4 are answered together.</summary>
    public static readonly IReadOnlyList<string> Questions = ["Answer.Q1", "Answer.Q2", "Answer.Q3", "Answer.Q5", "Answer.Q6"];

    /// <summary>
    /// The short answer to a question. The documents name every pending report and every cluster without a pact; the page
    /// (<paramref name="named"/>) names the first ones and says how many more (thousands at EU size, issue 18).
    /// </summary>
    public static string Summary(string question, AnswerPackData d, IStringLocalizer<SharedResource> text, int? named = null) => question switch
    {
        "Answer.Q1" => text["Answer.A1", Format.Date(d.On), d.Evaluations.Count(e => e.Stage == EvaluationStage.Decided),
            d.Evaluations.Count(e => e.Stage is not EvaluationStage.Decided and not EvaluationStage.Planned), d.Evaluations.Count(e => e.Late),
            d.Evaluations.Count(e => e.Stage == EvaluationStage.Planned)],
        "Answer.Q2" => (d.Goals.Count == 0 ? text["Answer.A2None"] : text["Answer.A2", d.Goals.Count, d.Goals.Count(g => g.Met), Format.Percent((decimal)d.Goals.Count(g => g.Met) / d.Goals.Count)])
            + (d.PendingReports.Count == 0 ? "" : " " + text["Answer.A2Pending", Names(d.PendingReports.Select(p => $"{p.ClusterName} {p.Year} ({text[ReportLifecycle.Rules.StateKey(p.Status)]})"), d.PendingReports.Count, named, text)]),
        "Answer.Q3" => text["Answer.A3", d.Lessons.Count, d.Lessons.Count(l => l.Status == FollowUpStatus.Done),
            d.Lessons.Count(l => l.Status == FollowUpStatus.InProgress), d.Lessons.Count(l => l.Status == FollowUpStatus.Open), d.Lessons.Count(l => l.Status == FollowUpStatus.NotFollowed)],
        "Answer.Q5" => text["Answer.A5", d.Pacts.Count(p => p.Version is not null), d.Pacts.Count, d.Pacts.Count(p => p.ReviewOverdue), d.On.Year - 1,
            d.Pacts.Count(p => p.AtLimit)] + (d.WithoutPact.Count == 0 ? "" : " " + text["Answer.A5WithoutPact", Names(d.WithoutPact, d.WithoutPact.Count, named, text)]),
        "Answer.Q6" => text["Answer.A6", d.FundYearRange[0], d.FundYearRange[^1], Format.Money(d.Funds.Sum(f => f.Amount)),
            Format.Money(d.Funds.Where(f => f.Kind == FundLineKind.OperatingAid).Sum(f => f.Amount)),
            Format.Money(d.Funds.Where(f => f.Kind == FundLineKind.Earmarked).Sum(f => f.Amount)),
            Format.Money(d.Funds.Where(f => f.Kind == FundLineKind.InterclusterPool).Sum(f => f.Amount))],
        _ => throw new ArgumentOutOfRangeException(nameof(question)),
    };

    /// <summary>The names joined, or the first <paramref name="named"/> of them and "and N more".</summary>
    private static string Names(IEnumerable<string> names, int count, int? named, IStringLocalizer<SharedResource> text) =>
        named is not { } first || count <= first ? string.Join(", ", names)
            : string.Join(", ", names.Take(first)) + " " + text["Kpis.PendingMore", count - first];

    public static byte[] Pdf(AnswerPackData d, IStringLocalizer<SharedResource> text)
    {
        var english = Cultures.IsEnglish;
        var report = new PdfReport(text["Answer.Title"], english ? "en-GB" : "nl-BE", english ? "Page {0} of {1}" : "Pagina {0} van {1}")
            .Title(text["Answer.Title"])
            .KeyValues([(text["Answer.On"], Format.Date(d.On)), (text["Answer.Recorded"], text["Answer.AsRecorded", Format.Date(d.On)]),
                (text["Answer.Source"], text["Answer.SourceText"])]);

        report.Heading("1. " + text["Answer.Q1"]).Paragraph(Summary("Answer.Q1", d, text))
            .Table([text["Answer.Evaluation"], text["Members.Cluster"], text["Evaluations.Stage"], text["Answer.Since"], text["Answer.NextStep"], text["Evaluations.Outcome"]],
                d.Evaluations.Select(e => (IReadOnlyList<string>)[e.Title, e.ClusterName ?? text["Answer.Programme"], text[EvaluationLifecycle.Rules.StateKey(e.Stage)], Format.Date(e.Since),
                    e.NextStage is { } n ? $"{text[EvaluationLifecycle.Rules.StateKey(n)]} {Format.Date(e.NextPlanned)}{(e.Late ? " (" + text["Evaluations.Late"] + ")" : "")}" : "–",
                    e.Outcome is { } o ? text["EvaluationOutcome." + o] : e.Conclusion ?? "–"]),
                [4, 2, 2, 1.5, 2.5, 2]);

        report.Heading("2. " + text["Answer.Q2"]).Paragraph(Summary("Answer.Q2", d, text));
        var shown = KpiCatalogue.All.Where(k => d.Programme[k.Code].Any(v => v.Value is not null)).ToList();
        var lastYears = d.KpiYears.TakeLast(5).ToList();
        if (lastYears.Count > 0)
            report.Table([text["Reports.Kpi"], .. lastYears.Select(y => y.ToString(CultureInfo.InvariantCulture))],
                shown.Select(k => (IReadOnlyList<string>)[k.Name(english), .. lastYears.Select(y => Format.Kpi(k, d.Programme[k.Code].First(v => v.Year == y).Value))]),
                [4, .. lastYears.Select(_ => 1.5)], [false, .. lastYears.Select(_ => true)]);
        if (d.Goals.Count > 0)
            report.Table([text["Members.Cluster"], text["Reports.Kpi"], text["Reports.Year"], text["Kpis.Actual"], text["Kpis.Target"], text["Kpis.Met"]],
                d.Goals.Select(g => (IReadOnlyList<string>)[g.ClusterName, g.Kpi.Name(english), g.Year.ToString(CultureInfo.InvariantCulture), Format.Kpi(g.Kpi, g.Actual), Format.Kpi(g.Kpi, g.Target),
                    g.Met ? text["Kpis.MetYes"] : text["Kpis.MetNo"]]),
                [2.5, 4, 1, 1.5, 1.5, 1], [false, false, true, true, true, false]);

        report.Heading("3–4. " + text["Answer.Q3"]).Paragraph(Summary("Answer.Q3", d, text));
        if (d.Lessons.Count > 0)
            report.Table([text["Answer.Evaluation"], text["Evaluations.Finding"], text["Evaluations.Recommendation"], text["Evaluations.FollowUp"]],
                d.Lessons.Select(l => (IReadOnlyList<string>)[l.Evaluation, l.Finding, l.Recommendation, text["FollowUpStatus." + l.Status] + (l.FollowUp is { } f ? ": " + f : "")]),
                [2.5, 3, 3, 2.5]);

        report.Heading("5. " + text["Answer.Q5"]).Paragraph(Summary("Answer.Q5", d, text))
            .Table([text["Members.Cluster"], text["Answer.PactVersion"], text["Answer.AdoptedOn"], text["Answer.NextReview"], text["Answer.Commitments"], text["Answer.AgreementEnd"], text["Overview.LastAllowedDay"]],
                d.Pacts.Select(p => (IReadOnlyList<string>)[p.ClusterName, p.Version is { } v ? $"{v} ({p.VersionYear})" : "–", Format.Date(p.AdoptedOn),
                    (p.NextReviewYear?.ToString(CultureInfo.InvariantCulture) ?? "–") + (p.ReviewOverdue ? " (" + text["Answer.Overdue"] + ")" : ""), text["Answer.CommitmentsDone", p.Done, p.Commitments, p.Delayed], Format.Date(p.AgreementEnd), Format.Date(p.LastAllowedDay)]),
                [2.5, 1.2, 1.5, 1.2, 2.5, 1.5, 1.5], [false, true, false, true, false, false, false]);

        report.Heading("6. " + text["Answer.Q6"]).Paragraph(Summary("Answer.Q6", d, text))
            .Table([text["Reports.Year"], text["FundLineKind.OperatingAid"], text["FundLineKind.Earmarked"], text["FundLineKind.InterclusterPool"], text["Answer.Total"]],
                d.FundYearRange.Select(y => (IReadOnlyList<string>)[y.ToString(CultureInfo.InvariantCulture), Format.Money(d.FundTotal(y, FundLineKind.OperatingAid)),
                    Format.Money(d.FundTotal(y, FundLineKind.Earmarked)), Format.Money(d.FundTotal(y, FundLineKind.InterclusterPool)), Format.Money(d.FundTotal(y))]),
                [1, 2, 2, 2, 2], [false, true, true, true, true])
            .BarChart(text["Answer.FundsChart"], d.FundYearRange.Select(y => (y.ToString(CultureInfo.InvariantCulture), (double)d.FundTotal(y))).ToList(), "€ {0:N0}");
        return report.ToBytes();
    }

    /// <summary>The workbook: one sheet per answer with the figures it rests on, numbers and dates typed.</summary>
    public static async Task<MemoryStream> WorkbookAsync(AnswerPackData d, IStringLocalizer<SharedResource> text, CancellationToken ct)
    {
        var english = Cultures.IsEnglish;
        string L(string key) => text[key].Value;
        var kpiRows = d.ClusterKpis.SelectMany(c => KpiCatalogue.All.SelectMany(k => c.Values[k.Code].Where(v => v.Actual is not null || v.Target is not null)
                .Select(v => (Cluster: c.Name, Kpi: k, v.Year, v.Actual, v.Target, Origin: L("KpiValueOrigin." + v.Origin)))))
            .Concat(KpiCatalogue.All.SelectMany(k => d.Programme[k.Code].Where(v => v.Value is not null)
                .Select(v => (Cluster: L("Answer.Programme"), Kpi: k, v.Year, Actual: v.Value, Target: (decimal?)null, Origin: L("Kpis.Programme")))))
            .ToList();
        var stream = new MemoryStream();
        await TableExport.WriteWorkbookAsync(stream,
        [
            ExportSheet.Of(L("Answer.SheetEvaluations"), d.Evaluations, [
                new(L("Answer.Evaluation"), e => e.Title), new(L("Evaluations.Kind"), e => L("EvaluationKind." + e.Kind)), new(L("Members.Cluster"), e => e.ClusterName ?? L("Answer.Programme")),
                new(L("Evaluations.Stage"), e => L(EvaluationLifecycle.Rules.StateKey(e.Stage))), new(L("Answer.Since"), e => e.Since),
                new(L("Answer.NextStep"), e => e.NextStage is { } n ? L(EvaluationLifecycle.Rules.StateKey(n)) : null), new(L("Answer.NextPlanned"), e => e.NextPlanned),
                new(L("Evaluations.Late"), e => e.Late), new(L("Evaluations.Outcome"), e => e.Outcome is { } o ? L("EvaluationOutcome." + o) : null),
                new(L("Answer.DecidedOn"), e => e.DecidedOn), new(L("Answer.Conclusion"), e => e.Conclusion)]),
            ExportSheet.Of(L("Answer.SheetKpis"), kpiRows, [
                new(L("Members.Cluster"), r => r.Cluster), new(L("Answer.KpiCode"), r => r.Kpi.Code), new(L("Reports.Kpi"), r => r.Kpi.Name(english)),
                new(L("Kpis.Unit"), r => L("KpiUnit." + r.Kpi.Unit)), new(L("Reports.Year"), r => r.Year), new(L("Kpis.Actual"), r => r.Actual),
                new(L("Kpis.Target"), r => r.Target), new(L("Kpis.Origin"), r => r.Origin)]),
            ExportSheet.Of(L("Answer.SheetGoals"), d.Goals, [
                new(L("Members.Cluster"), g => g.ClusterName), new(L("Answer.KpiCode"), g => g.Kpi.Code), new(L("Reports.Kpi"), g => g.Kpi.Name(english)),
                new(L("Reports.Year"), g => g.Year), new(L("Kpis.Actual"), g => g.Actual), new(L("Kpis.Target"), g => g.Target), new(L("Kpis.Met"), g => g.Met)]),
            ExportSheet.Of(L("Answer.SheetLessons"), d.Lessons, [
                new(L("Answer.Evaluation"), l => l.Evaluation), new(L("Members.Cluster"), l => l.ClusterName ?? L("Answer.Programme")), new(L("Evaluations.Finding"), l => l.Finding),
                new(L("Evaluations.Recommendation"), l => l.Recommendation), new(L("Evaluations.FollowUp"), l => L("FollowUpStatus." + l.Status)), new(L("Answer.FollowUpNote"), l => l.FollowUp)]),
            ExportSheet.Of(L("Answer.SheetPacts"), d.Pacts, [
                new(L("Members.Cluster"), p => p.ClusterName), new(L("Answer.PactVersion"), p => p.Version), new(L("Answer.VersionYear"), p => p.VersionYear),
                new(L("Answer.AdoptedOn"), p => p.AdoptedOn), new(L("Answer.NextReview"), p => p.NextReviewYear), new(L("Answer.Overdue"), p => p.ReviewOverdue), new(L("Answer.Commitments"), p => p.Commitments),
                new(L("Answer.CommitmentsDoneCount"), p => p.Done), new(L("Answer.CommitmentsDelayed"), p => p.Delayed), new(L("Answer.AgreementEnd"), p => p.AgreementEnd),
                new(L("Overview.LastAllowedDay"), p => p.LastAllowedDay), new(L("Answer.CanBeExtended"), p => p.CanBeExtended)]),
            ExportSheet.Of(L("Answer.SheetFunds"), d.Funds, [
                new(L("Reports.Year"), f => f.Year), new(L("Answer.Line"), f => L("FundLineKind." + f.Kind)), new(L("Members.Cluster"), f => f.ClusterName),
                new(L("Answer.AmountEur"), f => f.Amount)]),
        ], ct);
        stream.Position = 0;
        return stream;
    }
}
