using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clusterpact.Web.Data.Configurations;

internal sealed class UserClusterScopeConfiguration : IEntityTypeConfiguration<UserClusterScope>
{
    public void Configure(EntityTypeBuilder<UserClusterScope> b)
    {
        b.ToTable("user_cluster_scopes");
        b.HasKey(s => new { s.UserId, s.ClusterId });
        b.HasOne<Cluster>().WithMany().HasForeignKey(s => s.ClusterId).OnDelete(DeleteBehavior.Cascade);
    }
}
