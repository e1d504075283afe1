using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parley.Data.Entities;
using Parley.Data.Entities.Workspace;
using Parley.Domain.Tenants;

namespace Parley.Data.Configurations.Workspace;

internal sealed class InternalMessageConfiguration : IEntityTypeConfiguration<InternalMessage>
{
    public const int MaxText = 2000;

    public void Configure(EntityTypeBuilder<InternalMessage> builder)
    {
        builder.ToTable("InternalMessages");
        builder.Property(m => m.Text).HasMaxLength(MaxText);
        builder.HasIndex(m => new { m.TenantId, m.FromUserId, m.ToUserId, m.SentAt });
        builder.HasIndex(m => new { m.TenantId, m.ToUserId, m.ReadAt });
        builder.HasOne<Tenant>().WithMany().HasForeignKey(m => m.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ParleyUser>().WithMany().HasForeignKey(m => m.FromUserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ParleyUser>().WithMany().HasForeignKey(m => m.ToUserId).OnDelete(DeleteBehavior.Cascade);
    }
}
