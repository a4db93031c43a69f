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

internal sealed class SurveyInvitationConfiguration : IEntityTypeConfiguration<SurveyInvitation>
{
    public void Configure(EntityTypeBuilder<SurveyInvitation> b)
    {
        b.ToTable("survey_invitations");
        b.HasKey(i => i.Id);
        b.Property(i => i.Id).ValueGeneratedNever();
        b.Property(i => i.Email).HasMaxLength(254);
        b.Property(i => i.TokenHash).HasMaxLength(64);
        b.HasIndex(i => i.TokenHash).IsUnique();
        b.HasIndex(i => new { i.SurveyId, i.ClusterId, i.Email }).IsUnique();
        b.HasOne<Survey>().WithMany().HasForeignKey(i => i.SurveyId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Cluster>().WithMany().HasForeignKey(i => i.ClusterId).OnDelete(DeleteBehavior.Restrict);
    }
}

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
