namespace Clusterpact.Domain.Clusters;

/// <summary>Where a cluster organisation stands in the policy over time.</summary>
public enum ClusterStatus
{
    /// <summary>Applied to a call, no support decision yet.</summary>
    Applicant,
    /// <summary>Operating aid under a running support agreement.</summary>
    Supported,
    /// <summary>Support ended and the organisation stopped or merged.</summary>
    Ended,
    /// <summary>Support ended; the organisation goes on without structural funding (green paper scenario 1).</summary>
    ContinuedWithoutSupport,
}
