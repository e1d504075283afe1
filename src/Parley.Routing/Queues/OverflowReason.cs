namespace Parley.Routing.Queues;

/// <summary>Why an interaction left its queue for an overflow target.</summary>
public enum OverflowReason
{
    QueueFull = 0,
    MaxWaitExceeded = 1,
    EstimatedWaitAboveThreshold = 2,
    SizeAboveThreshold = 3,
    QueueRemoved = 4,
    OverflowLoop = 5,
}
