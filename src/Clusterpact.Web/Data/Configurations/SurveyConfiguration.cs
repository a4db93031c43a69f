using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clusterpact.Web.Data.Configurations;

internal sealed class SurveyConfiguration : IEntityTypeConfiguration<Survey>
{
    public void Configure(EntityTypeBuilder<Survey> b)
    {
        b.ToTable("surveys");
        b.HasKey(s => s.Id);
        b.Property(s => s.Version).IsConcurrencyToken();
        b.Property(s => s.Title).HasMaxLength(200).IsRequired();
        b.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        b.OwnsMany(s => s.Questions, q =>
        {
            q.ToTable("survey_questions");
            q.WithOwner().HasForeignKey("SurveyId");
            q.HasKey(x => x.Id);
            q.Property(x => x.Id).ValueGeneratedNever();
            q.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            q.Property(x => x.TextNl).HasMaxLength(1000);
            q.Property(x => x.TextEn).HasMaxLength(1000);
            q.Property(x => x.OptionsNl).HasMaxLength(4000);
            q.Property(x => x.OptionsEn).HasMaxLength(4000);
            q.Property(x => x.KpiCode).HasMaxLength(60);
            q.Ignore(x => x.HasChoices);
        });
        b.Navigation(s => s.Questions).HasField("_questions").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
