namespace Parley.Voice.Calls.Ports;

/// <summary>Where a waiting caller stands: 1 is next; the estimate is null when routing cannot tell yet.</summary>
public sealed record CallQueuePosition(int Position, TimeSpan? EstimatedWait);
