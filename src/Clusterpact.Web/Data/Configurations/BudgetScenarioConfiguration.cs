using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clusterpact.Web.Data.Configurations;

/// <summary>
/// Saved budget scenarios of the planner. The cluster lines and programme lines are owned lists that a save replaces as a
/// whole; their rows get an <see cref="OrderedRowId"/> so they load in the order the user sees them.
/// </summary>
internal sealed class BudgetScenarioConfiguration : IEntityTypeConfiguration<SavedBudgetScenario>
{
    public void Configure(EntityTypeBuilder<SavedBudgetScenario> b)
    {
        b.ToTable("budget_scenarios");
        b.HasKey(s => s.Id);
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.Version).IsConcurrencyToken();
        b.Property(s => s.Name).HasMaxLength(SavedBudgetScenario.NameMaxLength).IsRequired();
        b.Property(s => s.Basis).HasConversion<string>().HasMaxLength(40);
        b.Property(s => s.Notes).HasMaxLength(SavedBudgetScenario.NotesMaxLength);
        // The API list's sorts (ListScenariosByCursor), each then id; the name COLLATE "C" on PostgreSQL.
        b.HasIndex(s => new { s.Name, s.Id });
        b.HasIndex(s => new { s.FirstYear, s.Id });
        b.HasIndex(s => new { s.UpdatedAt, s.Id });
        b.OwnsMany(s => s.Clusters, x =>
        {
            x.ToTable("budget_scenario_clusters");
            x.WithOwner().HasForeignKey("ScenarioId");
            x.Property<Guid>("RowId").HasValueGenerator<OrderedRowId>();
            x.HasKey("RowId");
            x.Property(y => y.Name).HasMaxLength(200);
            x.Property(y => y.Type).HasConversion<string>().HasMaxLength(40);
            x.Property(y => y.OperatingAidPerYear).HasPrecision(18, 2);
            x.Property(y => y.EarmarkedPerYear).HasPrecision(18, 2);
            x.Property(y => y.FollowOnFundingPerYear).HasPrecision(18, 2);
            x.Property(y => y.FollowOnEarmarkedPerYear).HasPrecision(18, 2);
        });
        b.Navigation(s => s.Clusters).HasField("_clusters").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.OwnsMany(s => s.ProgrammeLines, x =>
        {
            x.ToTable("budget_scenario_lines");
            x.WithOwner().HasForeignKey("ScenarioId");
            x.Property<Guid>("RowId").HasValueGenerator<OrderedRowId>();
            x.HasKey("RowId");
            x.Property(y => y.Kind).HasConversion<string>().HasMaxLength(40);
            x.Property(y => y.Label).HasMaxLength(SavedBudgetScenario.LabelMaxLength);
            x.Property(y => y.Amounts).HasMaxLength(2000);
            x.Ignore(y => y.AmountsByYear);
        });
        b.Navigation(s => s.ProgrammeLines).HasField("_programmeLines").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
