using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parley.Data.Entities.Acd;
using Parley.Domain.Tenants;

namespace Parley.Data.Configurations.Acd;

internal sealed class RoutingHistoryEntryConfiguration : IEntityTypeConfiguration<RoutingHistoryEntry>
{
    public void Configure(EntityTypeBuilder<RoutingHistoryEntry> builder)
    {
        builder.ToTable("RoutingHistory");
        builder.Property(h => h.Kind).HasMaxLength(40);
        builder.Property(h => h.Detail).HasMaxLength(4000);
        builder.HasIndex(h => new { h.TenantId, h.InteractionId, h.Id });
        builder.HasIndex(h => new { h.TenantId, h.At });
        builder.HasIndex(h => new { h.TenantId, h.Kind, h.At });
        builder.HasIndex(h => new { h.TenantId, h.AgentId, h.Kind, h.At }); // an agent's state at an instant: one seek
        builder.HasOne<Tenant>().WithMany().HasForeignKey(h => h.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
