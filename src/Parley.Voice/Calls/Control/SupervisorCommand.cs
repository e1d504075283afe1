namespace Parley.Voice.Calls.Control;

/// <summary>A supervisor's action on a live call (<see cref="InboundCalls.SuperviseAsync"/>), carried out in the call's mailbox.</summary>
public abstract record SupervisorCommand
{
    /// <summary>
    /// Rings the supervisor's phone at <paramref name="PhoneUri"/> (through <paramref name="Route"/>, the proxies it
    /// registered through, if any) and, once answered, joins it in <paramref name="Mode"/>.
    /// <paramref name="SupervisorAgentId"/> is their agent profile, if they have one (for the leg's record).
    /// </summary>
    public sealed record Monitor(MonitorMode Mode, string PhoneUri, Guid? SupervisorAgentId, IReadOnlyList<string> Route) : SupervisorCommand;

    /// <summary>Switches the joined supervisor to another mode, live.</summary>
    public sealed record SetMode(MonitorMode Mode) : SupervisorCommand;

    /// <summary>The joined supervisor takes the customer: the agent's leg ends (wrap-up) and the supervisor talks to the customer.</summary>
    public sealed record Intercept : SupervisorCommand;

    /// <summary>Ends the call: every leg is released.</summary>
    public sealed record Release : SupervisorCommand;

    /// <summary>The supervisor's leg ends; the call goes on as before they joined.</summary>
    public sealed record Leave : SupervisorCommand;
}
