namespace Parley.Routing.Queues;

/// <summary>
/// Overflow on arrival when the queue's KPIs are poor: the estimated wait for the newcomer is above
/// <paramref name="EstimatedWaitAbove"/>, or the queue already holds more than <paramref name="SizeAbove"/>.
/// </summary>
public sealed record KpiOverflowRule(OverflowTarget Target, TimeSpan? EstimatedWaitAbove = null, int? SizeAbove = null);
