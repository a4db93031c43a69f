using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clusterpact.Web.Data.Configurations;

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
        // Aid paid per calendar year (the dashboard's money).
        b.HasIndex(p => new { p.Status, p.PaidOn });
        // The API list's sorts (ListPayments), each then id.
        b.HasIndex(p => new { p.RequestedOn, p.Id });
        b.HasIndex(p => new { p.AmountEur, p.Id });
    }
}
