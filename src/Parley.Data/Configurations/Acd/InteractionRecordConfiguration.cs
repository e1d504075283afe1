using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parley.Data.Entities.Acd;
using Parley.Domain.Tenants;

namespace Parley.Data.Configurations.Acd;

internal sealed class InteractionRecordConfiguration : IEntityTypeConfiguration<InteractionRecord>
{
    public void Configure(EntityTypeBuilder<InteractionRecord> builder)
    {
        builder.ToTable("Interactions");
        builder.Property(i => i.Channel).HasMaxLength(20);
        builder.Property(i => i.Attributes).HasMaxLength(8000);
        builder.Property(i => i.Status).HasMaxLength(20);
        builder.Property(i => i.Outcome).HasMaxLength(40);
        builder.Property(i => i.WrapUpNotes).HasMaxLength(2000);
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.HasIndex(i => new { i.TenantId, i.Status, i.EnqueuedAt, i.Sequence });
        // GET /api/v1/interactions pages newest first by the per-tenant arrival sequence.
        builder.HasIndex(i => new { i.TenantId, i.Sequence });
        // The supervisor dashboard reads today's interactions (entered the queue since local midnight).
        builder.HasIndex(i => new { i.TenantId, i.EnqueuedAt });
        builder.HasOne<Tenant>().WithMany().HasForeignKey(i => i.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
