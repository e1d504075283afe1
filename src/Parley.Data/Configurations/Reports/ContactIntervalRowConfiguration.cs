using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parley.Data.Entities.Reports;
using Parley.Domain.Tenants;

namespace Parley.Data.Configurations.Reports;

internal sealed class ContactIntervalRowConfiguration : IEntityTypeConfiguration<ContactIntervalRow>
{
    public void Configure(EntityTypeBuilder<ContactIntervalRow> builder)
    {
        builder.ToTable("ContactIntervals");
        builder.Property(c => c.Channel).HasMaxLength(20);
        builder.Property(c => c.WrapUpCode).HasMaxLength(100);
        builder.HasIndex(c => new { c.TenantId, c.QuarterStart });
        builder.HasOne<Tenant>().WithMany().HasForeignKey(c => c.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
