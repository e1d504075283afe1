using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parley.Data.Entities.Voice;
using Parley.Domain.Tenants;

namespace Parley.Data.Configurations.Voice;

internal sealed class SipTrunkConfiguration : IEntityTypeConfiguration<SipTrunk>
{
    public void Configure(EntityTypeBuilder<SipTrunk> builder)
    {
        builder.ToTable("SipTrunks");
        builder.Property(t => t.Name).HasMaxLength(100);
        builder.Property(t => t.InboundUserName).HasMaxLength(64);
        builder.Property(t => t.InboundRealm).HasMaxLength(253);
        builder.Property(t => t.InboundHa1Md5).HasMaxLength(32).IsFixedLength();
        builder.Property(t => t.InboundHa1Sha256).HasMaxLength(64).IsFixedLength();
        builder.Property(t => t.OutboundHost).HasMaxLength(253);
        builder.Property(t => t.OutboundTransport).HasMaxLength(3);
        builder.Property(t => t.OutboundUserName).HasMaxLength(64);
        builder.Property(t => t.OutboundPasswordProtected).HasMaxLength(1000);
        builder.Property(t => t.CallerIdPolicy).HasMaxLength(12);
        builder.Property(t => t.CallerIdNumber).HasMaxLength(16);
        builder.Property(t => t.CountryCode).HasMaxLength(3);
        builder.Property(t => t.NationalPrefix).HasMaxLength(4);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.HasIndex(t => new { t.TenantId, t.Name }).IsUnique();
        builder.HasIndex(t => new { t.TenantId, t.InboundUserName }).IsUnique();
        builder.HasOne<Tenant>().WithMany().HasForeignKey(t => t.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
