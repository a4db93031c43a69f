namespace Clusterpact.Web.Features.Organisations;

public sealed record OrganisationMembershipRow(Guid ClusterId, string ClusterName, DateOnly From, DateOnly? Until, MembershipRole Role, decimal? YearlyFee, bool ActiveToday);

public sealed record OrganisationDetails(Guid Id, long Version, string Name, OrganisationKind Kind, SizeClass? Size, string? EnterpriseNumber, string CountryCode,
    bool InternationallyActive, IReadOnlyList<OrganisationMembershipRow> Memberships, string? ForeignId = null, string? NaceCode = null, string? NutsRegion = null,
    SizeClass? SizeOverride = null, string? SizeOverrideJustification = null, IReadOnlyList<OrganisationFigures>? Figures = null);

/// <summary>One organisation with its memberships in the clusters the caller may see; not found otherwise.</summary>
public sealed class GetOrganisation(Scope scope, TimeProvider clock) : IUseCase
{
    public async Task<OrganisationDetails?> HandleAsync(Guid id, CancellationToken ct)
    {
        var today = clock.TodayInBrussels();
        var o = await scope.Organisations().AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (o is null) return null;
        var memberships = await scope.Memberships().AsNoTracking()
            .Where(m => m.OrganisationId == id)
            .Join(scope.Clusters(), m => m.ClusterId, c => c.Id, (m, c) => new { m, c.Name })
            .OrderBy(x => x.Name).ThenBy(x => x.m.From)
            .Select(x => new OrganisationMembershipRow(x.m.ClusterId, x.Name, x.m.From, x.m.Until, x.m.Role, x.m.YearlyFee,
                x.m.From <= today && (x.m.Until == null || x.m.Until >= today)))
            .ToListAsync(ct);
        return new OrganisationDetails(o.Id, o.Version, o.Name, o.Kind, o.SizeClass, o.EnterpriseNumber, o.CountryCode, o.InternationallyActive, memberships,
            o.ForeignId, o.NaceCode, o.NutsRegion, o.SizeOverride, o.SizeOverrideJustification, o.Figures.OrderBy(f => f.Year).ToList());
    }
}
