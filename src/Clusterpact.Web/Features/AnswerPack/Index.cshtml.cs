namespace Clusterpact.Web.Features.AnswerPack;

/// <summary>
/// The minister's answer pack for a chosen day: as a page, a PDF and an Excel workbook with the figures. The page pages
/// its goals per spearhead cluster and KPI (thousands of rows at EU size, issue 18); the PDF and the workbook are whole,
/// rendered once per kept pack (<see cref="GetAnswerPack.DocumentAsync"/>).
/// </summary>
public sealed class IndexModel(GetAnswerPack answerPack, IStringLocalizer<SharedResource> text) : ListPageModel
{
    [BindProperty(SupportsGet = true)] public DateOnly? On { get; set; }

    public AnswerPackData Data { get; private set; } = null!;

    /// <summary>The page of goals shown.</summary>
    public Paged<GoalAnswer> Goals => _goals ??= Data.Goals.ToPage(PageRequest);
    private Paged<GoalAnswer>? _goals;

    /// <summary>The pacts the page shows; the rest are in the workbook (757 at EU size, issue 18).</summary>
    public IReadOnlyList<PactAnswer> Pacts => Data.Pacts.Take(ShownOnPage).ToList();

    /// <summary>How many pacts the page shows, and how many names an answer lists before "and N more".</summary>
    public const int ShownOnPage = 25;

    /// <summary>The short answer to each question, the same words as in the PDF (which names every report and cluster the page counts).</summary>
    public IReadOnlyDictionary<string, string> Summaries { get; private set; } = new Dictionary<string, string>();

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ShowAsync(Day(), ct);

    public async Task<IActionResult> OnGetPdfAsync(CancellationToken ct)
    {
        if (Day() is not { } day) return await ShowAsync(null, ct);
        var pdf = await answerPack.DocumentAsync("Pdf", day, (d, _) => Task.FromResult(AnswerPackDocument.Pdf(d, text)), ct);
        return File(pdf, "application/pdf", $"antwoord-clusterpacten-{day:yyyyMMdd}.pdf");
    }

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken ct)
    {
        if (Day() is not { } day) return await ShowAsync(null, ct);
        var workbook = await answerPack.DocumentAsync("Xlsx", day, async (d, t) => (await AnswerPackDocument.WorkbookAsync(d, text, t)).ToArray(), ct);
        return File(workbook, TableExport.XlsxContentType, $"antwoord-clusterpacten-{day:yyyyMMdd}.xlsx");
    }

    /// <summary>The page of the pack for the day; without one (null), today's pack.</summary>
    private async Task<IActionResult> ShowAsync(DateOnly? day, CancellationToken ct)
    {
        Data = await answerPack.HandleAsync(day ?? answerPack.Today, ct);
        Summaries = AnswerPackDocument.Questions.ToDictionary(q => q, q => AnswerPackDocument.Summary(q, Data, text, named: 10));
        return Page();
    }

    /// <summary>The day asked for (today when none); null for a day that cannot be read or lies outside the programme's life, explained on the page.</summary>
    private DateOnly? Day()
    {
        // The day only: a page number that cannot be read is ignored, as on every list.
        var valid = ModelState.GetValidationState(nameof(On)) != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid;
        if (!valid) ModelState.AddModelError(nameof(On), text["Answer.DateInvalid"]);
        if (On is { } on && (on < GetAnswerPack.Earliest || on > answerPack.Today))
        {
            ModelState.AddModelError(nameof(On), text["Answer.DateRange", Infrastructure.Formatting.Format.Date(GetAnswerPack.Earliest), Infrastructure.Formatting.Format.Date(answerPack.Today)]);
            valid = false;
        }
        return valid ? On ?? answerPack.Today : null;
    }

    protected override IEnumerable<KeyValuePair<string, string?>> Filters() =>
        [new("on", On?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))];
}
