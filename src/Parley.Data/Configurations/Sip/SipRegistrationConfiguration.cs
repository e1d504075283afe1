using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parley.Data.Entities;
using Parley.Data.Entities.Sip;
using Parley.Domain.Tenants;

namespace Parley.Data.Configurations.Sip;

internal sealed class SipRegistrationConfiguration : IEntityTypeConfiguration<SipRegistration>
{
    public void Configure(EntityTypeBuilder<SipRegistration> builder)
    {
        builder.ToTable("SipRegistrations");
        builder.Property(r => r.Aor).HasMaxLength(256);
        builder.Property(r => r.ContactUri).HasMaxLength(1024);
        builder.Property(r => r.CallId).HasMaxLength(256);
        builder.Property(r => r.SourceAddress).HasMaxLength(45);
        builder.Property(r => r.Transport).HasMaxLength(8);
        builder.Property(r => r.UserAgent).HasMaxLength(256);
        builder.Property(r => r.Path).HasMaxLength(2048); // the registrar refuses a longer Path (SipRegistrar.MaxPathLength)
        // Leads with (TenantId, Aor): the registrar's and the API's lookups; unique so two nodes cannot both add a contact.
        builder.HasIndex(r => new { r.TenantId, r.Aor, r.ContactUri }).IsUnique();
        builder.HasIndex(r => r.ExpiresAt);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(r => r.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ParleyUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.SetNull);
    }
}
