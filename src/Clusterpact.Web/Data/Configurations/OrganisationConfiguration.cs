using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clusterpact.Web.Data.Configurations;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> b)
    {
        b.ToTable("organisations");
        b.HasKey(o => o.Id);
        b.Property(o => o.Version).IsConcurrencyToken();
        b.Property(o => o.Name).HasMaxLength(300).IsRequired();
        // The register's keyset order (name, then id). PostgreSQL sorts it COLLATE "C" (TextOrder.Binary), so its
        // context declares this index in that collation; SQLite compares BINARY already.
        b.HasIndex(o => new { o.Name, o.Id });
        b.Property(o => o.Kind).HasConversion<string>().HasMaxLength(40);
        b.Property(o => o.SizeClass).HasConversion<string>().HasMaxLength(20);
        b.Property(o => o.EnterpriseNumber).HasMaxLength(10);
        // An organisation exists once in the whole system: one row per enterprise number.
        b.HasIndex(o => o.EnterpriseNumber).IsUnique();
        b.Property(o => o.CountryCode).HasMaxLength(2).IsRequired();
        b.Property(o => o.ForeignId).HasMaxLength(40);
        // A foreign member exists once too: one row per country and national id.
        b.HasIndex(o => new { o.CountryCode, o.ForeignId }).IsUnique();
        b.Property(o => o.NaceCode).HasMaxLength(10);
        b.Property(o => o.NutsRegion).HasMaxLength(5);
        b.Property(o => o.SizeOverride).HasConversion<string>().HasMaxLength(20);
        b.Property(o => o.SizeOverrideJustification).HasMaxLength(1000);
        b.HasIndex(o => new { o.Kind, o.SizeClass });
        // The register sorted by kind or by country (ListOrganisations): by name and id within each, read from the index.
        b.HasIndex(o => new { o.Kind, o.Name, o.Id });
        b.HasIndex(o => new { o.CountryCode, o.Name, o.Id });
        b.OwnsMany(o => o.Figures, f =>
        {
            f.ToTable("organisation_figures");
            f.WithOwner().HasForeignKey("OrganisationId");
            f.HasKey("OrganisationId", nameof(OrganisationFigures.Year));
            f.Property(x => x.Headcount).HasPrecision(10, 2);
            f.Property(x => x.TurnoverEur).HasPrecision(18, 2);
            f.Property(x => x.BalanceSheetEur).HasPrecision(18, 2);
        });
        b.Navigation(o => o.Figures).HasField("_figures").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
