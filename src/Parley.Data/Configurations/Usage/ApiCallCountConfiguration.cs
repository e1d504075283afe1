using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parley.Data.Entities.Usage;
using Parley.Domain.Tenants;

namespace Parley.Data.Configurations.Usage;

internal sealed class ApiCallCountConfiguration : IEntityTypeConfiguration<ApiCallCount>
{
    public void Configure(EntityTypeBuilder<ApiCallCount> builder)
    {
        builder.ToTable("ApiCallCounts");
        builder.Property(a => a.NodeId).HasMaxLength(100);
        builder.HasIndex(a => new { a.TenantId, a.Hour, a.NodeId }).IsUnique();
        builder.HasOne<Tenant>().WithMany().HasForeignKey(a => a.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
