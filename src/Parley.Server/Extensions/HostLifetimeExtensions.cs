namespace Parley.Server.Extensions;

/// <summary>Background work that needs the started server (the database migrated, the demo seeded) waits here first.</summary>
internal static class HostLifetimeExtensions
{
    /// <summary>Completes once the host has started; throws <see cref="OperationCanceledException"/> if it stops before.</summary>
    public static async Task WaitForStartAsync(this IHostApplicationLifetime lifetime, CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(stoppingToken).ConfigureAwait(false);
    }
}
