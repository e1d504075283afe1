using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parley.Data.Entities.Chat;
using Parley.Domain.Tenants;

namespace Parley.Data.Configurations.Chat;

internal sealed class ChatWidgetConfiguration : IEntityTypeConfiguration<ChatWidget>
{
    public void Configure(EntityTypeBuilder<ChatWidget> builder)
    {
        builder.ToTable("ChatWidgets");
        builder.Property(w => w.Key).HasMaxLength(64);
        builder.Property(w => w.Name).HasMaxLength(100);
        builder.Property(w => w.AllowedOrigins).HasMaxLength(4000);
        builder.Property(w => w.PreChatFields).HasMaxLength(4000);
        builder.Property(w => w.Colour).HasMaxLength(7);
        builder.Property(w => w.Title).HasMaxLength(100);
        builder.Property(w => w.Greeting).HasMaxLength(500);
        builder.Property(w => w.OfflineMessage).HasMaxLength(500);
        builder.Property(w => w.Version).IsConcurrencyToken();
        // The key finds the widget (and so the tenant) on public calls.
        builder.HasIndex(w => w.Key).IsUnique();
        builder.HasIndex(w => new { w.TenantId, w.Name }).IsUnique();
        builder.HasOne<Tenant>().WithMany().HasForeignKey(w => w.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
