using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parley.Data.Entities.Chat;
using Parley.Domain.Tenants;

namespace Parley.Data.Configurations.Chat;

internal sealed class ChatMessageRowConfiguration : IEntityTypeConfiguration<ChatMessageRow>
{
    public void Configure(EntityTypeBuilder<ChatMessageRow> builder)
    {
        builder.ToTable("ChatMessages");
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Direction).HasMaxLength(10);
        builder.Property(m => m.Text).HasMaxLength(4000);
        builder.Property(m => m.SenderName).HasMaxLength(200);
        builder.Property(m => m.AttachmentName).HasMaxLength(255);
        builder.Property(m => m.AttachmentType).HasMaxLength(100);
        // Nothing stored twice: a direction's sequence number is unique within its conversation.
        builder.HasIndex(m => new { m.ConversationId, m.Direction, m.Seq }).IsUnique();
        builder.HasIndex(m => m.TenantId);
        builder.HasOne<ChatConversation>().WithMany().HasForeignKey(m => m.ConversationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(m => m.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
