using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Parley.Server.Tests.Support;

/// <summary>
/// The in-memory server has no socket: give every request the loopback peer address Kestrel would report, or the
/// address in the test-only <see cref="PeerHeader"/> to play several clients; <see cref="LocalPortHeader"/> plays a
/// request arriving on another of the server's ports.
/// </summary>
public sealed class LoopbackPeerStartupFilter : IStartupFilter
{
    public const string PeerHeader = "X-Test-Peer-Address";
    public const string LocalPortHeader = "X-Test-Local-Port";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (context.Request.Headers.TryGetValue(PeerHeader, out var peer) && IPAddress.TryParse(peer, out var address))
            {
                context.Connection.RemoteIpAddress = address;
            }

            if (context.Request.Headers.TryGetValue(LocalPortHeader, out var port) && int.TryParse(port, out var localPort))
            {
                context.Connection.LocalPort = localPort;
            }

            context.Connection.RemoteIpAddress ??= IPAddress.Loopback;
            return nextMiddleware(context);
        });
        next(app);
    };
}
