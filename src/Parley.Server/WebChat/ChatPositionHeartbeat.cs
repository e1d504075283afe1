using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Parley.Cluster.Routing;
using Parley.Routing.Interactions;
using Parley.Server.Extensions;
using Parley.Server.Logging;

namespace Parley.Server.WebChat;

/// <summary>
/// One timer for all waiting visitors: every <see cref="WebChatOptions.PositionInterval"/> each waiting chat with a
/// visitor connected asks the routing grain for its position (as queued calls do) and the visitor hears it; idle
/// per-IP message buckets are swept on the same round, and chats whose visitor never connected within
/// <see cref="WebChatOptions.UnopenedChatTimeout"/> are ended on every tick. At start, every chat still open in the
/// database counts as unopened from then (the visitors' sockets went with the previous process): a visitor who comes back
/// keeps their chat, one who does not stops waiting in the queue.
/// </summary>
/// <remarks>
/// A round's announcements are spread over <see cref="Slices"/> ticks, a slice of the waiting chats each: every frame
/// sent takes a 4 KB block of Kestrel's memory pool until the transport has written it, and the pool keeps as many blocks
/// as were ever out at once, so telling thousands of visitors in one burst grew the pool by about one block per waiting
/// visitor, kept for good (docs/performance.md, "Memory per idle session, second pass").
/// </remarks>
internal sealed class ChatPositionHeartbeat(
    ChatRooms rooms,
    ChatSocketHost host,
    ChatIpLimits ipLimits,
    IGrainFactory grains,
    IServiceScopeFactory scopes,
    IHostApplicationLifetime lifetime,
    IOptions<WebChatOptions> options,
    TimeProvider time,
    ILogger<ChatPositionHeartbeat> logger)
    : BackgroundService
{
    /// <summary>At most this many open chats are watched at start (oldest first).</summary>
    private const int StartWatchLimit = 100_000;

    /// <summary>How many ticks a round of position announcements is spread over.</summary>
    internal const int Slices = 20;

    /// <summary>Watches every chat open in the database as unopened from now; returns how many.</summary>
    public async Task<int> WatchOpenChatsAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var open = await scope.ServiceProvider.GetRequiredService<Parley.Data.ParleyDbContext>().ChatConversations.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.EndedAt == null)
            .OrderBy(c => c.Id) // version 7: oldest first
            .Select(c => new { c.TenantId, c.Id })
            .Take(StartWatchLimit)
            .ToListAsync(ct);
        var now = time.GetUtcNow();
        foreach (var chat in open.Where(c => rooms.Find(c.Id) is not { HasCustomer: true }))
        {
            rooms.Started(chat.TenantId, chat.Id, now);
        }

        if (open.Count > 0)
        {
            Log.OpenChatsWatched(logger, open.Count, options.Value.UnopenedChatTimeout);
        }

        return open.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PositionInterval / Slices, time); // ticks meanwhile are kept (one)
        await lifetime.WaitForStartAsync(stoppingToken);
        try
        {
            await WatchOpenChatsAsync(stoppingToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Log.ChatNeverOpenedFailed(logger, exception, Guid.Empty);
        }

        var round = new PositionRound();
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (round.IsOver)
            {
                ipLimits.Sweep();
                round.Start(rooms.All.Where(r => r.Status == ChatRoomStatus.Waiting && r.HasCustomer));
            }

            await EndUnopenedAsync(stoppingToken);
            foreach (var room in round.NextSlice())
            {
                if (room.Status != ChatRoomStatus.Waiting || !room.HasCustomer)
                {
                    continue; // answered, ended or left since the round started
                }

                try
                {
                    await AnnounceAsync(grains, room);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    Log.ChatPositionFailed(logger, exception, room.ConversationId);
                }
            }
        }
    }

    private async Task EndUnopenedAsync(CancellationToken stoppingToken)
    {
        foreach (var (tenantId, conversationId) in rooms.TakeUnopened(time.GetUtcNow() - options.Value.UnopenedChatTimeout))
        {
            try
            {
                await host.EndUnopenedAsync(tenantId, conversationId, stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                Log.ChatNeverOpenedFailed(logger, exception, conversationId);
            }
        }
    }

    /// <summary>Tells the room's subscribers the chat's place in its queue (nothing once it is no longer waiting).</summary>
    public static async Task AnnounceAsync(IGrainFactory grains, ChatRoom room)
    {
        var position = await grains.GetGrain<ITenantRoutingGrain>(room.TenantId).GetPosition(room.InteractionId.ToString());
        if (position is { Status: InteractionStatus.Waiting })
        {
            room.Publish(new ChatQueuedEvent(position.Position, position.EstimatedWait));
        }
    }
}
