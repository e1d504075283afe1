using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parley.Data.Entities.Acd;
using Parley.Domain.Tenants;

namespace Parley.Data.Configurations.Acd;

internal sealed class RoutingOwnershipConfiguration : IEntityTypeConfiguration<RoutingOwnership>
{
    public void Configure(EntityTypeBuilder<RoutingOwnership> builder)
    {
        builder.ToTable("RoutingOwnership");
        builder.HasKey(o => o.TenantId);
        builder.Property(o => o.TenantId).ValueGeneratedNever();
        builder.Property(o => o.Epoch).IsConcurrencyToken();
        builder.HasOne<Tenant>().WithOne().HasForeignKey<RoutingOwnership>(o => o.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
