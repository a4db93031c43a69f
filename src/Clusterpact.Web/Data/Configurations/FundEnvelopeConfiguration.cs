using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clusterpact.Web.Data.Configurations;

internal sealed class FundEnvelopeConfiguration : IEntityTypeConfiguration<FundEnvelope>
{
    public void Configure(EntityTypeBuilder<FundEnvelope> b)
    {
        b.ToTable("fund_envelopes");
        b.HasKey(e => e.Id);
        b.Property(e => e.Version).IsConcurrencyToken();
        b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(30);
        b.HasOne<Cluster>().WithMany().HasForeignKey(e => e.ClusterId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(e => new { e.Year, e.Kind, e.ClusterId });
        b.Property(e => e.Amount).HasPrecision(16, 2);
        // The API list's sort by amount (ListEnvelopesByCursor), then id.
        b.HasIndex(e => new { e.Amount, e.Id });
        b.Property(e => e.Note).HasMaxLength(500);
        b.Ignore(e => e.Committed);
        b.Ignore(e => e.Paid);
        b.Ignore(e => e.Remaining);
        b.OwnsMany(e => e.Commitments, c =>
        {
            c.ToTable("fund_commitments");
            c.WithOwner().HasForeignKey("EnvelopeId");
            c.HasKey(x => x.Id);
            // The domain sets the id; without this EF would take a new commitment with an id for an existing row.
            c.Property(x => x.Id).ValueGeneratedNever();
            c.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
            c.HasIndex(x => x.ProjectId);
            c.Property(x => x.Committed).HasPrecision(16, 2);
            c.Property(x => x.Paid).HasPrecision(16, 2);
        });
        b.Navigation(e => e.Commitments).HasField("_commitments").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
