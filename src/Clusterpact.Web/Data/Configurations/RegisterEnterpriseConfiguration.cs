using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clusterpact.Web.Data.Configurations;

internal sealed class RegisterEnterpriseConfiguration : IEntityTypeConfiguration<RegisterEnterprise>
{
    public void Configure(EntityTypeBuilder<RegisterEnterprise> b)
    {
        // The loader writes this table with its own SQL (EnterpriseRegister/RegisterMerge): its names are part of that SQL.
        b.ToTable("register_enterprises");
        b.HasKey(e => e.EnterpriseNumber);
        b.Property(e => e.EnterpriseNumber).HasMaxLength(10);
        b.Property(e => e.LegalForm).HasMaxLength(10);
        b.Property(e => e.Name).HasMaxLength(320);
        b.Property(e => e.NaceCode).HasMaxLength(10);
        b.Property(e => e.NaceVersion).HasMaxLength(4);
        b.Property(e => e.PostalCode).HasMaxLength(20);
        b.Property(e => e.Municipality).HasMaxLength(200);
        b.Property(e => e.Change).HasConversion<string>().HasMaxLength(10);
        b.Property(e => e.PreviousName).HasMaxLength(320);
        b.Property(e => e.PreviousLegalForm).HasMaxLength(10);
        b.Property(e => e.PreviousNaceCode).HasMaxLength(10);
        b.Property(e => e.PreviousPostalCode).HasMaxLength(20);
        // "What changed in the last extract" reads one extract's changes.
        b.HasIndex(e => e.ChangedInExtract);
    }
}
