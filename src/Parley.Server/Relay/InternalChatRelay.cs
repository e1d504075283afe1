using System.Text.Json;
using Parley.Server.Application.InternalChat;

namespace Parley.Server.Relay;

/// <summary>
/// Carries internal chat messages between the nodes of a cluster (<see cref="ClusterBus"/> topic <c>internal-chat</c>): a
/// message stored on one node reaches the open workspaces of its sender and recipient on every other node. Presence
/// ("online") is not relayed: it counts the workspaces open on the node that asks. Runs only when <c>Parley:Redis</c> is set.
/// </summary>
internal sealed class InternalChatRelay(ClusterBus bus, InternalChatEvents events) : IHostedService
{
    public const string Topic = "internal-chat";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await bus.SubscribeAsync(Topic, OnReceivedAsync);
        events.OtherNodes = (tenantId, message) => bus.Publish(Topic, JsonSerializer.SerializeToUtf8Bytes(new Shared(tenantId, message)));
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        events.OtherNodes = null;
        return Task.CompletedTask;
    }

    private async Task OnReceivedAsync(ReadOnlyMemory<byte> payload)
    {
        var shared = JsonSerializer.Deserialize<Shared>(payload.Span) ?? throw new JsonException("An empty internal chat message.");
        await events.DeliverAsync(shared.TenantId, shared.Message);
    }

    private sealed record Shared(Guid TenantId, InternalMessageView Message);
}
