using Microsoft.Extensions.Options;
using Parley.Sip.Stack;

namespace Parley.Server.Sip;

/// <summary>
/// Binds the SIP listeners when the host starts. The container owns the <see cref="SipStack"/> singleton and disposes
/// it (closing the listeners) when the host is disposed.
/// </summary>
internal sealed class SipHostedService(IServiceProvider services, IOptions<SipHostOptions> options, TimeProvider time, ILogger<SipHostedService> logger)
    : IHostedService
{
    private long _startedAt;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            SipHostLog.Disabled(logger);
            return Task.CompletedTask;
        }

        var stack = services.GetRequiredService<SipStack>();
        stack.Start();
        _startedAt = time.GetTimestamp(); // each listener logs its own address (Parley.Sip event 1001)

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Enabled)
        {
            SipHostLog.Stopped(logger, time.GetElapsedTime(_startedAt));
        }

        return Task.CompletedTask;
    }
}
