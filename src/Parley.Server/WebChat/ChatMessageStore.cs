using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Data.Entities.Chat;
using Parley.Server.Logging;
using Parley.Server.Persistence;

namespace Parley.Server.WebChat;

/// <summary>
/// Durable chat messages: every message of every chat on this node goes through one <see cref="GroupCommitWriter{T}"/>,
/// so messages arriving together are inserted in one transaction, and <see cref="StoreAsync"/> completes only once the
/// message's transaction committed — the moment the sender may be told "stored" (the visitor's <c>ack</c>, the agent's
/// reply). Rows carry their tenant explicitly (a platform context, as for call records).
/// </summary>
internal sealed class ChatMessageStore : IAsyncDisposable
{
    private readonly IServiceScopeFactory _scopes;
    private readonly ILogger<ChatMessageStore> _logger;

    public ChatMessageStore(IServiceScopeFactory scopes, ILogger<ChatMessageStore> logger)
    {
        _scopes = scopes;
        _logger = logger;
        Writer = new GroupCommitWriter<ChatMessageRow>(CommitAsync, maxBatch: 512, capacity: 16384);
    }

    /// <summary>The writer, for tests and the benchmark (batches and items committed).</summary>
    internal GroupCommitWriter<ChatMessageRow> Writer { get; }

    public Task StoreAsync(ChatMessageRow message, CancellationToken cancellationToken = default) => Writer.WriteAsync(message, cancellationToken);

    /// <summary>The chat's stored messages after the given numbers of each direction, in order (a room catching up after another node's writes).</summary>
    public async Task<List<ChatMessageRow>> NewerAsync(Guid tenantId, Guid conversationId, long afterCustomer, long afterAgent)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
        return await db.ChatMessages.IgnoreQueryFilters().AsNoTracking()
            .Where(m => m.TenantId == tenantId && m.ConversationId == conversationId
                && ((m.Direction == ChatMessageRow.FromCustomer && m.Seq > afterCustomer) || (m.Direction == ChatMessageRow.FromAgent && m.Seq > afterAgent)))
            .OrderBy(m => m.At).ThenBy(m => m.Seq).ToListAsync();
    }

    public ValueTask DisposeAsync() => Writer.DisposeAsync();

    private async Task CommitAsync(IReadOnlyList<ChatMessageRow> batch, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = _scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            db.ChatMessages.AddRange(batch);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception exception)
        {
            Log.ChatMessageBatchFailed(_logger, exception, batch.Count);
            throw;
        }
    }
}
