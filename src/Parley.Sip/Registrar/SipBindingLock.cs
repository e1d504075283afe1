namespace Parley.Sip.Registrar;

/// <summary>Locks of <see cref="ISipBindingStore.LockAsync"/>.</summary>
public static class SipBindingLock
{
    /// <summary>The lock of a store used by one node: nothing to hold, nothing to release.</summary>
    public static IAsyncDisposable None { get; } = new NoLock();

    private sealed class NoLock : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
