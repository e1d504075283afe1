namespace Parley.Voice.Calls.Ports;

/// <summary>Who Parley calls first when routing gives a callback to an agent.</summary>
public enum CallbackMode
{
    /// <summary>The agent's phone rings first (showing the number); Parley calls the customer once the agent answers.</summary>
    Preview,

    /// <summary>Parley calls the customer as soon as routing picks the agent, and rings the agent once the customer answers.</summary>
    CustomerFirst,
}
