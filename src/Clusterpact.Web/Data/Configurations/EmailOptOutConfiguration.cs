using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clusterpact.Web.Data.Configurations;

internal sealed class EmailOptOutConfiguration : IEntityTypeConfiguration<EmailOptOut>
{
    public void Configure(EntityTypeBuilder<EmailOptOut> b)
    {
        b.ToTable("email_opt_outs");
        b.HasKey(o => new { o.UserId, o.Category });
        b.Property(o => o.Category).HasMaxLength(100);
        b.HasOne<AppUser>().WithMany().HasForeignKey(o => o.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
