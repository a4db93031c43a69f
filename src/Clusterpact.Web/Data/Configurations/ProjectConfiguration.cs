using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clusterpact.Web.Data.Configurations;

internal sealed class ProjectConfiguration : IEntityTypeConfiguration<Project>
{
    public void Configure(EntityTypeBuilder<Project> b)
    {
        b.ToTable("projects");
        b.HasKey(p => p.Id);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.Property(p => p.Type).HasConversion<string>().HasMaxLength(30);
        b.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.Theme).HasConversion<string>().HasMaxLength(40);
        b.Property(p => p.Title).HasMaxLength(Project.MaxTitleLength).IsRequired();
        // The list's sorts (ListProjects: the page and the API), each with the id after it, the keyset's order; title COLLATE "C" on PostgreSQL.
        b.HasIndex(p => new { p.Title, p.Id });
        b.HasIndex(p => new { p.End, p.Id });
        b.HasIndex(p => new { p.TotalBudget, p.Id });
        b.HasIndex(p => new { p.Aid, p.Id });
        // Sorted by type or status (ListProjects): by title and id within each, in the sort's direction.
        b.HasIndex(p => new { p.Type, p.Title, p.Id });
        b.HasIndex(p => new { p.Status, p.Title, p.Id });
        b.Property(p => p.Summary).HasMaxLength(4000);
        b.Property(p => p.DecisionNote).HasMaxLength(1000);
        b.Property(p => p.ExternalReference).HasMaxLength(50);
        b.HasIndex(p => p.ExternalReference);
        b.HasIndex(p => p.Start);
        // The approved projects of a year (the project KPIs): status, then the start day.
        b.HasIndex(p => new { p.Status, p.Start });
        foreach (var money in new[] { nameof(Project.TotalBudget), nameof(Project.Aid), nameof(Project.ExtraTurnover), nameof(Project.ExtraInvestments) })
            b.Property(money).HasPrecision(16, 2);
        b.Property(p => p.ExtraFte).HasPrecision(10, 2);
        b.Ignore(p => p.ClusterIds);
        b.Ignore(p => p.LeadOrganisationId);
        b.OwnsMany(p => p.Partners, x =>
        {
            x.ToTable("project_partners");
            x.WithOwner().HasForeignKey("ProjectId");
            x.HasKey("ProjectId", nameof(ProjectPartner.OrganisationId));
            x.HasOne<Organisation>().WithMany().HasForeignKey(y => y.OrganisationId).OnDelete(DeleteBehavior.Restrict);
            x.HasIndex(y => y.OrganisationId);
            x.Property(y => y.Role).HasConversion<string>().HasMaxLength(20);
            x.Property(y => y.BudgetShare).HasPrecision(16, 2);
        });
        b.Navigation(p => p.Partners).HasField("_partners").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.OwnsMany(p => p.Clusters, x =>
        {
            x.ToTable("project_clusters");
            x.WithOwner().HasForeignKey("ProjectId");
            x.HasKey("ProjectId", nameof(ProjectCluster.ClusterId));
            x.HasOne<Cluster>().WithMany().HasForeignKey(y => y.ClusterId).OnDelete(DeleteBehavior.Restrict);
            x.HasIndex(y => y.ClusterId);
        });
        b.Navigation(p => p.Clusters).HasField("_clusters").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
