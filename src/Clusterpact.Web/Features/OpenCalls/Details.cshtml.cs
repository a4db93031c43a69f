namespace Clusterpact.Web.Features.OpenCalls;

/// <summary>A published call's public page: what is asked, how it is judged, until when, and the way to apply.</summary>
public sealed class DetailsModel(ClusterpactDbContext db, CurrentUser user, Permissions permissions, TimeProvider clock) : PageModel
{
    public Call Call { get; private set; } = null!;
    public bool English => Cultures.IsEnglish;
    public bool IsOpen => Call.IsOpenAt(clock.GetUtcNow());
    public bool MayApply { get; private set; }
    public bool SignedIn => user.IsAuthenticated;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var call = await db.Calls.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id && c.Status != CallStatus.Draft, ct);
        if (call is null) return NotFound();
        Call = call;
        MayApply = await permissions.HasAsync(Policies.Applying);
        return Page();
    }
}
