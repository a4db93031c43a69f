namespace Clusterpact.Web.Data;

/// <summary>A cluster organisation a cluster manager may act for.</summary>
public sealed class UserClusterScope
{
    public Guid UserId { get; set; }
    public Guid ClusterId { get; set; }
}
