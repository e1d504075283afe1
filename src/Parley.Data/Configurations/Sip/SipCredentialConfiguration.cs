using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parley.Data.Entities;
using Parley.Data.Entities.Sip;
using Parley.Domain.Tenants;

namespace Parley.Data.Configurations.Sip;

internal sealed class SipCredentialConfiguration : IEntityTypeConfiguration<SipCredential>
{
    public void Configure(EntityTypeBuilder<SipCredential> builder)
    {
        builder.ToTable("SipCredentials");
        builder.Property(c => c.SipUserName).HasMaxLength(64);
        builder.Property(c => c.Realm).HasMaxLength(253);
        builder.Property(c => c.Ha1Md5).HasMaxLength(32).IsFixedLength();
        builder.Property(c => c.Ha1Sha256).HasMaxLength(64).IsFixedLength();
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasIndex(c => new { c.TenantId, c.SipUserName }).IsUnique();
        builder.HasIndex(c => new { c.TenantId, c.UserId });
        builder.HasOne<Tenant>().WithMany().HasForeignKey(c => c.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ParleyUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
