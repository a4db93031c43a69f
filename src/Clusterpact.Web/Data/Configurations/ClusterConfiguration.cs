using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clusterpact.Web.Data.Configurations;

internal sealed class ClusterConfiguration : IEntityTypeConfiguration<Cluster>
{
    public void Configure(EntityTypeBuilder<Cluster> b)
    {
        b.ToTable("clusters");
        b.HasKey(c => c.Id);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.Property(c => c.Name).HasMaxLength(Cluster.NameMaxLength).IsRequired();
        b.HasIndex(c => c.Name).IsUnique();
        b.Property(c => c.Type).HasConversion<string>().HasMaxLength(40);
        b.Property(c => c.Status).HasConversion<string>().HasMaxLength(40);
        b.Property(c => c.StrategicDomain).HasMaxLength(Cluster.DomainMaxLength);
        // The list's sort by domain (ListClusters: the page and the API), then id (COLLATE "C" on PostgreSQL).
        b.HasIndex(c => new { c.StrategicDomain, c.Id });
        b.Property(c => c.OriginCall).HasMaxLength(100);
        b.Property(c => c.EnterpriseNumber).HasMaxLength(10);
        b.Property(c => c.Website).HasMaxLength(300);
        b.Property(c => c.ContactName).HasMaxLength(200);
        b.Property(c => c.ContactEmail).HasMaxLength(254);
    }
}
