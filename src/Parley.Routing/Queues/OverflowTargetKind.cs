namespace Parley.Routing.Queues;

/// <summary>Where an overflowing interaction goes.</summary>
public enum OverflowTargetKind
{
    /// <summary>The host disconnects (or politely declines) the interaction.</summary>
    Disconnect = 0,

    /// <summary>The engine moves the interaction to another queue, keeping its original enqueue time.</summary>
    Queue = 1,

    /// <summary>The host sends the caller to voicemail.</summary>
    Voicemail = 2,

    /// <summary>The host offers or schedules a callback.</summary>
    Callback = 3,
}
