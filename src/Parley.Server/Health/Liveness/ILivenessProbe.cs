namespace Parley.Server.Health.Liveness;

/// <summary>
/// Proves one of the server's main loops still turns: the probe completes only when the loop has done a unit of its
/// real work (served a frame, answered a request). A probe that never completes is a stalled loop.
/// </summary>
public interface ILivenessProbe
{
    /// <summary>The loop's name as operators see it (<c>media-clock</c>, <c>sip-receive</c>, <c>routing</c>).</summary>
    string Loop { get; }

    Task ProbeAsync(CancellationToken cancellationToken);
}
