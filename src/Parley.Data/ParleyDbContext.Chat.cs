using Microsoft.EntityFrameworkCore;
using Parley.Data.Entities.Chat;

namespace Parley.Data;

public sealed partial class ParleyDbContext
{
    public DbSet<ChatWidget> ChatWidgets => Set<ChatWidget>();

    public DbSet<ChatConversation> ChatConversations => Set<ChatConversation>();

    public DbSet<ChatMessageRow> ChatMessages => Set<ChatMessageRow>();
}
