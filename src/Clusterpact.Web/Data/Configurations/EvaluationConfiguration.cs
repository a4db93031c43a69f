using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clusterpact.Web.Data.Configurations;

internal sealed class EvaluationConfiguration : IEntityTypeConfiguration<Evaluation>
{
    public void Configure(EntityTypeBuilder<Evaluation> b)
    {
        b.ToTable("evaluations");
        b.HasKey(e => e.Id);
        b.Property(e => e.Version).IsConcurrencyToken();
        b.Property(e => e.Title).HasMaxLength(200).IsRequired();
        b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.Scope).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.Stage).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.Outcome).HasConversion<string>().HasMaxLength(30);
        b.Property(e => e.Conditions).HasMaxLength(2000);
        b.Property(e => e.Conclusion).HasMaxLength(4000);
        b.HasOne<Cluster>().WithMany().HasForeignKey(e => e.ClusterId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(e => new { e.ClusterId, e.Kind });
        // Evaluations by stage (the dashboard).
        b.HasIndex(e => e.Stage);
        // The API list's sort by title (EvaluationsApi), then id: the keyset's order (COLLATE "C" on PostgreSQL).
        b.HasIndex(e => new { e.Title, e.Id });
        b.Ignore(e => e.AdvisesExtension);
        b.OwnsMany(e => e.Stages, s =>
        {
            s.ToTable("evaluation_stages");
            s.WithOwner().HasForeignKey("EvaluationId");
            s.HasKey("EvaluationId", nameof(StageDate.Stage));
            s.Property(x => x.Stage).HasConversion<string>().HasMaxLength(20);
        });
        b.Navigation(e => e.Stages).HasField("_stages").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.OwnsMany(e => e.Participants, p =>
        {
            p.ToTable("evaluation_participants");
            p.WithOwner().HasForeignKey("EvaluationId");
            p.HasKey(x => x.Id);
            p.Property(x => x.Id).ValueGeneratedNever();
            p.Property(x => x.Name).HasMaxLength(200);
            p.Property(x => x.Organisation).HasMaxLength(200);
            p.Property(x => x.Role).HasConversion<string>().HasMaxLength(20);
        });
        b.Navigation(e => e.Participants).HasField("_participants").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.OwnsMany(e => e.Evidence, x =>
        {
            x.ToTable("evaluation_evidence");
            x.WithOwner().HasForeignKey("EvaluationId");
            x.HasKey(y => y.Id);
            x.Property(y => y.Id).ValueGeneratedNever();
            x.Property(y => y.Kind).HasConversion<string>().HasMaxLength(20);
            x.Property(y => y.Title).HasMaxLength(200);
            x.Property(y => y.Reference).HasMaxLength(1000);
        });
        b.Navigation(e => e.Evidence).HasField("_evidence").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.OwnsMany(e => e.Recommendations, r =>
        {
            r.ToTable("evaluation_recommendations");
            r.WithOwner().HasForeignKey("EvaluationId");
            r.HasKey(y => y.Id);
            r.Property(y => y.Id).ValueGeneratedNever();
            r.Property(y => y.Finding).HasMaxLength(2000);
            r.Property(y => y.Text).HasMaxLength(2000);
            r.Property(y => y.Owner).HasMaxLength(200);
            r.Property(y => y.Status).HasConversion<string>().HasMaxLength(20);
            r.Property(y => y.FollowUpNote).HasMaxLength(2000);
        });
        b.Navigation(e => e.Recommendations).HasField("_recommendations").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
