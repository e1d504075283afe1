using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parley.Data.Entities.Flows;
using Parley.Domain.Tenants;

namespace Parley.Data.Configurations.Flows;

internal sealed class FlowVersionConfiguration : IEntityTypeConfiguration<FlowVersion>
{
    public void Configure(EntityTypeBuilder<FlowVersion> builder)
    {
        builder.ToTable("FlowVersions");
        builder.HasKey(v => new { v.FlowId, v.Number });
        builder.Property(v => v.PublishedBy).HasMaxLength(200);
        builder.HasIndex(v => v.TenantId);
        builder.HasOne<Flow>().WithMany().HasForeignKey(v => v.FlowId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(v => v.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
