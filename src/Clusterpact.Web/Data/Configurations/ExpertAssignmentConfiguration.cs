using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clusterpact.Web.Data.Configurations;

internal sealed class ExpertAssignmentConfiguration : IEntityTypeConfiguration<ExpertAssignment>
{
    public void Configure(EntityTypeBuilder<ExpertAssignment> b)
    {
        b.ToTable("expert_assignments");
        b.HasKey(a => a.Id);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.HasOne<Call>().WithMany().HasForeignKey(a => a.CallId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Application>().WithMany().HasForeignKey(a => a.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AppUser>().WithMany().HasForeignKey(a => a.ExpertId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => new { a.ApplicationId, a.ExpertId }).IsUnique();
        b.Property(a => a.Declaration).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.DeclarationExplanation).HasMaxLength(2000);
        b.Ignore(a => a.MayScore);
        b.OwnsMany(a => a.DetectedConflicts, x =>
        {
            x.ToTable("expert_conflict_flags");
            x.WithOwner().HasForeignKey("AssignmentId");
            x.Property<Guid>("RowId").HasValueGenerator<OrderedRowId>();
            x.HasKey("RowId");
            x.Property(y => y.Reason).HasConversion<string>().HasMaxLength(40);
            x.Property(y => y.EnterpriseNumber).HasMaxLength(10);
        });
        b.Navigation(a => a.DetectedConflicts).HasField("_detectedConflicts").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.OwnsMany(a => a.Scores, x =>
        {
            x.ToTable("expert_scores");
            x.WithOwner().HasForeignKey("AssignmentId");
            x.Property<Guid>("RowId").HasValueGenerator<OrderedRowId>();
            x.HasKey("RowId");
            x.Property(y => y.CriterionCode).HasMaxLength(20);
            x.Property(y => y.Value).HasPrecision(9, 2);
            x.Property(y => y.Justification).HasMaxLength(4000);
        });
        b.Navigation(a => a.Scores).HasField("_scores").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
