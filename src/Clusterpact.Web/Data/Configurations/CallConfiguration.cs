using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clusterpact.Web.Data.Configurations;

/// <summary>
/// Calls, applications and the jury. Rows of owned lists that the domain replaces as a whole (criteria, members, year
/// plans, scores) get a generated row id (<see cref="OrderedRowId"/>, so they load in the order written), and replacing a list is a delete and an insert that the audit trail shows.
/// </summary>
internal sealed class CallConfiguration : IEntityTypeConfiguration<Call>
{
    public void Configure(EntityTypeBuilder<Call> b)
    {
        b.ToTable("calls");
        b.HasKey(c => c.Id);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.Property(c => c.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.TitleNl).HasMaxLength(Call.TitleMaxLength).IsRequired();
        b.Property(c => c.TitleEn).HasMaxLength(Call.TitleMaxLength).IsRequired();
        b.Property(c => c.BudgetEur).HasPrecision(18, 2);
        b.ComplexProperty(c => c.Scale, s =>
        {
            s.Property(x => x.Min).HasColumnName("ScaleMin");
            s.Property(x => x.Max).HasColumnName("ScaleMax");
        });
        b.OwnsMany(c => c.Criteria, x =>
        {
            x.ToTable("call_criteria");
            x.WithOwner().HasForeignKey("CallId");
            x.Property<Guid>("RowId").HasValueGenerator<OrderedRowId>();
            x.HasKey("RowId");
            x.Property(y => y.Code).HasMaxLength(20);
            x.Property(y => y.NameNl).HasMaxLength(200);
            x.Property(y => y.NameEn).HasMaxLength(200);
        });
        b.Navigation(c => c.Criteria).HasField("_criteria").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.OwnsMany(c => c.RequiredDocuments, x =>
        {
            x.ToTable("call_documents");
            x.WithOwner().HasForeignKey("CallId");
            x.Property<Guid>("RowId").HasValueGenerator<OrderedRowId>();
            x.HasKey("RowId");
            x.Property(y => y.Code).HasMaxLength(40);
            x.Property(y => y.NameNl).HasMaxLength(200);
            x.Property(y => y.NameEn).HasMaxLength(200);
        });
        b.Navigation(c => c.RequiredDocuments).HasField("_requiredDocuments").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ApplicationConfiguration : IEntityTypeConfiguration<Application>
{
    public void Configure(EntityTypeBuilder<Application> b)
    {
        b.ToTable("applications");
        b.HasKey(a => a.Id);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.HasOne<Call>().WithMany().HasForeignKey(a => a.CallId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => new { a.CallId, a.Number }).IsUnique();
        b.HasIndex(a => a.OwnerId);
        b.Property(a => a.ApplicantName).HasMaxLength(Application.NameMaxLength).IsRequired();
        b.Property(a => a.ApplicantEnterpriseNumber).HasMaxLength(10).IsRequired();
        b.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.Outcome).HasConversion<string>().HasMaxLength(30);
        b.Property(a => a.StrategicDomain).HasMaxLength(200);
        b.Property(a => a.Vision).HasMaxLength(8000);
        b.Property(a => a.ActionPlan).HasMaxLength(8000);
        b.Property(a => a.ConsortiumDescription).HasMaxLength(8000);
        b.Property(a => a.Conditions).HasMaxLength(4000);
        b.Property<List<string>>("_ineligibilityReasons").HasColumnName("IneligibilityReasons");
        b.Ignore(a => a.IneligibilityReasons);
        b.Ignore(a => a.Reference);
        b.Ignore(a => a.RequestedAidEur);
        b.Ignore(a => a.TotalBudgetEur);
        b.Ignore(a => a.TotalCofinancingEur);
        b.OwnsMany(a => a.CommittedMembers, x =>
        {
            x.ToTable("application_members");
            x.WithOwner().HasForeignKey("ApplicationId");
            x.Property<Guid>("RowId").HasValueGenerator<OrderedRowId>();
            x.HasKey("RowId");
            x.Property(y => y.Name).HasMaxLength(200);
            x.Property(y => y.EnterpriseNumber).HasMaxLength(10);
            x.Property(y => y.Size).HasConversion<string>().HasMaxLength(20);
        });
        b.Navigation(a => a.CommittedMembers).HasField("_committedMembers").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.OwnsMany(a => a.YearPlans, x =>
        {
            x.ToTable("application_years");
            x.WithOwner().HasForeignKey("ApplicationId");
            x.Property<Guid>("RowId").HasValueGenerator<OrderedRowId>();
            x.HasKey("RowId");
            x.Property(y => y.BudgetEur).HasPrecision(18, 2);
            x.Property(y => y.CofinancingEur).HasPrecision(18, 2);
            x.Ignore(y => y.RequestedAidEur);
        });
        b.Navigation(a => a.YearPlans).HasField("_yearPlans").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.OwnsMany(a => a.Attachments, x =>
        {
            x.ToTable("application_attachments");
            x.WithOwner().HasForeignKey("ApplicationId");
            x.HasKey(y => y.Id);
            x.Property(y => y.Id).ValueGeneratedNever();
            x.Property(y => y.FileName).HasMaxLength(255);
            x.Property(y => y.ContentType).HasMaxLength(100);
            x.Property(y => y.DocumentCode).HasMaxLength(40);
        });
        b.Navigation(a => a.Attachments).HasField("_attachments").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.OwnsMany(a => a.History, x =>
        {
            x.ToTable("application_history");
            x.WithOwner().HasForeignKey("ApplicationId");
            x.Property<Guid>("RowId").HasValueGenerator<OrderedRowId>();
            x.HasKey("RowId");
            x.Property(y => y.From).HasConversion<string>().HasMaxLength(20);
            x.Property(y => y.To).HasConversion<string>().HasMaxLength(20);
            x.Property(y => y.Note).HasMaxLength(4000);
        });
        b.Navigation(a => a.History).HasField("_history").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

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

/// <summary>The bytes of an application's attachment, apart from the application so lists never load them.</summary>
public sealed class StoredFile
{
    public Guid Id { get; set; }
    public Guid ApplicationId { get; set; }
    public byte[] Content { get; set; } = [];
}

internal sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> b)
    {
        b.ToTable("stored_files");
        b.HasKey(f => f.Id);
        b.Property(f => f.Id).ValueGeneratedNever();
        b.HasOne<Application>().WithMany().HasForeignKey(f => f.ApplicationId).OnDelete(DeleteBehavior.Cascade);
    }
}
