using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clusterpact.Web.Data.Configurations;

internal sealed class RegisterLoadConfiguration : IEntityTypeConfiguration<RegisterLoad>
{
    public void Configure(EntityTypeBuilder<RegisterLoad> b)
    {
        b.ToTable("register_loads");
        b.HasKey(l => l.Id);
        b.Property(l => l.Type).HasConversion<string>().HasMaxLength(10);
        b.Property(l => l.ExtractTimestamp).HasMaxLength(40);
        b.Property(l => l.FormatVersion).HasMaxLength(20);
        b.Property(l => l.Source).HasMaxLength(300).IsRequired();
        b.Property(l => l.StagedFiles).HasMaxLength(1000).IsRequired();
        b.HasIndex(l => new { l.Completed, l.ExtractNumber });
    }
}
