using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parley.Data.Entities.Flows;
using Parley.Domain.Tenants;

namespace Parley.Data.Configurations.Flows;

internal sealed class FlowConfiguration : IEntityTypeConfiguration<Flow>
{
    public void Configure(EntityTypeBuilder<Flow> builder)
    {
        builder.ToTable("Flows");
        builder.Property(f => f.Name).HasMaxLength(200);
        builder.Property(f => f.Version).IsConcurrencyToken();
        builder.HasIndex(f => new { f.TenantId, f.Name }).IsUnique();
        builder.HasOne<Tenant>().WithMany().HasForeignKey(f => f.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
