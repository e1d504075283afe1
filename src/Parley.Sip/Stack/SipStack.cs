using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Parley.Sip.Admission;
using Parley.Sip.Defence;
using Parley.Sip.Dialogs;
using Parley.Sip.Logging;
using Parley.Sip.Messages;
using Parley.Sip.Parsing;
using Parley.Sip.Registrar;
using Parley.Sip.Transactions;
using Parley.Sip.Transport;

namespace Parley.Sip.Stack;

/// <summary>
/// The SIP user agent the server hosts: UDP/TCP/TLS listeners, the transaction layer on one scheduler, dialogs,
/// OPTIONS, the optional registrar, flood/scanner defence, and <see cref="InviteAsync"/> for outbound calls.
/// </summary>
public sealed partial class SipStack : IAsyncDisposable
{
    private readonly SipApplication _application;
    private readonly ILogger _logger;
    private readonly SipParser _parser;
    private readonly SipRequestValidator _validator = new();
    private readonly SipFloodGuard _guard;
    private readonly SipTimerScheduler _scheduler;
    private readonly SipTransactionLayer _transactions;
    private readonly ConcurrentDictionary<string, SipDialog> _dialogs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SipIncomingCall> _pendingCalls = new(StringComparer.Ordinal);
    private readonly List<ISipTransport> _transports = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly SipCallStripes _calls = new();
    private readonly SipAdmissionController _admission;
    private readonly SipRefusedInvites _refusedInvites;

    public SipStack(SipStackOptions options, SipApplication application, SipRegistrar? registrar = null, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(application);
        options.Validate();
        Options = options;
        _application = application;
        Registrar = registrar;
        TimeProvider = timeProvider ?? TimeProvider.System;
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("Parley.Sip");
        _parser = new SipParser(options.Parser);
        _guard = new SipFloodGuard(options.Defence, TimeProvider);
        _guard.Blocked += ip => SipLog.FloodBlocked(_logger, ip, options.Defence.CoolDown);
        _scheduler = new SipTimerScheduler(TimeProvider, options.Timers.Tick);
        _transactions = new SipTransactionLayer(_scheduler, options.Timers);
        _admission = new SipAdmissionController(options.Admission, TimeProvider);
        _refusedInvites = new SipRefusedInvites(options.Admission.RefusedMemorySlots, options.Timers.TimeoutInterval, TimeProvider);
        if (options.Admission.Enabled || options.Availability is not null)
        {
            _transactions.AdmitInvite = AdmitInvite;
        }
        registrar?.Authenticator?.Guard.SweepOn(_scheduler);
    }

    public SipStackOptions Options { get; }

    public SipRegistrar? Registrar { get; }

    public TimeProvider TimeProvider { get; }

    /// <summary>Bound listeners (empty before <see cref="Start"/>).</summary>
    public IReadOnlyList<SipListener> Listeners { get; private set; } = [];

    /// <summary>Live dialogs.</summary>
    public int DialogCount => _dialogs.Count;

    public SipTransactionLayer Transactions => _transactions;

    internal SipTimerScheduler Scheduler => _scheduler;

    public SipFloodGuard Defence => _guard;

    /// <summary>Admission control of new calls (counts, bucket level, admitted/refused events).</summary>
    public SipAdmissionController Admission => _admission;

