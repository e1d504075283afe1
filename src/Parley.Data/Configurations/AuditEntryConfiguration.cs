using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parley.Data.Entities;
using Parley.Domain.Tenants;

namespace Parley.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditEntries");
        builder.Property(a => a.ActorType).HasMaxLength(20);
        builder.Property(a => a.ActorId).HasMaxLength(100);
        builder.Property(a => a.ActorName).HasMaxLength(256);
        builder.Property(a => a.Action).HasMaxLength(100);
        builder.Property(a => a.TargetType).HasMaxLength(50);
        builder.Property(a => a.TargetId).HasMaxLength(100);
        builder.Property(a => a.Summary).HasMaxLength(2000);
        builder.Property(a => a.SourceIp).HasMaxLength(64);
        builder.Property(a => a.Outcome).HasMaxLength(20);
        builder.Property(a => a.PreviousHash).HasMaxLength(64);
        builder.Property(a => a.Hash).HasMaxLength(64);
        builder.HasIndex(a => new { a.TenantId, a.Sequence }).IsUnique();
        builder.HasIndex(a => new { a.TenantId, a.At });
        builder.HasOne<Tenant>().WithMany().HasForeignKey(a => a.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
