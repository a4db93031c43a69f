namespace Clusterpact.Web.Features.Surveys;

/// <summary>
/// Results per question for all clusters or one, filtered by size class, with charts and an Excel export. A cluster
/// manager sees only their own cluster. Every figure on the page and in the export follows the five-answer rule
/// (<see cref="SurveyDisclosure"/>): small groups are suppressed, also where a difference of two views would show them.
/// </summary>
public sealed class ResultsModel(GetSurveyResults results, IStringLocalizer<SharedResource> text, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Cluster { get; set; }
    [BindProperty(SupportsGet = true)] public SizeClass? Size { get; set; }
    [BindProperty(SupportsGet = true)] public bool Sme { get; set; }

    public Survey Survey { get; private set; } = null!;
    public IReadOnlyList<ClusterRate> Rates { get; private set; } = [];
    public IReadOnlyList<(SurveyQuestion Question, DisclosedQuestion Result)> Results { get; private set; } = [];
    public int? Responses { get; private set; }
    public bool Hidden { get; private set; }
    public bool AnySuppressed { get; private set; }
    public decimal? CompetitivenessKpi { get; private set; }
    public bool SeesAll { get; private set; }
    public bool English => Infrastructure.Localization.Cultures.IsEnglish;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetExportAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Hidden) return Forbid();
        var suppressed = text["Surveys.Suppressed", SurveyDisclosure.Threshold].Value;
        var rows = Results.SelectMany(r => !r.Result.Shown
            ? [(Q: r.Question, Option: suppressed, Count: (decimal?)null, Share: (decimal?)null, r.Result)]
            : r.Result.Counts.Count > 0
                ? r.Result.Counts.Select(o => (Q: r.Question, Option: o.Count is null ? $"{o.Label} ({suppressed})" : o.Label, Count: (decimal?)o.Count, Share: o.Share, r.Result))
                : [(Q: r.Question, Option: "", Count: (decimal?)r.Result.Answered, Share: (decimal?)null, r.Result)]).ToList();
        ExportColumn<(SurveyQuestion Q, string Option, decimal? Count, decimal? Share, DisclosedQuestion Result)>[] columns =
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
        var view = await results.HandleAsync(new SurveyResultsQuery(id, Cluster, Size, Sme, English), ct);
        if (view is null) return false;
        (Survey, Rates, SeesAll, Cluster) = (view.Survey, view.Rates, view.SeesAll, view.Cluster);
        Hidden = view.Hidden;
        if (view.Disclosed is not { Shown: true } disclosed) return true;
        Responses = disclosed.Responses;
        Results = Survey.Questions.Zip(disclosed.Questions).Select(x => (x.First, x.Second)).ToList();
        CompetitivenessKpi = disclosed.CompetitivenessKpi;
        AnySuppressed = disclosed.AnySuppressed;
        return true;
    }
}
