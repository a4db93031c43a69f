using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clusterpact.Web.Data.Configurations;

internal sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> b)
    {
        b.ToTable("memberships");
        b.HasKey(m => m.Id);
        b.Property(m => m.Version).IsConcurrencyToken();
        b.Property(m => m.Role).HasConversion<string>().HasMaxLength(40);
        b.Property(m => m.YearlyFee).HasPrecision(14, 2);
        b.Property(m => m.ContactEmail).HasMaxLength(254);
        b.HasOne<Organisation>().WithMany().HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Cluster>().WithMany().HasForeignKey(m => m.ClusterId).OnDelete(DeleteBehavior.Restrict);
        // A cluster's members today (cluster, From <= today, Until null or >= today): the member list and the counts.
        b.HasIndex(m => new { m.ClusterId, m.From, m.Until });
        b.HasIndex(m => m.OrganisationId);
        // The API's member list of one cluster in its default order, the order rows were made in (ListMembers).
        b.HasIndex(m => new { m.ClusterId, m.Id });
        // The programme's members on a day, each organisation once, and an organisation's first membership.
        b.HasIndex(m => new { m.OrganisationId, m.From, m.Until });
    }
}
