using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parley.Data.Entities.Voice;
using Parley.Domain.Tenants;

namespace Parley.Data.Configurations.Voice;

/// <summary>
/// No foreign key to <c>CallRecords</c>: legs and calls are saved independently (and grouped with other calls' saves),
/// so a leg saved before its call's first save must not fail the batch it is in.
/// </summary>
internal sealed class CallLegRowConfiguration : IEntityTypeConfiguration<CallLegRow>
{
    public void Configure(EntityTypeBuilder<CallLegRow> builder)
    {
        builder.ToTable("CallLegs");
        builder.Property(l => l.Party).HasMaxLength(16);
        builder.Property(l => l.SipCallId).HasMaxLength(256);
        builder.Property(l => l.Address).HasMaxLength(256);
        builder.Property(l => l.ReleaseCause).HasMaxLength(64);
        builder.HasIndex(l => new { l.TenantId, l.CallId });
        builder.HasIndex(l => new { l.CallId, l.EndedAt });
        builder.HasOne<Tenant>().WithMany().HasForeignKey(l => l.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
