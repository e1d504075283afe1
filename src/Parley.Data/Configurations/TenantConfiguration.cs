using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parley.Domain.Tenants;

namespace Parley.Data.Configurations;

internal sealed class TenantConfiguration : IEntityTypeConfiguration<Tenant>
{
    public void Configure(EntityTypeBuilder<Tenant> builder)
    {
        builder.ToTable("Tenants");
        builder.Property(t => t.Slug).HasMaxLength(TenantSlug.MaxLength);
        builder.Property(t => t.Name).HasMaxLength(200);
        builder.Property(t => t.TimeZone).HasMaxLength(TenantTimeZone.MaxLength).HasDefaultValue(TenantTimeZone.Default);
        builder.Property(t => t.AttachmentMaxBytes).HasDefaultValue(AttachmentLimits.DefaultMaxBytes);
        builder.ComplexProperty(t => t.Plan);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.HasIndex(t => t.Slug).IsUnique();
    }
}
