using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clusterpact.Web.Data.Configurations;

internal sealed class KpiTargetConfiguration : IEntityTypeConfiguration<KpiTarget>
{
    public void Configure(EntityTypeBuilder<KpiTarget> b)
    {
        b.ToTable("kpi_targets");
        b.HasKey(t => t.Id);
        b.Property(t => t.Version).IsConcurrencyToken();
        b.Property(t => t.KpiCode).HasMaxLength(60);
        b.Property(t => t.Baseline).HasPrecision(18, 4);
        b.Property(t => t.Target).HasPrecision(18, 4);
        b.HasOne<Cluster>().WithMany().HasForeignKey(t => t.ClusterId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(t => new { t.ClusterId, t.KpiCode, t.Year }).IsUnique();
        // One KPI in one year across the clusters.
        b.HasIndex(t => new { t.KpiCode, t.Year });
        // The API lists one cluster's targets (ListKpiTargets): by id, year or target within the cluster (by code: the unique
        // index above, and on PostgreSQL its COLLATE "C" twin).
        b.HasIndex(t => new { t.ClusterId, t.Id });
        b.HasIndex(t => new { t.ClusterId, t.Year });
        b.HasIndex(t => new { t.ClusterId, t.Target });
        b.OwnsMany(t => t.Changes, c =>
        {
            c.ToTable("kpi_target_changes");
            c.WithOwner().HasForeignKey("TargetId");
            c.HasKey(x => x.Id);
            c.Property(x => x.Id).ValueGeneratedNever();
            c.Property(x => x.From).HasPrecision(18, 4);
            c.Property(x => x.To).HasPrecision(18, 4);
            c.Property(x => x.Reason).HasMaxLength(1000);
            c.Property(x => x.By).HasMaxLength(256);
        });
        b.Navigation(t => t.Changes).HasField("_changes").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
