using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parley.Data.Entities.Reports;
using Parley.Domain.Tenants;

namespace Parley.Data.Configurations.Reports;

internal sealed class AgentStateIntervalRowConfiguration : IEntityTypeConfiguration<AgentStateIntervalRow>
{
    public void Configure(EntityTypeBuilder<AgentStateIntervalRow> builder)
    {
        builder.ToTable("AgentStateIntervals");
        builder.Property(r => r.State).HasMaxLength(20);
        builder.Property(r => r.Reason).HasMaxLength(200);
        builder.HasIndex(r => new { r.TenantId, r.QuarterStart });
        builder.HasOne<Tenant>().WithMany().HasForeignKey(r => r.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
