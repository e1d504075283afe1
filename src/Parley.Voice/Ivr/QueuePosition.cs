namespace Parley.Voice.Ivr;

/// <summary>Where a waiting caller stands: 1 is next; <paramref name="EstimatedWait"/> null when the queue cannot tell.</summary>
public sealed record QueuePosition(int Position, TimeSpan? EstimatedWait);
