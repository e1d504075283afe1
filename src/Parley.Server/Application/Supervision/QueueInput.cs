namespace Parley.Server.Application.Supervision;

/// <summary>A queue's configuration as the calculator needs it.</summary>
public sealed record QueueInput(Guid Id, string Name, IReadOnlyList<string> Channels, TimeSpan ServiceLevelThreshold, QueueThresholds Thresholds);
