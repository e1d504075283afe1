using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parley.Data.Entities.Usage;
using Parley.Domain.Tenants;

namespace Parley.Data.Configurations.Usage;

internal sealed class UsageDayCloseConfiguration : IEntityTypeConfiguration<UsageDayClose>
{
    public void Configure(EntityTypeBuilder<UsageDayClose> builder)
    {
        builder.ToTable("UsageDayCloses");
        builder.HasIndex(u => new { u.TenantId, u.Day }).IsUnique();
        builder.HasOne<Tenant>().WithMany().HasForeignKey(u => u.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