    /// <summary>
    /// UDP and TCP share one port. With port 0 the OS picks UDP's, and TCP may find that number taken by another
    /// process; then both are let go and another port is tried (up to 10 times).
    /// </summary>
    private void BindUdpAndTcp()
    {
        for (var attempt = 1; ; attempt++)
        {
            var port = Options.Port;
            UdpSipTransport? udp = null;
            try
            {
                if (Options.EnableUdp)
                {
                    udp = new UdpSipTransport(new IPEndPoint(Options.BindAddress, port), _parser, _logger, Options.UdpReceiveThreads);
                    port = udp.LocalEndPoint.Port;
                }

                var tcp = Options.EnableTcp ? new StreamSipTransport(new IPEndPoint(Options.BindAddress, port), _parser, _logger) : null;
                if (udp is not null)
                {
                    _transports.Add(udp);
                }

                if (tcp is not null)
                {
                    _transports.Add(tcp);
                }

                return;
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse && Options.Port == 0 && udp is not null && attempt < 10)
            {
                udp.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        }
    }

    /// <summary>Binds the listeners and starts receiving.</summary>
    public void Start()
    {
        var sink = (ISipMessageSink)this;
        BindUdpAndTcp();

        if (Options.TlsCertificate is not null)
        {
            var serverValidation = new SipTlsServerValidator(Options.TlsTrustedRoots, Options.TlsServerCertificateValidation, _logger);
            _transports.Add(new StreamSipTransport(new IPEndPoint(Options.BindAddress, Options.TlsPort), _parser, _logger, Options.TlsCertificate, serverValidation.Validate));
        }

        foreach (var t in _transports)
        {
            t.Start(sink);
        }

        Listeners = [.. _transports.Select(t => new SipListener(t.Name, t.LocalEndPoint))];
    }

    /// <summary>Stops listeners and timers. Live dialogs are dropped without BYE.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        foreach (var t in _transports)
        {
            await t.DisposeAsync().ConfigureAwait(false);
        }

        _scheduler.Dispose();
        _stopping.Dispose();
    }

    internal string NewVia(ISipFlow flow) =>
        $"SIP/2.0/{flow.Transport} {LocalHost(flow)}:{flow.LocalEndPoint.Port.ToString(CultureInfo.InvariantCulture)};branch={SipMessageFactory.NewBranch()};rport";

    internal string ContactFor(ISipFlow flow)
    {
        var transport = flow.Transport == "UDP" ? string.Empty : ";transport=" + flow.Transport.ToLowerInvariant();
        return $"<sip:parley@{LocalHost(flow)}:{flow.LocalEndPoint.Port.ToString(CultureInfo.InvariantCulture)}{transport}>";
    }

    internal SipResponse CreateResponse(SipRequest request, int status, string? toTag, ISipFlow flow, string? reason = null)
    {
        var response = SipMessageFactory.CreateResponse(request, status, reason, toTag);
        if (status is > 100 and < 300 && request.Method is SipMethods.Invite or SipMethods.Subscribe or SipMethods.Refer)
        {
            response.Headers.Add(SipHeaderKind.Contact, ContactFor(flow));
        }

        response.Headers.Add(SipHeaderKind.Server, Options.UserAgent);
        return response;
    }

    internal void EndDialog(SipDialog dialog)
    {
        _dialogs.TryRemove(dialog.Id, out _);
        if (dialog.MarkTerminated())
        {
            _ = NotifyTerminatedAsync(dialog);
        }
    }

    private async Task NotifyTerminatedAsync(SipDialog dialog)
    {
        try
        {
            await _application.OnDialogTerminatedAsync(dialog, _stopping.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            SipLog.HandlerFailed(_logger, "BYE", dialog.CallId, ex);
        }
    }

    private string LocalHost(ISipFlow flow)
    {
        if (Options.PublicHost is { } host)
        {
            return host;
        }

        var local = flow.LocalEndPoint.Address;
        if (local.Equals(IPAddress.Any) || local.Equals(IPAddress.IPv6Any))
        {
            local = RouteTo(flow.RemoteEndPoint.Address);
        }

        if (local.IsIPv4MappedToIPv6)
        {
            local = local.MapToIPv4();
        }

        return local.AddressFamily == AddressFamily.InterNetworkV6 ? "[" + local + "]" : local.ToString();
    }

    private static IPAddress RouteTo(IPAddress remote)
    {
        if (IPAddress.IsLoopback(remote))
        {
            return remote.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Loopback : IPAddress.Loopback;
        }

        using var probe = new Socket(remote.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        probe.Connect(remote, 9);
        return ((IPEndPoint)probe.LocalEndPoint!).Address;
    }
}
