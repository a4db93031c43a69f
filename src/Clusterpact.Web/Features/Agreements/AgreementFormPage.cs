using Clusterpact.Web.Features.Clusters;

namespace Clusterpact.Web.Features.Agreements;

/// <summary>
/// The agency's agreement forms on a cluster (new, shorten): the cluster the form is about and, for a change of
/// an agreement, the cluster's agreements and that one. An unknown cluster, or an agreement of another cluster, is a 404.
/// </summary>
public abstract class AgreementFormPage(GetClusterDetails details, GetClusterAgreements agreements) : PageModel
{
    public ClusterDetails Cluster { get; private set; } = null!;
    public ClusterAgreements Agreements { get; private set; } = null!;
    public AgreementView Agreement { get; private set; } = null!;

    /// <summary>Loads what the form shows; null when it is there, else the answer (404).</summary>
    protected async Task<IActionResult?> LoadAsync(Guid id, Guid? agreementId, CancellationToken ct)
    {
        var cluster = await details.HandleAsync(id, 1, ct);
        if (cluster is null) return NotFound();
        Cluster = cluster;
        if (agreementId is null) return null;
        var all = await agreements.HandleAsync(id, ct);
        var agreement = all?.Agreements.SingleOrDefault(a => a.Id == agreementId);
        if (all is null || agreement is null) return NotFound();
        (Agreements, Agreement) = (all, agreement);
        return null;
    }
}
