namespace Clusterpact.Web.Features.AnswerPack;

/// <summary>
/// The minister's answer pack for a chosen day: as a page, a PDF and an Excel workbook with the figures. The page pages
/// its goals per spearhead cluster and KPI (thousands of rows at EU size, issue 18); the PDF and the workbook are whole.
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

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnGetPdfAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return Page();
        return File(AnswerPackDocument.Pdf(Data, text), "application/pdf", $"antwoord-clusterpacten-{Data.On:yyyyMMdd}.pdf");
    }

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return Page();
        return File(await AnswerPackDocument.WorkbookAsync(Data, text, ct), TableExport.XlsxContentType, $"antwoord-clusterpacten-{Data.On:yyyyMMdd}.xlsx");
    }

    /// <summary>A day that cannot be read, or lies outside the programme's life, is explained and today's pack shown instead.</summary>
    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        // The day only: a page number that cannot be read is ignored, as on every list.
        var valid = ModelState.GetValidationState(nameof(On)) != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid;
        if (!valid) ModelState.AddModelError(nameof(On), text["Answer.DateInvalid"]);
        if (On is { } on && (on < GetAnswerPack.Earliest || on > answerPack.Today))
        {
            ModelState.AddModelError(nameof(On), text["Answer.DateRange", Infrastructure.Formatting.Format.Date(GetAnswerPack.Earliest), Infrastructure.Formatting.Format.Date(answerPack.Today)]);
            valid = false;
        }
        Data = await answerPack.HandleAsync(valid && On is { } day ? day : answerPack.Today, ct);
        Summaries = AnswerPackDocument.Questions.ToDictionary(q => q, q => AnswerPackDocument.Summary(q, Data, text, named: 10));
        return valid;
    }

    protected override IEnumerable<KeyValuePair<string, string?>> Filters() =>
        [new("on", On?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))];
}
