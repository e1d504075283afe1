using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parley.Data.Entities.Voice;
using Parley.Domain.Tenants;

namespace Parley.Data.Configurations.Voice;

internal sealed class PromptConfiguration : IEntityTypeConfiguration<Prompt>
{
    public void Configure(EntityTypeBuilder<Prompt> builder)
    {
        builder.ToTable("Prompts");
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.SourceType).HasMaxLength(20);
        builder.Property(p => p.Sha256).HasMaxLength(64);
        builder.HasIndex(p => new { p.TenantId, p.Name }).IsUnique();
        builder.HasOne<Tenant>().WithMany().HasForeignKey(p => p.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
