using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clusterpact.Web.Data.Configurations;

internal sealed class SignInLockoutConfiguration : IEntityTypeConfiguration<SignInLockout>
{
    public void Configure(EntityTypeBuilder<SignInLockout> b)
    {
        b.ToTable("sign_in_lockouts");
        b.HasKey(l => l.Key);
        b.Property(l => l.Key).HasMaxLength(400);
        // Pruning old pairs reads by the end of their window.
        b.HasIndex(l => l.FirstFailure);
    }
}
