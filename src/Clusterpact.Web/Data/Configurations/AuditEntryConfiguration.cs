using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clusterpact.Web.Data.Configurations;

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
        // The API's sort by who (ListAuditEntries.Sort), then id (COLLATE "C" on PostgreSQL).
        b.HasIndex(a => new { a.UserName, a.Id });
        b.HasIndex(a => new { a.EntityType, a.EntityId });
    }
}
