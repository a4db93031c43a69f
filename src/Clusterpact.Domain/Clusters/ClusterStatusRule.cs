namespace Clusterpact.Domain.Clusters;

/// <summary>Derives a cluster's status on a date from its support period, as the reference data gives it.</summary>
public static class ClusterStatusRule
{
    /// <summary>
    /// Supported while the date lies in [start, end]; ended after the end; applicant before the start.
    /// A cluster with no dates at all (ad-hoc clusters, MEDVIA in the seeds) counts as supported: the seeds
    /// name it as running without giving its dates. A cluster with only an end date (the IBNs) was supported
    /// until then.
    /// </summary>
    public static ClusterStatus StatusOn(DateOnly date, DateOnly? start, DateOnly? end)
    {
        if (start is { } s && date < s) return ClusterStatus.Applicant;
        if (end is { } e && date > e) return ClusterStatus.Ended;
        return ClusterStatus.Supported;
    }
}
