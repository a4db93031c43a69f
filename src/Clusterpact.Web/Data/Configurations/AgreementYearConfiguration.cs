using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clusterpact.Web.Data.Configurations;

internal sealed class AgreementYearConfiguration : IEntityTypeConfiguration<AgreementYear>
{
    public void Configure(EntityTypeBuilder<AgreementYear> b)
    {
        b.ToTable("agreement_years");
        b.HasKey(y => y.Id);
        b.Property(y => y.Version).IsConcurrencyToken();
        b.HasOne<SupportAgreement>().WithMany().HasForeignKey(y => y.AgreementId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(y => new { y.AgreementId, y.YearStart }).IsUnique();
        // The API list's sorts across agreements (ListWorkingYears), each then id.
        b.HasIndex(y => new { y.YearStart, y.Id });
        b.HasIndex(y => new { y.GrantedAid, y.Id });
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
