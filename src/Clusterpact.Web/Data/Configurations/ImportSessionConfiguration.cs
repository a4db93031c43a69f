using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clusterpact.Web.Data.Configurations;

internal sealed class ImportSessionConfiguration : IEntityTypeConfiguration<ImportSession>
{
    public void Configure(EntityTypeBuilder<ImportSession> b)
    {
        b.ToTable("import_sessions");
        b.HasKey(s => s.Id);
        b.Property(s => s.FileName).HasMaxLength(260);
        b.Property(s => s.StoredPath).HasMaxLength(500);
        b.Property(s => s.Mapping).HasMaxLength(4000);
        b.Property(s => s.Format).HasConversion<string>().HasMaxLength(10);
        b.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.Kind).HasConversion<string>().HasMaxLength(20).HasDefaultValue(ImportKind.Members).HasSentinel(ImportKind.Members);
        b.HasOne<Cluster>().WithMany().HasForeignKey(s => s.ClusterId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => new { s.CreatedBy, s.CreatedAt });
    }
}
