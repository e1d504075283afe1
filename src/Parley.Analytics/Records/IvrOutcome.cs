namespace Parley.Analytics.Records;

/// <summary>How a call's IVR part ended.</summary>
public enum IvrOutcome
{
    /// <summary>The flow put the caller in a queue (or straight through to an agent).</summary>
    Queued,

    /// <summary>The flow finished the call itself: information given, closed, a voicemail left.</summary>
    EndedByFlow,

    /// <summary>The caller hung up inside the IVR.</summary>
    Abandoned,

    /// <summary>Anything else (transferred out, failed).</summary>
    Other,
}
