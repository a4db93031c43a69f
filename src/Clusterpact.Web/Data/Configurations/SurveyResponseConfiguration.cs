using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clusterpact.Web.Data.Configurations;

internal sealed class SurveyResponseConfiguration : IEntityTypeConfiguration<SurveyResponse>
{
    public void Configure(EntityTypeBuilder<SurveyResponse> b)
    {
        b.ToTable("survey_responses");
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.SizeClass).HasConversion<string>().HasMaxLength(20);
        b.HasOne<Survey>().WithMany().HasForeignKey(r => r.SurveyId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Cluster>().WithMany().HasForeignKey(r => r.ClusterId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => new { r.SurveyId, r.ClusterId });
        b.OwnsMany(r => r.Answers, a =>
        {
            a.ToTable("survey_answers");
            a.WithOwner().HasForeignKey("ResponseId");
            a.HasKey("ResponseId", nameof(SurveyAnswer.QuestionId));
            a.Property(x => x.Choices).HasMaxLength(200);
            a.Property(x => x.Number).HasPrecision(18, 4);
            a.Property(x => x.Text).HasMaxLength(SurveyQuestion.MaxTextAnswer);
            a.Ignore(x => x.ChoiceIndexes);
        });
        b.Navigation(r => r.Answers).HasField("_answers").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
