using Clusterpact.Web.Infrastructure.Clients;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clusterpact.Web.Data.Configurations;

internal sealed class MachineClientConfiguration : IEntityTypeConfiguration<MachineClient>
{
    public void Configure(EntityTypeBuilder<MachineClient> b)
    {
        b.ToTable("machine_clients");
        b.HasKey(c => c.Id);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.Property(c => c.Name).HasMaxLength(100).IsRequired();
        b.Property(c => c.ClientId).HasMaxLength(40).IsRequired();
        b.HasIndex(c => c.ClientId).IsUnique();
        b.Property(c => c.Scopes).HasMaxLength(500).IsRequired();
        b.Property(c => c.SecretHash).HasMaxLength(64).IsRequired();
        b.HasOne<AppUser>().WithMany().HasForeignKey(c => c.OwnerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Cluster>().WithMany().HasForeignKey(c => c.ClusterId).OnDelete(DeleteBehavior.Restrict);
        // The list, newest first.
        b.HasIndex(c => new { c.CreatedAt, c.Id });
    }
}

internal sealed class ClientTokenConfiguration : IEntityTypeConfiguration<ClientToken>
{
    public void Configure(EntityTypeBuilder<ClientToken> b)
    {
        b.ToTable("client_tokens");
        b.HasKey(t => t.Id);
        b.Property(t => t.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(t => t.Hint).HasMaxLength(20).IsRequired();
        b.Property(t => t.TokenHash).HasMaxLength(64).IsRequired();
        // Every API request looks its token up by hash.
        b.HasIndex(t => t.TokenHash).IsUnique();
        b.HasIndex(t => new { t.MachineClientId, t.Kind, t.ExpiresAt });
        b.HasOne<MachineClient>().WithMany().HasForeignKey(t => t.MachineClientId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WebhookSubscriptionConfiguration : IEntityTypeConfiguration<WebhookSubscription>
{
    public void Configure(EntityTypeBuilder<WebhookSubscription> b)
    {
        b.ToTable("webhook_subscriptions");
        b.HasKey(s => s.Id);
        b.Property(s => s.Version).IsConcurrencyToken();
        b.Property(s => s.Url).HasMaxLength(500).IsRequired();
        b.Property(s => s.Events).HasMaxLength(200).IsRequired();
        b.Property(s => s.ProtectedSecret).HasMaxLength(1000).IsRequired();
        b.HasIndex(s => s.MachineClientId);
        b.HasOne<MachineClient>().WithMany().HasForeignKey(s => s.MachineClientId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> b)
    {
        b.ToTable("webhook_deliveries");
        b.HasKey(d => d.Id);
        b.Property(d => d.Event).HasMaxLength(50).IsRequired();
        b.Property(d => d.Payload).IsRequired();
        b.Property(d => d.DedupKey).HasMaxLength(300).IsRequired();
        b.HasIndex(d => d.DedupKey).IsUnique();
        // What is due: not delivered, by the moment of its next attempt.
        b.HasIndex(d => new { d.DeliveredAt, d.NextAttemptAt });
        // The delivery log of one subscription, newest first.
        b.HasIndex(d => new { d.SubscriptionId, d.CreatedAt });
        b.Property(d => d.LastError).HasMaxLength(1000);
        b.HasOne<WebhookSubscription>().WithMany().HasForeignKey(d => d.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
    }
}
