namespace Clusterpact.Web.Features.Surveys;

/// <summary>
/// Results per question for all clusters or one, filtered by size class, with charts and an Excel export. A cluster
/// manager sees only their own cluster, and only from five answers.
/// </summary>
public sealed class ResultsModel(SurveyService surveys, IStringLocalizer<SharedResource> text, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Cluster { get; set; }
    [BindProperty(SupportsGet = true)] public SizeClass? Size { get; set; }
    [BindProperty(SupportsGet = true)] public bool Sme { get; set; }

    public Survey Survey { get; private set; } = null!;
    public IReadOnlyList<ClusterRate> Rates { get; private set; } = [];
    public IReadOnlyList<(SurveyQuestion Question, QuestionResult Result)> Results { get; private set; } = [];
    public int Responses { get; private set; }
    public bool Hidden { get; private set; }
    public decimal? CompetitivenessKpi { get; private set; }
    public bool SeesAll { get; private set; }
    public bool English => Infrastructure.Localization.Cultures.IsEnglish;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetExportAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Hidden) return Forbid();
        var rows = Results.SelectMany(r => r.Result.OptionCounts.Count > 0
            ? r.Result.OptionCounts.Select(o => (Q: r.Question, Option: o.Label, Count: (decimal?)o.Count, Share: (decimal?)o.Share, r.Result))
            : [(Q: r.Question, Option: "", Count: (decimal?)r.Result.Answered, Share: (decimal?)null, r.Result)]).ToList();
        ExportColumn<(SurveyQuestion Q, string Option, decimal? Count, decimal? Share, QuestionResult Result)>[] columns =
        [
            new(text["Surveys.Question"], r => $"{r.Q.Order}. {r.Q.Text(English)}"),
            new(text["Surveys.Option"], r => r.Option),
            new(text["Surveys.Count"], r => r.Count),
            new(text["Surveys.Share"], r => r.Share),
            new(text["Surveys.Mean"], r => r.Result.Mean),
            new(text["Surveys.Median"], r => r.Result.Median),
            new(text["Surveys.TopShare"], r => r.Result.TopShare),
        ];
        return await TableExport.ToFileAsync("xlsx", Survey.Title, "enquete-resultaten", rows, columns, clock, ct);
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var s = await surveys.GetAsync(id, ct);
        if (s is null) return false;
        Survey = s;
        Rates = await surveys.RatesAsync(id, ct);
        SeesAll = await surveys.SeesAllAsync();
        if (!SeesAll && Cluster is null && Rates.Count > 0) Cluster = Rates[0].ClusterId;
        var responses = await surveys.ResponsesAsync(id, Cluster, Sme, Size, ct);
        Hidden = responses is null;
        if (responses is null) return true;
        Responses = responses.Count;
        Results = s.Questions.Select(q => (q, SurveyResults.For(q, responses, English))).ToList();
        CompetitivenessKpi = SurveyResults.KpiValue(s, Survey.CompetitivenessKpi, responses);
        return true;
    }
}
