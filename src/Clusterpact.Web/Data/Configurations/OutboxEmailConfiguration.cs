using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clusterpact.Web.Data.Configurations;

internal sealed class OutboxEmailConfiguration : IEntityTypeConfiguration<OutboxEmail>
{
    public void Configure(EntityTypeBuilder<OutboxEmail> b)
    {
        b.ToTable("outbox_emails");
        b.HasKey(e => e.Id);
        b.Property(e => e.To).HasMaxLength(254).IsRequired();
        b.Property(e => e.Subject).HasMaxLength(300).IsRequired();
        b.Property(e => e.Category).HasMaxLength(100);
        b.Property(e => e.DedupKey).HasMaxLength(300).IsRequired();
        b.HasIndex(e => e.DedupKey).IsUnique();
        b.HasIndex(e => new { e.SentAt, e.CreatedAt });
        // The outbox list, newest first: (CreatedAt, Id), read backwards.
        b.HasIndex(e => new { e.CreatedAt, e.Id });
        b.Property(e => e.LastError).HasMaxLength(1000);
    }
}
