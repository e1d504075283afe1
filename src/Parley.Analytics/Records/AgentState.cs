namespace Parley.Analytics.Records;

/// <summary>The states an agent's time is split into.</summary>
public enum AgentState
{
    Available,
    Busy,
    WrapUp,
    NotReady,
    Offline,
}
