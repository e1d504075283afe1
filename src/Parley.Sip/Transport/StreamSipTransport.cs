using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using Parley.Sip.Logging;
using Parley.Sip.Parsing;

namespace Parley.Sip.Transport;

/// <summary>
/// TCP, or TLS when a certificate is given: accepts connections, frames messages by Content-Length,
/// reuses connections per remote address for requests and responses.
/// </summary>
public sealed class StreamSipTransport : ISipTransport
{
    private readonly TcpListener _listener;
    private readonly SipParser _parser;
    private readonly ILogger _logger;
    private readonly X509Certificate2? _certificate;
    private readonly RemoteCertificateValidationCallback? _serverValidation;
    private readonly ConcurrentDictionary<IPEndPoint, StreamSipConnection> _connections = new();
    private readonly CancellationTokenSource _stop = new();
    private ISipMessageSink? _sink;
    private Task? _accept;

    public StreamSipTransport(IPEndPoint bind, SipParser parser, ILogger logger, X509Certificate2? certificate = null, RemoteCertificateValidationCallback? serverValidation = null)
    {
        _parser = parser;
        _logger = logger;
        _certificate = certificate;
        _serverValidation = serverValidation;
        _listener = new TcpListener(bind);
        _listener.Start(512);
        LocalEndPoint = (IPEndPoint)_listener.LocalEndpoint;
    }

    public string Name => _certificate is null ? "TCP" : "TLS";

    public bool IsReliable => true;

    public IPEndPoint LocalEndPoint { get; }

    /// <summary>Open connections (for health and tests).</summary>
    public int ConnectionCount => _connections.Count;

    public void Start(ISipMessageSink sink)
    {
        _sink = sink;
        SipLog.Listening(_logger, Name, LocalEndPoint);
        _accept = Task.Run(AcceptLoopAsync);
    }

    public async ValueTask<ISipFlow> GetFlowAsync(IPEndPoint remote, string? serverName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(remote);
        if (_connections.TryGetValue(remote, out var existing) && !existing.IsClosed)
        {
            return existing;
        }

        var client = new TcpClient(remote.AddressFamily) { NoDelay = true };
        try
        {
            await client.ConnectAsync(remote, cancellationToken).ConfigureAwait(false);
            Stream stream = client.GetStream();
            if (_certificate is not null)
            {
                // The server certificate is checked against serverName (the target URI's host) by _serverValidation.
                var ssl = new SslStream(stream, false, _serverValidation);
                await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = serverName ?? remote.Address.ToString() }, cancellationToken).ConfigureAwait(false);
                stream = ssl;
            }

            return Attach(client, stream, remote);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        foreach (var c in _connections.Values)
        {
            c.Close();
        }

        if (_accept is not null)
        {
            await _accept.ConfigureAwait(false);
        }

        _stop.Dispose();
    }

    internal void Forget(StreamSipConnection connection)
    {
        _connections.TryRemove(new KeyValuePair<IPEndPoint, StreamSipConnection>(connection.RemoteEndPoint, connection));
        SipLog.ConnectionClosed(_logger, Name, connection.RemoteEndPoint);
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            _ = Task.Run(() => AcceptOneAsync(client));
        }
    }

    private async Task AcceptOneAsync(TcpClient client)
    {
        client.NoDelay = true;
        var remote = (IPEndPoint)client.Client.RemoteEndPoint!;
        Stream stream = client.GetStream();
        if (_certificate is not null)
        {
            var ssl = new SslStream(stream, false);
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await ssl.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = _certificate }, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or System.Security.Authentication.AuthenticationException or OperationCanceledException)
            {
                SipLog.TlsHandshakeFailed(_logger, remote, ex);
                await ssl.DisposeAsync().ConfigureAwait(false);
                client.Dispose();
                return;
            }

            stream = ssl;
        }

        Attach(client, stream, remote);
    }

    private StreamSipConnection Attach(TcpClient client, Stream stream, IPEndPoint remote)
    {
        var connection = new StreamSipConnection(this, client, stream, remote, (IPEndPoint)client.Client.LocalEndPoint!, _parser, _logger);
        _connections[remote] = connection;
        connection.Start(_sink!);
        return connection;
    }
}
