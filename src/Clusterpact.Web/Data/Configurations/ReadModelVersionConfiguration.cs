using Clusterpact.Web.Infrastructure.ReadModels;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clusterpact.Web.Data.Configurations;

/// <summary>One row per data area, present from the start: a change only ever updates its area's row (decision 0020).</summary>
internal sealed class ReadModelVersionConfiguration : IEntityTypeConfiguration<ReadModelVersion>
{
    public void Configure(EntityTypeBuilder<ReadModelVersion> b)
    {
        b.ToTable("read_model_versions");
        b.HasKey(v => v.Area);
        b.Property(v => v.Area).HasConversion<string>().HasMaxLength(40);
        b.HasData(Enum.GetValues<ReadModelArea>().Select(a => new ReadModelVersion { Area = a, Version = 0 }));
    }
}
