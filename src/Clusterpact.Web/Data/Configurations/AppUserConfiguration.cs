using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clusterpact.Web.Data.Configurations;

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(200);
        // The user list's order by name (ListUsers: the page and the API), then id (COLLATE "C" on PostgreSQL).
        b.HasIndex(u => new { u.DisplayName, u.Id });
        b.Property(u => u.Affiliation).HasMaxLength(300);
        b.Property(u => u.AffiliationEnterpriseNumber).HasMaxLength(10);
        b.Property(u => u.PreferredCulture).HasMaxLength(5);
        b.HasMany(u => u.ClusterScopes).WithOne().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
