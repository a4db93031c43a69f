using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clusterpact.Web.Data.Configurations;

internal sealed class ClusterPactConfiguration : IEntityTypeConfiguration<ClusterPact>
{
    public void Configure(EntityTypeBuilder<ClusterPact> b)
    {
        b.ToTable("cluster_pacts");
        b.HasKey(p => p.Id);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasOne<Cluster>().WithMany().HasForeignKey(p => p.ClusterId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(p => p.ClusterId).IsUnique();
        b.Ignore(p => p.Latest);
        b.Ignore(p => p.Draft);
        b.OwnsMany(p => p.Versions, v =>
        {
            v.ToTable("pact_versions");
            v.WithOwner().HasForeignKey("PactId");
            v.HasKey("PactId", nameof(PactVersion.Number));
            v.Property(x => x.Number).ValueGeneratedNever();
            v.Property(x => x.Basis).HasMaxLength(200);
            v.Ignore(x => x.IsAdopted);
        });
        b.Navigation(p => p.Versions).HasField("_versions").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.OwnsMany(p => p.AllCommitments, c =>
        {
            c.ToTable("pact_commitments");
            c.WithOwner().HasForeignKey("PactId");
            c.HasKey(x => x.Id);
            c.Property(x => x.Id).ValueGeneratedNever();
            c.Property(x => x.PartyKind).HasConversion<string>().HasMaxLength(30);
            c.Property(x => x.Party).HasMaxLength(200);
            c.Property(x => x.Description).HasMaxLength(1000);
            c.Property(x => x.Owner).HasMaxLength(200);
            c.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            c.HasIndex("PactId", nameof(PactCommitment.VersionNumber), nameof(PactCommitment.Key)).IsUnique();
        });
        b.Navigation(p => p.AllCommitments).HasField("_commitments").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
