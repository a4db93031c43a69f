using Clusterpact.Domain.Common;

namespace Clusterpact.Domain.Tests.Common;

/// <summary>Who takes a lifecycle step in a test, one actor each, as the lifecycle tables name them.</summary>
internal static class TestActors
{
    public static readonly IReadOnlySet<Actor> AsAgency = new HashSet<Actor> { Actor.Agency };
    public static readonly IReadOnlySet<Actor> AsCluster = new HashSet<Actor> { Actor.ClusterManager };
    public static readonly IReadOnlySet<Actor> AsApplicant = new HashSet<Actor> { Actor.Applicant };
    public static readonly IReadOnlySet<Actor> AsExpert = new HashSet<Actor> { Actor.Expert };
}
