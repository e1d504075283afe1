using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parley.Data.Entities.Recordings;
using Parley.Domain.Tenants;

namespace Parley.Data.Configurations.Recordings;

internal sealed class RecordingRowConfiguration : IEntityTypeConfiguration<RecordingRow>
{
    public void Configure(EntityTypeBuilder<RecordingRow> builder)
    {
        builder.ToTable("Recordings");
        builder.Property(r => r.Path).HasMaxLength(260);
        builder.Property(r => r.Sha256).HasMaxLength(64);
        builder.Property(r => r.ChannelLayout).HasMaxLength(64);
        builder.Property(r => r.DeletedReason).HasMaxLength(32);

        // GET /api/v1/recordings pages newest first by (StartedAt, Id); the retention job finds old ones by StartedAt.
        builder.HasIndex(r => new { r.TenantId, r.StartedAt, r.Id });
        builder.HasIndex(r => new { r.TenantId, r.CallId });
        builder.HasOne<Tenant>().WithMany().HasForeignKey(r => r.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
