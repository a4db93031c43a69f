using Clusterpact.Domain.Clusters;
using Clusterpact.Domain.Members;
using Microsoft.EntityFrameworkCore;
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
        b.HasIndex(o => o.Name);
        b.Property(o => o.Kind).HasConversion<string>().HasMaxLength(40);
        b.Property(o => o.SizeClass).HasConversion<string>().HasMaxLength(20);
        b.Property(o => o.EnterpriseNumber).HasMaxLength(10);
        // An organisation exists once in the whole system: one row per enterprise number.
        b.HasIndex(o => o.EnterpriseNumber).IsUnique();
        b.Property(o => o.CountryCode).HasMaxLength(2).IsRequired();
    }
}

internal sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> b)
    {
        b.ToTable("memberships");
        b.HasKey(m => m.Id);
        b.Property(m => m.Version).IsConcurrencyToken();
        b.Property(m => m.Role).HasConversion<string>().HasMaxLength(40);
        b.Property(m => m.YearlyFee).HasPrecision(14, 2);
        b.HasOne<Organisation>().WithMany().HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Cluster>().WithMany().HasForeignKey(m => m.ClusterId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(m => new { m.ClusterId, m.From });
        b.HasIndex(m => m.OrganisationId);
    }
}
