using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parley.Data.Entities.Acd;
using Parley.Domain.Tenants;

namespace Parley.Data.Configurations.Acd;

internal sealed class QueueConfiguration : IEntityTypeConfiguration<Queue>
{
    public void Configure(EntityTypeBuilder<Queue> builder)
    {
        builder.ToTable("Queues");
        builder.Property(q => q.Name).HasMaxLength(100);
        builder.Property(q => q.Strategy).HasMaxLength(40);
        builder.Property(q => q.OverflowTarget).HasMaxLength(40);
        builder.Property(q => q.WrapUpMode).HasMaxLength(40);
        builder.Property(q => q.BreakoutDigit).HasMaxLength(1);
        builder.Property(q => q.RecordingMode).HasMaxLength(16).HasDefaultValue("All");
        builder.Property(q => q.Version).IsConcurrencyToken();
        builder.OwnsMany(q => q.RequiredSkills, s => s.ToJson());
        builder.HasIndex(q => new { q.TenantId, q.Name }).IsUnique();
        builder.HasOne<Tenant>().WithMany().HasForeignKey(q => q.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
