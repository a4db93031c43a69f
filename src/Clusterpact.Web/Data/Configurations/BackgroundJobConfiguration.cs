using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clusterpact.Web.Data.Configurations;

internal sealed class BackgroundJobConfiguration : IEntityTypeConfiguration<BackgroundJob>
{
    public void Configure(EntityTypeBuilder<BackgroundJob> b)
    {
        b.ToTable("background_jobs");
        b.HasKey(j => j.Id);
        b.Property(j => j.Kind).HasMaxLength(100).IsRequired();
        b.Property(j => j.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(j => j.ProgressText).HasMaxLength(300);
        b.Property(j => j.Error).HasMaxLength(300);
        b.HasIndex(j => new { j.Status, j.CreatedAt });
    }
}
