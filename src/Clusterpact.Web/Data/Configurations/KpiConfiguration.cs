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

internal sealed class ClusterPactConfiguration : IEntityTypeConfiguration<ClusterPact>
{
    public void Configure(EntityTypeBuilder<ClusterPact> b)
    {
        b.ToTable("cluster_pacts");
        b.HasKey(p => p.Id);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasOne<Cluster>().WithMany().HasForeignKey(p => p.ClusterId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(p => p.ClusterId).IsUnique();
        b.Ignore(p => p.Latest);
        b.Ignore(p => p.Draft);
        b.OwnsMany(p => p.Versions, v =>
        {
            v.ToTable("pact_versions");
            v.WithOwner().HasForeignKey("PactId");
            v.HasKey("PactId", nameof(PactVersion.Number));
            v.Property(x => x.Number).ValueGeneratedNever();
            v.Property(x => x.Basis).HasMaxLength(200);
            v.Ignore(x => x.IsAdopted);
        });
        b.Navigation(p => p.Versions).HasField("_versions").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.OwnsMany(p => p.AllCommitments, c =>
        {
            c.ToTable("pact_commitments");
            c.WithOwner().HasForeignKey("PactId");
            c.HasKey(x => x.Id);
            c.Property(x => x.Id).ValueGeneratedNever();
            c.Property(x => x.PartyKind).HasConversion<string>().HasMaxLength(30);
            c.Property(x => x.Party).HasMaxLength(200);
            c.Property(x => x.Description).HasMaxLength(1000);
            c.Property(x => x.Owner).HasMaxLength(200);
            c.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            c.HasIndex("PactId", nameof(PactCommitment.VersionNumber), nameof(PactCommitment.Key)).IsUnique();
        });
        b.Navigation(p => p.AllCommitments).HasField("_commitments").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class AnnualReportConfiguration : IEntityTypeConfiguration<AnnualReport>
{
    public void Configure(EntityTypeBuilder<AnnualReport> b)
    {
        b.ToTable("annual_reports");
        b.HasKey(r => r.Id);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.Narrative).HasMaxLength(8000);
        b.HasOne<Cluster>().WithMany().HasForeignKey(r => r.ClusterId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => new { r.ClusterId, r.Year }).IsUnique();
        b.Ignore(r => r.IsEditable);
        b.Ignore(r => r.LatestRemark);
        b.OwnsMany(r => r.Values, v =>
        {
            v.ToTable("report_values");
            v.WithOwner().HasForeignKey("ReportId");
            v.HasKey("ReportId", nameof(ReportedValue.KpiCode));
            v.Property(x => x.KpiCode).HasMaxLength(60);
            v.Property(x => x.Value).HasPrecision(18, 4);
            v.Property(x => x.Comment).HasMaxLength(2000);
            v.Property(x => x.Evidence).HasMaxLength(1000);
            v.Property(x => x.Warning).HasMaxLength(60);
        });
        b.Navigation(r => r.Values).HasField("_values").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.OwnsMany(r => r.Commitments, c =>
        {
            c.ToTable("report_commitments");
            c.WithOwner().HasForeignKey("ReportId");
            c.HasKey("ReportId", nameof(CommitmentReport.CommitmentKey));
            c.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            c.Property(x => x.Comment).HasMaxLength(2000);
        });
        b.Navigation(r => r.Commitments).HasField("_commitments").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.OwnsMany(r => r.Steps, s =>
        {
            s.ToTable("report_steps");
            s.WithOwner().HasForeignKey("ReportId");
            s.HasKey(x => x.Id);
            s.Property(x => x.Id).ValueGeneratedNever();
            s.Property(x => x.From).HasConversion<string>().HasMaxLength(20);
            s.Property(x => x.To).HasConversion<string>().HasMaxLength(20);
            s.Property(x => x.By).HasMaxLength(256);
            s.Property(x => x.Remark).HasMaxLength(2000);
        });
        b.Navigation(r => r.Steps).HasField("_steps").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
