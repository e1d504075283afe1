using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Parley.Media;
using Parley.Sip.Registrar;
using Parley.Sip.Stack;
using Parley.Voice.Calls;
using Parley.Voice.Echo;

namespace Parley.Interop.Tests.Support;

/// <summary>The server's call side (voice router + echo test over Parley.Sip and Parley.Media) on a free loopback port.</summary>
internal sealed class ParleyEchoHost : IAsyncDisposable
{
    private readonly TaskCompletionSource<MediaSessionStatistics> _hungUp = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ParleyEchoHost(SipRegistrar? registrar = null)
    {
        Engine = new MediaEngine(new MediaOptions { BindAddress = "127.0.0.1", RtpPortMin = 46000, RtpPortMax = 52000, SendSilenceWhenIdle = false });
        Echo = new EchoTestHandler(Engine, new EchoTestOptions(), TimeProvider.System, NullLogger<EchoTestHandler>.Instance);
        Echo.HungUp += (_, _, statistics) => _hungUp.TrySetResult(statistics);
        Router = new VoiceRouter([Echo], NullLogger<VoiceRouter>.Instance);
        Stack = new SipStack(new SipStackOptions { BindAddress = IPAddress.Loopback, Port = 0, PublicHost = "127.0.0.1" }, Router, registrar);
        Stack.Start();
    }

    public MediaEngine Engine { get; }

    public EchoTestHandler Echo { get; }

    public VoiceRouter Router { get; }

    public SipStack Stack { get; }

    public int Port => Stack.Listeners[0].EndPoint.Port;

    /// <summary>Completes with the echo session's statistics when Parley hangs up on '#'.</summary>
    public Task<MediaSessionStatistics> HungUp => _hungUp.Task;

    public async ValueTask DisposeAsync()
    {
        await Stack.DisposeAsync();
        await Engine.DisposeAsync();
    }
}
