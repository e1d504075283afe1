namespace Parley.Server.Web.Supervisor;

/// <summary>
/// A supervisor's action on an agent's live call from the grid: <c>listen</c>, <c>whisper</c>, <c>barge</c> (join, or switch
/// mode once joined), <c>intercept</c>, <c>release</c> or <c>leave</c>; the call is named by its interaction.
/// </summary>
public sealed record CallAction(Guid InteractionId, string AgentName, string Action);
