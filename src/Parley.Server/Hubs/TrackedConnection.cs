using Microsoft.AspNetCore.SignalR;
using Parley.Server.Auth;

namespace Parley.Server.Hubs;

/// <summary>
/// A live hub connection and what it was admitted on: the actor, the permission its hub needs, the cookie session
/// and security stamp (users) or the access token's expiry (API clients).
/// </summary>
public sealed record TrackedConnection(
    HubCallerContext Context, CurrentActor Actor, string Permission, string? SessionId, string? SecurityStamp, DateTimeOffset? TokenExpires);
