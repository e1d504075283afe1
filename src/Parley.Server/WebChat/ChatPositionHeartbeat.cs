using Microsoft.Extensions.Options;
using Parley.Cluster.Routing;
using Parley.Routing.Interactions;
using Parley.Server.Logging;

namespace Parley.Server.WebChat;

/// <summary>
/// One timer for all waiting visitors: every <see cref="WebChatOptions.PositionInterval"/> each waiting chat with a
/// visitor connected asks the routing grain for its position (as queued calls do) and the visitor hears it; idle
/// per-IP message buckets are swept, and chats whose visitor never connected within
/// <see cref="WebChatOptions.UnopenedChatTimeout"/> are ended, on the same tick.
/// </summary>
internal sealed class ChatPositionHeartbeat(
    ChatRooms rooms, ChatSocketHost host, ChatIpLimits ipLimits, IGrainFactory grains, IOptions<WebChatOptions> options, TimeProvider time, ILogger<ChatPositionHeartbeat> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PositionInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            ipLimits.Sweep();
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

            foreach (var room in rooms.All.Where(r => r.Status == ChatRoomStatus.Waiting && r.HasCustomer).ToList())
            {
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
