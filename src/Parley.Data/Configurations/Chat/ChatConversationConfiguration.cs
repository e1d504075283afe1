using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parley.Data.Entities.Chat;
using Parley.Domain.Tenants;

namespace Parley.Data.Configurations.Chat;

internal sealed class ChatConversationConfiguration : IEntityTypeConfiguration<ChatConversation>
{
    public void Configure(EntityTypeBuilder<ChatConversation> builder)
    {
        builder.ToTable("ChatConversations");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.PreChat).HasMaxLength(4000);
        builder.Property(c => c.Page).HasMaxLength(500);
        builder.Property(c => c.EndedBy).HasMaxLength(20);
        builder.Property(c => c.RatingComment).HasMaxLength(1000);
        builder.Property(c => c.TranscriptEmail).HasMaxLength(254);
        builder.Property(c => c.TranscriptError).HasMaxLength(500);
        builder.HasIndex(c => new { c.TenantId, c.StartedAt });
        builder.HasIndex(c => c.InteractionId).IsUnique();
        // The transcript outbox: ended chats whose transcript waits to be sent.
        builder.HasIndex(c => new { c.TranscriptSentAt, c.TranscriptNextAttemptAt });
        builder.HasOne<Tenant>().WithMany().HasForeignKey(c => c.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
