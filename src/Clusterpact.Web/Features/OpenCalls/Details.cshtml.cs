namespace Clusterpact.Web.Features.OpenCalls;

/// <summary>A published call's public page: what is asked, how it is judged, until when, and the way to apply.</summary>
public sealed class DetailsModel(GetOpenCall getOpenCall, CurrentUser user) : PageModel
{
    public Call Call { get; private set; } = null!;
    public bool English => Cultures.IsEnglish;
    public bool IsOpen { get; private set; }
    public bool MayApply { get; private set; }
    public bool SignedIn => user.IsAuthenticated;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await getOpenCall.HandleAsync(id, ct) is not { } view) return NotFound();
        (Call, IsOpen, MayApply) = (view.Call, view.IsOpen, view.MayApply);
        return Page();
    }
}
