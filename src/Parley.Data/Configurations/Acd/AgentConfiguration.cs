using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parley.Data.Entities;
using Parley.Data.Entities.Acd;
using Parley.Domain.Tenants;

namespace Parley.Data.Configurations.Acd;

internal sealed class AgentConfiguration : IEntityTypeConfiguration<Agent>
{
    public void Configure(EntityTypeBuilder<Agent> builder)
    {
        builder.ToTable("Agents");
        builder.Property(a => a.DisplayName).HasMaxLength(256);
        builder.Property(a => a.Extension).HasMaxLength(32);
        builder.Property(a => a.CrossChannelRule).HasMaxLength(40);
        builder.Property(a => a.PhoneKind).HasMaxLength(12).HasDefaultValue("None");
        builder.Property(a => a.PhoneUri).HasMaxLength(256);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.OwnsMany(a => a.Skills, s => s.ToJson());
        builder.OwnsMany(a => a.Capacities, c =>
        {
            c.ToJson();
            c.Property(x => x.Channel).HasMaxLength(20);
        });
        builder.HasIndex(a => new { a.TenantId, a.UserId }).IsUnique();
        builder.HasIndex(a => new { a.TenantId, a.Extension }).IsUnique();
        builder.HasOne<Tenant>().WithMany().HasForeignKey(a => a.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ParleyUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
