using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parley.Data.Entities.Voice;
using Parley.Domain.Tenants;

namespace Parley.Data.Configurations.Voice;

internal sealed class ScheduledCallbackConfiguration : IEntityTypeConfiguration<ScheduledCallback>
{
    public void Configure(EntityTypeBuilder<ScheduledCallback> builder)
    {
        builder.ToTable("ScheduledCallbacks");
        builder.Property(c => c.Number).HasMaxLength(32);
        builder.Property(c => c.CalledNumber).HasMaxLength(32);
        builder.Property(c => c.Mode).HasMaxLength(16).HasDefaultValue("preview");
        builder.HasIndex(c => c.DueAt);
        builder.HasIndex(c => c.InteractionId).IsUnique();
        builder.HasIndex(c => new { c.TenantId, c.DueAt });
        builder.HasOne<Tenant>().WithMany().HasForeignKey(c => c.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
