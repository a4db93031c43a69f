using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clusterpact.Web.Data.Configurations;

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
