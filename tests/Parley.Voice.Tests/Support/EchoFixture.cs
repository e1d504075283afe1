using System.Net;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Parley.Media;
using Parley.Sip.Auth;
using Parley.Sip.Stack;
using Parley.Voice.Calls;
using Parley.Voice.Echo;

namespace Parley.Voice.Tests.Support;

/// <summary>A Parley SIP stack with the voice router and echo test on loopback, and a caller stack.</summary>
internal sealed class EchoFixture : IAsyncDisposable
{
    private EchoFixture(MediaEngine engine, EchoTestHandler echo, SipStack parley, SipStack caller, CallerApplication callerApplication)
    {
        Engine = engine;
        Echo = echo;
        Parley = parley;
        Caller = caller;
        CallerApplication = callerApplication;
    }

    public MediaEngine Engine { get; }

    public EchoTestHandler Echo { get; }

    public SipStack Parley { get; }

    public SipStack Caller { get; }

    public CallerApplication CallerApplication { get; }

    public string Target(string user) => $"sip:{user}@127.0.0.1:{Parley.Listeners[0].EndPoint.Port}";

    /// <summary>
    /// Starts Parley and the caller. <paramref name="echoTime"/> drives only the echo test's maximum-duration timer
    /// (SIP and media run on real time); <paramref name="receiveTimeout"/> is the media engine's silent-peer timeout.
    /// </summary>
    public static EchoFixture Start(EchoTestOptions? options = null, TimeProvider? echoTime = null, TimeSpan? receiveTimeout = null) =>
        Start(options, echoTime, receiveTimeout, authenticator: null, routerOptions: null, []);

    /// <summary>Starts Parley with SIP and RTP bound to 0.0.0.0 and no advertised address configured (the default deployment).</summary>
    public static EchoFixture StartOnWildcard() =>
        Start(null, null, null, authenticator: null, routerOptions: null, [], IPAddress.Any);

    /// <summary>Starts Parley with a router that authenticates INVITEs with <paramref name="authenticator"/> and also has <paramref name="handlers"/>.</summary>
    public static EchoFixture StartAuthenticated(SipDigestAuthenticator authenticator, VoiceRouterOptions? routerOptions = null, params VoiceCallHandler[] handlers) =>
        Start(null, null, null, authenticator, routerOptions, handlers);

    private static EchoFixture Start(
        EchoTestOptions? options,
        TimeProvider? echoTime,
        TimeSpan? receiveTimeout,
        SipDigestAuthenticator? authenticator,
        VoiceRouterOptions? routerOptions,
        VoiceCallHandler[] handlers,
        IPAddress? parleyBind = null)
    {
        parleyBind ??= IPAddress.Loopback;
        var media = new MediaOptions { BindAddress = parleyBind.ToString(), RtpPortMin = 41000, RtpPortMax = 45000 };
        media.ReceiveTimeout = receiveTimeout ?? media.ReceiveTimeout;
        var engine = new MediaEngine(media);
        var echo = new EchoTestHandler(engine, options ?? new EchoTestOptions(), echoTime ?? TimeProvider.System, NullLogger<EchoTestHandler>.Instance);
        var router = new VoiceRouter([echo, .. handlers], NullLogger<VoiceRouter>.Instance, authenticator, routerOptions);
        var parley = new SipStack(new SipStackOptions { BindAddress = parleyBind, Port = 0, EnableTcp = false }, router);
        parley.Start();
        var callerApplication = new CallerApplication();
        var caller = new SipStack(new SipStackOptions { BindAddress = IPAddress.Loopback, Port = 0, EnableTcp = false }, callerApplication);
        caller.Start();
        return new EchoFixture(engine, echo, parley, caller, callerApplication);
    }

    public static byte[] Offer(int rtpPort) => Encoding.ASCII.GetBytes(
        "v=0\r\no=caller 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n" +
        $"m=audio {rtpPort} RTP/AVP 0 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-15\r\na=sendrecv\r\n");

    public async ValueTask DisposeAsync()
    {
        await Caller.DisposeAsync();
        await Parley.DisposeAsync();
        await Engine.DisposeAsync();
    }
}
