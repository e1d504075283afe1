using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parley.Data.Entities;
using Parley.Data.Entities.Workspace;
using Parley.Domain.Tenants;

namespace Parley.Data.Configurations.Workspace;

internal sealed class CannedResponseConfiguration : IEntityTypeConfiguration<CannedResponse>
{
    public const int MaxShortcut = 32;
    public const int MaxTitle = 100;
    public const int MaxText = 4000;

    public void Configure(EntityTypeBuilder<CannedResponse> builder)
    {
        builder.ToTable("CannedResponses");
        builder.Property(r => r.Shortcut).HasMaxLength(MaxShortcut);
        builder.Property(r => r.Title).HasMaxLength(MaxTitle);
        builder.Property(r => r.Text).HasMaxLength(MaxText);
        builder.Property(r => r.Language).HasMaxLength(35);
        builder.Property(r => r.Version).IsConcurrencyToken();

        // Uniqueness per owner is checked by the application (a null owner is "distinct" in a unique index on both providers).
        builder.HasIndex(r => new { r.TenantId, r.OwnerUserId, r.Shortcut });
        builder.HasOne<Tenant>().WithMany().HasForeignKey(r => r.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ParleyUser>().WithMany().HasForeignKey(r => r.OwnerUserId).OnDelete(DeleteBehavior.Cascade);
    }
}
