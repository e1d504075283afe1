using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parley.Data.Entities.Usage;
using Parley.Domain.Tenants;

namespace Parley.Data.Configurations.Usage;

internal sealed class UsageDayRowConfiguration : IEntityTypeConfiguration<UsageDayRow>
{
    public void Configure(EntityTypeBuilder<UsageDayRow> builder)
    {
        builder.ToTable("UsageDays");
        builder.Property(u => u.Meter).HasMaxLength(40);
        builder.Property(u => u.Dimension).HasMaxLength(200);
        builder.HasIndex(u => new { u.TenantId, u.Day, u.Meter, u.Dimension }).IsUnique();
        builder.HasOne<Tenant>().WithMany().HasForeignKey(u => u.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
