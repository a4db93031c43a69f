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
