using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clusterpact.Web.Data.Configurations;

internal sealed class ConsensusConfiguration : IEntityTypeConfiguration<Consensus>
{
    public void Configure(EntityTypeBuilder<Consensus> b)
    {
        b.ToTable("consensus");
        b.HasKey(c => c.Id);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasOne<Application>().WithMany().HasForeignKey(c => c.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => c.ApplicationId).IsUnique();
        b.OwnsMany(c => c.Scores, x =>
        {
            x.ToTable("consensus_scores");
            x.WithOwner().HasForeignKey("ConsensusId");
            x.Property<Guid>("RowId").HasValueGenerator<OrderedRowId>();
            x.HasKey("RowId");
            x.Property(y => y.CriterionCode).HasMaxLength(20);
            x.Property(y => y.Value).HasPrecision(9, 2);
            x.Property(y => y.Justification).HasMaxLength(4000);
        });
        b.Navigation(c => c.Scores).HasField("_scores").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
