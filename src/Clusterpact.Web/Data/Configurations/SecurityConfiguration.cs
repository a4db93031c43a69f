using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clusterpact.Web.Data.Configurations;

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(200);
        b.Property(u => u.Affiliation).HasMaxLength(300);
        b.Property(u => u.AffiliationEnterpriseNumber).HasMaxLength(10);
        b.Property(u => u.PreferredCulture).HasMaxLength(5);
        b.HasMany(u => u.ClusterScopes).WithOne().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class UserClusterScopeConfiguration : IEntityTypeConfiguration<UserClusterScope>
{
    public void Configure(EntityTypeBuilder<UserClusterScope> b)
    {
        b.ToTable("user_cluster_scopes");
        b.HasKey(s => new { s.UserId, s.ClusterId });
        b.HasOne<Cluster>().WithMany().HasForeignKey(s => s.ClusterId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("audit_entries");
        b.HasKey(a => a.Id);
        b.Property(a => a.UserName).HasMaxLength(256);
        b.Property(a => a.EntityType).HasMaxLength(100);
        b.Property(a => a.EntityId).HasMaxLength(100);
        b.Property(a => a.Field).HasMaxLength(100);
        b.Property(a => a.Action).HasConversion<string>().HasMaxLength(20);
        // The trail's keyset order, newest first: (At, Id), read backwards.
        b.HasIndex(a => new { a.At, a.Id });
        b.HasIndex(a => new { a.EntityType, a.EntityId });
    }
}
