namespace Parley.Voice.Calls.Control;

/// <summary>How a supervisor is joined to a live call: who hears them.</summary>
public enum MonitorMode
{
    /// <summary>The supervisor hears the customer and the agent; nobody hears the supervisor.</summary>
    Listen,

    /// <summary>The supervisor hears both; only the agent hears the supervisor.</summary>
    Whisper,

    /// <summary>All three hear each other.</summary>
    Barge,
}
