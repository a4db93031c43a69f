namespace Clusterpact.Web.Features.Funds;

/// <summary>
/// The funds page: the years that have envelopes, the year shown (the one asked, else this year when it has envelopes,
/// else the latest), its envelopes, and whether the caller opens envelopes (agency staff).
/// </summary>
public sealed record EnvelopeYear(IReadOnlyList<int> Years, int? Year, IReadOnlyList<EnvelopeRow> Rows, bool CanManage);

/// <summary>The envelopes of one year as the funds page draws them, in one handler.</summary>
public sealed class GetEnvelopeYear(Scope scope, ListEnvelopes envelopes, Permissions permissions, TimeProvider clock) : IUseCase
{
    public async Task<EnvelopeYear> HandleAsync(int? year, CancellationToken ct)
    {
        var canManage = await permissions.HasAsync(Policies.AgencyStaff);
        var years = await scope.Envelopes().Select(e => e.Year).Distinct().OrderByDescending(y => y).ToListAsync(ct);
        var today = clock.TodayInBrussels();
        year ??= years.Count > 0 ? (years.Contains(today.Year) ? today.Year : years[0]) : null;
        var rows = await envelopes.HandleAsync(year, null, ct);
        return new EnvelopeYear(years, year, rows, canManage);
    }
}
