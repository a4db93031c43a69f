using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clusterpact.Web.Data.Configurations;

internal sealed class RegisterCodeConfiguration : IEntityTypeConfiguration<RegisterCode>
{
    public void Configure(EntityTypeBuilder<RegisterCode> b)
    {
        b.ToTable("register_codes");
        b.HasKey(c => new { c.Category, c.Code, c.Language });
        b.Property(c => c.Category).HasMaxLength(40);
        b.Property(c => c.Code).HasMaxLength(10);
        b.Property(c => c.Language).HasMaxLength(2);
        b.Property(c => c.Description).HasMaxLength(500).IsRequired();
    }
}
