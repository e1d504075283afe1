using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parley.Data.Entities;
using Parley.Domain.Tenants;

namespace Parley.Data.Configurations;

internal sealed class ParleyUserConfiguration : IEntityTypeConfiguration<ParleyUser>
{
    public void Configure(EntityTypeBuilder<ParleyUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(200);
        builder.Property(u => u.Version).IsConcurrencyToken();

        // Identity makes user names unique platform-wide; Parley makes them unique per tenant.
        builder.HasIndex(u => u.NormalizedUserName).HasDatabaseName("UserNameIndex").IsUnique(false);
        builder.HasIndex(u => new { u.TenantId, u.NormalizedUserName }).IsUnique();
        builder.HasOne<Tenant>().WithMany().HasForeignKey(u => u.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
