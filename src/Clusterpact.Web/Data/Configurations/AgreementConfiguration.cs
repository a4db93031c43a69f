using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clusterpact.Web.Data.Configurations;

internal sealed class SupportAgreementConfiguration : IEntityTypeConfiguration<SupportAgreement>
{
    public void Configure(EntityTypeBuilder<SupportAgreement> b)
    {
        b.ToTable("support_agreements");
        b.HasKey(a => a.Id);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.Property(a => a.ClusterType).HasConversion<string>().HasMaxLength(40);
        b.HasOne<Cluster>().WithMany().HasForeignKey(a => a.ClusterId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => a.ClusterId);
        b.Ignore(a => a.Start);
        b.Ignore(a => a.End);
        // Terms are only ever added: an extension is a new row, so the history stays.
        b.OwnsMany(a => a.Terms, t =>
        {
            t.ToTable("agreement_terms");
            t.WithOwner().HasForeignKey("AgreementId");
            t.HasKey("AgreementId", nameof(AgreementTerm.Start));
            t.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            t.Property(x => x.DecisionReference).HasMaxLength(100);
        });
        b.Navigation(a => a.Terms).HasField("_terms").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.OwnsMany(a => a.Amendments, m =>
        {
            m.ToTable("agreement_amendments");
            m.WithOwner().HasForeignKey("AgreementId");
            m.Property<int>("Id").ValueGeneratedOnAdd();
            m.HasKey("Id");
            m.Property(x => x.Reason).HasMaxLength(1000);
        });
        b.Navigation(a => a.Amendments).HasField("_amendments").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

/// <summary>A funding rule as stored: the rule set is data, and a new rule takes effect from its date.</summary>
public sealed class FundingRuleRow
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public ClusterType ClusterType { get; set; }
    public DateOnly EffectiveFrom { get; set; }
    public decimal MaxYearlyOperatingAid { get; set; }
    public decimal MinMemberCofinancingShare { get; set; }
    public decimal MaxAidIntensity { get; set; }
    public int MaxTermYears { get; set; }
    public int MaxOperatingAidYears { get; set; }
    public string Source { get; set; } = "";

    public FundingRule ToRule() => new(ClusterType, EffectiveFrom, MaxYearlyOperatingAid, MinMemberCofinancingShare, MaxAidIntensity, MaxTermYears, MaxOperatingAidYears, Source);

    public static FundingRuleRow From(FundingRule r) => new()
    {
        ClusterType = r.ClusterType, EffectiveFrom = r.EffectiveFrom, MaxYearlyOperatingAid = r.MaxYearlyOperatingAid, MinMemberCofinancingShare = r.MinMemberCofinancingShare,
        MaxAidIntensity = r.MaxAidIntensity, MaxTermYears = r.MaxTermYears, MaxOperatingAidYears = r.MaxOperatingAidYears, Source = r.Source,
    };
}

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

internal sealed class AgreementYearConfiguration : IEntityTypeConfiguration<AgreementYear>
{
    public void Configure(EntityTypeBuilder<AgreementYear> b)
    {
        b.ToTable("agreement_years");
        b.HasKey(y => y.Id);
        b.Property(y => y.Version).IsConcurrencyToken();
        b.HasOne<SupportAgreement>().WithMany().HasForeignKey(y => y.AgreementId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(y => new { y.AgreementId, y.YearStart }).IsUnique();
        foreach (var p in new[] { nameof(AgreementYear.GrantedAid), nameof(AgreementYear.PlannedCofinancing), nameof(AgreementYear.AnimationCosts),
                     nameof(AgreementYear.MarketingCosts), nameof(AgreementYear.FacilityCosts), nameof(AgreementYear.TrainingCosts) })
            b.Property(p).HasPrecision(14, 2);
        b.Property(y => y.LapseDecisionNote).HasMaxLength(1000);
        b.Ignore(y => y.Budget);
        b.OwnsMany(y => y.CofinancingPayments, p =>
        {
            p.ToTable("cofinancing_payments");
            p.WithOwner().HasForeignKey("AgreementYearId");
            p.HasKey(x => x.Id);
            // The domain sets the id; without this EF would take a new payment with an id for an existing row.
            p.Property(x => x.Id).ValueGeneratedNever();
            p.Property(x => x.AmountEur).HasPrecision(14, 2);
            p.Property(x => x.Reference).HasMaxLength(100);
        });
        b.Navigation(y => y.CofinancingPayments).HasField("_payments").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class AidPaymentConfiguration : IEntityTypeConfiguration<AidPayment>
{
    public void Configure(EntityTypeBuilder<AidPayment> b)
    {
        b.ToTable("aid_payments");
        b.HasKey(p => p.Id);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.AmountEur).HasPrecision(14, 2);
        b.HasOne<SupportAgreement>().WithMany().HasForeignKey(p => p.AgreementId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(p => new { p.AgreementId, p.YearIndex });
    }
}
