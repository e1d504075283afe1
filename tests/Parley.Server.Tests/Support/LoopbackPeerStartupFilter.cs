using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Parley.Server.Tests.Support;

/// <summary>
/// The in-memory server has no socket: give every request the loopback peer address Kestrel would report, or the
/// address in the test-only <see cref="PeerHeader"/> to play several clients.
/// </summary>
public sealed class LoopbackPeerStartupFilter : IStartupFilter
{
    public const string PeerHeader = "X-Test-Peer-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (context.Request.Headers.TryGetValue(PeerHeader, out var peer) && IPAddress.TryParse(peer, out var address))
            {
                context.Connection.RemoteIpAddress = address;
            }

            context.Connection.RemoteIpAddress ??= IPAddress.Loopback;
            return nextMiddleware(context);
        });
        next(app);
    };
}
