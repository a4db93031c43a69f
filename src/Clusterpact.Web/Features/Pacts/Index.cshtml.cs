namespace Clusterpact.Web.Features.Pacts;

/// <summary>A cluster's pact: every version with its commitments, the yearly review as a draft, adoption, and the comparison of two versions.</summary>
public sealed class IndexModel(GetPact getPact, StartPact startPact, ReviewPact reviewPact, SavePactCommitment saveCommitment, RemovePactCommitment removeCommitment,
    AdoptPact adoptPact, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Show { get; set; }
    [BindProperty(SupportsGet = true)] public int? From { get; set; }
    [BindProperty(SupportsGet = true)] public int? To { get; set; }

    public string ClusterName { get; private set; } = "";
    public bool IsSpearhead { get; private set; }
    public ClusterPact? Pact { get; private set; }
    public bool CanEdit { get; private set; }
    public bool CanAdopt { get; private set; }
    public IReadOnlyList<CommitmentDiff> Diff { get; private set; } = [];

    [BindProperty] public long Version { get; set; }
    [BindProperty] public int? Year { get; set; }
    [BindProperty] public string? Basis { get; set; }
    [BindProperty] public Guid? Key { get; set; }
    [BindProperty] public PartyKind PartyKind { get; set; }
    [BindProperty] public string? Party { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public string? Owner { get; set; }
    [BindProperty] public DateOnly? Due { get; set; }
    [BindProperty] public CommitmentStatus Status { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostStartAsync(Guid id, CancellationToken ct) =>
        await AnswerAsync(id, await startPact.HandleAsync(id, Year, Basis, ct), ct);

    public async Task<IActionResult> OnPostReviewAsync(Guid id, CancellationToken ct) =>
        await AnswerAsync(id, await reviewPact.HandleAsync(id, Version, Year, Basis, ct), ct);

    public async Task<IActionResult> OnPostCommitmentAsync(Guid id, CancellationToken ct) =>
        await AnswerAsync(id, await saveCommitment.HandleAsync(
            new SavePactCommitmentCommand(id, Version, Key, PartyKind, Party ?? "", Description ?? "", Owner ?? "", Due, Status), ct), ct);

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, CancellationToken ct) =>
        await AnswerAsync(id, await removeCommitment.HandleAsync(id, Version, Key ?? Guid.Empty, ct), ct);

    public async Task<IActionResult> OnPostAdoptAsync(Guid id, CancellationToken ct) =>
        await AnswerAsync(id, await adoptPact.HandleAsync(id, Version, ct), ct);

    private Task<IActionResult> AnswerAsync(Guid id, CommandOutcome outcome, CancellationToken ct) =>
        CommandOutcomePage.HandleAsync(this, outcome, $"/Pacts/{id}", text, "Input", () => LoadAsync(id, ct));

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var found = await getPact.HandleAsync(id, ct);
        if (found is null) return false;
        (ClusterName, IsSpearhead, Pact, CanEdit, CanAdopt) = found;
        if (Pact is not null)
        {
            // A version number that the pact does not have (typed into the address) shows the latest, not an error.
            if (Show is not { } asked || Pact.Versions.All(v => v.Number != asked)) Show = Pact.Latest.Number;
            if (From is { } f && To is { } t && Pact.Versions.Any(v => v.Number == f) && Pact.Versions.Any(v => v.Number == t)) Diff = Pact.Compare(f, t);
        }
        return true;
    }
}
