using System.Net;

namespace Parley.Sip.Stack;

/// <summary>A bound listener, for health checks and logs.</summary>
public sealed record SipListener(string Transport, IPEndPoint EndPoint);
