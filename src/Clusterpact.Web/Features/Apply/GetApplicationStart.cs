namespace Clusterpact.Web.Features.Apply;

/// <summary>What the start form shows: the call, and the name and enterprise number it starts from (the applicant's affiliation).</summary>
public sealed record ApplicationStart(Call Call, string? ApplicantName, string? EnterpriseNumber);

/// <summary>The start of an application on a call that is not a draft, in one handler; null when there is no such call.</summary>
public sealed class GetApplicationStart(ClusterpactDbContext db, CurrentUser user) : IUseCase
{
    public async Task<ApplicationStart?> HandleAsync(Guid callId, CancellationToken ct)
    {
        var call = await db.Calls.AsNoTracking().SingleOrDefaultAsync(c => c.Id == callId && c.Status != CallStatus.Draft, ct);
        if (call is null) return null;
        var me = await db.Users.AsNoTracking().Where(u => u.Id == (user.Id ?? Guid.Empty)).Select(u => new { u.Affiliation, u.AffiliationEnterpriseNumber }).SingleOrDefaultAsync(ct);
        return new ApplicationStart(call, me?.Affiliation, me?.AffiliationEnterpriseNumber);
    }
}
