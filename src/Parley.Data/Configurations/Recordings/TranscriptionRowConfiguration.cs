using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parley.Data.Entities.Recordings;
using Parley.Domain.Tenants;

namespace Parley.Data.Configurations.Recordings;

internal sealed class TranscriptionRowConfiguration : IEntityTypeConfiguration<TranscriptionRow>
{
    public void Configure(EntityTypeBuilder<TranscriptionRow> builder)
    {
        builder.ToTable("RecordingTranscriptions");
        builder.HasKey(t => t.RecordingId);
        builder.Property(t => t.Status).HasMaxLength(16);
        builder.Property(t => t.Engine).HasMaxLength(64);
        builder.Property(t => t.Error).HasMaxLength(500);
        builder.HasIndex(t => new { t.TenantId, t.Status });
        builder.HasOne<RecordingRow>().WithOne().HasForeignKey<TranscriptionRow>(t => t.RecordingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(t => t.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
