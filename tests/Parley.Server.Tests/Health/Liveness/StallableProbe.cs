using Parley.Server.Health.Liveness;

namespace Parley.Server.Tests.Health.Liveness;

/// <summary>A loop the test can stall: while <see cref="Stalled"/>, its probes wait until <see cref="Resume"/>.</summary>
internal sealed class StallableProbe(string loop = "test-loop") : ILivenessProbe
{
    private TaskCompletionSource _resume = NewGate();

    public string Loop => loop;

    public bool Stalled { get; private set; }

    public int Probes { get; private set; }

    public void Stall()
    {
        _resume = NewGate();
        Stalled = true;
    }

    public void Resume()
    {
        Stalled = false;
        _resume.TrySetResult();
    }

    public async Task ProbeAsync(CancellationToken cancellationToken)
    {
        Probes++;
        if (Stalled)
        {
            await _resume.Task.WaitAsync(cancellationToken);
        }
    }

    private static TaskCompletionSource NewGate() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
