namespace Parley.Server.Extensions;

/// <summary>
/// The loop of Parley's periodic background jobs: one round every interval on the application's clock until the host
/// stops; a failed round is handed to <c>failed</c> (logged) and the next round retries.
/// </summary>
internal static class PeriodicRounds
{
    public static async Task RunAsync(TimeSpan interval, TimeProvider time, Func<CancellationToken, Task> round, Action<Exception> failed, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await round(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                failed(exception);
            }
        }
    }
}
