using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Parley.Cluster.Routing;
using Parley.Data.Entities.Chat;
using Parley.Domain.Security;
using Parley.Server.Application.Chats;
using Parley.Server.Auth;
using Parley.Server.Routing;
using Parley.Server.WebChat;

namespace Parley.Bench.Chat;

/// <summary>
/// The agents' side, through the workspace's own paths: each agent listens to its routing events
/// (<see cref="AgentEventSubscriptions"/>, what the workspace's circuit subscribes to), accepts every offer at once through the
/// routing grain (the workspace's accept), and then subscribes to the chat through <see cref="ChatLiveUpdates"/> (what the
/// chat pane subscribes to). A customer message's delivery latency is the moment the pane's handler hears it minus the
/// sender's <see cref="Stopwatch"/> stamp in the text (the monotonic clock is the same in both processes).
/// </summary>
internal sealed class AgentDesk(IServiceProvider services, Guid tenantId)
{
    private readonly List<IDisposable> _subscriptions = [];
    private long _accepted;
    private long _acceptFailed;

    public Histogram Delivery { get; } = new();

    public long Accepted => Interlocked.Read(ref _accepted);

    public long AcceptFailed => Interlocked.Read(ref _acceptFailed);

    public async Task StartAsync(IReadOnlyList<(Guid AgentId, Guid UserId)> agents)
    {
        var events = services.GetRequiredService<AgentEventSubscriptions>();
        var grain = services.GetRequiredService<IGrainFactory>().GetGrain<ITenantRoutingGrain>(tenantId);
        var live = services.GetRequiredService<ChatLiveUpdates>();
        foreach (var (agentId, userId) in agents)
        {
            var actor = new CurrentActor(tenantId, ParleyClaims.ActorUser, userId.ToString(), "bench agent", new HashSet<string> { Permissions.AgentSelf });
            var agentKey = agentId.ToString();
            _subscriptions.Add(events.Subscribe(tenantId, agentKey, batch =>
            {
                foreach (var offered in batch)
                {
                    if (offered.Type == "interaction.offered" && offered.InteractionId is { } interaction)
                    {
                        _ = AcceptAsync(grain, live, actor, agentKey, interaction);
                    }
                }

                return Task.CompletedTask;
            }));
            await grain.SetAvailable(agentKey, forced: false);
        }
    }

    private async Task AcceptAsync(ITenantRoutingGrain grain, ChatLiveUpdates live, CurrentActor actor, string agentKey, string interaction)
    {
        try
        {
            if (await grain.Accept(interaction, agentKey) != Parley.Routing.RoutingResult.Ok)
            {
                Interlocked.Increment(ref _acceptFailed);
                return;
            }

            var subscription = await live.SubscribeAsync(actor, Guid.Parse(interaction), OnChatEvent, CancellationToken.None);
            if (subscription is null)
            {
                Interlocked.Increment(ref _acceptFailed);
                return;
            }

            lock (_subscriptions)
            {
                _subscriptions.Add(subscription);
            }

            Interlocked.Increment(ref _accepted);
        }
        catch (Exception exception)
        {
            Interlocked.Increment(ref _acceptFailed);
            await Console.Error.WriteLineAsync($"accept failed: {exception.GetType().Name}: {exception.Message}");
        }
    }

    private void OnChatEvent(ChatEvent chatEvent)
    {
        if (chatEvent is ChatMessageEvent { Message: { Direction: ChatMessageRow.FromCustomer, Text: var text } }
            && text.StartsWith("t=", StringComparison.Ordinal)
            && long.TryParse(text.AsSpan(2, text.IndexOf(' ', StringComparison.Ordinal) - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var sentAt))
        {
            Delivery.Add(Stopwatch.GetElapsedTime(sentAt).TotalMilliseconds);
        }
    }
}
