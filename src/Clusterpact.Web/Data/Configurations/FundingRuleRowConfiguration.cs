using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clusterpact.Web.Data.Configurations;

internal sealed class FundingRuleRowConfiguration : IEntityTypeConfiguration<FundingRuleRow>
{
    public void Configure(EntityTypeBuilder<FundingRuleRow> b)
    {
        b.ToTable("funding_rules");
        b.HasKey(r => r.Id);
        b.Property(r => r.ClusterType).HasConversion<string>().HasMaxLength(40);
        b.HasIndex(r => new { r.ClusterType, r.EffectiveFrom }).IsUnique();
        b.Property(r => r.MaxYearlyOperatingAid).HasPrecision(14, 2);
        b.Property(r => r.MinMemberCofinancingShare).HasPrecision(5, 4);
        b.Property(r => r.MaxAidIntensity).HasPrecision(5, 4);
        b.Property(r => r.Source).HasMaxLength(300);
    }
}
