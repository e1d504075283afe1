using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parley.Data.Entities.Reports;
using Parley.Domain.Tenants;

namespace Parley.Data.Configurations.Reports;

internal sealed class IvrIntervalRowConfiguration : IEntityTypeConfiguration<IvrIntervalRow>
{
    public void Configure(EntityTypeBuilder<IvrIntervalRow> builder)
    {
        builder.ToTable("IvrIntervals");
        builder.Property(r => r.Outcome).HasMaxLength(20);
        builder.HasIndex(r => new { r.TenantId, r.QuarterStart });
        builder.HasOne<Tenant>().WithMany().HasForeignKey(r => r.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
