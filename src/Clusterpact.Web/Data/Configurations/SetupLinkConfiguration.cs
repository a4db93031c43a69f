using Clusterpact.Web.Infrastructure.Setup;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clusterpact.Web.Data.Configurations;

internal sealed class SetupLinkConfiguration : IEntityTypeConfiguration<SetupLink>
{
    public void Configure(EntityTypeBuilder<SetupLink> b)
    {
        b.ToTable("setup_links");
        b.HasKey(l => l.Id);
        b.Property(l => l.TokenHash).HasMaxLength(32).IsRequired();
        b.HasIndex(l => l.TokenHash).IsUnique();
    }
}
