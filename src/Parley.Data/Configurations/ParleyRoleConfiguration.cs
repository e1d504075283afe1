using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parley.Data.Entities;
using Parley.Domain.Tenants;

namespace Parley.Data.Configurations;

internal sealed class ParleyRoleConfiguration : IEntityTypeConfiguration<ParleyRole>
{
    public void Configure(EntityTypeBuilder<ParleyRole> builder)
    {
        builder.Property(r => r.Description).HasMaxLength(500);
        builder.Property(r => r.PermissionList).HasMaxLength(4000);
        builder.Property(r => r.Version).IsConcurrencyToken();

        // Role names are unique per tenant, not platform-wide.
        builder.HasIndex(r => r.NormalizedName).HasDatabaseName("RoleNameIndex").IsUnique(false);
        builder.HasIndex(r => new { r.TenantId, r.NormalizedName }).IsUnique();
        builder.HasOne<Tenant>().WithMany().HasForeignKey(r => r.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
