using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parley.Data.Entities.Reports;
using Parley.Domain.Tenants;

namespace Parley.Data.Configurations.Reports;

internal sealed class ContactIntervalCloseConfiguration : IEntityTypeConfiguration<ContactIntervalClose>
{
    public void Configure(EntityTypeBuilder<ContactIntervalClose> builder)
    {
        builder.ToTable("ContactIntervalCloses");
        builder.HasIndex(c => new { c.TenantId, c.From }).IsUnique();
        builder.HasOne<Tenant>().WithMany().HasForeignKey(c => c.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
