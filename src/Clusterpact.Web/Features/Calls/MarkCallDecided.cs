namespace Clusterpact.Web.Features.Calls;

/// <summary>Agency staff mark a call decided, once no application that went to review is left undecided.</summary>
public sealed class MarkCallDecided(ClusterpactDbContext db, Permissions permissions) : IUseCase
{
    public async Task<CommandOutcome> HandleAsync(Guid id, long version, CancellationToken ct)
    {
        var open = await db.Applications.AnyAsync(a => a.CallId == id && (a.Status == ApplicationStatus.Submitted || a.Status == ApplicationStatus.Eligible || a.Status == ApplicationStatus.UnderReview), ct);
        if (open) return CommandOutcome.Invalid("Status", "Call.UndecidedApplications");
        return await CallChanges.SaveCallAsync(db, permissions, id, version, c => c.MarkDecided(), ct);
    }
}
