using Clusterpact.Web.Features.Clusters;

namespace Clusterpact.Web.Features.Agreements;

/// <summary>What the extension form shows: the cluster, its agreements and their limit, the agreement extended, and the decided interim evaluations to rest it on.</summary>
public sealed record AgreementExtension(Guid ClusterId, string ClusterName, ClusterAgreements Agreements, AgreementView Agreement, IReadOnlyList<DecidedInterim> Evaluations);

/// <summary>
/// The extension form's content in one handler; null when the caller does not see the cluster or the agreement is not
/// one of its own (a 404).
/// </summary>
public sealed class GetAgreementExtension(ClusterAccess access, GetClusterAgreements agreements, ListDecidedInterims decidedInterims) : IUseCase
{
    public async Task<AgreementExtension?> HandleAsync(Guid clusterId, Guid agreementId, CancellationToken ct)
    {
        var name = await access.VisibleClusters().AsNoTracking().Where(c => c.Id == clusterId).Select(c => c.Name).SingleOrDefaultAsync(ct);
        if (name is null || await agreements.HandleAsync(clusterId, ct) is not { } all || all.Agreements.SingleOrDefault(a => a.Id == agreementId) is not { } agreement) return null;
        return new AgreementExtension(clusterId, name, all, agreement, await decidedInterims.HandleAsync(clusterId, ct));
    }
}
