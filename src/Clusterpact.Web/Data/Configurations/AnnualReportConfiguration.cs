using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clusterpact.Web.Data.Configurations;

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
        // The programme's KPIs (one year or a range of years across clusters) and the reports due (status, due day).
        b.HasIndex(r => new { r.Year, r.Status });
        b.HasIndex(r => new { r.Status, r.DueOn });
        // The API list's sort by due day (ReportsApi), then id.
        b.HasIndex(r => new { r.DueOn, r.Id });
        b.Ignore(r => r.IsEditable);
        b.Ignore(r => r.LatestRemark);
        b.OwnsMany(r => r.Values, v =>
        {
            v.ToTable("report_values");
            v.WithOwner().HasForeignKey("ReportId");
            v.HasKey("ReportId", nameof(ReportedValue.KpiCode));
            v.Property(x => x.KpiCode).HasMaxLength(60);
            // One KPI across the reports (the programme's value of a reported KPI).
            v.HasIndex(x => x.KpiCode);
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
