using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parley.Data.Entities.Reports;
using Parley.Domain.Tenants;

namespace Parley.Data.Configurations.Reports;

internal sealed class StaleContactIntervalConfiguration : IEntityTypeConfiguration<StaleContactInterval>
{
    public void Configure(EntityTypeBuilder<StaleContactInterval> builder)
    {
        builder.ToTable("StaleContactIntervals");
        builder.HasIndex(s => new { s.TenantId, s.QuarterStart });
        builder.HasOne<Tenant>().WithMany().HasForeignKey(s => s.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
