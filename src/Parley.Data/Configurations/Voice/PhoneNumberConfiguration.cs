using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parley.Data.Entities.Voice;
using Parley.Domain.Tenants;

namespace Parley.Data.Configurations.Voice;

internal sealed class PhoneNumberConfiguration : IEntityTypeConfiguration<PhoneNumber>
{
    public void Configure(EntityTypeBuilder<PhoneNumber> builder)
    {
        builder.ToTable("PhoneNumbers");
        builder.Property(n => n.Number).HasMaxLength(16);
        builder.Property(n => n.TargetKind).HasMaxLength(10);
        builder.Property(n => n.Description).HasMaxLength(200);
        builder.Property(n => n.Version).IsConcurrencyToken();
        builder.HasIndex(n => n.Number).IsUnique();
        builder.HasIndex(n => new { n.TenantId, n.Number });
        builder.HasOne<Tenant>().WithMany().HasForeignKey(n => n.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
