namespace Clusterpact.Web.Features.Calls;

/// <summary>The ranking the decision committee reads: weighted totals, spread between experts, the budget line and ties at it.</summary>
public sealed class RankingModel(GetCallRanking getRanking, IStringLocalizer<SharedResource> text, TimeProvider clock) : PageModel
{
    public Call Call { get; private set; } = null!;
    public RankingResult? Result { get; private set; }
    public IReadOnlyDictionary<Guid, ApplicationRow> Rows { get; private set; } = new Dictionary<Guid, ApplicationRow>();
    public bool English => Cultures.IsEnglish;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetExportAsync(Guid id, string? format, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || Result is null) return NotFound();
        var columns = new List<ExportColumn<RankedApplication>>
        {
            new(text["Ranking.Rank"], r => r.Rank),
            new(text["Applications.Reference"], r => Rows.TryGetValue(r.ApplicationId, out var row) ? row.Reference : null),
            new(text["Applications.Applicant"], r => r.Name),
            new(text["Ranking.Total"], r => r.Total),
        };
        foreach (var c in Call.Criteria) columns.Add(new(c.Code, r => r.Criteria.Single(x => x.Code == c.Code).Used));
        columns.Add(new(text["Ranking.Spread"], r => r.MaxSpread));
        columns.Add(new(text["Applications.Requested"], r => r.RequestedEur));
        columns.Add(new(text["Ranking.Cumulative"], r => r.CumulativeRequestedEur));
        columns.Add(new(text["Ranking.Fundable"], r => r.FundableWithinBudget ? text["Common.Yes"].Value : text["Common.No"].Value));
        columns.Add(new(text["Ranking.TiedAtCutoff"], r => r.TiedAtBudgetCutoff ? text["Common.Yes"].Value : null));
        return await TableExport.ToFileAsync(format, text["Calls.Ranking"], "rangschikking", Result.Applications, columns, clock, ct);
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await getRanking.HandleAsync(id, ct) is not { } view) return false;
        (Call, Result, Rows) = (view.Call, view.Result, view.Rows);
        return true;
    }
}
