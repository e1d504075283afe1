namespace Parley.Server.Extensions;

/// <summary>One address the server will listen on.</summary>
/// <param name="Service">"HTTP", "SIP" or "media (RTP)".</param>
/// <param name="Address">As configured: a URL for HTTP, an IP address for SIP and media.</param>
/// <param name="Source">The configuration key it came from, for messages.</param>
/// <param name="IsLoopback">Reachable from this machine only (loopback address, <c>localhost</c>, a Unix socket).</param>
internal sealed record ListenAddress(string Service, string Address, string Source, bool IsLoopback);
