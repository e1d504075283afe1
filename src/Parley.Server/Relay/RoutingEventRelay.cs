using System.Text.Json;
using Parley.Server.Routing;

namespace Parley.Server.Relay;

/// <summary>
/// Carries routing event batches between the nodes of a cluster (<see cref="ClusterBus"/> topic <c>routing-events</c>): what
/// one node's <see cref="LiveRoutingEvents"/> published is delivered to the other nodes' in-process subscribers. Runs only
/// when <c>Parley:Redis</c> is set. A relayed event's <c>data</c> values arrive as JSON would carry them (strings,
/// numbers as <see cref="long"/> or <see cref="double"/>, booleans; instants as ISO 8601 strings), as SignalR clients see them.
/// </summary>
internal sealed class RoutingEventRelay(ClusterBus bus, LiveRoutingEvents live) : IHostedService
{
    public const string Topic = "routing-events";

    public Task StartAsync(CancellationToken cancellationToken) => bus.SubscribeAsync(Topic, OnReceivedAsync);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public static byte[] Encode(Guid tenantId, IReadOnlyList<RoutingEventMessage> events) =>
        JsonSerializer.SerializeToUtf8Bytes(new Batch(tenantId, events));

    public static (Guid TenantId, List<RoutingEventMessage> Events) Decode(ReadOnlySpan<byte> payload)
    {
        var batch = JsonSerializer.Deserialize<WireBatch>(payload) ?? throw new JsonException("An empty routing event batch.");
        return (batch.TenantId, batch.Events.Select(e => new RoutingEventMessage(
            e.Type, e.At, e.InteractionId, e.QueueId, e.AgentId, e.Data.ToDictionary(d => d.Key, d => Plain(d.Value)))).ToList());
    }

    private async Task OnReceivedAsync(ReadOnlyMemory<byte> payload)
    {
        var (tenantId, events) = Decode(payload.Span);
        await live.DeliverAsync(tenantId, events);
    }

    private static object? Plain(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number when value.TryGetInt64(out var whole) => whole,
        JsonValueKind.Number => value.GetDouble(),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => value.Clone(),
    };

    private sealed record Batch(Guid TenantId, IReadOnlyList<RoutingEventMessage> Events);

    private sealed record WireBatch(Guid TenantId, List<WireEvent> Events);

    private sealed record WireEvent(string Type, DateTimeOffset At, string? InteractionId, string? QueueId, string? AgentId, Dictionary<string, JsonElement> Data);
}
