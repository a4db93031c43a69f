namespace Clusterpact.Domain.Clusters;

public enum ClusterType { SpearheadCluster, InnovativeBusinessNetwork, AdHocCluster }
