namespace Parley.Server.Usage;

/// <summary>The raw records usage is computed from (each source record once, however often it is listed).</summary>
public sealed record UsageRecords(
    IReadOnlyList<SeatSpan> Seats,
    IReadOnlyList<CallUsage> Calls,
    IReadOnlyList<ChatUsage> Chats,
    IReadOnlyList<DeliveryUsage> Deliveries,
    IReadOnlyList<ApiCallUsage>? ApiCalls = null)
{
    public static UsageRecords Empty { get; } = new([], [], [], []);
}

/// <summary>One agent signed in to routing from <see cref="From"/> to <see cref="To"/> (to now while still signed in).</summary>
public sealed record SeatSpan(Guid Id, Guid AgentId, DateTimeOffset From, DateTimeOffset To);

/// <summary>A call record (CDR): talk and IVR time count on the day the call arrived.</summary>
public sealed record CallUsage(
    Guid Id, bool Inbound, Guid? TrunkId, string? Number, DateTimeOffset ArrivedAt, long TalkMs, long IvrMs, long RecordedMs = 0, long RecordingBytes = 0);

/// <summary>A web chat and its number of messages; counts on the day it started.</summary>
public sealed record ChatUsage(Guid Id, DateTimeOffset StartedAt, int Messages);

/// <summary>A webhook delivery; counts on the day it was created.</summary>
public sealed record DeliveryUsage(Guid Id, DateTimeOffset CreatedAt);

/// <summary>API requests one node answered for the tenant in the UTC hour starting at <see cref="Hour"/> (its absolute count).</summary>
public sealed record ApiCallUsage(DateTimeOffset Hour, string NodeId, long Count);
