using Parley.Sip.Registrar;

namespace Parley.Sip.Tests.Registrar;

/// <summary>An in-memory binding store that can be made to fail, or to hold reads and writes until the test lets them go.</summary>
internal sealed class ControllableBindingStore : ISipBindingStore
{
    private readonly InMemorySipBindingStore _inner = new();
    private int _loadsInFlight;

    public bool FailLoads { get; set; }

    public bool FailWrites { get; set; }

    /// <summary>When set, writes wait for it.</summary>
    public TaskCompletionSource? WriteGate { get; set; }

    /// <summary>When set, reads wait for it.</summary>
    public TaskCompletionSource? LoadGate { get; set; }

    public TaskCompletionSource FirstLoadStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Writes { get; private set; }

    public int MostLoadsInFlight { get; private set; }

    public async ValueTask<IReadOnlyList<SipBinding>> LoadAsync(string aor, string? tenantId, CancellationToken cancellationToken)
    {
        var inFlight = Interlocked.Increment(ref _loadsInFlight);
        MostLoadsInFlight = Math.Max(MostLoadsInFlight, inFlight);
        try
        {
            FirstLoadStarted.TrySetResult();
            if (LoadGate is { } gate)
            {
                await gate.Task.WaitAsync(cancellationToken);
            }

            return FailLoads ? throw new IOException("store is down") : await _inner.LoadAsync(aor, tenantId, cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _loadsInFlight);
        }
    }

    public async ValueTask ReplaceAsync(string aor, string? tenantId, IReadOnlyList<SipBinding> bindings, CancellationToken cancellationToken)
    {
        if (WriteGate is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken);
        }

        if (FailWrites)
        {
            throw new IOException("store is down");
        }

        Writes++;
        await _inner.ReplaceAsync(aor, tenantId, bindings, cancellationToken);
    }

    public ValueTask<int> RemoveExpiredAsync(DateTimeOffset now, int maxCount, CancellationToken cancellationToken) =>
        _inner.RemoveExpiredAsync(now, maxCount, cancellationToken);
}
