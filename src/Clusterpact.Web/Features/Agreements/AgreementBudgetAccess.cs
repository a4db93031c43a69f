using Clusterpact.Web.Features.Clusters;

namespace Clusterpact.Web.Features.Agreements;

/// <summary>
/// What the use cases of an agreement's money share: the agreement of a cluster the caller sees, a change to one of its
/// working years under the access rule (agency staff, and for cofinancing the cluster's manager), and the form field a
/// refusal is shown next to.
/// </summary>
public sealed class AgreementBudgetAccess(ClusterpactDbContext db, ClusterAccess access, Permissions permissions)
{
    public Task<SupportAgreement?> FindAgreementAsync(Guid clusterId, Guid agreementId, CancellationToken ct) =>
        db.SupportAgreements.AsNoTracking()
            .Where(a => a.Id == agreementId && a.ClusterId == clusterId && access.VisibleClusters().Any(c => c.Id == clusterId))
            .SingleOrDefaultAsync(ct);

    /// <summary>
    /// A change to a working year by the access rule; with <paramref name="version"/> (the API's If-Match) only to the year
    /// as it was read, else a conflict and nothing changed. The page's forms hold no version and pass null.
    /// </summary>
    public async Task<CommandOutcome> ChangeYearAsync(Guid clusterId, Guid agreementId, Guid yearId, bool allowManager, Func<AgreementYear, Result> change, long? version,
        CancellationToken ct)
    {
        if (await FindAgreementAsync(clusterId, agreementId, ct) is null) return CommandOutcome.NotFound;
        var allowed = await permissions.HasAsync(Policies.AgencyStaff) || (allowManager && await access.CanEditAsync(clusterId, ct));
        if (!allowed) return CommandOutcome.Forbidden;
        var year = await db.AgreementYears.SingleOrDefaultAsync(y => y.Id == yearId && y.AgreementId == agreementId, ct);
        if (year is null) return CommandOutcome.NotFound;
        if (version is { } v && year.Version != v) return CommandOutcome.Conflict;
        var result = change(year);
        if (!result.IsSuccess) return Invalid(result.Error!);
        db.Entry(year).State = EntityState.Modified; // an added payment row alone would not raise the year's version
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return CommandOutcome.Conflict; }
        return CommandOutcome.Ok(year.Version);
    }

    /// <summary>Rows of agreements mapped with the cluster of their agreement, read in one query for the rows.</summary>
    public async Task<IReadOnlyList<TOut>> WithClustersAsync<TRow, TOut>(IReadOnlyList<TRow> rows, Func<TRow, Guid> agreementOf, Func<TRow, Guid, TOut> map, CancellationToken ct)
    {
        var ids = rows.Select(agreementOf).Distinct().ToList();
        var clusters = await db.SupportAgreements.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.ClusterId, ct);
        return rows.Select(r => map(r, clusters[agreementOf(r)])).ToList();
    }

    /// <summary>A refusal next to the field of the form it is about (the budget page's forms name their fields plainly).</summary>
    public static CommandOutcome Invalid(DomainError e) => CommandOutcome.Invalid(e.Field ?? e.Code switch
    {
        "Budget.YearOutsideAgreement" or "Budget.YearExists" => "yearStart",
        "Cofinancing.BeforeYear" => "paidOn",
        "Cofinancing.AmountNotPositive" or "Payment.AmountNotPositive" or "Payment.AboveGranted" => "amount",
        "Cofinancing.LapseNeedsNote" => "note",
        _ => "",
    }, e.Code);
}
