using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parley.Data.Entities.Voice;
using Parley.Domain.Tenants;

namespace Parley.Data.Configurations.Voice;

internal sealed class CallRecordRowConfiguration : IEntityTypeConfiguration<CallRecordRow>
{
    public void Configure(EntityTypeBuilder<CallRecordRow> builder)
    {
        builder.ToTable("CallRecords");
        builder.Property(c => c.NodeId).HasMaxLength(64);
        builder.Property(c => c.Direction).HasMaxLength(16);
        builder.Property(c => c.SipCallId).HasMaxLength(256);
        builder.Property(c => c.CallerNumber).HasMaxLength(128);
        builder.Property(c => c.CalledNumber).HasMaxLength(128);
        builder.Property(c => c.Disposition).HasMaxLength(32);
        builder.Property(c => c.ReleaseCause).HasMaxLength(64);
        builder.Property(c => c.ReleasedBy).HasMaxLength(16);

        // GET /api/v1/calls pages newest first by (ArrivedAt, Id), filtered by queue or agent.
        builder.HasIndex(c => new { c.TenantId, c.ArrivedAt, c.Id });
        builder.HasIndex(c => new { c.TenantId, c.QueueId });
        builder.HasIndex(c => new { c.TenantId, c.QueuedAt });
        builder.HasIndex(c => new { c.TenantId, c.AgentId });
        // Wrap-up reaches the record through the routing interaction.
        builder.HasIndex(c => new { c.TenantId, c.InteractionId });
        // The start-up sweep closes this node's open records.
        builder.HasIndex(c => new { c.NodeId, c.EndedAt });
        builder.HasOne<Tenant>().WithMany().HasForeignKey(c => c.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
