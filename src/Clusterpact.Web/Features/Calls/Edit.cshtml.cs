using Clusterpact.Web.Features.Clusters;

namespace Clusterpact.Web.Features.Calls;

/// <summary>Prepares a call, or revises a draft: terms in Brussels time, criteria with weights, the documents asked.</summary>
public sealed class EditModel(GetCall getCall, CreateCall createCall, ReviseCall reviseCall, IStringLocalizer<SharedResource> text) : PageModel
{
    public const int CriterionRows = 8;
    public const int DocumentRows = 6;

    public sealed class CriterionInput
    {
        public string? Code { get; set; }
        public string? NameNl { get; set; }
        public string? NameEn { get; set; }
        public int? Weight { get; set; }
        public bool IsBlank => string.IsNullOrWhiteSpace(Code) && string.IsNullOrWhiteSpace(NameNl) && string.IsNullOrWhiteSpace(NameEn) && Weight is null;
    }

    public sealed class DocumentInput
    {
        public string? Code { get; set; }
        public string? NameNl { get; set; }
        public string? NameEn { get; set; }
        public bool IsBlank => string.IsNullOrWhiteSpace(Code) && string.IsNullOrWhiteSpace(NameNl) && string.IsNullOrWhiteSpace(NameEn);
    }

    public sealed class InputModel
    {
        public long Version { get; set; }
        public CallKind Kind { get; set; } = CallKind.InnovativeBusinessNetwork;
        [Required(ErrorMessage = "Validation.Required"), StringLength(Call.TitleMaxLength, ErrorMessage = "Validation.MaxLength"), Display(Name = "Calls.TitleNl")]
        public string? TitleNl { get; set; }
        [Required(ErrorMessage = "Validation.Required"), StringLength(Call.TitleMaxLength, ErrorMessage = "Validation.MaxLength"), Display(Name = "Calls.TitleEn")]
        public string? TitleEn { get; set; }
        [Required(ErrorMessage = "Validation.Required"), Display(Name = "Calls.Budget")]
        public string? BudgetEur { get; set; }
        [Required(ErrorMessage = "Validation.Required"), Display(Name = "Calls.Opens")]
        public DateTime? OpensLocal { get; set; }
        [Required(ErrorMessage = "Validation.Required"), Display(Name = "Calls.Closes")]
        public DateTime? ClosesLocal { get; set; }
        public int ScaleMin { get; set; }
        public int ScaleMax { get; set; } = 10;
        public bool HideApplicant { get; set; }
        public List<CriterionInput> Criteria { get; set; } = [];
        public List<DocumentInput> Documents { get; set; } = [];
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public Guid? CallId { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (id is { } existing)
        {
            var call = await getCall.HandleAsync(existing, ct);
            if (call is null) return NotFound();
            if (call.Status != CallStatus.Draft) return Redirect($"/Calls/Details/{existing}");
            CallId = existing;
            Input = new InputModel
            {
                Version = call.Version, Kind = call.Kind, TitleNl = call.TitleNl, TitleEn = call.TitleEn, BudgetEur = call.BudgetEur.ToString("N2", System.Globalization.CultureInfo.CurrentCulture),
                OpensLocal = BrusselsTime.ToLocal(call.OpensAt).DateTime, ClosesLocal = BrusselsTime.ToLocal(call.ClosesAt).DateTime, ScaleMin = call.Scale.Min, ScaleMax = call.Scale.Max,
                HideApplicant = call.HideApplicantFromExperts,
                Criteria = call.Criteria.Select(c => new CriterionInput { Code = c.Code, NameNl = c.NameNl, NameEn = c.NameEn, Weight = c.Weight }).ToList(),
                Documents = call.RequiredDocuments.Select(d => new DocumentInput { Code = d.Code, NameNl = d.NameNl, NameEn = d.NameEn }).ToList(),
            };
        }
        Pad();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        CallId = id;
        var budget = BelgianFormats.ParseNumber(Input.BudgetEur);
        if (Input.BudgetEur is not null && budget is null) ModelState.AddModelError("Input.BudgetEur", text["Validation.Amount", Input.BudgetEur]);
        for (var i = 0; i < Input.Criteria.Count; i++)
            if (!Input.Criteria[i].IsBlank && Input.Criteria[i].Weight is null) ModelState.AddModelError("Input.Criteria", text["Call.WeightNotPositive"]);
        if (!ModelState.IsValid) { Pad(); return Page(); }
        var terms = new CallTerms(Input.Kind, Input.TitleNl!, Input.TitleEn!, budget!.Value, Input.OpensLocal!.Value, Input.ClosesLocal!.Value, Input.ScaleMin, Input.ScaleMax, Input.HideApplicant,
            Input.Criteria.Where(c => !c.IsBlank).Select(c => new CallCriterion(c.Code ?? "", c.NameNl ?? "", c.NameEn ?? "", c.Weight ?? 0)).ToList(),
            Input.Documents.Where(d => !d.IsBlank).Select(d => new RequiredDocument(d.Code ?? "", d.NameNl ?? "", d.NameEn ?? "")).ToList());
        var outcome = id is { } existing ? await reviseCall.HandleAsync(existing, Input.Version, terms, ct) : await createCall.HandleAsync(terms, ct);
        var target = id ?? outcome.CreatedId ?? Guid.Empty;
        var answer = CommandOutcomePage.Handle(this, outcome, $"/Calls/Details/{target}", text, "Input");
        if (answer is PageResult) Pad();
        return answer;
    }

    /// <summary>Blank rows to fill in, so a call gets more criteria or documents without script.</summary>
    private void Pad()
    {
        while (Input.Criteria.Count < CriterionRows) Input.Criteria.Add(new CriterionInput());
        while (Input.Documents.Count < DocumentRows) Input.Documents.Add(new DocumentInput());
    }
}
